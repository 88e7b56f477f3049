/**
 * Z-score scaling fitted on training rows only (scikit-learn's `StandardScaler` protocol):
 * `new StandardScaler(opts).fit(Xtrain)` returns a {@link FittedStandardScaler} whose `transform` applies
 * the training means and SDs to any rows (train, test, new patients) and never refits.
 *
 * SD convention (`ddof`): 0 (default) = population SD, as scikit-learn's `StandardScaler` and glmnet's
 * internal standardisation; 1 = sample SD, as R's `scale()`. The arithmetic of the default follows
 * scikit-learn 1.2 (`_incremental_mean_and_var`: column sums accumulated row by row, mean = sum/n,
 * var = (Σ(x-m)² - (Σ(x-m))²/n)/n), so `mean_` and `scale_` agree with scikit-learn to the last bit.
 * A (near-)constant column gets scale 1 (scikit-learn's rule: var ≤ n·ε·var + (n·mean·ε)²), so it maps to 0
 * rather than NaN.
 */
import { InvalidInputError, NotFittedError } from '../core/errors.js';
import { toColumnMajor, type ColumnMajorMatrix, type MatrixInput } from './matrix.js';

/** Options of {@link StandardScaler}. */
export interface StandardScalerOptions {
  /** Delta degrees of freedom of the SD: 0 (population, default) or 1 (sample). */
  readonly ddof?: 0 | 1;
  /** Centre the columns (default true). */
  readonly withMean?: boolean;
  /** Divide by the SD (default true). */
  readonly withStd?: boolean;
}

/** A fitted scaler: training means and scales, and the transform. */
export class FittedStandardScaler {
  /** Training column means (0 when `withMean` is false). */
  readonly mean: Float64Array;
  /** Training column scales (SD, or 1 for constant columns or when `withStd` is false). */
  readonly scale: Float64Array;
  /** Training column variances (same ddof as the scale). */
  readonly variance: Float64Array;
  readonly nSamples: number;

  /** @internal use {@link StandardScaler.fit}. */
  constructor(mean: Float64Array, scale: Float64Array, variance: Float64Array, nSamples: number) {
    this.mean = mean;
    this.scale = scale;
    this.variance = variance;
    this.nSamples = nSamples;
    Object.freeze(this);
  }

  /** (x - mean) / scale for every row of `x` (a new matrix; `x` is not changed). */
  transform(x: MatrixInput): ColumnMajorMatrix {
    const m = toColumnMajor(x, 'X');
    if (m.ncol !== this.mean.length) {
      throw new InvalidInputError('the table has a different number of columns than the scaler was fitted on', { expected: `${this.mean.length} columns`, found: `${m.ncol}` });
    }
    const out = new Float64Array(m.data.length);
    for (let j = 0; j < m.ncol; j++) {
      const off = j * m.nrow;
      const mu = this.mean[j];
      const s = this.scale[j];
      for (let i = 0; i < m.nrow; i++) out[off + i] = (m.data[off + i] - mu) / s;
    }
    return { nrow: m.nrow, ncol: m.ncol, data: out };
  }

  /** x · scale + mean (the inverse of {@link transform}). */
  inverseTransform(z: MatrixInput): ColumnMajorMatrix {
    const m = toColumnMajor(z, 'Z');
    const out = new Float64Array(m.data.length);
    for (let j = 0; j < m.ncol; j++) {
      const off = j * m.nrow;
      for (let i = 0; i < m.nrow; i++) out[off + i] = m.data[off + i] * this.scale[j] + this.mean[j];
    }
    return { nrow: m.nrow, ncol: m.ncol, data: out };
  }
}

/** Z-score scaler (see the module comment). The constructor only stores options. */
export class StandardScaler {
  readonly options: Required<StandardScalerOptions>;
  constructor(options: StandardScalerOptions = {}) {
    this.options = Object.freeze({ ddof: options.ddof ?? 0, withMean: options.withMean ?? true, withStd: options.withStd ?? true });
  }

  /** Learns column means and SDs from the training rows `x` (at least 1 row; 2 for ddof = 1). */
  fit(x: MatrixInput): FittedStandardScaler {
    const m = toColumnMajor(x, 'X (training rows)');
    const { ddof, withMean, withStd } = this.options;
    if (ddof !== 0 && ddof !== 1) throw new InvalidInputError('ddof must be 0 or 1', { found: String(ddof) });
    const n = m.nrow;
    if (n < 1 + ddof) throw new InvalidInputError('too few rows to fit a scaler', { expected: `at least ${1 + ddof} rows`, found: `${n}` });
    const p = m.ncol;
    const mean = new Float64Array(p);
    const scale = new Float64Array(p).fill(1);
    const variance = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      const off = j * n;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += m.data[off + i];
      const mu = sum / n;
      let corr = 0;
      let sq = 0;
      for (let i = 0; i < n; i++) {
        const t = m.data[off + i] - mu;
        corr += t;
        sq += t * t;
      }
      const v = (sq - (corr * corr) / n) / (n - ddof);
      variance[j] = v;
      if (withMean) mean[j] = mu;
      if (withStd) {
        // scikit-learn's near-constant rule (on the raw variance): var <= n·eps·var + (n·mean·eps)²  →  scale 1
        const eps = Number.EPSILON;
        const constant = v <= n * eps * v + (n * mu * eps) ** 2;
        scale[j] = constant ? 1 : Math.sqrt(v);
      }
    }
    return new FittedStandardScaler(mean, scale, variance, n);
  }
}

/** Guard for code paths that receive an unfitted scaler by mistake. */
export function assertFittedScaler(s: unknown): asserts s is FittedStandardScaler {
  if (!(s instanceof FittedStandardScaler)) throw new NotFittedError('StandardScaler', 'call new StandardScaler().fit(Xtrain) and use the object it returns.');
}
