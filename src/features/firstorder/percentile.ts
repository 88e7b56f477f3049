/**
 * Order statistics on sorted samples, following numpy's default (`method="linear"`, Hyndman & Fan type 7)
 * rule, which PyRadiomics uses through `numpy.nanpercentile` and which reproduces the IBSI reference values.
 *
 * For sorted x_0 ≤ … ≤ x_{n−1} and q ∈ [0, 100]: h = (n − 1)·q/100, l = ⌊h⌋, t = h − l and
 * P_q = x_l + t·(x_{l+1} − x_l) (evaluated as x_{l+1} − (1 − t)·(x_{l+1} − x_l) when t ≥ 0.5, as numpy does,
 * so the result is exact at the sample points).
 */
import { KERNEL_BLOCK } from '../../core/kernel-block.js';


/** Linear interpolation as numpy's `_lerp` (exact at t = 0 and t = 1). */
function lerp(a: number, b: number, t: number): number {
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

/**
 * The q-th percentile (0 ≤ q ≤ 100) of `sorted` (ascending, non-empty, no NaN), numpy's linear rule.
 * @throws RangeError when `sorted` is empty or q is outside [0, 100].
 */
export function percentileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('percentile of an empty sample');
  if (!(q >= 0 && q <= 100)) throw new RangeError(`percentile q must be in [0, 100], got ${q}`);
  const h = ((n - 1) * q) / 100;
  const l = Math.floor(h);
  if (l >= n - 1) return sorted[n - 1];
  return lerp(sorted[l], sorted[l + 1], h - l);
}

/** The median of `sorted` (ascending, non-empty): the middle value, or the mean of the two middle values. */
export function medianSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('median of an empty sample');
  const m = n >> 1;
  return n % 2 === 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

/**
 * An ascending copy of `x` (NaN-free). Integer samples with a modest range (as CT intensities in HU) are
 * counting-sorted in O(N + range); other samples use the native numeric sort. The input is not modified.
 */
export function sortedCopy(x: Float64Array): Float64Array {
  const n = x.length;
  // [min, max, 1 while all are integers] (loops as small kernels called per block: compiled early)
  const scan = Float64Array.of(Infinity, -Infinity, 1);
  for (let from = 0; from < n; from += KERNEL_BLOCK) scanBlock(x, from, Math.min(from + KERNEL_BLOCK, n), scan);
  return sortedCopyScanned(x, scan[0], scan[1], scan[2] === 1);
}

/**
 * {@link sortedCopy} when the minimum `lo`, the maximum `hi` and whether all values are integers are already known
 * (e.g. from `maskedValuesAndSums`).
 */
export function sortedCopyScanned(x: Float64Array, lo: number, hi: number, integers: boolean): Float64Array {
  const n = x.length;
  const range = hi - lo + 1;
  if (!integers || n < 64 || !(range <= Math.max(4 * n, 65536))) return x.slice().sort();
  const counts = new Int32Array(range);
  for (let from = 0; from < n; from += KERNEL_BLOCK) countValues(x, from, Math.min(from + KERNEL_BLOCK, n), lo, counts);
  const out = new Float64Array(n);
  let q = 0;
  for (let r = 0; r < range; r++) {
    const c = counts[r];
    if (c === 0) continue;
    out.fill(lo + r, q, q + c);
    q += c;
  }
  return out;
}

function scanBlock(x: Float64Array, from: number, to: number, scan: Float64Array): void {
  let lo = scan[0], hi = scan[1], integers = scan[2] === 1;
  for (let i = from; i < to; i++) {
    const v = x[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (integers && v !== Math.floor(v)) integers = false;
  }
  scan[0] = lo; scan[1] = hi; scan[2] = integers ? 1 : 0;
}

function countValues(x: Float64Array, from: number, to: number, lo: number, counts: Int32Array): void {
  for (let i = from; i < to; i++) counts[x[i] - lo]++;
}
