/**
 * Householder QR for the small dense least-squares problems of IRLS (n × p, p small), in Float64,
 * on column-major copies (inputs are never mutated).
 */

/** The result of {@link householderQr}: R (p × p, upper triangular, row-major) and Qᵀb. */
export interface QrSolve {
  /** Least-squares solution of A x ≈ b. */
  readonly x: Float64Array;
  /** Upper-triangular factor R (row-major p × p). */
  readonly r: Float64Array;
  /** Column whose remaining norm fell below `tol` times its original norm (collinear), or -1. */
  readonly deficientColumn: number;
}

/**
 * Solves min ‖A x - b‖ by Householder QR without pivoting. `a` is column-major n × p.
 * When a column is (numerically) a linear combination of the previous ones — its norm after
 * projection is below `tol` × its original norm — the solve stops and `deficientColumn` names it.
 * With `overwrite` the inputs are used as scratch space (for callers that own them); otherwise they
 * are copied.
 */
export function householderQr(a: Float64Array, b: Float64Array, n: number, p: number, tol = 1e-7, overwrite = false): QrSolve {
  const A = overwrite ? a : Float64Array.from(a);
  const y = overwrite ? b : Float64Array.from(b);
  const r = new Float64Array(p * p);
  const v = new Float64Array(n);
  const origNorm = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += A[k * n + i] * A[k * n + i];
    origNorm[k] = Math.sqrt(s);
  }
  for (let k = 0; k < p; k++) {
    const col = k * n;
    let norm2 = 0;
    for (let i = k; i < n; i++) norm2 += A[col + i] * A[col + i];
    // Norm of the part of column k not explained by columns 0..k-1, relative to its own norm.
    const norm = Math.sqrt(norm2);
    if (!(norm > tol * origNorm[k])) {
      return { x: new Float64Array(p).fill(NaN), r, deficientColumn: k };
    }
    const akk = A[col + k];
    const alpha = akk >= 0 ? -norm : norm;
    let vnorm2 = 0;
    for (let i = k; i < n; i++) { v[i] = A[col + i]; }
    v[k] -= alpha;
    for (let i = k; i < n; i++) vnorm2 += v[i] * v[i];
    if (vnorm2 > 0) {
      for (let j = k + 1; j < p; j++) {
        const cj = j * n;
        let s = 0;
        for (let i = k; i < n; i++) s += v[i] * A[cj + i];
        const f = (2 * s) / vnorm2;
        for (let i = k; i < n; i++) A[cj + i] -= f * v[i];
      }
      let s = 0;
      for (let i = k; i < n; i++) s += v[i] * y[i];
      const f = (2 * s) / vnorm2;
      for (let i = k; i < n; i++) y[i] -= f * v[i];
    }
    r[k * p + k] = alpha;
    for (let j = k + 1; j < p; j++) r[k * p + j] = A[j * n + k];
  }
  const x = new Float64Array(p);
  for (let k = p - 1; k >= 0; k--) {
    let s = y[k];
    for (let j = k + 1; j < p; j++) s -= r[k * p + j] * x[j];
    x[k] = s / r[k * p + k];
  }
  return { x, r, deficientColumn: -1 };
}

/**
 * (RᵀR)⁻¹ from an upper-triangular R (row-major p × p): R's `chol2inv(R)`, the unscaled covariance
 * of a least-squares fit. Returned row-major p × p (symmetric).
 */
export function chol2inv(r: Float64Array, p: number): Float64Array {
  // Invert R (upper triangular) by back substitution, column by column.
  const inv = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    inv[j * p + j] = 1 / r[j * p + j];
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += r[i * p + k] * inv[k * p + j];
      inv[i * p + j] = -s / r[i * p + i];
    }
  }
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let s = 0;
      for (let k = j; k < p; k++) s += inv[i * p + k] * inv[j * p + k];
      out[i * p + j] = s;
      out[j * p + i] = s;
    }
  }
  return out;
}
