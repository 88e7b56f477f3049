/**
 * glmnet's column standardisation for the logistic model (`lstandard1`): with observation weights w
 * summing to 1, mean_j = Σ_i w_i x_ij and sd_j = sqrt(Σ_i w_i (x_ij - mean_j)²) (the 1/n "population" SD
 * for unit weights), z_ij = (x_ij - mean_j) / sd_j. Columns whose values are all equal are excluded
 * (glmnet's `chkvars`): they keep a zero coefficient.
 */
import type { ColumnMajorMatrix } from '../../selection/matrix.js';
import { eigenDot, eigenDotSquare } from './eigen-reduce.js';

/** A standardised copy of X and the parameters used. */
export interface GlmnetStandardized {
  /** Centred (and, with `standardize`, scaled) columns, column-major n × p. */
  readonly z: Float64Array;
  /** Weighted column means. */
  readonly mean: Float64Array;
  /** Weighted column SDs (1/n denominator for unit weights); 1 when `standardize` is false. */
  readonly sd: Float64Array;
  /** 1 = column varies (used), 0 = constant (excluded). */
  readonly include: Uint8Array;
}

/** True when every value of column j equals its first value (glmnet's `chkvars`). */
export function isConstantColumn(x: ColumnMajorMatrix, j: number): boolean {
  const off = j * x.nrow;
  const t = x.data[off];
  for (let i = 1; i < x.nrow; i++) if (x.data[off + i] !== t) return false;
  return true;
}

/**
 * Standardises the columns of `x` with weights `w` (Σw = 1) as glmnet does for `family="binomial"` with an
 * intercept. `standardize = false` only centres the columns (glmnet's `isd = 0`).
 */
export function glmnetStandardize(x: ColumnMajorMatrix, w: Float64Array, standardize: boolean): GlmnetStandardized {
  const { nrow: n, ncol: p } = x;
  const z = new Float64Array(x.data);
  const mean = new Float64Array(p);
  const sd = new Float64Array(p).fill(1);
  const include = new Uint8Array(p);
  for (let j = 0; j < p; j++) {
    if (isConstantColumn(x, j)) continue;
    include[j] = 1;
    const off = j * n;
    const m = eigenDot(w, 0, z, off, n);
    mean[j] = m;
    for (let i = 0; i < n; i++) z[off + i] -= m;
    if (standardize) {
      const s = Math.sqrt(eigenDotSquare(w, z, off, n));
      sd[j] = s;
      for (let i = 0; i < n; i++) z[off + i] /= s;
    }
  }
  return { z, mean, sd, include };
}
