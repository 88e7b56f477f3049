/**
 * The model bundle (`DIR/model.dlrn.json`): one versioned JSON file with everything needed to apply a study's
 * DLRN to a new patient: the radiomics settings, the DL backbone (id, model SHA-256, input settings), every
 * fitted transform (non-finite fill values, variance/screening selections, z-score means and SDs, PCA
 * loadings, the LASSO coefficients of the DLR signature), the clinical codings, the DLRN coefficients, the
 * nomogram and the decision threshold.
 *
 * Layout: `{format: "dlrn-model-bundle", format_version: 1, dlrn_version, sha256, content}` where `sha256` is
 * the SHA-256 of the canonical JSON of `content` (keys sorted, no spaces). {@link readBundle} refuses another
 * format or version, invalid JSON and a content whose hash differs (a corrupted or edited file) with a
 * {@link BundleError}.
 */
import { createHash } from 'node:crypto';
import { writeFileAtomic } from '../core/atomic.js';
import { BundleError } from '../core/errors.js';
import type { PredictorCoding } from '../models/design/index.js';
import type { NomogramModel } from '../nomogram/index.js';
import type { PyradiomicsParams } from '../features/index.js';
import { dlrnVersion } from '../features/index.js';
import type { DeepSettings } from './deep-features.js';
import type { SerializedStep } from './pipeline.js';
import { readTextChecked } from '../core/read-file.js';

/** Format name and version of model bundles written by this dlrn. */
export const BUNDLE_FORMAT = 'dlrn-model-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

/** A serialised fitted pipeline. */
export interface SerializedPipeline {
  readonly names_in: readonly string[];
  readonly steps: readonly SerializedStep[];
}

/** The content of a bundle (what the hash covers). */
export interface BundleContent {
  readonly study: { readonly name: string; readonly config_sha256: string; readonly seed: number; readonly created: string; readonly outcome: string; readonly positive_class: string; readonly n_training: number; readonly n_training_positive: number };
  /** `from_table`: the study read its radiomics features from a table, so `params` may not describe them. */
  readonly radiomics: { readonly mode: 'pyradiomics'; readonly params: PyradiomicsParams; readonly settings_hash: string; readonly mask_label: number; readonly from_table: boolean };
  /** null when the study had no DL features or read them from a table. */
  readonly deep: { readonly settings: DeepSettings; readonly backbone_id: string; readonly model_sha256: string; readonly settings_hash: string } | null;
  readonly pipelines: { readonly rad_pre: SerializedPipeline; readonly dl_pre: SerializedPipeline | null; readonly dlr_selection: SerializedPipeline };
  /** The DLR signature: intercept and the non-zero LASSO coefficients (for reading; the pipeline holds them too). */
  readonly signature: { readonly intercept: number; readonly lambda: number; readonly coefficients: readonly { readonly name: string; readonly coefficient: number }[] };
  readonly clinical: readonly { readonly name: string; readonly label: string; readonly type: 'numeric' | 'binary' | 'categorical'; readonly coding: PredictorCoding }[];
  readonly dlrn: { readonly terms: readonly string[]; readonly intercept: number; readonly coefficients: readonly number[] };
  readonly nomogram: NomogramModel;
  /** Training Youden threshold of the DLRN probability; risk class "high" when p ≥ threshold. */
  readonly threshold: number;
}

/** A bundle as stored. */
export interface ModelBundle {
  readonly format: typeof BUNDLE_FORMAT;
  readonly format_version: typeof BUNDLE_FORMAT_VERSION;
  readonly dlrn_version: string;
  readonly sha256: string;
  readonly content: BundleContent;
}

/** JSON with sorted keys and no spaces (NaN/±Infinity as null, as JSON.stringify). */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (ArrayBuffer.isView(v)) return canonicalJson(Array.from(v as unknown as ArrayLike<number>));
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return 'null';
  return JSON.stringify(v ?? null);
}

/** SHA-256 (hex) of the canonical JSON of a bundle content. */
export function contentSha256(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** Wraps a content into a bundle (format, version, dlrn version, hash). */
export function makeBundle(content: BundleContent): ModelBundle {
  return { format: BUNDLE_FORMAT, format_version: BUNDLE_FORMAT_VERSION, dlrn_version: dlrnVersion(), sha256: contentSha256(content), content };
}

/** Writes a bundle atomically (pretty JSON, content keys sorted so the file is stable). */
export function writeBundle(path: string, bundle: ModelBundle): void {
  const c = JSON.parse(canonicalJson(bundle.content)) as BundleContent;
  writeFileAtomic(path, JSON.stringify({ format: bundle.format, format_version: bundle.format_version, dlrn_version: bundle.dlrn_version, sha256: bundle.sha256, content: c }) + '\n');
}

/**
 * Parses and verifies bundle text (see the module comment).
 * @throws BundleError for invalid JSON, another format or version, a missing part or a wrong hash.
 */
export function parseBundle(text: string, file?: string): ModelBundle {
  let b: Record<string, unknown>;
  try {
    b = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new BundleError('the model bundle is not valid JSON (truncated or damaged file)', { file, found: (e as Error).message, fix: 'copy the bundle again from the study output folder (model.dlrn.json).' });
  }
  if (b === null || typeof b !== 'object' || b.format !== BUNDLE_FORMAT) {
    throw new BundleError('this file is not a dlrn model bundle', { file, expected: `format "${BUNDLE_FORMAT}"`, found: `format ${JSON.stringify((b as Record<string, unknown> | null)?.format ?? null)}` });
  }
  if (b.format_version !== BUNDLE_FORMAT_VERSION) {
    throw new BundleError('the model bundle has an unsupported format version', {
      file, expected: `format_version ${BUNDLE_FORMAT_VERSION} (dlrn ${dlrnVersion()})`, found: `format_version ${JSON.stringify(b.format_version)} (written by dlrn ${String(b.dlrn_version)})`,
      fix: 'use the dlrn version that wrote the bundle, or rerun the study with this version.',
    });
  }
  if (typeof b.sha256 !== 'string' || b.content === null || typeof b.content !== 'object') {
    throw new BundleError('the model bundle is incomplete', { file, expected: 'fields sha256 and content', fix: 'copy the bundle again from the study output folder.' });
  }
  const actual = contentSha256(b.content);
  if (actual !== b.sha256) {
    throw new BundleError('the model bundle is corrupted: its content does not match its SHA-256', {
      file, expected: `sha256 ${b.sha256}`, found: `sha256 ${actual}`, fix: 'the file was changed after the study wrote it; copy it again from the study output folder.',
    });
  }
  return b as unknown as ModelBundle;
}

/** Reads and verifies a bundle file. */
export function readBundle(path: string): ModelBundle {
  return parseBundle(readTextChecked(path, 'a dlrn model bundle (model.dlrn.json)'), path);
}
