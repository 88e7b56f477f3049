/**
 * The maximal correlation coefficient of a GLCM (PyRadiomics `MCC`, no IBSI id): √λ₂, λ₂ the second-largest
 * eigenvalue of Q_ij = Σ_k p_ik p_jk / (p_x(i) p_y(k)) (Haralick et al. 1973; PyRadiomics' GLCM documentation).
 *
 * The eigenvalues are computed by WebAssembly (common/eigen-wasm.ts, via common/texture-wasm.ts) where available, else by the same algorithm in
 * JavaScript (common/eigen.ts): the same operations in the same order, so the same value to the last bit.
 * `DLRN_NO_WASM=1` forces the JavaScript path.
 */
import { kthLargestEigenvalue, tridiagonalizeInPlace } from '../common/eigen.js';
import { type TextureWasm, textureWasm } from '../common/texture-wasm.js';

/** Bracket width at which the symmetric MCC bisection stops (eigenvalues of A lie in [−1, 1]). */
const MCC_EIGEN_TOLERANCE = 1e-14;

/**
 * Maximal correlation coefficient √λ₂ of Q = D_x⁻¹ P D_y⁻¹ Pᵀ (D = diag of the marginals), computed from the
 * similar symmetric matrix S = D_x^{−1/2} P D_y⁻¹ Pᵀ D_x^{−1/2} restricted to grey levels with p_x > 0
 * (rows with p_x = 0 only add zero eigenvalues). For a symmetric P (p_x = p_y), S = A² with
 * A = D^{−1/2} P D^{−1/2}, whose eigenvalues lie in [−1, 1] with λ₁ = 1, so √λ₂(S) = max(|λ₂(A)|, |λ_min(A)|) and
 * the matrix product is not needed. The matrix is reduced to tridiagonal form (Householder) and the eigenvalues found
 * by bisection (to 1e-14 in the symmetric case, to full precision otherwise). PyRadiomics returns 1 when the ROI has
 * one grey level.
 *
 * @param px - row marginals p_x (N_g); `py` column marginals p_y.
 * @param counts - the GLCM counts (N_g × N_g, row-major), summing to `total`.
 * @param presentLevels - grey levels in the whole ROI (default: levels with p_x > 0).
 * @param symmetric - the counts are known to be symmetric (skips the check).
 * @param useWasm - use the WebAssembly kernel when available (default true; false: the JavaScript path).
 */
export function maximalCorrelation(
  px: Float64Array, py: Float64Array, counts: Float64Array | Int32Array, ng: number, total: number,
  presentLevels: number | undefined, symmetric: boolean, useWasm = true,
): number {
  const rows = new Int32Array(ng);
  let n = 0;
  for (let a = 0; a < ng; a++) if (px[a] > 0) rows[n++] = a;
  const present = presentLevels ?? n;
  if (present < 2) return 1;
  if (n < 2) return 0;
  const kernel = useWasm ? mccKernel(n, ng) : null;
  if (symmetric || isSymmetric(counts, ng)) {
    const sq = new Float64Array(n);
    for (let u = 0; u < n; u++) sq[u] = Math.sqrt(px[rows[u]]);
    const spread = kernel ? kernel.symmetric(counts, ng, total, rows, sq, n) : symmetricSpreadJs(counts, ng, total, rows, sq, n);
    return Math.min(1, spread);
  }
  const cols: number[] = [];
  for (let b = 0; b < ng; b++) if (py[b] > 0) cols.push(b);
  const s = kernel ? kernel.matrix(n) : new Float64Array(n * n);
  productMatrix(counts, ng, total, px, py, rows, n, cols, s);
  const lambda2 = kernel ? kernel.secondLargest(n) : secondLargestJs(s, n);
  return Math.sqrt(Math.max(lambda2, 0));
}

/** max(|λ₂(A)|, |λ_min(A)|) of A = D^{−1/2}·P·D^{−1/2} on the levels `rows[0..n)`, in JavaScript. */
function symmetricSpreadJs(counts: Float64Array | Int32Array, ng: number, total: number, rows: Int32Array, sq: Float64Array, n: number): number {
  const a = new Float64Array(n * n);
  for (let u = 0; u < n; u++) scaledRow(counts, ng, total, rows, n, sq, u, a);
  const t = { d: new Float64Array(n), e: new Float64Array(n) };
  tridiagonalizeInPlace(a, n, new Float64Array(n), new Float64Array(n), t.d, t.e);
  const l2 = kthLargestEigenvalue(t, 2, MCC_EIGEN_TOLERANCE, n);
  const lMin = kthLargestEigenvalue(t, n, MCC_EIGEN_TOLERANCE, n);
  return Math.max(Math.abs(l2), Math.abs(lMin));
}

/** λ₂ of the symmetric n×n matrix `s` (overwritten), in JavaScript. */
function secondLargestJs(s: Float64Array, n: number): number {
  const t = { d: new Float64Array(n), e: new Float64Array(n) };
  tridiagonalizeInPlace(s, n, new Float64Array(n), new Float64Array(n), t.d, t.e);
  return kthLargestEigenvalue(t, 2, 0, n);
}

/** Row u of A = D^{−1/2}·P·D^{−1/2} on the n levels `rows[0..n)` (sq = √p_x of those levels): A_uw = M_{r_u r_w} / total / (sq_u sq_w). */
function scaledRow(counts: Float64Array | Int32Array, ng: number, total: number, rows: Int32Array, n: number, sq: Float64Array, u: number, a: Float64Array): void {
  const base = rows[u] * ng;
  const su = sq[u];
  for (let w = 0; w < n; w++) {
    const c = counts[base + rows[w]];
    a[u * n + w] = c === 0 ? 0 : c / total / (su * sq[w]);
  }
}

/** S = R Rᵀ with R_uk = p_{r_u, c_k} / √(p_x(r_u) p_y(c_k)) (rows with p_x > 0, columns with p_y > 0), into `s` (n×n). */
function productMatrix(
  counts: Float64Array | Int32Array, ng: number, total: number, px: Float64Array, py: Float64Array,
  rows: Int32Array, n: number, cols: readonly number[], s: Float64Array,
): void {
  const m = cols.length;
  const r = new Float64Array(n * m);
  for (let u = 0; u < n; u++) {
    const a = rows[u];
    const sa = Math.sqrt(px[a]);
    for (let w = 0; w < m; w++) {
      const b = cols[w];
      r[u * m + w] = counts[a * ng + b] / total / (sa * Math.sqrt(py[b]));
    }
  }
  for (let u = 0; u < n; u++) {
    for (let w = 0; w <= u; w++) {
      let acc = 0;
      for (let k = 0; k < m; k++) acc += r[u * m + k] * r[w * m + k];
      s[u * n + w] = acc;
      s[w * n + u] = acc;
    }
  }
}

function isSymmetric(m: Float64Array | Int32Array, ng: number): boolean {
  for (let a = 0; a < ng; a++) if (!rowIsSymmetric(m, ng, a)) return false;
  return true;
}

/** m[a][b] = m[b][a] for every b < a. */
function rowIsSymmetric(m: Float64Array | Int32Array, ng: number, a: number): boolean {
  for (let b = 0; b < a; b++) if (m[a * ng + b] !== m[b * ng + a]) return false;
  return true;
}

/** Byte addresses in the kernel's memory for one problem of order n with N_g × N_g counts. */
interface Layout {
  readonly a: number; // n×n f64
  readonly v: number; // scratch, n f64
  readonly p: number; // scratch, n f64
  readonly d: number; // diagonal, n f64
  readonly e: number; // off-diagonal, n f64
  readonly sq: number; // √p_x, n f64
  readonly rows: number; // levels, n i32
  readonly c: number; // counts, ng² i32
  readonly end: number;
}

function layout(n: number, ng: number): Layout {
  const v = 8 * n * n;
  const rows = v + 40 * n;
  const c = rows + 4 * n;
  return { a: 0, v, p: v + 8 * n, d: v + 16 * n, e: v + 24 * n, sq: v + 32 * n, rows, c, end: c + 4 * ng * ng };
}

/** The MCC eigenvalue problems in the texture WebAssembly module (its memory laid out by {@link layout}). */
class MccKernel {
  constructor(private readonly w: TextureWasm) {}

  /** {@link symmetricSpreadJs} in WebAssembly (the matrix built there too from integer counts). */
  symmetric(counts: Float64Array | Int32Array, ng: number, total: number, rows: Int32Array, sq: Float64Array, n: number): number {
    const at = layout(n, ng);
    const buf = this.w.buffer;
    const ex = this.w.ex;
    new Float64Array(buf, at.sq, n).set(sq);
    if (counts instanceof Int32Array) {
      new Int32Array(buf, at.rows, n).set(rows.subarray(0, n));
      new Int32Array(buf, at.c, ng * ng).set(counts.subarray(0, ng * ng));
      ex.scaled(at.c, ng, total, at.rows, at.sq, n, at.a);
    } else {
      const a = new Float64Array(buf, at.a, n * n);
      for (let u = 0; u < n; u++) scaledRow(counts, ng, total, rows, n, sq, u, a);
    }
    ex.tridiag(at.a, n, at.v, at.p, at.d, at.e);
    const l2 = ex.kth(at.d, at.e, n, 2, MCC_EIGEN_TOLERANCE);
    const lMin = ex.kth(at.d, at.e, n, n, MCC_EIGEN_TOLERANCE);
    return Math.max(Math.abs(l2), Math.abs(lMin));
  }

  /** A view of the n×n matrix the next {@link secondLargest} reads. */
  matrix(n: number): Float64Array {
    return new Float64Array(this.w.buffer, layout(n, 0).a, n * n);
  }

  /** λ₂ (full precision) of the symmetric matrix written to {@link matrix}. */
  secondLargest(n: number): number {
    const at = layout(n, 0);
    this.w.ex.tridiag(at.a, n, at.v, at.p, at.d, at.e);
    return this.w.ex.kth(at.d, at.e, n, 2, 0);
  }
}

/** The WebAssembly kernel with memory for a problem of order n with N_g × N_g counts, or null (JavaScript then). */
function mccKernel(n: number, ng: number): MccKernel | null {
  const w = textureWasm();
  return w !== null && w.reserve(layout(n, ng).end) ? new MccKernel(w) : null;
}
