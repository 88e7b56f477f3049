/**
 * Empirical AUC (Mann-Whitney, ties count 1/2) and DeLong's placement values, as pROC's
 * `delongPlacements` (DeLong, DeLong & Clarke-Pearson 1988; Sun & Xu 2014 for the fast algorithm).
 *
 * For direction `"<"`: V10 of a case x = (#controls < x + ½·#controls = x) / n_controls and V01 of a
 * control y = (#cases > y + ½·#cases = y) / n_cases; AUC = mean(V10) = mean(V01). For `">"` the
 * values are negated first. O(n log n) by sorting and binary search.
 */
import type { RocDirection } from './direction.js';

/** DeLong placements of one ROC curve. */
export interface Placements {
  /** The AUC (mean of the case placements). */
  readonly theta: number;
  /** V10 per case, in the order the cases were given. */
  readonly cases: Float64Array;
  /** V01 per control, in the order the controls were given. */
  readonly controls: Float64Array;
}

/** Number of sorted values < x (lower bound). */
function countBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of sorted values <= x (upper bound). */
function countAtMost(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Oriented copies: values negated for direction ">" so that "<" logic applies. */
function oriented(values: ArrayLike<number>, direction: RocDirection): Float64Array {
  const out = Float64Array.from(values as ArrayLike<number>);
  if (direction === '>') for (let i = 0; i < out.length; i++) out[i] = -out[i];
  return out;
}

/**
 * DeLong placements and the AUC of cases vs controls (both non-empty, finite; not checked here).
 */
export function delongPlacements(cases: ArrayLike<number>, controls: ArrayLike<number>, direction: RocDirection = '<'): Placements {
  const x = oriented(cases, direction);
  const y = oriented(controls, direction);
  const xs = Float64Array.from(x).sort();
  const ys = Float64Array.from(y).sort();
  const n1 = x.length;
  const n0 = y.length;
  const v10 = new Float64Array(n1);
  const v01 = new Float64Array(n0);
  let sum = 0;
  for (let i = 0; i < n1; i++) {
    const below = countBelow(ys, x[i]);
    const ties = countAtMost(ys, x[i]) - below;
    v10[i] = (below + 0.5 * ties) / n0;
    sum += v10[i];
  }
  for (let j = 0; j < n0; j++) {
    const above = n1 - countAtMost(xs, y[j]);
    const ties = n1 - countBelow(xs, y[j]) - above;
    v01[j] = (above + 0.5 * ties) / n1;
  }
  return { theta: sum / n1, cases: v10, controls: v01 };
}

/**
 * Empirical AUC = P(case > control) + ½·P(tie) for direction `"<"` (or with the order reversed for
 * `">"`), computed from the number of concordant pairs so that it is exact for integer counts.
 */
export function aucMannWhitney(cases: ArrayLike<number>, controls: ArrayLike<number>, direction: RocDirection = '<'): number {
  const x = oriented(cases, direction);
  const ys = oriented(controls, direction).sort();
  let twice = 0; // 2·(concordant + ½ ties), an integer
  for (let i = 0; i < x.length; i++) {
    const below = countBelow(ys, x[i]);
    twice += 2 * below + (countAtMost(ys, x[i]) - below);
  }
  return twice / (2 * x.length * ys.length);
}
