/**
 * Minimum-redundancy maximum-relevance (mRMR) feature ranking (Peng, Long & Ding 2005, IEEE TPAMI 27:1226),
 * fitted on training rows. Variant (documented because implementations differ; there is no R reference):
 *
 * - mutual information from correlation, as mRMRe's default continuous estimator (De Jay et al. 2013):
 *   I(a; b) = -½ ln(1 - ρ²), with ρ = Pearson (default) or Spearman correlation; the outcome enters as
 *   its 0/1 codes (ρ = point-biserial correlation);
 * - greedy forward selection: first the feature of largest relevance I(x_j; y); then at each step the
 *   feature maximising the MID score I(x_j; y) - mean_{s ∈ S} I(x_j; x_s) (or, with `scheme: "MIQ"`, the
 *   quotient I(x_j; y) / mean_{s ∈ S} I(x_j; x_s)); ties go to the lower column index.
 */
import { InvalidInputError } from '../core/errors.js';
import { toBinaryLabels, toColumnMajor, type MatrixInput } from './matrix.js';
import { correlationMatrix, type CorrelationMethod } from './correlation.js';
import { FittedSelector } from './selector.js';

/** Gaussian mutual information of a correlation: -½ ln(1 - ρ²) (∞ for |ρ| = 1). */
export function correlationMutualInformation(rho: number): number {
  const r2 = rho * rho;
  return r2 >= 1 ? Infinity : -0.5 * Math.log1p(-r2);
}

/** Options of {@link MrmrRanker}. */
export interface MrmrOptions {
  /** Number of features to rank/select (default: all). */
  readonly k?: number;
  /** Correlation behind the mutual information (default `"pearson"`). */
  readonly method?: CorrelationMethod;
  /** `"MID"` (difference, default) or `"MIQ"` (quotient). */
  readonly scheme?: 'MID' | 'MIQ';
}

/** The fitted ranking: order of selection with relevance and score at selection time. */
export class FittedMrmr extends FittedSelector {
  /** Column indices in order of selection. */
  readonly ranking: readonly number[];
  /** Relevance I(x_j; y) of every column. */
  readonly relevance: Float64Array;
  /** mRMR score of each ranked feature when it was selected (relevance for the first). */
  readonly scores: readonly number[];
  constructor(ranking: number[], p: number, names: readonly string[] | undefined, relevance: Float64Array, scores: number[]) {
    super(ranking, p, names);
    this.ranking = Object.freeze(ranking);
    this.relevance = relevance;
    this.scores = Object.freeze(scores);
  }
}

/** mRMR ranking (see the module comment). */
export class MrmrRanker {
  readonly options: MrmrOptions;
  constructor(options: MrmrOptions = {}) {
    this.options = Object.freeze({ ...options });
  }
  fit(x: MatrixInput, y: ArrayLike<number>, names?: readonly string[]): FittedMrmr {
    const m = toColumnMajor(x, 'X');
    const yy = toBinaryLabels(y, m.nrow, 'y');
    const p = m.ncol;
    const k = this.options.k ?? p;
    if (!Number.isInteger(k) || k < 1 || k > p) throw new InvalidInputError('mRMR k must be an integer in 1..p', { found: String(k) });
    const method = this.options.method ?? 'pearson';
    const scheme = this.options.scheme ?? 'MID';
    // one correlation matrix over [features, y]
    const data = new Float64Array(m.nrow * (p + 1));
    data.set(m.data, 0);
    data.set(yy, m.nrow * p);
    const r = correlationMatrix({ nrow: m.nrow, ncol: p + 1, data }, method);
    const q = p + 1;
    const rel = Float64Array.from({ length: p }, (_, j) => correlationMutualInformation(r[j * q + p]));
    const redSum = new Float64Array(p);
    const chosen = new Uint8Array(p);
    const ranking: number[] = [];
    const scores: number[] = [];
    for (let step = 0; step < k; step++) {
      let best = -1;
      let bestScore = -Infinity;
      for (let j = 0; j < p; j++) {
        if (chosen[j]) continue;
        let s: number;
        if (step === 0) s = rel[j];
        else {
          const red = redSum[j] / step;
          s = scheme === 'MID' ? rel[j] - red : red > 0 ? rel[j] / red : Infinity;
        }
        if (Number.isNaN(s)) s = -Infinity;
        if (best < 0 || s > bestScore) { best = j; bestScore = s; }
      }
      chosen[best] = 1;
      ranking.push(best);
      scores.push(bestScore);
      for (let j = 0; j < p; j++) if (!chosen[j]) redSum[j] += correlationMutualInformation(r[j * q + best]);
    }
    return new FittedMrmr(ranking, p, names, rel, scores);
  }
}
