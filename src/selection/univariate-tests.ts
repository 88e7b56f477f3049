/**
 * Two-group univariate tests used to screen radiomics features (group 1 = events, group 0 = non-events):
 *
 * - Mann-Whitney U / Wilcoxon rank-sum as R's `wilcox.test(x1, x0, exact = FALSE, correct = TRUE)`:
 *   W = Σ ranks of group 1 - n1(n1+1)/2 (average ranks for ties); z = (W - n1·n0/2 - sign·½)/σ with
 *   σ² = n1·n0/12 · ((n+1) - Σ(t³-t)/(n(n-1))) (tie correction); two-sided p = 2·min(Φ(z), 1-Φ(z)).
 * - Welch's t-test as R's `t.test(x1, x0, var.equal = FALSE)`: t = (m1-m0)/sqrt(s1²/n1 + s0²/n0),
 *   Welch-Satterthwaite df, two-sided p from Student's t.
 */
import { InvalidInputError } from '../core/errors.js';
import { pnorm, pt } from '../math/distributions.js';
import { rankAverage, tieGroupSizes } from '../math/rank.js';
import { accurateMean, sampleVariance } from './sums.js';

/** Result of {@link mannWhitneyTest}. */
export interface MannWhitneyResult {
  /** R's W: the Mann-Whitney U of group 1. */
  readonly W: number;
  /** Normal-approximation z with continuity correction. */
  readonly z: number;
  /** Two-sided p-value. */
  readonly pValue: number;
}

function checkGroups(x1: ArrayLike<number>, x0: ArrayLike<number>, min: number, test: string): void {
  if (x1.length < min || x0.length < min) {
    throw new InvalidInputError(`${test} needs at least ${min} values per group`, { found: `${x1.length} and ${x0.length}` });
  }
  for (const x of [x1, x0]) for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) throw new InvalidInputError(`${test}: missing or non-finite value`, { found: String(x[i]), fix: 'drop or impute missing values first.' });
  }
}

/** Mann-Whitney U test of group 1 (`x1`) against group 0 (`x0`), normal approximation (see the module comment). */
export function mannWhitneyTest(x1: ArrayLike<number>, x0: ArrayLike<number>): MannWhitneyResult {
  checkGroups(x1, x0, 1, 'the Mann-Whitney test');
  const n1 = x1.length;
  const n0 = x0.length;
  const all = new Float64Array(n1 + n0);
  all.set(x1 as ArrayLike<number>, 0);
  all.set(x0 as ArrayLike<number>, n1);
  const r = rankAverage(all);
  let rs = 0;
  for (let i = 0; i < n1; i++) rs += r[i];
  const W = rs - (n1 * (n1 + 1)) / 2;
  const n = n1 + n0;
  let ties = 0;
  for (const t of tieGroupSizes(all)) ties += t * t * t - t;
  const sigma = Math.sqrt((n1 * n0 / 12) * ((n + 1) - ties / (n * (n - 1))));
  const d = W - (n1 * n0) / 2;
  const z = (d - Math.sign(d) * 0.5) / sigma;
  const pValue = 2 * Math.min(pnorm(z), pnorm(z, false));
  return { W, z, pValue };
}

/** Result of {@link welchTTest}. */
export interface WelchTResult {
  readonly t: number;
  readonly df: number;
  readonly pValue: number;
  /** Group means. */
  readonly mean1: number;
  readonly mean0: number;
}

/** Welch's two-sample t-test of group 1 against group 0 (see the module comment). */
export function welchTTest(x1: ArrayLike<number>, x0: ArrayLike<number>): WelchTResult {
  checkGroups(x1, x0, 2, 'the Welch t-test');
  const n1 = x1.length;
  const n0 = x0.length;
  const m1 = accurateMean(x1);
  const m0 = accurateMean(x0);
  const se1 = Math.sqrt(sampleVariance(x1) / n1);
  const se0 = Math.sqrt(sampleVariance(x0) / n0);
  const se = Math.sqrt(se1 ** 2 + se0 ** 2);
  if (!(se > 0)) {
    throw new InvalidInputError('the Welch t-test is undefined for a feature that is constant within both groups', { found: `values ${x1[0]} and ${x0[0]}`, fix: 'remove constant features before screening.' });
  }
  const df = se ** 4 / (se1 ** 4 / (n1 - 1) + se0 ** 4 / (n0 - 1));
  const t = (m1 - m0) / se;
  return { t, df, pValue: 2 * pt(-Math.abs(t), df), mean1: m1, mean0: m0 };
}
