/**
 * Cross-validation summaries as glmnet 4.1's `cv.lognet`, `cvcompute`, `cvstats` and `getOptcv.glmnet`:
 *
 * - deviance: per held-out row 2·(-y log p - (1-y) log(1-p)) with p clipped to [1e-5, 1-1e-5]; with
 *   `grouped` (default) the mean within each fold first, then the fold-size-weighted mean over folds;
 * - AUC: the AUC of each fold (ties count 1/2), weighted by fold size (never grouped);
 * - cvm = Σ_k w_k m_k / Σ_k w_k; cvsd = sqrt(Σ_k w_k (m_k - cvm)² / Σ_k w_k / (K - 1)); cvup/cvlo = cvm ± cvsd;
 * - λ_min = the largest λ attaining the best cvm (minimum deviance, maximum AUC); λ_1se = the largest λ
 *   whose cvm is within one cvsd (taken at λ_min) of the best.
 */
import { accurateSum } from '../../selection/sums.js';


/** R's `weighted.mean(x, w)` = sum(x·w)/sum(w) (rows with w = 0 left out), with extended-precision sums. */
export function weightedMean(x: ArrayLike<number>, w: ArrayLike<number>): number {
  const xw: number[] = [];
  const ww: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (w[i] === 0) continue;
    xw.push(x[i] * w[i]);
    ww.push(w[i]);
  }
  return accurateSum(xw) / accurateSum(ww);
}

/** Binomial deviance of one held-out row as glmnet's CV: 2·(-log p) or 2·(-log(1-p)), p clipped to [1e-5, 1-1e-5]. */
export function cvDevianceTerm(y: number, p: number): number {
  const pc = Math.min(Math.max(p, 1e-5), 1 - 1e-5);
  const lp = (1 - y) * Math.log(1 - pc) + y * Math.log(pc);
  return 2 * (0 - lp);
}

/**
 * Empirical AUC of scores `s` for labels `y` (1 = case): P(s_case > s_control) + ½ P(tie), the value of
 * survival::concordance used by glmnet's `auc()`. O(n log n).
 */
export function aucOfScores(y: ArrayLike<number>, s: ArrayLike<number>): number {
  const n = y.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => s[a] - s[b]);
  let n1 = 0;
  for (let i = 0; i < n; i++) n1 += y[i];
  const n0 = n - n1;
  // Σ over cases of (#controls below + ½ #controls tied)
  let conc = 0;
  let controlsBelow = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    let c1 = 0;
    let c0 = 0;
    while (j < n && s[idx[j]] === s[idx[i]]) {
      if (y[idx[j]] === 1) c1++; else c0++;
      j++;
    }
    conc += c1 * controlsBelow + 0.5 * c1 * c0;
    controlsBelow += c0;
    i = j;
  }
  return conc / (n1 * n0);
}

/** Per-λ cross-validation summary (arrays over λ). */
export interface CvStats {
  readonly cvm: Float64Array;
  readonly cvsd: Float64Array;
  readonly cvup: Float64Array;
  readonly cvlo: Float64Array;
}

/**
 * cvm/cvsd from per-fold values `foldValues[k][m]` (fold k, λ index m) with fold weights `w`
 * (glmnet's `cvstats`). NaN fold values are left out for that λ.
 */
export function cvStats(foldValues: readonly Float64Array[], w: ArrayLike<number>): CvStats {
  const K = foldValues.length;
  const L = K > 0 ? foldValues[0].length : 0;
  const cvm = new Float64Array(L);
  const cvsd = new Float64Array(L);
  for (let m = 0; m < L; m++) {
    const vals: number[] = [];
    const ws: number[] = [];
    for (let k = 0; k < K; k++) {
      const v = foldValues[k][m];
      if (Number.isNaN(v)) continue;
      vals.push(v);
      ws.push(w[k]);
    }
    const mean = weightedMean(vals, ws);
    cvm[m] = mean;
    const sq = vals.map((v) => (v - mean) * (v - mean));
    cvsd[m] = Math.sqrt(weightedMean(sq, ws) / (K - 1));
  }
  return { cvm, cvsd, cvup: cvm.map((c, m) => c + cvsd[m]), cvlo: cvm.map((c, m) => c - cvsd[m]) };
}

/** λ_min and λ_1se with their 0-based indices, by glmnet's `getOptcv.glmnet` rules. */
export interface CvOptimum {
  readonly lambdaMin: number;
  readonly lambda1se: number;
  readonly indexMin: number;
  readonly index1se: number;
}

/** glmnet's choice of λ_min / λ_1se; `maximize` for AUC. */
export function cvOptimum(lambda: ArrayLike<number>, cvm: ArrayLike<number>, cvsd: ArrayLike<number>, maximize: boolean): CvOptimum {
  const L = lambda.length;
  const c = Float64Array.from(cvm, (v) => (maximize ? -v : v));
  let best = Infinity;
  for (let m = 0; m < L; m++) if (c[m] < best) best = c[m];
  let lambdaMin = -Infinity;
  for (let m = 0; m < L; m++) if (c[m] <= best && lambda[m] > lambdaMin) lambdaMin = lambda[m];
  let indexMin = 0;
  while (lambda[indexMin] !== lambdaMin) indexMin++;
  const semin = c[indexMin] + cvsd[indexMin];
  let lambda1se = -Infinity;
  for (let m = 0; m < L; m++) if (c[m] <= semin && lambda[m] > lambda1se) lambda1se = lambda[m];
  let index1se = 0;
  while (lambda[index1se] !== lambda1se) index1se++;
  return { lambdaMin, lambda1se, indexMin, index1se };
}
