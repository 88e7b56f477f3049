/**
 * The model statistics rms `lrm` prints (`fit$stats`, rms 6.5 with Hmisc 4.8), from a fitted
 * logistic regression:
 *
 * - `Obs` = n; `Model L.R.` = null deviance - deviance; `d.f.` = number of non-intercept coefficients;
 *   `P` = 1 - pchisq(LR, d.f.) (computed as rms does, i.e. 1 minus the lower tail, so it bottoms out
 *   at multiples of 2^-53; `pUpperTail` holds the accurate upper tail).
 * - `C` = concordance of the fitted probabilities with y (ties 1/2); `Dxy` = (Nc - Nd)/(n1·n0);
 *   `Gamma` = (Nc - Nd)/(Nc + Nd); `Tau-a` = (Nc - Nd)/(n(n-1)/2). As in rms 6.5 the pairs are counted
 *   on probabilities binned to cells ⌊5000·p + 1⌋ ({@link binnedConcordanceCounts}); the exact
 *   values (Hmisc `somers2`) are `cExact` and `dxyExact`.
 * - `R2` (Nagelkerke) = (1 - exp(-LR/n))/(1 - exp(-L0/n)), L0 = null deviance;
 *   `R2(n)` = 1 - exp(-LR/n), `R2(p,n)` = 1 - exp(-max(LR - p, 0)/n), and the same with the effective
 *   sample size m = n(1 - (n0/n)³ - (n1/n)³) (Hmisc `R2Measures`; m printed as `round(m, 1)`).
 * - `Brier` = mean((p - y)²); `g` = Gini mean difference of the linear predictor, `gr` = exp(g),
 *   `gp` = Gini mean difference of the probabilities.
 */
import { InvalidInputError } from '../../core/errors.js';
import { pchisq } from '../../math/distributions.js';
import { binnedConcordanceCounts, concordanceCounts, giniMeanDifference } from './concordance.js';
import type { LogisticFit } from './fit.js';

/** rms `lrm` statistics (see the module documentation for the definitions). */
export interface LrmStatistics {
  readonly obs: number;
  readonly modelLR: number;
  readonly df: number;
  /** 1 - pchisq(LR, df) as rms computes it. */
  readonly p: number;
  /** pchisq(LR, df, lower.tail = FALSE): the accurate tail probability. */
  readonly pUpperTail: number;
  readonly c: number;
  readonly dxy: number;
  /** Exact concordance (no binning; Hmisc `somers2` C). */
  readonly cExact: number;
  /** Exact Somers' Dxy = 2(cExact - 0.5). */
  readonly dxyExact: number;
  readonly gamma: number;
  readonly tauA: number;
  readonly r2: number;
  readonly r2n: number;
  readonly r2pn: number;
  /** Effective sample size m = n(1 - (n0/n)³ - (n1/n)³). */
  readonly effectiveN: number;
  readonly r2m: number;
  readonly r2pm: number;
  readonly brier: number;
  readonly g: number;
  readonly gr: number;
  readonly gp: number;
}

/** R's `as.character(round(x, 1))`: at most 15 significant digits, no trailing zeros. */
export function formatRounded1(x: number): string {
  const r = Math.round(x * 10) / 10;
  return String(Number(r.toPrecision(15)));
}

/**
 * Computes the rms `lrm` statistics of a fit with unit weights and an intercept.
 * @throws InvalidInputError for a weighted fit or a fit without intercept (rms does not define them the same way).
 */
export function lrmStatistics(fit: LogisticFit): LrmStatistics {
  if (!fit.hasIntercept) throw new InvalidInputError('lrm statistics need a model with an intercept');
  if (fit.weights.some((w) => w !== 1)) throw new InvalidInputError('lrm statistics are defined here for unweighted fits only', { fix: 'fit without weights.' });
  const n = fit.nObs;
  const y = fit.y;
  const prob = fit.fittedValues;
  const lr = fit.nullDeviance - fit.deviance;
  const df = fit.coefficients.length - 1;
  const cc = binnedConcordanceCounts(prob, y);
  const exact = concordanceCounts(prob, y);
  const pairs = cc.events * cc.nonEvents;
  const c = (cc.concordant + 0.5 * cc.tied) / pairs;
  const cExact = (exact.concordant + 0.5 * exact.tied) / pairs;
  const diff = cc.concordant - cc.discordant;
  const r2n = 1 - Math.exp(-lr / n);
  const r2pn = 1 - Math.exp(-Math.max(lr - df, 0) / n);
  const p0 = cc.nonEvents / n;
  const p1 = cc.events / n;
  const m = n * (1 - (p0 ** 3 + p1 ** 3));
  let brier = 0;
  for (let i = 0; i < n; i++) brier += (prob[i] - y[i]) ** 2;
  const g = giniMeanDifference(fit.linearPredictors);
  return {
    obs: n,
    modelLR: lr,
    df,
    p: 1 - pchisq(lr, df),
    pUpperTail: pchisq(lr, df, false),
    c,
    dxy: diff / pairs,
    cExact,
    dxyExact: 2 * (cExact - 0.5),
    gamma: diff / (cc.concordant + cc.discordant),
    tauA: diff / ((n * (n - 1)) / 2),
    r2: r2n / (1 - Math.exp(-fit.nullDeviance / n)),
    r2n,
    r2pn,
    effectiveN: m,
    r2m: 1 - Math.exp(-lr / m),
    r2pm: 1 - Math.exp(-Math.max(lr - df, 0) / m),
    brier: brier / n,
    g,
    gr: Math.exp(g),
    gp: giniMeanDifference(prob),
  };
}

/** The statistics keyed and ordered as rms prints `fit$stats` (without `Max Deriv`). */
export function lrmStatsRecord(s: LrmStatistics): Record<string, number> {
  const n = formatRounded1(s.obs);
  const m = formatRounded1(s.effectiveN);
  return {
    Obs: s.obs,
    'Model L.R.': s.modelLR,
    'd.f.': s.df,
    P: s.p,
    C: s.c,
    Dxy: s.dxy,
    Gamma: s.gamma,
    'Tau-a': s.tauA,
    R2: s.r2,
    [`R2(${n})`]: s.r2n,
    [`R2(${s.df},${n})`]: s.r2pn,
    [`R2(${m})`]: s.r2m,
    [`R2(${s.df},${m})`]: s.r2pm,
    Brier: s.brier,
    g: s.g,
    gr: s.gr,
    gp: s.gp,
  };
}
