/**
 * Eigenvalues of small dense symmetric matrices: Householder reduction to tridiagonal form followed by
 * Sturm-sequence bisection (Golub & Van Loan, Matrix Computations, §8.3.1 and §8.4.1). Used for the GLCM
 * maximal correlation coefficient, which needs only the second-largest eigenvalue.
 */

/** Symmetric tridiagonal matrix: diagonal `d` (n) and off-diagonal `e` (n − 1). */
export interface Tridiagonal {
  readonly d: Float64Array;
  readonly e: Float64Array;
}

/**
 * Reduces a symmetric matrix (row-major n×n, only the lower triangle is read) to a similar tridiagonal
 * matrix by Householder reflections. The input is not modified.
 */
export function tridiagonalize(a: Float64Array, n: number): Tridiagonal {
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(n - 1, 0));
  tridiagonalizeInPlace(Float64Array.from(a.subarray(0, n * n)), n, new Float64Array(n), new Float64Array(n), d, e);
  return { d, e };
}

/**
 * {@link tridiagonalize} without allocation: overwrites the symmetric matrix `m` (row-major n×n, at least n² long)
 * and writes the diagonal to `d[0..n)` and the off-diagonal to `e[0..n−1)`; `v` and `p` are scratch vectors of
 * length ≥ n. For callers that reduce many small matrices with the same buffers.
 */
export function tridiagonalizeInPlace(m: Float64Array, n: number, v: Float64Array, p: Float64Array, d: Float64Array, e: Float64Array): void {
  // one small function per reflection: called n − 2 times per matrix, V8 optimises it as a whole early (a long loop
  // nest here would be compiled mid-loop and thrown away when the code after it first runs)
  for (let k = 0; k < n - 2; k++) e[k] = householderStep(m, n, k, v, p);
  for (let i = 0; i < n; i++) d[i] = m[i * n + i];
  if (n >= 2) e[n - 2] = m[(n - 1) * n + (n - 2)];
}

/**
 * Reflection k of {@link tridiagonalize}: zeroes column k of `m` below the subdiagonal and updates the trailing
 * block; returns the new subdiagonal entry e_k. `v` and `p` are scratch vectors of length n. Every loop is a small
 * kernel of its own: this function runs n − 2 times per matrix and stays in the interpreter, while the kernels,
 * shared by all steps, are compiled once each.
 */
function householderStep(m: Float64Array, n: number, k: number, v: Float64Array, p: Float64Array): number {
  const from = k + 1;
  // x = column k below the diagonal (copied to v)
  copyColumn(m, n, k, from, v);
  const alpha = Math.sqrt(dotRange(v, v, from, n));
  const x0 = v[from];
  if (alpha === 0) return 0;
  const r = x0 > 0 ? -alpha : alpha; // reflect x onto r·e1, sign chosen to avoid cancellation
  // v = x − r e1, β = 2 / vᵀv
  v[from] = x0 - r;
  const vv = dotRange(v, v, from, n);
  if (vv === 0) return x0;
  const beta = 2 / vv;
  // p = β A22 v (A22 = trailing block, symmetric)
  scaledMatVec(m, n, from, v, beta, p);
  // w = p − (β pᵀv / 2) v
  const c = (beta * dotRange(p, v, from, n)) / 2;
  subtractScaled(p, c, v, from, n);
  // A22 −= v wᵀ + w vᵀ (symmetric: compute the lower triangle, mirror it)
  rankTwoUpdate(m, n, from, v, p);
  return r;
}

/** v[i] = m[i][k] for i = from..n−1. */
function copyColumn(m: Float64Array, n: number, k: number, from: number, v: Float64Array): void {
  for (let i = from; i < n; i++) v[i] = m[i * n + k];
}

/** Σ_{i=from}^{to−1} a[i]·b[i], in increasing i. */
function dotRange(a: Float64Array, b: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i] * b[i];
  return s;
}

/** p[i] = β Σ_{j=from}^{n−1} m[i][j]·v[j] for i = from..n−1. */
function scaledMatVec(m: Float64Array, n: number, from: number, v: Float64Array, beta: number, p: Float64Array): void {
  for (let i = from; i < n; i++) {
    let s = 0;
    const row = i * n;
    for (let j = from; j < n; j++) s += m[row + j] * v[j];
    p[i] = beta * s;
  }
}

/** p[i] −= c·v[i] for i = from..to−1. */
function subtractScaled(p: Float64Array, c: number, v: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) p[i] -= c * v[i];
}

/** Trailing block from..n−1 of m −= v wᵀ + w vᵀ (w in `p`): lower triangle computed, mirrored into the upper. */
function rankTwoUpdate(m: Float64Array, n: number, from: number, v: Float64Array, p: Float64Array): void {
  for (let i = from; i < n; i++) {
    const vi = v[i];
    const wi = p[i];
    const row = i * n;
    for (let j = from; j <= i; j++) {
      const val = m[row + j] - (vi * p[j] + wi * v[j]);
      m[row + j] = val;
      m[j * n + i] = val;
    }
  }
}

/** Number of eigenvalues of a symmetric tridiagonal matrix that are smaller than x (Sturm count via LDLᵀ inertia). */
export function countBelow(t: Tridiagonal, x: number, n = t.d.length): number {
  return sturmCount(t.d, t.e, n, x);
}

/** {@link countBelow} on the diagonal d[0..n) and off-diagonal e[0..n−1) (plain arrays: one stable shape for V8). */
function sturmCount(d: Float64Array, e: Float64Array, n: number, x: number): number {
  let count = 0;
  let q = d[0] - x;
  const tiny = 1e-300;
  if (q < 0) count++;
  for (let i = 1; i < n; i++) {
    if (q === 0) q = tiny;
    q = d[i] - x - (e[i - 1] * e[i - 1]) / q;
    if (q < 0) count++;
  }
  return count;
}

/**
 * The k-th largest eigenvalue (k = 1 is the largest) of a symmetric tridiagonal matrix, by bisection to
 * full double precision, or until the bracket is narrower than `tolerance` (absolute).
 *
 * @param n - order of the matrix (default: the length of `t.d`; smaller when the buffers are reused scratch).
 */
export function kthLargestEigenvalue(t: Tridiagonal, k: number, tolerance = 0, n = t.d.length): number {
  if (k < 1 || k > n) throw new RangeError(`k must be in 1..${n}`);
  return bisectEigenvalue(t.d, t.e, n, k, tolerance);
}

/** {@link kthLargestEigenvalue} on d[0..n) and e[0..n−1), k already checked. */
function bisectEigenvalue(d: Float64Array, e: Float64Array, n: number, k: number, tolerance: number): number {
  // Gershgorin bounds
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const r = (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < n - 1 ? Math.abs(e[i]) : 0);
    lo = Math.min(lo, d[i] - r);
    hi = Math.max(hi, d[i] + r);
  }
  const target = n - k; // eigenvalue λ with exactly n−k eigenvalues below it
  for (let it = 0; it < 200; it++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi || hi - lo < tolerance) break;
    if (sturmCount(d, e, n, mid) > target) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}
