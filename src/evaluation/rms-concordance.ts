/**
 * The rank statistics that rms's `lrm.fit` (rms 6.5, Fortran `gcorr`) reports as C, Dxy, Gamma and
 * Tau-a. They are not computed from the exact predictions: each predicted probability p is first
 * put into one of 5001 cells, cell = ⌊5000·p + 1⌋ (so probabilities closer than 0.0002 can share a
 * cell), and the statistics are formed from the cell counts, pairs in the same cell counting as
 * ties. `rms::val.prob` takes its `C (ROC)` and `Dxy` from this fit (at intercept 0, slope 1), so
 * they can differ from the exact AUC by ~1e-4. Verified against rms 6.5 output on MASS Pima
 * (C = 0.85037878787878785 binned vs 0.85026737967914434 exact).
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
  const c0 = new Float64Array(cells + 2);
  const c1 = new Float64Array(cells + 2);
  let n1 = 0;
  for (let i = 0; i < y.length; i++) {
    const cell = Math.trunc(cells * prob[i] + 1);
    if (y[i] === 1) { c1[cell]++; n1++; } else c0[cell]++;
  }
  let con = 0;
  let dis = 0;
  let tie = 0;
  // suffix sums of cases above each cell
  let above = n1;
  for (let j = 0; j < c0.length; j++) {
    above -= c1[j];
    const k = c0[j];
    if (k > 0) {
      con += k * above;
      dis += k * (n1 - above - c1[j]);
      tie += k * c1[j];
    }
  }
  const nn = y.length;
  const fn = con + dis + tie;
  return {
    C: (con + tie * 0.5) / fn,
    Dxy: (con - dis) / fn,
    Gamma: con + dis > 0 ? (con - dis) / (con + dis) : 0,
    'Tau-a': (con - dis) / ((nn * (nn - 1)) / 2),
  };
}
