/**
 * Ranks with ties averaged, as R's `rank(x, ties.method = "average")` (1-based), and the tie-group
 * sizes used by tie-corrected rank statistics (Mann-Whitney variance, Spearman).
 *
 * @packageDocumentation
 */

/** Indices 0..n-1 ordered by value (stable), after checking for NaN. */
export function orderAscending(values: ArrayLike<number>): Int32Array {
  const n = values.length;
  for (let i = 0; i < n; i++) if (Number.isNaN(values[i])) throw new RangeError(`rank: value ${i} is NaN`);
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => values[a] - values[b] || a - b);
  return idx;
}

/**
 * Average ranks (1-based): tied values share the mean of the ranks they occupy.
 * @throws RangeError when a value is NaN
 */
export function rankAverage(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const idx = orderAscending(values);
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && values[idx[j]] === values[idx[i]]) j++;
    const r = (i + 1 + j) / 2; // mean of ranks i+1 .. j
    for (let k = i; k < j; k++) ranks[idx[k]] = r;
    i = j;
  }
  return ranks;
}

/** Sizes of the groups of tied values (groups of size 1 included), in ascending value order. */
export function tieGroupSizes(values: ArrayLike<number>): number[] {
  const idx = orderAscending(values);
  const sizes: number[] = [];
  let i = 0;
  while (i < idx.length) {
    let j = i + 1;
    while (j < idx.length && values[idx[j]] === values[idx[i]]) j++;
    sizes.push(j - i);
    i = j;
  }
  return sizes;
}
