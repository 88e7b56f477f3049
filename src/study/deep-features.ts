/**
 * Deep-learning (DL) features of every patient with an ONNX backbone (src/deep), kept in a resumable cache
 * (`DIR/features/deep.csv`) keyed by the model's SHA-256 and the input settings.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { FileNotFoundError } from '../core/errors.js';
import { DEFAULT_BACKBONE, deepFeatureNames, loadOnnxBackbone, parseWindows, runDeepBatch, type DeepFeatureOptions, type OnnxBackboneOptions, type SlicePlane } from '../deep/index.js';
import { dlrnVersion, settingsHash } from '../features/index.js';
import type { StudyConfigDoc } from './config-schema.js';
import { FeatureCache, type CacheSource } from './feature-cache.js';
import { tableFromRecords } from './feature-table.js';
import { resolveJobs, type CachedFeatures, type ExtractionProgress } from './radiomics-features.js';

/** Everything that defines the DL features (stored in the model bundle to recompute them for a new patient). */
export interface DeepSettings {
  /** `null` = the shipped MobileNetV2. */
  readonly modelPath: string | null;
  readonly modelId: string | null;
  readonly inputSize: readonly [number, number] | null;
  readonly mean: readonly [number, number, number] | null;
  readonly std: readonly [number, number, number] | null;
  readonly featureOutput: string | null;
  readonly mode: '2d' | '2.5d';
  readonly aggregate: 'mean' | 'concat';
  readonly windows: string;
  readonly plane: SlicePlane;
  readonly marginMm: number;
}

/** The DL settings of a config's `deep` section (with the resolved model path). */
export function deepSettingsOf(deep: NonNullable<StudyConfigDoc['deep']>, modelPath: string | null): DeepSettings {
  return {
    modelPath, modelId: deep.model_id, inputSize: deep.input_size, mean: deep.mean, std: deep.std, featureOutput: deep.feature_output,
    mode: deep.mode, aggregate: deep.aggregate, windows: deep.windows, plane: deep.plane, marginMm: deep.margin_mm,
  };
}

/** ONNX Runtime options of the settings. */
export function backboneOptions(s: DeepSettings): OnnxBackboneOptions {
  return {
    modelPath: s.modelPath ?? undefined, id: s.modelId ?? undefined, inputSize: s.inputSize ?? undefined,
    mean: s.mean ?? undefined, std: s.std ?? undefined, featureOutput: s.featureOutput ?? undefined, threads: 1,
  };
}

/** Input-construction options of the settings. */
export function deepFeatureOptions(s: DeepSettings): DeepFeatureOptions {
  return { windows: parseWindows(s.windows), mode: s.mode, aggregate: s.aggregate, plane: s.plane, marginMm: s.marginMm };
}

/** SHA-256 (hex) of the backbone's model file. */
export function modelFileSha256(s: DeepSettings): string {
  const path = s.modelPath ?? DEFAULT_BACKBONE.path;
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new FileNotFoundError(path, { expected: 'an ONNX model file' });
    throw e;
  }
}

/** Hash of the DL settings (model bytes, input settings, dlrn version). */
export function deepSettingsHash(s: DeepSettings, modelSha256: string): string {
  const { modelPath: _p, ...rest } = s;
  return settingsHash({ kind: 'deep', modelSha256, ...rest, dlrn: dlrnVersion() });
}

/** DL features and the backbone that made them. */
export interface CachedDeepFeatures extends CachedFeatures {
  readonly backboneId: string;
  readonly modelSha256: string;
}

/** Computes (or reuses) DL features of `cases` (see the module comment). Failures are reported, not thrown. */
export async function deepFeatures(
  cases: readonly CacheSource[],
  opts: { settings: DeepSettings; cachePath: string; jobs?: number; progress?: ExtractionProgress },
): Promise<CachedDeepFeatures> {
  const hash = deepSettingsHash(opts.settings, modelFileSha256(opts.settings));
  const cache = new FeatureCache(opts.cachePath, hash);
  const reused = cache.load(cases);
  const todo = cases.filter((c) => !cache.has(c.id));
  opts.progress?.onStart?.(todo.length, reused);
  const failures: { id: string; message: string }[] = [];
  // The backbone is loaded once here for its id, feature size and weights hash (the batch loads its own copies).
  const b = await loadOnnxBackbone(backboneOptions(opts.settings));
  const backboneId = b.id;
  const modelSha256 = b.modelSha256;
  const names = deepFeatureNames(b.id, b.featureDim, deepFeatureOptions(opts.settings));
  await b.dispose();
  if (todo.length > 0) {
    try {
      await runDeepBatch(todo.map((c) => ({ id: c.id, image: c.image, mask: c.mask, maskLabel: c.maskLabel })), {
        model: backboneOptions(opts.settings),
        features: deepFeatureOptions(opts.settings),
        jobs: resolveJobs(opts.jobs ?? 0),
        onResult: (i, o) => {
          if (o.ok) cache.put(todo[i], names, o.value.values);
          else failures.push({ id: todo[i].id, message: o.error.message });
          cache.flush(false);
          opts.progress?.onCase?.(todo[i].id, o.ok);
        },
      });
    } finally {
      cache.flush(true);
    }
  }
  const ok = cases.filter((c) => cache.has(c.id)).map((c) => c.id);
  return {
    table: tableFromRecords(ok, cache.featureNames() ?? [], cache.valuesFor(ok)), reused, computed: todo.length - failures.length, failures,
    settingsHash: hash, backboneId, modelSha256,
  };
}
