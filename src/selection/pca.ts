/**
 * Principal component analysis fitted on training rows: columns centred (and optionally scaled to unit
 * sample SD) with the training means/SDs, components from the eigen-decomposition of the covariance
 * matrix (p ≤ n) or of the Gram matrix (p > n) — the right/left singular vectors of the centred data.
 * `explainedVariance` = eigenvalues with denominator n - 1 (as R's `prcomp` sdev² and scikit-learn's
 * `explained_variance_`). Sign convention (scikit-learn's `svd_flip`): in each component the score with the
 * largest magnitude on the training rows is positive. `transform` projects any rows with the training
 * centring; it never refits.
 */
import { InvalidInputError } from '../core/errors.js';
import { toColumnMajor, type ColumnMajorMatrix, type MatrixInput } from './matrix.js';
import { symmetricEigen } from './linalg.js';
import { accurateMean, accurateSum } from './sums.js';

/** Options of {@link PCA}. */
export interface PcaOptions {
  /** Number of components (default min(n - 1, p)). */
  readonly nComponents?: number;
  /** Scale columns to unit sample SD first (R's `prcomp(scale. = TRUE)`; default false). */
  readonly scale?: boolean;
}

/** A fitted PCA. */
export class FittedPCA {
  readonly mean: Float64Array;
  /** Column scales (1 unless `scale`). */
  readonly scale: Float64Array;
  /** Loadings, row-major nComponents × p: component c is `components.subarray(c·p, (c+1)·p)` (unit length). */
  readonly components: Float64Array;
  readonly explainedVariance: Float64Array;
  readonly explainedVarianceRatio: Float64Array;
  readonly singularValues: Float64Array;
  readonly nComponents: number;
  readonly nFeatures: number;

  constructor(f: Omit<FittedPCA, 'transform'>) {
    this.mean = f.mean; this.scale = f.scale; this.components = f.components; this.explainedVariance = f.explainedVariance;
    this.explainedVarianceRatio = f.explainedVarianceRatio; this.singularValues = f.singularValues; this.nComponents = f.nComponents; this.nFeatures = f.nFeatures;
    Object.freeze(this);
  }

  /** Scores (n × nComponents, column-major) of the rows of `x`. */
  transform(x: MatrixInput): ColumnMajorMatrix {
    const m = toColumnMajor(x, 'X');
    if (m.ncol !== this.nFeatures) throw new InvalidInputError('the table has a different number of columns than the PCA was fitted on', { expected: `${this.nFeatures}`, found: `${m.ncol}` });
    const n = m.nrow;
    const p = this.nFeatures;
    const out = new Float64Array(n * this.nComponents);
    for (let c = 0; c < this.nComponents; c++) {
      for (let j = 0; j < p; j++) {
        const w = this.components[c * p + j] / this.scale[j];
        const mu = this.mean[j];
        for (let i = 0; i < n; i++) out[c * n + i] += (m.data[i + j * n] - mu) * w;
      }
    }
    return { nrow: n, ncol: this.nComponents, data: out };
  }
}

/** PCA estimator (see the module comment). */
export class PCA {
  readonly options: PcaOptions;
  constructor(options: PcaOptions = {}) {
    this.options = Object.freeze({ ...options });
  }

  fit(x: MatrixInput): FittedPCA {
    const m = toColumnMajor(x, 'X (training rows)');
    const n = m.nrow;
    const p = m.ncol;
    if (n < 2) throw new InvalidInputError('PCA needs at least 2 rows', { found: `${n}` });
    const kMax = Math.min(n - 1, p);
    const k = this.options.nComponents ?? kMax;
    if (!Number.isInteger(k) || k < 1 || k > kMax) throw new InvalidInputError('nComponents out of range', { expected: `1..${kMax}`, found: String(k) });
    const mean = new Float64Array(p);
    const scale = new Float64Array(p).fill(1);
    const z = new Float64Array(n * p);
    for (let j = 0; j < p; j++) {
      const col = m.data.subarray(j * n, (j + 1) * n);
      mean[j] = accurateMean(col);
      if (this.options.scale) {
        const sd = Math.sqrt(accurateSum(Array.from(col, (v) => (v - mean[j]) ** 2)) / (n - 1));
        if (!(sd > 0)) throw new InvalidInputError('cannot scale a constant column', { found: `column ${j + 1}` });
        scale[j] = sd;
      }
      for (let i = 0; i < n; i++) z[j * n + i] = (col[i] - mean[j]) / scale[j];
    }
    const components = new Float64Array(k * p);
    const eigvals = new Float64Array(k);
    let total = 0;
    if (p <= n) {
      const cov = new Float64Array(p * p);
      for (let a = 0; a < p; a++) for (let b = a; b < p; b++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += z[a * n + i] * z[b * n + i];
        cov[a * p + b] = cov[b * p + a] = s;
      }
      for (let a = 0; a < p; a++) total += cov[a * p + a];
      const e = symmetricEigen(cov, p);
      for (let c = 0; c < k; c++) {
        eigvals[c] = Math.max(0, e.values[c]);
        for (let j = 0; j < p; j++) components[c * p + j] = e.vectors[j * p + c];
      }
    } else {
      const gram = new Float64Array(n * n);
      for (let a = 0; a < n; a++) for (let b = a; b < n; b++) {
        let s = 0;
        for (let j = 0; j < p; j++) s += z[j * n + a] * z[j * n + b];
        gram[a * n + b] = gram[b * n + a] = s;
      }
      for (let a = 0; a < n; a++) total += gram[a * n + a];
      const e = symmetricEigen(gram, n);
      for (let c = 0; c < k; c++) {
        const lam = Math.max(0, e.values[c]);
        eigvals[c] = lam;
        const sv = Math.sqrt(lam);
        for (let j = 0; j < p; j++) {
          let s = 0;
          for (let i = 0; i < n; i++) s += z[j * n + i] * e.vectors[i * n + c];
          components[c * p + j] = sv > 0 ? s / sv : 0;
        }
      }
    }
    // sign: largest-magnitude training score positive
    for (let c = 0; c < k; c++) {
      let big = 0;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < p; j++) s += z[j * n + i] * components[c * p + j];
        if (Math.abs(s) > Math.abs(big)) big = s;
      }
      if (big < 0) for (let j = 0; j < p; j++) components[c * p + j] = -components[c * p + j];
    }
    const explainedVariance = eigvals.map((l) => l / (n - 1));
    return new FittedPCA({
      mean, scale, components, explainedVariance,
      explainedVarianceRatio: eigvals.map((l) => l / total),
      singularValues: eigvals.map((l) => Math.sqrt(l)),
      nComponents: k, nFeatures: p,
    });
  }
}
