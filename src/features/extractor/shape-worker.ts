// Worker thread computing PyRadiomics shape features of one ROI while the main thread computes the other classes
// (see `extractPyradiomicsConcurrently`). Message in: {mask, size, spacing}; out: {ok: true, values} or {ok: false}.
import { parentPort } from 'node:worker_threads';
import { pyradiomicsShape } from '../shape/index.js';
import type { Vec3 } from '../../core/vec.js';

if (!parentPort) throw new Error('shape-worker must run in a worker thread');
const port = parentPort;
port.on('message', (m: { mask: Uint8Array; size: Vec3; spacing: Vec3 }) => {
  try {
    port.postMessage({ ok: true, values: pyradiomicsShape({ morphologicalMask: m.mask, size: m.size, spacing: m.spacing }) });
  } catch {
    port.postMessage({ ok: false }); // the main thread recomputes and reports the typed error
  }
});
port.postMessage({ ready: true });
