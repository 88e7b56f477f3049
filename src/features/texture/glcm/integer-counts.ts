/**
 * Integer sums of a GLCM's counts, the first pass of the GLCM statistics for integer counts (glcm/stats.ts): in
 * WebAssembly (glcm/marginals-wasm.ts) when available, else in JavaScript; exact either way.
 */
import { type TextureWasm, textureWasm } from '../common/texture-wasm.js';

/**
 * Integer sums of a count matrix M (N_g × N_g): row, column, |i − j| and i + j marginals (`sumC` indexed by i + j with
 * 1-based levels), Σ_j j·M_ij per row, the largest count, Σ M², the total, and the non-zero counts in row-major order.
 */
export interface IntegerCounts {
  readonly total: number;
  readonly maxCount: number;
  readonly sumSquares: number;
  readonly rowC: Int32Array;
  readonly colC: Int32Array;
  readonly diffC: Int32Array;
  readonly sumC: Int32Array;
  readonly rowJ: Float64Array;
  /** Non-zero counts, row-major (length = their number). */
  readonly nonZeros: Int32Array;
}

/** {@link IntegerCounts} of `counts`, in WebAssembly (glcm/marginals-wasm.ts) when available, else in JavaScript. */
export function integerCounts(counts: Int32Array, ng: number): IntegerCounts {
  const w = textureWasm();
  return (w !== null ? wasmIntegerCounts(w, counts, ng) : null) ?? jsIntegerCounts(counts, ng);
}

/** {@link IntegerCounts} in the texture WebAssembly module; null when the matrix does not fit its memory. */
export function wasmIntegerCounts(w: TextureWasm, counts: Int32Array, ng: number): IntegerCounts | null {
  // layout in bytes: counts, rowC, colC, diffC, sumC, non-zeros (i32), then rowJ and the 4 results (f64)
  const n2 = ng * ng;
  const rowC = 4 * n2, colC = rowC + 4 * ng, diffC = colC + 4 * ng, sumC = diffC + 4 * ng, nz = sumC + 4 * (2 * ng + 1);
  const rowJ = 8 * Math.ceil((nz + 4 * n2) / 8), out = rowJ + 8 * ng, end = out + 32;
  if (!w.reserve(end)) return null;
  const buf = w.buffer;
  new Int32Array(buf, 0, n2).set(counts.subarray(0, n2));
  w.ex.glcmMarginals(0, ng, rowC, colC, diffC, sumC, rowJ, nz, out);
  const res = new Float64Array(buf, out, 4);
  const i32 = new Int32Array(buf);
  return {
    total: res[0], maxCount: res[1], sumSquares: res[2],
    rowC: i32.slice(rowC / 4, rowC / 4 + ng), colC: i32.slice(colC / 4, colC / 4 + ng), diffC: i32.slice(diffC / 4, diffC / 4 + ng),
    sumC: i32.slice(sumC / 4, sumC / 4 + 2 * ng + 1), rowJ: new Float64Array(buf, rowJ, ng).slice(),
    nonZeros: i32.slice(nz / 4, nz / 4 + res[3]),
  };
}

/** {@link IntegerCounts} in JavaScript. */
export function jsIntegerCounts(counts: Int32Array, ng: number): IntegerCounts {
  const rowC = new Int32Array(ng);
  const colC = new Int32Array(ng);
  const diffC = new Int32Array(ng);
  const sumC = new Int32Array(2 * ng + 1);
  const rowJ = new Float64Array(ng);
  const nz = new Int32Array(ng * ng);
  const sums = new Float64Array(4); // largest count, Σ M², number of non-zeros, total
  for (let a = 0; a < ng; a++) integerRow(counts, a, ng, rowC, colC, diffC, sumC, rowJ, nz, sums);
  return { total: sums[3], maxCount: sums[0], sumSquares: sums[1], rowC, colC, diffC, sumC, rowJ, nonZeros: nz.subarray(0, sums[2]) };
}

/** Row a of {@link jsIntegerCounts}: integer marginals, Σ_j j·M_aj, the non-zeros, and into `sums` max M, Σ M², their number, the total. */
function integerRow(
  counts: Int32Array, a: number, ng: number,
  rowC: Int32Array, colC: Int32Array, diffC: Int32Array, sumC: Int32Array, rowJ: Float64Array, nz: Int32Array, sums: Float64Array,
): void {
  let rc = 0, jc = 0, maxC = sums[0], sq = sums[1], k = sums[2];
  for (let b = 0; b < ng; b++) {
    const c = counts[a * ng + b];
    if (c === 0) continue;
    rc += c;
    jc += (b + 1) * c;
    colC[b] += c;
    if (c > maxC) maxC = c;
    sq += c * c;
    nz[k++] = c;
    diffC[a > b ? a - b : b - a] += c;
    sumC[a + b + 2] += c;
  }
  rowC[a] = rc;
  rowJ[a] = jc;
  sums[0] = maxC; sums[1] = sq; sums[2] = k; sums[3] += rc;
}
