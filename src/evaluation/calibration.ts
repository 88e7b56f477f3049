/**
 * Calibration of predicted probabilities against binary outcomes, as `rms::val.prob(p, y)` (rms 6.5,
 * Harrell, Regression Modeling Strategies §10.11), with exact logistic recalibration and
 * calibration-in-the-large, R's lowess calibration curve, Spiegelhalter's z and Hosmer-Lemeshow.
 *
 * With logit = log(p/(1-p)), n subjects and ȳ the event rate:
 * - L0 = -2 Σ[y log ȳ + (1-y) log(1-ȳ)], L01 = -2 Σ[y·logit - log(1 + e^logit)] (predictions as given);
 * - `D:Chi-sq` = L0 - L01, `D` = (D:Chi-sq - 1)/n, `R2` = (1 - e^{-D:Chi-sq/n}) / (1 - e^{-L0/n});
 * - recalibration glm(y ~ logit): `Intercept`, `Slope`; `U:Chi-sq` = L01 - its deviance,
 *   `U` = (U:Chi-sq - 2)/n, `U:p` = P(χ²₂ > U:Chi-sq), `Q` = D - U;
 * - `Brier` = mean((p - y)²); `C (ROC)`, `Dxy` as rms computes them from probabilities binned in
 *   5001 cells ({@link rmsBinnedConcordance}); the exact AUC is given as `c_index_exact`;
 * - `Emax`, `E90`, `Eavg` = max, type-7 0.9-quantile and mean of |p - s(p)|, s = lowess(p, y, iter = 0);
 * - Spiegelhalter (1986): `S:z` = Σ(y-p)(1-2p) / √Σ(1-2p)²p(1-p), `S:p` = 2·pnorm(-|z|).
 * rms reports `D:p` as NA; it is kept `null` here and given as `D_p_computed` = P(χ²₁ > D:Chi-sq).
 */
import { fitLogistic } from '../models/logistic/index.js';
import { pchisq, pnorm } from '../math/distributions.js';
import { quantile } from '../math/quantile.js';
import { hosmerLemeshow, type HosmerLemeshow } from './hosmer-lemeshow.js';
import { lowess, lowessAt } from './lowess.js';
import { aucMannWhitney } from './placements.js';
import { rmsBinnedConcordance } from './rms-concordance.js';
import { checkBinaryScores, checkProbabilities, splitByClass } from './validate.js';

/** `val_prob`: rms val.prob's statistics, under rms's names. */
export interface ValProbStats {
  readonly Dxy: number;
  readonly 'C (ROC)': number;
  readonly R2: number;
  readonly D: number;
  readonly 'D:Chi-sq': number;
  /** rms 6.5 returns NA; see {@link CalibrationBlock.D_p_computed}. */
  readonly 'D:p': null;
  readonly U: number;
  readonly 'U:Chi-sq': number;
  readonly 'U:p': number;
  readonly Q: number;
  readonly Brier: number;
  readonly Intercept: number;
  readonly Slope: number;
  readonly Emax: number;
  readonly E90: number;
  readonly Eavg: number;
  readonly 'S:z': number;
  readonly 'S:p': number;
}

/** Logistic recalibration logit P(y=1) = a + b·logit(p), fitted exactly (glm converged to 1e-14). */
export interface Recalibration {
  readonly intercept: number;
  readonly slope: number;
  /** Residual deviance of the recalibration fit. */
  readonly deviance: number;
}

/** The calibration block (reference `calibration_*`). */
export interface CalibrationBlock {
  readonly n: number;
  /** Exact c-index (AUC, ties ½) of the probabilities (val.prob's `C (ROC)` is binned). */
  readonly c_index_exact: number;
  readonly val_prob: ValProbStats;
  readonly D_p_computed: number;
  readonly recalibration_exact: Recalibration;
  /** glm(y ~ 1, offset = logit(p)): the intercept with the slope fixed at 1. */
  readonly calibration_in_the_large: { readonly intercept: number };
  readonly formulas: { readonly L0: number; readonly L01: number; readonly D_chisq: number };
  /** lowess(p, y, iter = 0): x = sorted p, y = smoothed observed rate. */
  readonly lowess: { readonly x: Float64Array; readonly y: Float64Array };
  readonly hosmer_lemeshow: { readonly resourceselection_replica: HosmerLemeshow };
}

/** Options of {@link calibrationAnalysis}. */
export interface CalibrationOptions {
  /** Hosmer-Lemeshow groups (default 10). */
  readonly hlGroups?: number;
}

/** Exact logistic recalibration y ~ logit(p) (intercept, slope, deviance). */
export function logisticRecalibration(y: ArrayLike<number>, p: ArrayLike<number>): Recalibration {
  checkBinaryScores(y, p, 'probability');
  checkProbabilities(p);
  const lg = Array.from(p as ArrayLike<number>, (v) => [Math.log(v / (1 - v))]);
  const fit = fitLogistic(lg, y, { termNames: ['logit'] });
  return { intercept: fit.coefficients[0], slope: fit.coefficients[1], deviance: fit.deviance };
}

/** Calibration-in-the-large: the intercept of glm(y ~ 1, offset = logit(p)). */
export function calibrationInTheLarge(y: ArrayLike<number>, p: ArrayLike<number>): number {
  checkBinaryScores(y, p, 'probability');
  checkProbabilities(p);
  const offset = Float64Array.from(p as ArrayLike<number>, (v) => Math.log(v / (1 - v)));
  const fit = fitLogistic(Array.from({ length: y.length }, () => []), y, { offset });
  return fit.coefficients[0];
}

/** Spiegelhalter's z statistic and its two-sided p-value. */
export function spiegelhalter(y: ArrayLike<number>, p: ArrayLike<number>): { z: number; p_value: number } {
  let num = 0;
  let den = 0;
  for (let i = 0; i < y.length; i++) {
    const a = 1 - 2 * p[i];
    num += (y[i] - p[i]) * a;
    den += a * a * p[i] * (1 - p[i]);
  }
  const z = num / Math.sqrt(den);
  return { z, p_value: 2 * pnorm(-Math.abs(z)) };
}

/**
 * Full calibration analysis of probabilities `p` for outcomes `y` (same length, 1 = event).
 * @throws InvalidInputError for non-binary y, a single class, p outside (0, 1)
 * @throws ModelFitError when the recalibration fit is separated (perfect discrimination)
 */
export function calibrationAnalysis(y: ArrayLike<number>, p: ArrayLike<number>, opts: CalibrationOptions = {}): CalibrationBlock {
  checkBinaryScores(y, p, 'probability');
  checkProbabilities(p);
  const n = y.length;
  let events = 0;
  for (let i = 0; i < n; i++) events += y[i];
  const ybar = events / n;
  let l0 = 0;
  let l01 = 0;
  let brier = 0;
  for (let i = 0; i < n; i++) {
    const lg = Math.log(p[i] / (1 - p[i]));
    l0 += y[i] * Math.log(ybar) + (1 - y[i]) * Math.log(1 - ybar);
    l01 += y[i] * lg - Math.log(1 + Math.exp(lg));
    brier += (p[i] - y[i]) * (p[i] - y[i]);
  }
  l0 *= -2;
  l01 *= -2;
  brier /= n;
  const lr = l0 - l01;
  const recal = logisticRecalibration(y, p);
  const uChisq = l01 - recal.deviance;
  const D = (lr - 1) / n;
  const U = (uChisq - 2) / n;
  const { cases, controls } = splitByClass(y, p);
  const cExact = aucMannWhitney(cases, controls, '<');
  const binned = rmsBinnedConcordance(Array.from(p as ArrayLike<number>, (v) => {
    const lg = Math.max(-30, Math.min(30, Math.log(v / (1 - v))));
    return 1 / (1 + Math.exp(-lg));
  }), y);
  const curve = lowess(p, y, { iter: 0 });
  const smooth = lowessAt(curve, p);
  const err = Float64Array.from(smooth, (s, i) => Math.abs(p[i] - s));
  let eavg = 0;
  let emax = -Infinity;
  for (const e of err) {
    eavg += e;
    if (e > emax) emax = e;
  }
  eavg /= n;
  const sp = spiegelhalter(y, p);
  return {
    n,
    c_index_exact: cExact,
    val_prob: {
      Dxy: binned.Dxy, 'C (ROC)': binned.C,
      R2: (1 - Math.exp(-lr / n)) / (1 - Math.exp(-l0 / n)),
      D, 'D:Chi-sq': lr, 'D:p': null,
      U, 'U:Chi-sq': uChisq, 'U:p': pchisq(uChisq, 2, false), Q: D - U,
      Brier: brier, Intercept: recal.intercept, Slope: recal.slope,
      Emax: emax, E90: quantile(err, [0.9])[0], Eavg: eavg,
      'S:z': sp.z, 'S:p': sp.p_value,
    },
    D_p_computed: pchisq(lr, 1, false),
    recalibration_exact: recal,
    calibration_in_the_large: { intercept: calibrationInTheLarge(y, p) },
    formulas: { L0: l0, L01: l01, D_chisq: lr },
    lowess: { x: curve.x, y: curve.y },
    hosmer_lemeshow: { resourceselection_replica: hosmerLemeshow(y, p, opts.hlGroups ?? 10) },
  };
}
