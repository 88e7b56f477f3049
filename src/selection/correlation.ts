/**
 * Correlation matrices as R's `cor(X, method = "pearson" | "spearman")` on complete data:
 * covariances Σ(x-x̄)(y-ȳ)/(n-1) with accurate means, then r_ij = c_ij / (sqrt(c_ii)·sqrt(c_jj)) clamped to
 * [-1, 1]; Spearman = Pearson correlation of average ranks. A constant column gives NaN correlations
 * (R gives NA with a warning); callers report it.
 */
import { InvalidInputError } from '../core/errors.js';
import { rankAverage } from '../math/rank.js';
import { toColumnMajor, columnView, type ColumnMajorMatrix, type MatrixInput } from './matrix.js';
import { accurateMean, accurateSum } from './sums.js';

/** `"pearson"` or `"spearman"`. */
export type CorrelationMethod = 'pearson' | 'spearman';

/** Columns replaced by their average ranks (1-based, ties averaged). */
export function rankColumns(x: ColumnMajorMatrix): ColumnMajorMatrix {
  const data = new Float64Array(x.data.length);
  for (let j = 0; j < x.ncol; j++) data.set(rankAverage(columnView(x, j)), j * x.nrow);
  return { nrow: x.nrow, ncol: x.ncol, data };
}

/** Correlation matrix (row-major p × p) of the columns of `x`. */
export function correlationMatrix(x: MatrixInput, method: CorrelationMethod = 'pearson'): Float64Array {
  let m = toColumnMajor(x, 'X');
  if (method !== 'pearson' && method !== 'spearman') throw new InvalidInputError('unknown correlation method', { expected: '"pearson" or "spearman"', found: JSON.stringify(method) });
  if (m.nrow < 2) throw new InvalidInputError('correlations need at least 2 rows', { found: `${m.nrow}` });
  if (method === 'spearman') m = rankColumns(m);
  const { nrow: n, ncol: p } = m;
  const centred = new Float64Array(m.data.length);
  for (let j = 0; j < p; j++) {
    const col = columnView(m, j);
    const mu = accurateMean(col);
    for (let i = 0; i < n; i++) centred[j * n + i] = col[i] - mu;
  }
  const cov = new Float64Array(p * p);
  const prod = new Float64Array(n);
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      for (let i = 0; i < n; i++) prod[i] = centred[a * n + i] * centred[b * n + i];
      const c = accurateSum(prod) / (n - 1);
      cov[a * p + b] = c;
      cov[b * p + a] = c;
    }
  }
  const sd = Float64Array.from({ length: p }, (_, j) => Math.sqrt(cov[j * p + j]));
  const r = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      if (sd[a] === 0 || sd[b] === 0) { r[a * p + b] = NaN; continue; }
      const v = cov[a * p + b] / (sd[a] * sd[b]);
      r[a * p + b] = v > 1 ? 1 : v < -1 ? -1 : v;
    }
  }
  return r;
}

/** Correlation of two vectors (same rules as {@link correlationMatrix}). */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>, method: CorrelationMethod = 'pearson'): number {
  if (x.length !== y.length) throw new InvalidInputError('vectors of different lengths', { found: `${x.length} and ${y.length}` });
  const data = new Float64Array(2 * x.length);
  data.set(x as ArrayLike<number>, 0);
  data.set(y as ArrayLike<number>, x.length);
  return correlationMatrix({ nrow: x.length, ncol: 2, data }, method)[1];
}

/** Rows of a row-major p × p matrix as arrays (the reference JSON layout). */
export function squareRows(m: Float64Array, p: number): number[][] {
  return Array.from({ length: p }, (_, i) => Array.from(m.subarray(i * p, (i + 1) * p)));
}
