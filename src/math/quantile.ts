/**
 * Sample quantiles, R's default `quantile(x, probs, type = 7)` (Hyndman & Fan 1996, definition 7):
 * with h = 1 + (n-1)·p, lo = ⌊h⌋, hi = ⌈h⌉, Q(p) = (1-(h-lo))·x₍lo₎ + (h-lo)·x₍hi₎, written in R's
 * exact arithmetic form so results agree bit for bit.
 *
 * @packageDocumentation
 */

/** Type-7 quantiles of values that are already sorted ascending (not checked). */
export function quantileSorted(sorted: ArrayLike<number>, probs: readonly number[]): number[] {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of an empty sample');
  return probs.map((p) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probabilities must be in [0, 1], got ${p}`);
    const index = 1 + (n - 1) * p;
    const lo = Math.floor(index);
    const hi = Math.ceil(index);
    const qs = sorted[lo - 1];
    const xhi = sorted[hi - 1];
    if (!(index > lo && xhi !== qs)) return qs;
    const h = index - lo;
    return (1 - h) * qs + h * xhi;
  });
}

/**
 * Type-7 quantiles of `values` (R's `quantile(x, probs)` default). The input is not modified.
 * @throws RangeError for an empty sample, NaN values or probabilities outside [0, 1]
 */
export function quantile(values: ArrayLike<number>, probs: readonly number[]): number[] {
  const sorted = Float64Array.from(values as ArrayLike<number>);
  for (const v of sorted) if (Number.isNaN(v)) throw new RangeError('quantile: the sample contains NaN');
  sorted.sort();
  return quantileSorted(sorted, probs);
}

/** Median (type-7 quantile at 1/2, i.e. the usual sample median). */
export function median(values: ArrayLike<number>): number {
  return quantile(values, [0.5])[0];
}
