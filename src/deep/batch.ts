import { siblingModuleUrl } from '../core/module-url.js';
import { errorSummary, runWorkerPool, type PoolOutcome } from '../core/worker-pool.js';
import { deepFeaturesOfFiles, type DeepCaseFiles, type DeepCaseResult } from './case-features.js';
import { deepFeatureNames, type DeepFeatureOptions } from './embed.js';
import { loadOnnxBackbone, type OnnxBackboneOptions } from './onnx-backbone.js';

/** Result of a deep-feature batch: column names and one outcome per case (input order). */
export interface DeepBatchResult {
  readonly backboneId: string;
  readonly modelSha256: string;
  readonly names: readonly string[];
  readonly outcomes: readonly PoolOutcome<DeepCaseResult>[];
}

/**
 * Deep features of many cases read from files. With `jobs` > 1 the cases are spread over worker threads,
 * each with its own single-threaded ONNX Runtime session; results do not depend on `jobs`. A failing case
 * gives `{ok: false, error}` and the others go on.
 */
export async function runDeepBatch(
  cases: readonly DeepCaseFiles[],
  opts: { model?: OnnxBackboneOptions; features?: DeepFeatureOptions; jobs?: number; onResult?: (i: number, o: PoolOutcome<DeepCaseResult>) => void } = {},
): Promise<DeepBatchResult> {
  const model = { ...(opts.model ?? {}), threads: 1 };
  const features = opts.features ?? {};
  // Loaded in the main thread too: it validates the model before any worker starts and gives the names.
  const backbone = await loadOnnxBackbone(model);
  const names = deepFeatureNames(backbone.id, backbone.featureDim, features);
  const jobs = Math.max(1, opts.jobs ?? 1);
  let outcomes: PoolOutcome<DeepCaseResult>[];
  if (jobs === 1 || cases.length < 2) {
    outcomes = [];
    for (let i = 0; i < cases.length; i++) {
      let o: PoolOutcome<DeepCaseResult>;
      try {
        o = { ok: true, value: await deepFeaturesOfFiles(cases[i], backbone, features) };
      } catch (e) {
        o = { ok: false, error: errorSummary(e) };
      }
      outcomes.push(o);
      opts.onResult?.(i, o);
    }
  } else {
    outcomes = await runWorkerPool<DeepCaseFiles, DeepCaseResult>({
      workerUrl: siblingModuleUrl(import.meta.url, './batch-worker'),
      jobs,
      init: { model, features },
      items: cases,
      onResult: opts.onResult,
    });
  }
  await backbone.dispose();
  return { backboneId: backbone.id, modelSha256: backbone.modelSha256, names, outcomes };
}
