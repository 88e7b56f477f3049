import { InvalidInputError, MaskError } from '../../core/errors.js';
import { KERNEL_BLOCK } from '../../core/kernel-block.js';
import { gatherMaskedWasm } from './gather-wasm.js';
import { momentSumsWasm } from './moments-wasm.js';

/**
 * The values of `values` at the voxels where `mask` is non-zero, in memory order, as a new Float64Array.
 *
 * @param what - names the quantity in error messages (e.g. "intensity").
 * @throws MaskError when the mask selects no voxel; InvalidInputError when the lengths differ or a selected value
 *   is NaN or infinite (first-order statistics are undefined for those).
 */
export function maskedValues(values: ArrayLike<number>, mask: ArrayLike<number>, what = 'intensity'): Float64Array {
  return maskedValuesAndSums(values, mask, 0, what).values;
}

/** {@link maskedValues} with running statistics gathered in the same pass. */
export interface MaskedValuesAndSums {
  /** The masked values, in memory order. */
  readonly values: Float64Array;
  /** Σx, summed in memory order (as a plain loop over `values` would). */
  readonly sum: number;
  /** Σ(x + shift)², summed in memory order. */
  readonly shiftedEnergy: number;
  readonly min: number;
  readonly max: number;
  /** Whether every value is an integer. */
  readonly integers: boolean;
}

/**
 * {@link maskedValues} that also returns Σx, Σ(x + shift)², the minimum, the maximum and whether all values are
 * integers, gathered in the same pass (one compiled kernel, no further passes over the values for these).
 *
 * @throws as {@link maskedValues}.
 */
export function maskedValuesAndSums(values: ArrayLike<number>, mask: ArrayLike<number>, shift: number, what = 'intensity'): MaskedValuesAndSums {
  if (values.length !== mask.length) {
    throw new InvalidInputError(`the ${what} array and the mask have different lengths`, {
      expected: 'one mask entry per voxel', found: `${values.length} values, ${mask.length} mask entries`,
    });
  }
  const acc = Float64Array.of(0, 0, Infinity, -Infinity, 1, shift); // Σx, Σ(x+c)², min, max, all integers, c
  // WebAssembly for the usual Float64 values and byte mask (gather-wasm.ts: the same operations in the same order)
  const wasm = values instanceof Float64Array && mask instanceof Uint8Array ? gatherWasm(values, mask, acc) : null;
  let out: Float64Array;
  let q: number;
  if (wasm) {
    ({ out, q } = wasm);
    if (q === 0) throw emptyRoi();
  } else {
    let n = 0;
    for (let from = 0; from < mask.length; from += KERNEL_BLOCK) n += countSet(mask, from, Math.min(from + KERNEL_BLOCK, mask.length));
    if (n === 0) throw emptyRoi();
    out = new Float64Array(n);
    q = 0;
    for (let from = 0; from < mask.length && q >= 0; from += KERNEL_BLOCK) q = gatherFinite(values, mask, from, Math.min(from + KERNEL_BLOCK, mask.length), out, q, acc);
  }
  if (q < 0) {
    const i = firstNonFinite(values, mask);
    throw new InvalidInputError(`the region of interest contains a non-finite ${what}`, {
      expected: 'finite values at every ROI voxel', found: `${values[i]} at voxel offset ${i}`,
      fix: 'remove NaN/infinite voxels from the image or exclude them from the mask.',
    });
  }
  return { values: out, sum: acc[0], shiftedEnergy: acc[1], min: acc[2], max: acc[3], integers: acc[4] === 1 };
}

function emptyRoi(): MaskError {
  return new MaskError('the region of interest is empty', {
    expected: 'at least one voxel in the (intensity) mask', found: '0 voxels',
    fix: 'check the label value, and widen the re-segmentation range if one is set.',
  });
}

/** The WebAssembly gathering: the values (trimmed) and their count (−1 at a non-finite value), or null. */
function gatherWasm(values: Float64Array, mask: Uint8Array, acc: Float64Array): { out: Float64Array; q: number } | null {
  const all = new Float64Array(mask.length);
  const q = gatherMaskedWasm(values, mask, all, acc);
  if (q === null) return null;
  return { out: q === all.length ? all : all.slice(0, Math.max(q, 0)), q };
}

function countSet(mask: ArrayLike<number>, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (mask[i] !== 0) n++;
  return n;
}

/**
 * Appends the masked values of [from, to) to `out` from index q and updates acc = [Σx, Σ(x+c)², min, max, all
 * integers, c]; returns the new q, or −1 at a non-finite value.
 */
function gatherFinite(values: ArrayLike<number>, mask: ArrayLike<number>, from: number, to: number, out: Float64Array, q: number, acc: Float64Array): number {
  let sum = acc[0], energy = acc[1], min = acc[2], max = acc[3], integers = acc[4] === 1;
  const c = acc[5];
  for (let i = from; i < to; i++) {
    if (mask[i] === 0) continue;
    const v = values[i];
    if (!Number.isFinite(v)) return -1;
    out[q++] = v;
    sum += v;
    const s = v + c;
    energy += s * s;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integers && v !== Math.floor(v)) integers = false;
  }
  acc[0] = sum; acc[1] = energy; acc[2] = min; acc[3] = max; acc[4] = integers ? 1 : 0;
  return q;
}

function firstNonFinite(values: ArrayLike<number>, mask: ArrayLike<number>): number {
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0 && !Number.isFinite(values[i])) return i;
  return -1;
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
  const sum = new Float64Array(1);
  for (let from = 0; from < n; from += KERNEL_BLOCK) sumBlock(x, from, Math.min(from + KERNEL_BLOCK, n), sum);
  return centralMomentsAbout(x, sum[0] / n);
}

/** {@link centralMoments} when the mean μ = Σx/N is already known (e.g. from {@link maskedValuesAndSums}). */
export function centralMomentsAbout(x: ArrayLike<number>, mean: number): CentralMoments {
  const n = x.length;
  // (WebAssembly for Float64 values, moments-wasm.ts: the same operations in the same order)
  let acc = x instanceof Float64Array ? momentSumsWasm(x, mean) : null; // m2, m3, m4, mad (sums)
  if (!acc) {
    acc = new Float64Array(4);
    for (let from = 0; from < n; from += KERNEL_BLOCK) momentBlock(x, from, Math.min(from + KERNEL_BLOCK, n), mean, acc);
  }
  return { n, mean, m2: acc[0] / n, m3: acc[1] / n, m4: acc[2] / n, meanAbsDev: acc[3] / n };
}

function sumBlock(x: ArrayLike<number>, from: number, to: number, acc: Float64Array): void {
  let s = acc[0];
  for (let i = from; i < to; i++) s += x[i];
  acc[0] = s;
}

function momentBlock(x: ArrayLike<number>, from: number, to: number, mean: number, acc: Float64Array): void {
  let m2 = acc[0], m3 = acc[1], m4 = acc[2], mad = acc[3];
  for (let i = from; i < to; i++) {
    const d = x[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
    mad += Math.abs(d);
  }
  acc[0] = m2; acc[1] = m3; acc[2] = m4; acc[3] = mad;
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
