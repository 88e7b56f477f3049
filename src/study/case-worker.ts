// Worker thread of the study's feature extraction: reads each patient's image and mask once and computes the
// radiomics features, the DL features, or both, with the settings it was started with (the backbone is loaded
// once per worker). A failure of one part is returned as that part's error; the other part still counts.
import { errorSummary, serveWorkerPool } from '../core/worker-pool.js';
import { computeCaseFeatures, prepareCaseExtractor, type CaseExtractorInit, type CaseItem, type CaseItemResult } from './case-features.js';

serveWorkerPool<CaseItem, CaseItemResult>(async (init) => {
  const extractor = await prepareCaseExtractor(init as CaseExtractorInit);
  return async (item) => {
    try {
      return await computeCaseFeatures(extractor, item);
    } catch (e) {
      const error = errorSummary(e);
      return { radError: item.rad ? error : undefined, deepError: item.deep ? error : undefined };
    }
  };
}, (r) => [r.rad?.values.buffer, r.deep?.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer));
