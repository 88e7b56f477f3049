// Worker thread of the deep-feature batch: loads the backbone once, then computes cases as they come.
import { serveWorkerPool } from '../core/worker-pool.js';
import { deepFeaturesOfFiles, type DeepCaseFiles, type DeepCaseResult } from './case-features.js';
import type { DeepFeatureOptions } from './embed.js';
import { loadOnnxBackbone, type OnnxBackboneOptions } from './onnx-backbone.js';

serveWorkerPool<DeepCaseFiles, DeepCaseResult>(async (init) => {
  const { model, features } = init as { model: OnnxBackboneOptions; features: DeepFeatureOptions };
  const backbone = await loadOnnxBackbone({ ...model, threads: 1 });
  return (c) => deepFeaturesOfFiles(c, backbone, features);
}, (r) => [r.values.buffer as ArrayBuffer]);
