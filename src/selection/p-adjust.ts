/**
 * Multiple-testing adjustment as R's `p.adjust`: Benjamini-Hochberg (`"BH"`, false discovery rate) and
 * Bonferroni. BH: with p sorted decreasingly, p_adj(i) = min_{j ≤ i}(min(1, n/(n-j+1) · p_(j))), returned in the
 * input order (Benjamini & Hochberg 1995). Bonferroni: min(1, n·p). NaN p-values are not allowed.
 */
import { InvalidInputError } from '../core/errors.js';

function check(p: ArrayLike<number>): void {
  for (let i = 0; i < p.length; i++) {
    if (!(p[i] >= 0 && p[i] <= 1)) throw new InvalidInputError('p-values must lie in [0, 1]', { found: `${p[i]} at position ${i + 1}` });
  }
}

/** Benjamini-Hochberg adjusted p-values (R `p.adjust(p, "BH")`). */
export function pAdjustBH(p: ArrayLike<number>): Float64Array {
  check(p);
  const n = p.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[b] - p[a] || a - b);
  const out = new Float64Array(n);
  let run = Infinity;
  order.forEach((idx, k) => {
    const i = n - k; // rank from the top: n, n-1, ..., 1
    const v = (n / i) * p[idx];
    if (v < run) run = v;
    out[idx] = Math.min(1, run);
  });
  return out;
}

/** Bonferroni adjusted p-values (R `p.adjust(p, "bonferroni")`). */
export function pAdjustBonferroni(p: ArrayLike<number>): Float64Array {
  check(p);
  const n = p.length;
  return Float64Array.from(p as ArrayLike<number>, (v) => Math.min(1, n * v));
}
