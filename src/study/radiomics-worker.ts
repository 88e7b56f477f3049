// Worker thread of the study's radiomics extraction: extracts the patients it is sent with the settings it was
// started with, and returns the feature values (diagnostics are not needed by the study).
import { serveWorkerPool } from '../core/worker-pool.js';
import { extractCaseFiles, type ExtractionOptions } from '../features/index.js';
import type { RadiomicsItem, RadiomicsItemResult } from './radiomics-features.js';

serveWorkerPool<RadiomicsItem, RadiomicsItemResult>(async (init) => {
  const options = init as ExtractionOptions;
  return async (item) => {
    const r = await extractCaseFiles(item.image, item.mask, options, item.maskLabel);
    const names = Object.keys(r.features);
    return { names, values: Float64Array.from(names, (n) => r.features[n]) };
  };
}, (r) => [r.values.buffer as ArrayBuffer]);
