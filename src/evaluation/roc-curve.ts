/**
 * The empirical ROC curve with pROC's thresholds and coordinates (pROC 1.18 `roc`, `coords`).
 *
 * Thresholds (ascending): -Inf, the midpoints (a+b)/2 of consecutive distinct sorted values of all
 * subjects (a/2 + b/2 when |(a+b)/2| > 1e100), +Inf. When a midpoint rounds onto one of the two
 * values (adjacent doubles), it is replaced by the value that keeps the two groups apart, as pROC does.
 * Direction `"<"`: positive when value >= threshold; `">"`: positive when value <= threshold.
 */
import type { RocDirection } from './direction.js';

/** Confusion-matrix coordinates at every threshold (parallel arrays). */
export interface RocCoords {
  readonly threshold: Float64Array;
  readonly sensitivity: Float64Array;
  readonly specificity: Float64Array;
  /** (tp + tn) / n. */
  readonly accuracy: Float64Array;
  /** tp / (tp + fp); NaN when nobody is called positive. */
  readonly ppv: Float64Array;
  /** tn / (tn + fn); NaN when nobody is called negative. */
  readonly npv: Float64Array;
  readonly tp: Int32Array;
  readonly fp: Int32Array;
  readonly tn: Int32Array;
  readonly fn: Int32Array;
}

/** Unique sorted values of cases and controls together. */
function uniqueSorted(cases: ArrayLike<number>, controls: ArrayLike<number>): Float64Array {
  const all = new Float64Array(cases.length + controls.length);
  all.set(cases as ArrayLike<number>, 0);
  all.set(controls as ArrayLike<number>, cases.length);
  all.sort();
  let k = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[k++] = all[i];
  return all.slice(0, k);
}

/** pROC's thresholds for the given subjects (ascending, K+1 values for K distinct values). */
export function rocThresholds(cases: ArrayLike<number>, controls: ArrayLike<number>, direction: RocDirection = '<'): Float64Array {
  const u = uniqueSorted(cases, controls);
  const k = u.length;
  const t = new Float64Array(k + 1);
  t[0] = -Infinity;
  t[k] = Infinity;
  for (let i = 1; i < k; i++) {
    const a = u[i - 1];
    const b = u[i];
    let m = (a + b) / 2;
    if (Math.abs(m) > 1e100) m = a / 2 + b / 2;
    if (m === a || m === b) m = direction === '<' ? b : a;
    t[i] = m;
  }
  return t;
}

/**
 * Counts and rates at every pROC threshold (see the module comment for the rule).
 * Cases and controls must be non-empty and finite (checked by the callers).
 */
export function rocCoords(cases: ArrayLike<number>, controls: ArrayLike<number>, direction: RocDirection = '<'): RocCoords {
  const u = uniqueSorted(cases, controls);
  const k = u.length;
  const thresholds = rocThresholds(cases, controls, direction);
  // cumulative counts of cases / controls with value <= u[i]
  const index = new Map<number, number>();
  u.forEach((v, i) => index.set(v, i));
  const casesAt = new Int32Array(k);
  const controlsAt = new Int32Array(k);
  for (let i = 0; i < cases.length; i++) casesAt[index.get(cases[i]) as number]++;
  for (let i = 0; i < controls.length; i++) controlsAt[index.get(controls[i]) as number]++;
  const n1 = cases.length;
  const n0 = controls.length;
  const m = k + 1;
  const out = {
    threshold: thresholds,
    sensitivity: new Float64Array(m), specificity: new Float64Array(m), accuracy: new Float64Array(m),
    ppv: new Float64Array(m), npv: new Float64Array(m),
    tp: new Int32Array(m), fp: new Int32Array(m), tn: new Int32Array(m), fn: new Int32Array(m),
  };
  let casesLe = 0; // cases with value <= u[j-1] (threshold j lies between u[j-1] and u[j])
  let controlsLe = 0;
  for (let j = 0; j < m; j++) {
    if (j > 0) {
      casesLe += casesAt[j - 1];
      controlsLe += controlsAt[j - 1];
    }
    // "<": positive when value > u[j-1] (>= threshold); ">": positive when value <= u[j-1].
    const tp = direction === '<' ? n1 - casesLe : casesLe;
    const fp = direction === '<' ? n0 - controlsLe : controlsLe;
    const tn = n0 - fp;
    const fn = n1 - tp;
    out.tp[j] = tp; out.fp[j] = fp; out.tn[j] = tn; out.fn[j] = fn;
    out.sensitivity[j] = tp / n1;
    out.specificity[j] = tn / n0;
    out.accuracy[j] = (tp + tn) / (n1 + n0);
    out.ppv[j] = tp + fp === 0 ? NaN : tp / (tp + fp);
    out.npv[j] = tn + fn === 0 ? NaN : tn / (tn + fn);
  }
  return out;
}

/** Criterion for the optimal threshold, as pROC's `coords(x = "best", best.method)`. */
export type BestMethod = 'youden' | 'closest.topleft';

/**
 * Indices of every threshold that is optimal by pROC's rule (all ties, compared exactly as pROC does):
 * `youden` maximises sensitivity + r·specificity, `closest.topleft` maximises
 * -((1-sensitivity)² + r·(1-specificity)²), with r = (1 - prevalence)/(cost·prevalence) from
 * `bestWeights = [cost, prevalence]` (pROC default [1, 0.5], so r = 1).
 */
export function bestThresholdIndices(c: Pick<RocCoords, 'sensitivity' | 'specificity'>, method: BestMethod, bestWeights: readonly [number, number] = [1, 0.5]): number[] {
  const r = (1 - bestWeights[1]) / (bestWeights[0] * bestWeights[1]);
  const n = c.sensitivity.length;
  const crit = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const se = c.sensitivity[i];
    const sp = c.specificity[i];
    crit[i] = method === 'youden' ? se + r * sp : -((1 - se) * (1 - se) + r * ((1 - sp) * (1 - sp)));
  }
  let best = -Infinity;
  for (const v of crit) if (v > best) best = v;
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (crit[i] === best) out.push(i);
  return out;
}

/** The rows `idx` of a coordinates table (as plain arrays). */
export function selectCoords(c: RocCoords, idx: readonly number[]): CoordsRows {
  const pick = (a: ArrayLike<number>): number[] => idx.map((i) => a[i]);
  return {
    threshold: pick(c.threshold), sensitivity: pick(c.sensitivity), specificity: pick(c.specificity),
    accuracy: pick(c.accuracy), ppv: pick(c.ppv), npv: pick(c.npv),
    tp: pick(c.tp), fp: pick(c.fp), tn: pick(c.tn), fn: pick(c.fn),
  };
}

/** Coordinates as plain arrays, the JSON shape of `coords_all`, `youden_best`, `closest_topleft_best`. */
export interface CoordsRows {
  readonly threshold: number[];
  readonly sensitivity: number[];
  readonly specificity: number[];
  readonly accuracy: number[];
  readonly ppv: number[];
  readonly npv: number[];
  readonly tp: number[];
  readonly fp: number[];
  readonly tn: number[];
  readonly fn: number[];
}
