import { binnedConcordanceCounts } from '../models/logistic/concordance.js';

/**
 * The rank statistics that rms's `lrm.fit` (rms 6.5, Fortran `gcorr`) reports as C, Dxy, Gamma and
 * Tau-a. They are not computed from the exact predictions: each predicted probability p is first
 * put into one of 5001 cells, cell = ⌊5000·p + 1⌋ (so probabilities closer than 0.0002 can share a
 * cell), and the statistics are formed from the cell counts, pairs in the same cell counting as
 * ties (counts from `binnedConcordanceCounts` of src/models/logistic). `rms::val.prob` takes its
 * `C (ROC)` and `Dxy` from this fit (at intercept 0, slope 1), so they can differ from the exact AUC
 * by ~1e-4. Verified against rms 6.5 output on MASS Pima (C = 0.85037878787878785 binned vs
 * 0.85026737967914434 exact).
 */

/** Concordance statistics of binned probabilities. */
export interface RmsConcordance {
  /** (concordant + ½·tied) / (pairs with different outcomes). */
  readonly C: number;
  /** Somers' Dxy = (concordant - discordant) / pairs. */
  readonly Dxy: number;
  /** Goodman-Kruskal gamma = (concordant - discordant) / (concordant + discordant). */
  readonly Gamma: number;
  /** Kendall's tau-a = (concordant - discordant) / (n(n-1)/2). */
  readonly 'Tau-a': number;
}

/**
 * rms `lrm.fit`'s binned C, Dxy, Gamma, Tau-a of probabilities `prob` (as rms computes them,
 * plogis of the linear predictor clamped to ±30) against a 0/1 outcome.
 * @param cells number of probability cells minus one (rms 6.5: 5000)
 */
export function rmsBinnedConcordance(prob: ArrayLike<number>, y: ArrayLike<number>, cells = 5000): RmsConcordance {
  const k = binnedConcordanceCounts(prob, y, cells);
  const pairs = k.concordant + k.discordant + k.tied;
  const n = y.length;
  return {
    C: (k.concordant + 0.5 * k.tied) / pairs,
    Dxy: (k.concordant - k.discordant) / pairs,
    Gamma: k.concordant + k.discordant > 0 ? (k.concordant - k.discordant) / (k.concordant + k.discordant) : 0,
    'Tau-a': (k.concordant - k.discordant) / ((n * (n - 1)) / 2),
  };
}
