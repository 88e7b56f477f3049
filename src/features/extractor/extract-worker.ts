// Worker thread of `extractBatch`: extracts the cases it is sent, one at a time, and replies with the result or the
// error. Started with siblingModuleUrl(import.meta.url, './extract-worker') so it runs from sources and from dist/.
import { parentPort } from 'node:worker_threads';
import { runCase, type WorkerReply, type WorkerRequest } from './batch.js';

if (!parentPort) throw new Error('extract-worker must run in a worker thread');
const port = parentPort;
port.on('message', (req: WorkerRequest) => {
  void runCase(req.case, req.options).then((r) => {
    const reply: WorkerReply = { index: req.index, ...r };
    port.postMessage(reply);
  });
});
