import type { Mask } from '../core/mask.js';
import type { Volume } from '../core/volume.js';
import type { Backbone } from './backbone.js';
import { buildSliceInput, OFFSETS_25D, type SliceInput, type SliceInputOptions } from './slice-input.js';

/** Options of deep-feature extraction for one case. */
export interface DeepFeatureOptions extends SliceInputOptions {
  /** 2.5D only: average the per-slice vectors (default) or concatenate them in {@link OFFSETS_25D} order. */
  readonly aggregate?: 'mean' | 'concat';
}

/** Deep features of one case. */
export interface DeepFeatures {
  /** Feature names, `dl_<backbone>_<i>` (i from 0), or `dl_<backbone>_s<offset>_<i>` when 2.5D vectors are concatenated. */
  readonly names: readonly string[];
  /** Values, same order as names. */
  readonly values: Float64Array;
  /** How the input was built (slice, crop). */
  readonly input: Omit<SliceInput, 'tensor'>;
}

/** Column names of deep features for a backbone and options. */
export function deepFeatureNames(backboneId: string, featureDim: number, opts: DeepFeatureOptions = {}): string[] {
  const concat = (opts.mode ?? '2d') === '2.5d' && (opts.aggregate ?? 'mean') === 'concat';
  const names: string[] = [];
  if (concat) {
    for (const o of OFFSETS_25D) for (let i = 0; i < featureDim; i++) names.push(`dl_${backboneId}_s${o < 0 ? 'm' : 'p'}${Math.abs(o)}_${i}`);
  } else {
    for (let i = 0; i < featureDim; i++) names.push(`dl_${backboneId}_${i}`);
  }
  return names;
}

/** Combines the per-image vectors of one case into its feature vector (mean or concatenation). */
export function aggregateSliceFeatures(perImage: Float32Array, nImages: number, dim: number, aggregate: 'mean' | 'concat'): Float64Array {
  if (aggregate === 'concat' || nImages === 1) return Float64Array.from(perImage.subarray(0, nImages * dim));
  const out = new Float64Array(dim);
  for (let b = 0; b < nImages; b++) for (let i = 0; i < dim; i++) out[i] += perImage[b * dim + i];
  for (let i = 0; i < dim; i++) out[i] /= nImages;
  return out;
}

/**
 * Deep features of several cases, batching the network calls (`batchImages` images per call, default 8).
 * Results are identical to running the cases one by one: the network processes each image independently.
 */
export async function extractDeepFeaturesBatch(
  cases: readonly { image: Volume; mask: Mask }[],
  backbone: Backbone,
  opts: DeepFeatureOptions & { batchImages?: number } = {},
): Promise<DeepFeatures[]> {
  const inputs = cases.map((c) => buildSliceInput(c.image, c.mask, backbone, opts));
  const perImage = inputs.map((inp) => inp.slices.length);
  const total = perImage.reduce((a, b) => a + b, 0);
  const [h, w] = backbone.inputSize;
  const imgLen = 3 * h * w;
  const all = new Float32Array(total * backbone.featureDim);
  const batch = Math.max(1, opts.batchImages ?? 8);
  const flat = new Float32Array(total * imgLen);
  let off = 0;
  for (const inp of inputs) { flat.set(inp.tensor, off); off += inp.tensor.length; }
  for (let start = 0; start < total; start += batch) {
    const n = Math.min(batch, total - start);
    const feats = await backbone.embed(flat.subarray(start * imgLen, (start + n) * imgLen), n);
    all.set(feats, start * backbone.featureDim);
  }
  const names = deepFeatureNames(backbone.id, backbone.featureDim, opts);
  let img = 0;
  return inputs.map((inp, c) => {
    const n = perImage[c];
    const vec = aggregateSliceFeatures(all.subarray(img * backbone.featureDim, (img + n) * backbone.featureDim), n, backbone.featureDim, opts.aggregate ?? 'mean');
    img += n;
    const { tensor: _t, ...meta } = inp;
    return { names, values: vec, input: meta };
  });
}

/** Deep features of one case (see {@link extractDeepFeaturesBatch}). */
export async function extractDeepFeatures(image: Volume, mask: Mask, backbone: Backbone, opts: DeepFeatureOptions = {}): Promise<DeepFeatures> {
  return (await extractDeepFeaturesBatch([{ image, mask }], backbone, opts))[0];
}
