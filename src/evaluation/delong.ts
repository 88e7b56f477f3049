/**
 * DeLong's nonparametric variance and tests for AUCs (DeLong, DeLong & Clarke-Pearson, Biometrics
 * 1988), with pROC 1.18's conventions:
 * - variance: S = Σ(V10 - θ)²/((m-1)·m) + Σ(V01 - θ)²/((n-1)·n), m cases, n controls;
 * - CI (`ci.auc(method = "delong")`): qnorm(α/2, θ, √S), qnorm(1-α/2, θ, √S), clipped to [0, 1];
 * - paired test (`roc.test(paired = TRUE)`): Z = (θ₁-θ₂)/√(S₁₁+S₂₂-2S₁₂), two-sided normal p,
 *   CI of the difference (θ₁-θ₂) ± z_{1-α/2}·√(…), with S₁₂ from the covariances of the placements;
 * - unpaired test (`paired = FALSE`): D = (θ₁-θ₂)/√(S₁+S₂), Welch-type
 *   df = (S₁+S₂)² / (S₁²/(N₁-1) + S₂²/(N₂-1)), N = cases + controls, p = 2·pt(-|D|, df).
 */
import { InvalidInputError } from '../core/errors.js';
import { pnorm, pt, qnorm } from '../math/distributions.js';
import type { Placements } from './placements.js';

/** DeLong variance, standard error and confidence interval of one AUC. */
export interface DelongCi {
  /** DeLong variance of the AUC. */
  readonly var: number;
  /** √var. */
  readonly se: number;
  readonly ci_lower: number;
  readonly ci_upper: number;
  readonly conf_level: number;
}

function checkLevel(conf: number): void {
  if (!(conf > 0 && conf < 1)) throw new InvalidInputError('confidence level must be between 0 and 1', { found: String(conf), fix: 'e.g. 0.95' });
}

/** Σ(v - center)² / (len - 1). */
function sumSqDev(v: Float64Array, center: number): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    const d = v[i] - center;
    s += d * d;
  }
  return s / (v.length - 1);
}

/** DeLong variance of the AUC from its placements (pROC `var(roc, method = "delong")`). */
export function delongVariance(p: Placements): number {
  const m = p.cases.length;
  const n = p.controls.length;
  if (m < 2 || n < 2) {
    throw new InvalidInputError('DeLong variance needs at least 2 cases and 2 controls', { found: `${m} cases, ${n} controls` });
  }
  return sumSqDev(p.cases, p.theta) / m + sumSqDev(p.controls, p.theta) / n;
}

/** DeLong variance, SE and CI (pROC `ci.auc(method = "delong", conf.level)`). */
export function delongCi(p: Placements, confLevel = 0.95): DelongCi {
  checkLevel(confLevel);
  const v = delongVariance(p);
  const se = Math.sqrt(v);
  const a = (1 - confLevel) / 2;
  const lo = p.theta + se * qnorm(a);
  const hi = p.theta + se * qnorm(1 - a);
  return { var: v, se, ci_lower: Math.max(0, Math.min(1, lo)), ci_upper: Math.max(0, Math.min(1, hi)), conf_level: confLevel };
}

function mean(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s / v.length;
}

/** Sample covariance of two equally long vectors (denominator len - 1). */
function covariance(a: Float64Array, b: Float64Array): number {
  const ma = mean(a);
  const mb = mean(b);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - ma) * (b[i] - mb);
  return s / (a.length - 1);
}

function checkPaired(p1: Placements, p2: Placements): void {
  if (p1.cases.length !== p2.cases.length || p1.controls.length !== p2.controls.length) {
    throw new InvalidInputError('paired DeLong needs two ROC curves on the same subjects', {
      expected: 'the same cases and controls for both scores',
      found: `${p1.cases.length}/${p1.controls.length} vs ${p2.cases.length}/${p2.controls.length} cases/controls`,
      fix: 'use the unpaired test for independent cohorts.',
    });
  }
}

/** DeLong covariance of two AUCs on the same subjects (pROC `cov(r1, r2, method = "delong")`). */
export function delongCovariance(p1: Placements, p2: Placements): number {
  checkPaired(p1, p2);
  return covariance(p1.cases, p2.cases) / p1.cases.length + covariance(p1.controls, p2.controls) / p1.controls.length;
}

/** Result of the paired DeLong test, field names as in the reference JSON. */
export interface PairedDelongTest {
  readonly auc_1: number;
  readonly auc_2: number;
  /** (auc_1 - auc_2) / √(var_1 + var_2 - 2·cov_12). */
  readonly Z: number;
  /** 2·pnorm(-|Z|). */
  readonly p_value: number;
  readonly diff_ci_lower: number;
  readonly diff_ci_upper: number;
  readonly conf_level: number;
  readonly var_1: number;
  readonly var_2: number;
  readonly cov_12: number;
}

/**
 * Paired DeLong test of two correlated AUCs (same subjects, placements in the same subject order).
 * The variances of the difference use the covariance matrix of the placements, as pROC.
 */
export function pairedDelongTest(p1: Placements, p2: Placements, confLevel = 0.95): PairedDelongTest {
  checkLevel(confLevel);
  checkPaired(p1, p2);
  const m = p1.cases.length;
  const n = p1.controls.length;
  const s11 = covariance(p1.cases, p1.cases) / m + covariance(p1.controls, p1.controls) / n;
  const s22 = covariance(p2.cases, p2.cases) / m + covariance(p2.controls, p2.controls) / n;
  const s12 = covariance(p1.cases, p2.cases) / m + covariance(p1.controls, p2.controls) / n;
  const varDiff = s11 + s22 - 2 * s12;
  if (!(varDiff > 0)) {
    throw new InvalidInputError('paired DeLong test is undefined: the two scores rank the subjects identically', {
      expected: 'two scores whose placements differ', found: `variance of the AUC difference ${varDiff}`,
      fix: 'the scores are equivalent for ROC analysis (one is a monotone transform of the other); there is nothing to test.',
    });
  }
  const diff = p1.theta - p2.theta;
  const sig = Math.sqrt(varDiff);
  const z = diff / sig;
  const crit = qnorm(1 - (1 - confLevel) / 2);
  return {
    auc_1: p1.theta, auc_2: p2.theta, Z: z, p_value: 2 * pnorm(-Math.abs(z)),
    diff_ci_lower: diff - crit * sig, diff_ci_upper: diff + crit * sig, conf_level: confLevel,
    var_1: delongVariance(p1), var_2: delongVariance(p2), cov_12: s12,
  };
}

/** Result of the unpaired DeLong test, field names as in the reference JSON. */
export interface UnpairedDelongTest {
  readonly n_controls_1: number;
  readonly n_cases_1: number;
  readonly n_controls_2: number;
  readonly n_cases_2: number;
  readonly auc_1: number;
  readonly auc_2: number;
  readonly var_1: number;
  readonly var_2: number;
  /** (auc_1 - auc_2) / √(var_1 + var_2). */
  readonly D: number;
  /** Welch-type degrees of freedom. */
  readonly df: number;
  /** 2·pt(-|D|, df). */
  readonly p_value: number;
}

/** Unpaired DeLong test of two AUCs from independent cohorts (pROC `roc.test(paired = FALSE)`). */
export function unpairedDelongTest(p1: Placements, p2: Placements): UnpairedDelongTest {
  const s1 = delongVariance(p1);
  const s2 = delongVariance(p2);
  const n1 = p1.cases.length + p1.controls.length;
  const n2 = p2.cases.length + p2.controls.length;
  if (!(s1 + s2 > 0)) {
    throw new InvalidInputError('unpaired DeLong test is undefined: both AUCs have zero DeLong variance', {
      found: `AUCs ${p1.theta} and ${p2.theta} (perfect or constant ranking in both cohorts)`,
      fix: 'with perfect separation in both cohorts the AUCs cannot be compared by DeLong\'s method.',
    });
  }
  const d = (p1.theta - p2.theta) / Math.sqrt(s1 + s2);
  const df = ((s1 + s2) * (s1 + s2)) / ((s1 * s1) / (n1 - 1) + (s2 * s2) / (n2 - 1));
  return {
    n_controls_1: p1.controls.length, n_cases_1: p1.cases.length,
    n_controls_2: p2.controls.length, n_cases_2: p2.cases.length,
    auc_1: p1.theta, auc_2: p2.theta, var_1: s1, var_2: s2, D: d, df, p_value: 2 * pt(-Math.abs(d), df),
  };
}
