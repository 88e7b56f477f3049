/**
 * Settings of the deep-learning (DL) features (src/deep ONNX backbone and input construction) as the study and
 * the model bundle keep them, and the hash that keys their cache (`DIR/features/deep.csv`): the model's
 * SHA-256 and the input settings. The features themselves are computed by src/study/case-features.ts.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_BACKBONE, parseWindows, type DeepFeatureOptions, type OnnxBackboneOptions, type SlicePlane } from '../deep/index.js';
import { dlrnVersion, settingsHash } from '../features/index.js';
import type { StudyConfigDoc } from './config-schema.js';
import type { CachedFeatures } from './radiomics-features.js';
import { readFileChecked } from '../core/read-file.js';

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
  return createHash('sha256').update(readFileChecked(path, 'an ONNX model file')).digest('hex');
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
