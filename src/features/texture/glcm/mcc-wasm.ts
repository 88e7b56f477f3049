/**
 * The GLCM part of the texture WebAssembly module (../wasm-module.ts): the matrix of the maximal correlation
 * coefficient (glcm/mcc.ts), built from the integer counts.
 */
import { F64, I32, forRange, get, loadF64, loadI32, op, op2, rowMajor, storeF64, wasmFunction } from '../common/wasm-code.js';

/**
 * `scaled(c, ng, total, rows, sq, n, a)`: the n×n matrix A at `a` from the i32 counts at `c` (ng × ng), the levels
 * `rows` (n i32) and their √p_x `sq` (n f64) — scaledRow of mcc.ts for every row.
 */
export const scaledFunction = wasmFunction(
  'scaled', { c: I32, ng: I32, total: F64, rows: I32, sq: I32, n: I32, a: I32 }, [],
  { u: I32, w: I32, base: I32, cnt: I32, su: F64, val: F64 },
  (l) => forRange(l.u, [op.i32Const(0)], get(l.n), [
    ...loadI32(get(l.rows), get(l.u)), op.get(l.ng), op.i32Mul(), op.set(l.base),
    ...loadF64(get(l.sq), get(l.u)), op.set(l.su),
    ...forRange(l.w, [op.i32Const(0)], get(l.n), [
      ...loadI32(get(l.c), [op.get(l.base), ...loadI32(get(l.rows), get(l.w)), op.i32Add()]), op.set(l.cnt),
      op.f64Const(0), op.set(l.val),
      op.get(l.cnt), op.i32Const(0), op2.i32Ne(), op.if(),
      op.get(l.cnt), op2.f64ConvertI32S(), op.get(l.total), op2.f64Div(),
      op.get(l.su), ...loadF64(get(l.sq), get(l.w)), op.f64Mul(), op2.f64Div(), op.set(l.val),
      op.end(),
      ...storeF64(get(l.a), rowMajor(get(l.u), get(l.n), get(l.w)), get(l.val)),
    ]),
  ]),
);
