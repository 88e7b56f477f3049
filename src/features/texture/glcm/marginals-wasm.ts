/**
 * The integer first pass of the GLCM statistics (glcm/stats.ts, integer counts) as a WebAssembly function of the
 * texture module (../wasm-module.ts): row, column, |i − j| and i + j count marginals, Σ_j j·M_ij per row, the largest
 * count, Σ M², the total and the list of non-zero counts in row-major order (for HXY, whose logarithms stay in
 * JavaScript). Integer sums, exact (doubles for the sums that may pass 2³¹, exact below 2⁵³).
 */
import type { WasmFunction } from '../../../core/wasm-assembler.js';
import {
  F64, I32, addI32, forRange, get, i32, loadI32, op, op2, rowMajor, storeF64, storeI32, wasmFunction,
} from '../common/wasm-code.js';

/**
 * `glcmMarginals(c, ng, rowC, colC, diffC, sumC, rowJ, nz, out)`: from the i32 counts at `c` (ng × ng) writes the i32
 * arrays rowC, colC, diffC (ng each), sumC (2ng + 1; index i + j with 1-based levels), the f64 array rowJ (ng), the
 * non-zero counts to `nz` and out = (total, largest count, Σ M², number of non-zeros) as f64.
 */
export const glcmMarginalsFunction: WasmFunction = wasmFunction(
  'glcmMarginals',
  { c: I32, ng: I32, rowC: I32, colC: I32, diffC: I32, sumC: I32, rowJ: I32, nz: I32, out: I32 },
  [],
  { a: I32, b: I32, cnt: I32, rc: I32, maxC: I32, nnz: I32, d: I32, at: I32, jc: F64, total: F64, sq: F64 },
  (l) => [
    ...forRange(l.a, i32(0), [op.get(l.ng), op.i32Const(1), op.i32Shl(), op.i32Const(1), op.i32Add()], storeI32(get(l.sumC), get(l.a), i32(0))),
    ...forRange(l.a, i32(0), get(l.ng), [...storeI32(get(l.colC), get(l.a), i32(0)), ...storeI32(get(l.diffC), get(l.a), i32(0))]),
    ...forRange(l.a, i32(0), get(l.ng), [
      op.i32Const(0), op.set(l.rc),
      op.f64Const(0), op.set(l.jc),
      ...forRange(l.b, i32(0), get(l.ng), [
        ...loadI32(get(l.c), rowMajor(get(l.a), get(l.ng), get(l.b))), op.tee(l.cnt), op.if(),
        op.get(l.rc), op.get(l.cnt), op.i32Add(), op.set(l.rc),
        op.get(l.jc), op.get(l.b), op.i32Const(1), op.i32Add(), op2.f64ConvertI32S(), op.get(l.cnt), op2.f64ConvertI32S(), op.f64Mul(), op.f64Add(), op.set(l.jc),
        ...addI32(get(l.colC), get(l.b), get(l.cnt), l.at),
        op.get(l.cnt), op.get(l.maxC), op.i32GtS(), op.if(), op.get(l.cnt), op.set(l.maxC), op.end(),
        op.get(l.sq), op.get(l.cnt), op2.f64ConvertI32S(), op.get(l.cnt), op2.f64ConvertI32S(), op.f64Mul(), op.f64Add(), op.set(l.sq),
        ...storeI32(get(l.nz), get(l.nnz), get(l.cnt)),
        op.get(l.nnz), op.i32Const(1), op.i32Add(), op.set(l.nnz),
        op.get(l.a), op.get(l.b), op.i32Sub(), op.set(l.d),
        op.get(l.d), op.i32Const(0), op.i32LtS(), op.if(), op.i32Const(0), op.get(l.d), op.i32Sub(), op.set(l.d), op.end(),
        ...addI32(get(l.diffC), get(l.d), get(l.cnt), l.at),
        ...addI32(get(l.sumC), [op.get(l.a), op.get(l.b), op.i32Add(), op.i32Const(2), op.i32Add()], get(l.cnt), l.at),
        op.end(),
      ]),
      ...storeI32(get(l.rowC), get(l.a), get(l.rc)),
      ...storeF64(get(l.rowJ), get(l.a), get(l.jc)),
      op.get(l.total), op.get(l.rc), op2.f64ConvertI32S(), op.f64Add(), op.set(l.total),
    ]),
    ...storeF64(get(l.out), i32(0), get(l.total)),
    ...storeF64(get(l.out), i32(1), [op.get(l.maxC), op2.f64ConvertI32S()]),
    ...storeF64(get(l.out), i32(2), get(l.sq)),
    ...storeF64(get(l.out), i32(3), [op.get(l.nnz), op2.f64ConvertI32S()]),
  ],
);

/** The exports of {@link glcmMarginalsFunction} (addresses in bytes). */
export interface GlcmMarginalsExports {
  glcmMarginals(c: number, ng: number, rowC: number, colC: number, diffC: number, sumC: number, rowJ: number, nz: number, out: number): void;
}
