/**
 * Correlation-redundancy filter, fitted on training rows: among features correlated above a threshold
 * (|r| > `threshold`, Pearson or Spearman), keep the one with the better univariate association with the
 * outcome and drop the others.
 *
 * Rule (greedy, deterministic): rank the features by their univariate criterion — `"p"` (default): the
 * Mann-Whitney p-value, smaller is better; `"auc"`: |AUC - 0.5| (the Mann-Whitney AUC, direction-free),
 * larger is better; ties keep column order — then walk down that ranking and keep a feature unless its
 * |r| with an already kept feature exceeds the threshold. Each dropped feature records the kept feature
 * that caused it. This keeps, of every highly correlated pair, the better feature.
 */
import { InvalidInputError } from '../core/errors.js';
import { columnView, toBinaryLabels, toColumnMajor, type MatrixInput } from './matrix.js';
import { correlationMatrix, type CorrelationMethod } from './correlation.js';
import { FittedSelector } from './selector.js';
import { mannWhitneyTest } from './univariate-tests.js';

/** Options of {@link CorrelationRedundancyFilter}. */
export interface RedundancyFilterOptions {
  /** |r| above which two features are redundant (default 0.9). */
  readonly threshold?: number;
  /** Correlation (default `"spearman"`, robust to skewed radiomics features). */
  readonly method?: CorrelationMethod;
  /** Univariate criterion deciding which feature of a pair stays (default `"p"`). */
  readonly rankBy?: 'p' | 'auc';
}

/** A fitted redundancy filter: kept columns plus why the others were dropped. */
export class FittedRedundancyFilter extends FittedSelector {
  /** Dropped columns: index, the kept column it correlates with, and their r. */
  readonly dropped: readonly { readonly index: number; readonly keptInstead: number; readonly r: number }[];
  /** Univariate criterion value of every column (p-value or |AUC - 0.5|). */
  readonly criterion: Float64Array;
  constructor(selected: number[], p: number, names: readonly string[] | undefined, dropped: FittedRedundancyFilter['dropped'], criterion: Float64Array) {
    super(selected, p, names);
    this.dropped = dropped;
    this.criterion = criterion;
  }
}

/** The correlation-redundancy filter (see the module comment). */
export class CorrelationRedundancyFilter {
  readonly options: Required<RedundancyFilterOptions>;
  constructor(options: RedundancyFilterOptions = {}) {
    this.options = Object.freeze({ threshold: options.threshold ?? 0.9, method: options.method ?? 'spearman', rankBy: options.rankBy ?? 'p' });
    const t = this.options.threshold;
    if (!(t > 0 && t <= 1)) throw new InvalidInputError('the correlation threshold must be in (0, 1]', { found: String(t) });
  }

  fit(x: MatrixInput, y: ArrayLike<number>, names?: readonly string[]): FittedRedundancyFilter {
    const m = toColumnMajor(x, 'X');
    const yy = toBinaryLabels(y, m.nrow, 'y');
    const p = m.ncol;
    const i1: number[] = [];
    const i0: number[] = [];
    yy.forEach((v, i) => (v === 1 ? i1 : i0).push(i));
    const crit = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      const c = columnView(m, j);
      const mw = mannWhitneyTest(Float64Array.from(i1, (i) => c[i]), Float64Array.from(i0, (i) => c[i]));
      crit[j] = this.options.rankBy === 'p' ? mw.pValue : Math.abs(mw.W / (i1.length * i0.length) - 0.5);
    }
    const order = Array.from({ length: p }, (_, j) => j).sort((a, b) => (this.options.rankBy === 'p' ? crit[a] - crit[b] : crit[b] - crit[a]) || a - b);
    const r = correlationMatrix(m, this.options.method);
    const kept: number[] = [];
    const dropped: { index: number; keptInstead: number; r: number }[] = [];
    for (const j of order) {
      let by = -1;
      for (const k of kept) if (Math.abs(r[j * p + k]) > this.options.threshold) { by = k; break; }
      if (by < 0) kept.push(j); else dropped.push({ index: j, keptInstead: by, r: r[j * p + by] });
    }
    return new FittedRedundancyFilter(kept, p, names, dropped, crit);
  }
}
