import type { Transferable } from 'node:worker_threads';
import { startWorker, workerThreads } from './module-url.js';
import { DlrnError } from './errors.js';

/** Outcome of one item processed in a worker: its result, or the error it raised (the batch goes on). */
export type PoolOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: { readonly name: string; readonly code: string; readonly message: string } };

type ToWorker<I> = { type: 'item'; index: number; item: I } | { type: 'stop' };
type FromWorker<T> = { type: 'ready' } | { type: 'result'; index: number; outcome: PoolOutcome<T> } | { type: 'fatal'; error: string };

/**
 * Processes `items` in `jobs` worker threads with a dynamic queue (each worker takes the next item when it
 * is free), preserving input order in the result. Every worker first runs its setup with `init` (e.g.
 * loading a model once). An item that throws becomes `{ok: false, error}`; the others continue.
 * `onResult` is called as items finish (for progress bars).
 */
export async function runWorkerPool<I, T>(opts: {
  workerUrl: URL;
  jobs: number;
  init: unknown;
  items: readonly I[];
  onResult?: (index: number, outcome: PoolOutcome<T>) => void;
}): Promise<PoolOutcome<T>[]> {
  const results = new Array<PoolOutcome<T>>(opts.items.length);
  const nWorkers = Math.max(1, Math.min(opts.jobs, opts.items.length));
  let next = 0;
  const runOne = (): Promise<void> =>
    new Promise((resolvePromise, reject) => {
      const worker = startWorker(opts.workerUrl, { workerData: opts.init });
      let current = -1;
      const feed = () => {
        if (next < opts.items.length) {
          current = next++;
          worker.postMessage({ type: 'item', index: current, item: opts.items[current] } satisfies ToWorker<I>);
        } else {
          current = -1;
          worker.postMessage({ type: 'stop' } satisfies ToWorker<I>);
        }
      };
      worker.on('message', (m: FromWorker<T>) => {
        if (m.type === 'ready') feed();
        else if (m.type === 'result') {
          results[m.index] = m.outcome;
          opts.onResult?.(m.index, m.outcome);
          feed();
        } else if (m.type === 'fatal') {
          worker.terminate().finally(() => reject(new DlrnError('E_WORKER', `a worker could not start: ${m.error}`)));
        }
      });
      worker.on('error', (e) => reject(e));
      worker.on('exit', (code) => {
        if (current >= 0 || code !== 0) {
          if (current >= 0 && results[current] === undefined) {
            results[current] = { ok: false, error: { name: 'WorkerExit', code: 'E_WORKER', message: `the worker exited with code ${code} while processing this item` } };
          }
        }
        resolvePromise();
      });
    });
  await Promise.all(Array.from({ length: nWorkers }, runOne));
  // Items never handed out (a worker died early) are reported, not dropped.
  for (let i = 0; i < results.length; i++) {
    if (results[i] === undefined) results[i] = { ok: false, error: { name: 'WorkerExit', code: 'E_WORKER', message: 'not processed: a worker stopped early' } };
  }
  return results;
}

/**
 * The worker side of {@link runWorkerPool}: call once at the top level of a worker module.
 * `setup(init)` prepares the worker and returns the function processing one item.
 * `transfer` may list buffers of a result to move instead of copy.
 */
export function serveWorkerPool<I, T>(setup: (init: unknown) => Promise<(item: I) => Promise<T>>, transfer?: (value: T) => Transferable[]): void {
  const { parentPort: port, workerData } = workerThreads();
  if (!port) throw new Error('serveWorkerPool must run inside a worker thread');
  setup(workerData)
    .then((process) => {
      port.on('message', async (m: ToWorker<I>) => {
        if (m.type === 'stop') {
          port.close();
          return;
        }
        let outcome: PoolOutcome<T>;
        try {
          outcome = { ok: true, value: await process(m.item) };
        } catch (e) {
          outcome = { ok: false, error: errorSummary(e) };
        }
        const list = outcome.ok && transfer ? transfer(outcome.value) : [];
        port.postMessage({ type: 'result', index: m.index, outcome } satisfies FromWorker<T>, list);
      });
      port.postMessage({ type: 'ready' } satisfies FromWorker<T>);
    })
    .catch((e) => port.postMessage({ type: 'fatal', error: (e as Error).message ?? String(e) } satisfies FromWorker<T>));
}

/** name/code/message of any thrown value. */
export function errorSummary(e: unknown): { name: string; code: string; message: string } {
  if (e instanceof DlrnError) return { name: e.name, code: e.code, message: e.message };
  if (e instanceof Error) return { name: e.name, code: 'E_INTERNAL', message: e.message };
  return { name: 'Error', code: 'E_INTERNAL', message: String(e) };
}
