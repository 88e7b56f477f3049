import { InvalidInputError, MaskError } from '../core/errors.js';

/**
 * Re-segmentation of the intensity mask (IBSI 1 §2.6; PyRadiomics `imageoperations.resegmentMask`).
 *
 * Every function returns a **new** mask (0/1 bytes) and leaves its inputs unchanged. The morphological mask is not
 * touched by re-segmentation: callers keep the original mask for shape/morphology features.
 */

/** An intensity range; either bound may be infinite (IBSI allows open ranges such as [−500, ∞)). */
export interface IntensityRange {
  readonly lower: number;
  readonly upper: number;
}

/** Summary of what a re-segmentation kept. */
export interface ResegmentationResult {
  /** The new intensity mask (1 = kept). */
  readonly mask: Uint8Array;
  /** Voxels in the mask before. */
  readonly before: number;
  /** Voxels kept. */
  readonly kept: number;
  /** The closed interval [lower, upper] that was applied. */
  readonly thresholds: IntensityRange;
}

function checkLengths(values: ArrayLike<number>, mask: ArrayLike<number>): void {
  if (values.length !== mask.length) {
    throw new InvalidInputError('values and mask must have the same length', { found: `${values.length} vs ${mask.length}` });
  }
}

/**
 * Range re-segmentation: keeps mask voxels with `lower ≤ x ≤ upper` (IBSI 1 "range re-segmentation", both bounds
 * inclusive, as PyRadiomics' `absolute` mode). NaN voxels are dropped.
 */
export function resegmentRange(values: ArrayLike<number>, mask: ArrayLike<number>, range: IntensityRange): ResegmentationResult {
  checkLengths(values, mask);
  if (!(range.lower <= range.upper)) {
    throw new InvalidInputError('re-segmentation range is empty', {
      expected: 'lower ≤ upper', found: `[${range.lower}, ${range.upper}]`, fix: 'swap or correct the bounds.',
    });
  }
  const out = new Uint8Array(mask.length);
  let before = 0;
  let kept = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 0) continue;
    before++;
    const v = values[i];
    if (v >= range.lower && v <= range.upper) {
      out[i] = 1;
      kept++;
    }
  }
  return { mask: out, before, kept, thresholds: { lower: range.lower, upper: range.upper } };
}

/** Mean and population standard deviation (ddof 0, as numpy.std and IBSI) of the masked voxels, in Float64. */
export function maskedMeanStd(values: ArrayLike<number>, mask: ArrayLike<number>): { mean: number; std: number; count: number } {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] !== 0) { sum += values[i]; n++; }
  }
  if (n === 0) return { mean: NaN, std: NaN, count: 0 };
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] !== 0) { const d = values[i] - mean; ss += d * d; }
  }
  return { mean, std: Math.sqrt(ss / n), count: n };
}

/**
 * Outlier re-segmentation: keeps mask voxels within `mean + k_lo·σ ≤ x ≤ mean + k_hi·σ`, with μ and σ (population)
 * computed over the voxels of `mask` (IBSI 1 "intensity outlier filtering" uses k = ±3; PyRadiomics' `sigma` mode
 * with `resegmentRange: [k_lo, k_hi]`).
 */
export function resegmentSigma(values: ArrayLike<number>, mask: ArrayLike<number>, kLower = -3, kUpper = 3): ResegmentationResult {
  checkLengths(values, mask);
  const { mean, std, count } = maskedMeanStd(values, mask);
  if (count === 0) return { mask: new Uint8Array(mask.length), before: 0, kept: 0, thresholds: { lower: NaN, upper: NaN } };
  const lo = Math.min(kLower, kUpper);
  const hi = Math.max(kLower, kUpper);
  return resegmentRange(values, mask, { lower: mean + std * lo, upper: mean + std * hi });
}

/** PyRadiomics' `resegmentMode` values. */
export type PyradiomicsResegmentMode = 'absolute' | 'relative' | 'sigma';

/**
 * PyRadiomics' `resegmentMask`: one threshold keeps `x ≥ t`; two keep `t_lo ≤ x ≤ t_hi`. Thresholds are sorted, then
 * taken as absolute values (`absolute`), fractions of the ROI maximum (`relative`) or multiples of σ around the mean
 * (`sigma`, σ with ddof 0). Like PyRadiomics, keeping ≤ 1 voxel is an error.
 *
 * @throws InvalidInputError for 0 or more than 2 thresholds; MaskError when ≤ 1 voxel is left.
 */
export function resegmentPyradiomics(
  values: ArrayLike<number>,
  mask: ArrayLike<number>,
  thresholdsIn: readonly number[],
  mode: PyradiomicsResegmentMode = 'absolute',
): ResegmentationResult {
  checkLengths(values, mask);
  if (thresholdsIn.length === 0 || thresholdsIn.length > 2) {
    throw new InvalidInputError('resegmentRange must hold 1 or 2 thresholds', {
      found: `${thresholdsIn.length} values`, fix: 'use e.g. [-1000, 400], or [0] for a lower bound only.',
    });
  }
  const sorted = [...thresholdsIn].sort((a, b) => a - b);
  let thresholds = sorted;
  if (mode === 'relative') {
    let max = -Infinity;
    for (let i = 0; i < mask.length; i++) if (mask[i] !== 0 && values[i] > max) max = values[i];
    thresholds = sorted.map((t) => max * t);
  } else if (mode === 'sigma') {
    const { mean, std } = maskedMeanStd(values, mask);
    thresholds = sorted.map((t) => mean + std * t);
  }
  const range: IntensityRange = { lower: thresholds[0], upper: thresholds.length === 2 ? thresholds[1] : Infinity };
  const r = resegmentRange(values, mask, range);
  if (r.kept <= 1) {
    throw new MaskError(`re-segmentation excluded too many voxels (retained ${r.kept} voxel(s))`, {
      expected: 'at least 2 voxels left after re-segmentation',
      found: `${r.kept} of ${r.before} voxels in [${range.lower}, ${range.upper}]`,
      fix: 'widen resegmentRange or check the intensity units of the image.',
    });
  }
  return r;
}

/**
 * IBSI re-segmentation as configured: an optional range first, then optional ±kσ outlier filtering computed over the
 * range-re-segmented voxels (IBSI 1 configuration E applies both, in this order).
 */
export function resegmentIbsi(
  values: ArrayLike<number>,
  mask: ArrayLike<number>,
  opts: { range?: IntensityRange; outlierSigma?: number },
): ResegmentationResult {
  const binary = new Uint8Array(mask.length);
  let before = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] !== 0) { binary[i] = 1; before++; }
  }
  let current: ResegmentationResult = { mask: binary, before: 0, kept: 0, thresholds: { lower: -Infinity, upper: Infinity } };
  current = { ...current, before, kept: before };
  if (opts.range) current = { ...resegmentRange(values, current.mask, opts.range), before };
  if (opts.outlierSigma !== undefined) {
    const k = opts.outlierSigma;
    const r = resegmentSigma(values, current.mask, -k, k);
    current = { ...r, before };
  }
  return current;
}
