import { InvalidInputError, MaskError } from '../../core/errors.js';

/**
 * The values of `values` at the voxels where `mask` is non-zero, in memory order, as a new Float64Array.
 *
 * @param what - names the quantity in error messages (e.g. "intensity").
 * @throws MaskError when the mask selects no voxel; InvalidInputError when the lengths differ or a selected value
 *   is NaN or infinite (first-order statistics are undefined for those).
 */
export function maskedValues(values: ArrayLike<number>, mask: ArrayLike<number>, what = 'intensity'): Float64Array {
  if (values.length !== mask.length) {
    throw new InvalidInputError(`the ${what} array and the mask have different lengths`, {
      expected: 'one mask entry per voxel', found: `${values.length} values, ${mask.length} mask entries`,
    });
  }
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) n++;
  if (n === 0) {
    throw new MaskError('the region of interest is empty', {
      expected: 'at least one voxel in the (intensity) mask', found: '0 voxels',
      fix: 'check the label value, and widen the re-segmentation range if one is set.',
    });
  }
  const out = new Float64Array(n);
  let q = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 0) continue;
    const v = values[i];
    if (!Number.isFinite(v)) {
      throw new InvalidInputError(`the region of interest contains a non-finite ${what}`, {
        expected: 'finite values at every ROI voxel', found: `${v} at voxel offset ${i}`,
        fix: 'remove NaN/infinite voxels from the image or exclude them from the mask.',
      });
    }
    out[q++] = v;
  }
  return out;
}

/** Central moments of a sample: mean μ and m_k = (1/N)·Σ(x − μ)^k for k = 2, 3, 4 (two passes, Float64). */
export interface CentralMoments {
  readonly n: number;
  readonly mean: number;
  readonly m2: number;
  readonly m3: number;
  readonly m4: number;
  /** (1/N)·Σ|x − μ|. */
  readonly meanAbsDev: number;
}

/** Mean, 2nd–4th central moments and mean absolute deviation of a non-empty sample. */
export function centralMoments(x: ArrayLike<number>): CentralMoments {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  const mean = s / n;
  let m2 = 0, m3 = 0, m4 = 0, mad = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
    mad += Math.abs(d);
  }
  return { n, mean, m2: m2 / n, m3: m3 / n, m4: m4 / n, meanAbsDev: mad / n };
}

/**
 * Mean absolute deviation from their own mean of the sorted values lying in [lo, hi] (inclusive).
 * `sorted` must be ascending; used for the robust mean absolute deviation (IBSI 1128).
 */
export function robustMeanAbsDev(sorted: Float64Array, lo: number, hi: number): number {
  let a = 0;
  while (a < sorted.length && sorted[a] < lo) a++;
  let b = sorted.length;
  while (b > a && sorted[b - 1] > hi) b--;
  const sub = sorted.subarray(a, b);
  if (sub.length === 0) return NaN; // cannot happen for lo ≤ hi taken from the sample's own percentiles
  return centralMoments(sub).meanAbsDev;
}
