// Worker thread of `extractBatch` (through `runWorkerPool`): receives the extraction options once, then extracts the
// cases it is sent one at a time. A failing case is returned as an error record, never thrown.
import { serveWorkerPool } from '../../core/worker-pool.js';
import { runCase, type BatchCase } from './batch.js';
import type { ExtractionOptions } from './extract-case.js';

serveWorkerPool<BatchCase, Awaited<ReturnType<typeof runCase>>>(async (init) => {
  const options = init as ExtractionOptions;
  return (c) => runCase(c, options);
});
