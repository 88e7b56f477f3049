/**
 * Small dense linear algebra for the statistics code (sizes up to a few hundred): Cholesky solves of
 * symmetric positive-definite systems and the symmetric eigen-decomposition (cyclic Jacobi), all on
 * row-major `Float64Array`s, accumulating in double precision. Inputs are never modified.
 */
import { ModelFitError } from '../core/errors.js';

/**
 * Cholesky factor L (lower, row-major k × k) of a symmetric positive-definite matrix `a` (row-major).
 * Throws {@link ModelFitError} when `a` is not numerically positive definite.
 */
export function cholesky(a: Float64Array, k: number): Float64Array {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * k + j];
      for (let t = 0; t < j; t++) s -= l[i * k + t] * l[j * k + t];
      if (i === j) {
        if (!(s > 0)) {
          throw new ModelFitError('a matrix that should be positive definite is singular', {
            found: `pivot ${s} at row ${i + 1} of ${k}`, fix: 'remove collinear or constant columns.',
          });
        }
        l[i * k + i] = Math.sqrt(s);
      } else {
        l[i * k + j] = s / l[j * k + j];
      }
    }
  }
  return l;
}

/** Solves L Lᵀ x = b for x, given the Cholesky factor L (row-major k × k). */
export function choleskySolve(l: Float64Array, k: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = b[i];
    for (let t = 0; t < i; t++) s -= l[i * k + t] * y[t];
    y[i] = s / l[i * k + i];
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = y[i];
    for (let t = i + 1; t < k; t++) s -= l[t * k + i] * x[t];
    x[i] = s / l[i * k + i];
  }
  return x;
}

/** Solves a x = b for symmetric positive-definite `a` (row-major k × k). */
export function solveSpd(a: Float64Array, k: number, b: ArrayLike<number>): Float64Array {
  return choleskySolve(cholesky(a, k), k, b);
}

/** Eigen-decomposition of a symmetric matrix: values in decreasing order, vectors as columns. */
export interface SymmetricEigen {
  /** Eigenvalues, largest first. */
  readonly values: Float64Array;
  /** Eigenvectors, row-major k × k: column c (`vectors[r * k + c]`) belongs to `values[c]`. */
  readonly vectors: Float64Array;
}

/**
 * Eigen-decomposition of a symmetric matrix `a` (row-major k × k) by the cyclic Jacobi method
 * (Golub & Van Loan, Matrix Computations, §8.5), accurate to a few ulps of the largest eigenvalue.
 * Each eigenvector's sign is fixed so that its largest-magnitude component is positive.
 */
export function symmetricEigen(a: Float64Array, k: number): SymmetricEigen {
  const m = new Float64Array(a);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < k; i++) {
      diag += m[i * k + i] * m[i * k + i];
      for (let j = i + 1; j < k; j++) off += m[i * k + j] * m[i * k + j];
    }
    if (off <= 1e-30 * diag || off === 0) break;
    for (let p = 0; p < k - 1; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = m[p * k + q];
        if (apq === 0) continue;
        const app = m[p * k + p];
        const aqq = m[q * k + q];
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const mrp = m[r * k + p];
          const mrq = m[r * k + q];
          m[r * k + p] = c * mrp - s * mrq;
          m[r * k + q] = s * mrp + c * mrq;
        }
        for (let r = 0; r < k; r++) {
          const mpr = m[p * k + r];
          const mqr = m[q * k + r];
          m[p * k + r] = c * mpr - s * mqr;
          m[q * k + r] = s * mpr + c * mqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p];
          const vrq = v[r * k + q];
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => m[y * k + y] - m[x * k + x]);
  const values = Float64Array.from(order, (i) => m[i * k + i]);
  const vectors = new Float64Array(k * k);
  order.forEach((src, c) => {
    let big = 0;
    for (let r = 0; r < k; r++) if (Math.abs(v[r * k + src]) > Math.abs(big)) big = v[r * k + src];
    const sign = big < 0 ? -1 : 1;
    for (let r = 0; r < k; r++) vectors[r * k + c] = sign * v[r * k + src];
  });
  return { values, vectors };
}
