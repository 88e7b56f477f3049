/**
 * Accurate sums and moments. R accumulates `sum()` and `mean()` in extended precision (and `mean()`
 * adds a second correcting pass); a compensated (Neumaier) sum reproduces those results to the last bit
 * in practically all cases, so statistics built on them agree with R to ~1e-15.
 */

/** Σ x_i with Neumaier's compensated summation. */
export function accurateSum(x: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const t = s + v;
    if (Math.abs(s) >= Math.abs(v)) c += (s - t) + v; else c += (v - t) + s;
    s = t;
  }
  return s + c;
}

/** The mean as R's `mean()`: compensated sum / n, plus the mean of the residuals. NaN for n = 0. */
export function accurateMean(x: ArrayLike<number>): number {
  const n = x.length;
  if (n === 0) return NaN;
  const m = accurateSum(x) / n;
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = x[i] - m;
  return m + accurateSum(r) / n;
}

/** Sample variance (denominator n - 1) by the two-pass algorithm with compensated sums. NaN for n < 2. */
export function sampleVariance(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return NaN;
  const m = accurateMean(x);
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = (x[i] - m) * (x[i] - m);
  return accurateSum(d) / (n - 1);
}
