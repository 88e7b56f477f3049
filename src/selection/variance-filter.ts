/**
 * Variance filters fitted on training rows:
 * - `VarianceThresholdFilter` keeps columns whose population variance (1/n) exceeds `threshold`
 *   (default 0: drops constant columns), as scikit-learn's `VarianceThreshold`;
 * - `NearZeroVarianceFilter` drops near-zero-variance columns by caret's `nearZeroVar` rule: a column is
 *   dropped when it has a single value, or when the frequency ratio of its most common to its second most
 *   common value exceeds `freqCut` (default 95/5) and the percentage of distinct values is at most
 *   `uniqueCut` (default 10).
 */
import { InvalidInputError } from '../core/errors.js';
import { columnView, toColumnMajor, type MatrixInput } from './matrix.js';
import { FittedSelector } from './selector.js';
import { accurateMean, accurateSum } from './sums.js';

/** Population variance of each column. */
export function columnVariances(x: MatrixInput): Float64Array {
  const m = toColumnMajor(x, 'X');
  return Float64Array.from({ length: m.ncol }, (_, j) => {
    const c = columnView(m, j);
    const mu = accurateMean(c);
    return accurateSum(Array.from(c, (v) => (v - mu) * (v - mu))) / m.nrow;
  });
}

/** Keeps columns with variance > threshold (see the module comment). */
export class VarianceThresholdFilter {
  readonly threshold: number;
  constructor(options: { threshold?: number } = {}) {
    this.threshold = options.threshold ?? 0;
    if (!(this.threshold >= 0)) throw new InvalidInputError('threshold must be >= 0', { found: String(this.threshold) });
  }
  fit(x: MatrixInput, names?: readonly string[]): FittedSelector {
    const v = columnVariances(x);
    const keep: number[] = [];
    v.forEach((vj, j) => { if (vj > this.threshold) keep.push(j); });
    return new FittedSelector(keep, v.length, names);
  }
}

/** caret's frequency ratio and percent of unique values of one column. */
export function nearZeroVarianceStats(values: ArrayLike<number>): { freqRatio: number; percentUnique: number; zeroVar: boolean } {
  const counts = new Map<number, number>();
  for (let i = 0; i < values.length; i++) counts.set(values[i], (counts.get(values[i]) ?? 0) + 1);
  const sorted = [...counts.values()].sort((a, b) => b - a);
  const freqRatio = sorted.length > 1 ? sorted[0] / sorted[1] : 0;
  return { freqRatio, percentUnique: (100 * counts.size) / values.length, zeroVar: counts.size === 1 };
}

/** Drops near-zero-variance columns (see the module comment). */
export class NearZeroVarianceFilter {
  readonly freqCut: number;
  readonly uniqueCut: number;
  constructor(options: { freqCut?: number; uniqueCut?: number } = {}) {
    this.freqCut = options.freqCut ?? 95 / 5;
    this.uniqueCut = options.uniqueCut ?? 10;
  }
  fit(x: MatrixInput, names?: readonly string[]): FittedSelector {
    const m = toColumnMajor(x, 'X');
    const keep: number[] = [];
    for (let j = 0; j < m.ncol; j++) {
      const s = nearZeroVarianceStats(columnView(m, j));
      const nzv = s.zeroVar || (s.freqRatio > this.freqCut && s.percentUnique <= this.uniqueCut);
      if (!nzv) keep.push(j);
    }
    return new FittedSelector(keep, m.ncol, names);
  }
}
