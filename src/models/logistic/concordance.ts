/**
 * Rank-concordance counts between a score and a binary outcome, and Gini's mean difference —
 * the ingredients of rms `lrm` statistics (C, Dxy, Gamma, Tau-a, g, gp). Exact, O(n log n).
 */

/** Pair counts among the n1·n0 pairs with different outcomes. */
export interface ConcordanceCounts {
  /** Pairs where the event has the higher score. */
  readonly concordant: number;
  /** Pairs where the event has the lower score. */
  readonly discordant: number;
  /** Pairs with equal scores. */
  readonly tied: number;
  readonly events: number;
  readonly nonEvents: number;
}

/** Counts concordant, discordant and tied (score, outcome) pairs over pairs with y_i ≠ y_j. */
export function concordanceCounts(score: ArrayLike<number>, y: ArrayLike<number>): ConcordanceCounts {
  const n = score.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[a] - score[b]);
  let concordant = 0;
  let tied = 0;
  let nonEventsBelow = 0;
  let events = 0;
  let nonEvents = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    let e = 0;
    let ne = 0;
    while (j < n && score[order[j]] === score[order[i]]) {
      if (y[order[j]] === 1) e++; else ne++;
      j++;
    }
    concordant += e * nonEventsBelow;
    tied += e * ne;
    nonEventsBelow += ne;
    events += e;
    nonEvents += ne;
    i = j;
  }
  const discordant = events * nonEvents - concordant - tied;
  return { concordant, discordant, tied, events, nonEvents };
}

/**
 * Gini's mean difference: mean |x_i - x_j| over all ordered pairs i ≠ j
 * (= 2·Σ_k (2k - n - 1)·x_(k) / (n(n-1)) over the sorted values; Hmisc `GiniMd`).
 */
export function giniMeanDifference(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return NaN;
  const s = Float64Array.from(x).sort();
  let acc = 0;
  for (let k = 0; k < n; k++) acc += (2 * (k + 1) - n - 1) * s[k];
  return (2 * acc) / (n * (n - 1));
}

/**
 * Concordance counts as rms 6.5's `lrm.fit` forms them (its Fortran rank-correlation routine):
 * each probability p is first put in cell ⌊cells·p + 1⌋ (cells = 5000, i.e. a 0.0002 grid), and
 * pairs in the same cell count as tied. rms reports C, Dxy, Gamma and Tau-a from these counts, so
 * they can differ from the exact rank statistics by a few pairs (MASS Pima: 2 of 8976 pairs).
 */
export function binnedConcordanceCounts(prob: ArrayLike<number>, y: ArrayLike<number>, cells = 5000): ConcordanceCounts {
  const binned = new Float64Array(prob.length);
  for (let i = 0; i < prob.length; i++) binned[i] = Math.floor(cells * prob[i] + 1);
  return concordanceCounts(binned, y);
}
