import { F64, I32, loadF64Locals, op, storeF64Locals, type WasmFunction, type WasmImport } from '../../../core/wasm-assembler.js';
import { wasmKernel } from '../../../core/wasm-kernel.js';

/**
 * The two passes of the GLCM statistics (stats.ts) that take a logarithm per cell, in WebAssembly for integer counts:
 * the second pass over the rows (correlation numerator, cluster tendency, shade and prominence, HXY1, HXY2, with the
 * logarithms of a symmetric matrix shared between mirrored cells) and the joint entropy HXY over the non-zero counts.
 * Same operations in the same order as the JavaScript loops, and the logarithm is JavaScript's own `Math.log2`
 * (imported), so the sums have the same bits. They run 13 times per extraction (once per direction), mostly before
 * V8 has compiled the JavaScript. Null where WebAssembly is unavailable or N_g is too large (JavaScript then).
 */

/** Largest N_g handled here. */
const MAX_NG = 256;
const COUNTS = 0; // i32 × N_g² (the counts; for the entropy: the non-zero counts)
const PX = 4 * MAX_NG * MAX_NG; // f64 × N_g
const PY = PX + 8 * MAX_NG; // f64 × N_g
const LOGS = PY + 8 * MAX_NG; // f64 × N_g²
const ACC = LOGS + 8 * MAX_NG * MAX_NG; // f64 × 6
const PAGES = Math.ceil((ACC + 48) / 65536);

const LOG2: WasmImport = { name: 'log2', params: [F64], results: [F64] };
/** The functions both kernels import (for the test of their stored bytes). */
export const GLCM_WASM_IMPORTS: readonly WasmImport[] = [LOG2];
const IMPORTS = [{ sig: LOG2, fn: Math.log2 }];
const CALL_LOG2 = op.call(0);

// rowMoments: parameters (N_g, total, ε, μx, μy, use logs), then the locals
const NG = 0, TOTAL = 1, EPS = 2, UX = 3, UY = 4, USE_LOGS = 5;
const A = 6, B = 7, C = 8, PA = 9, DI = 10, PXY = 11, L = 12, P = 13, DJ = 14, S = 15, S2 = 16;
const CORM = 17, CT = 18, CS = 19, CP = 20, HXY1 = 21, HXY2 = 22;
const SUMS = [CORM, CT, CS, CP, HXY1, HXY2]; // as stored at ACC

/** f64 at `base` + 8·(index), index an i32 expression. */
const f64At = (base: number, index: readonly (readonly number[])[]): (readonly number[])[] => [...index, op.i32Const(3), op.i32Shl(), op.f64Load(base)];

/**
 * `rowMoments(ng, total, eps, ux, uy, useLogs)`: the second pass of glcmStats over the rows with p_x > 0, adding to
 * the six sums at ACC; with useLogs (p_x = p_y) the logarithms are kept at LOGS (zeroed by the caller).
 */
export function glcmRowMomentsKernel(): WasmFunction {
  const cell = (r: number, c: number): (readonly number[])[] => [op.get(r), op.get(NG), op.i32Mul(), op.get(c), op.i32Add()];
  return {
    name: 'rowMoments',
    params: [I32, F64, F64, F64, F64, I32],
    results: [],
    locals: [I32, I32, I32, F64, F64, F64, F64, F64, F64, F64, F64, F64, F64, F64, F64, F64, F64],
    body: [
      ...loadF64Locals(ACC, SUMS),
      op.block(), op.loop(),
      op.get(A), op.get(NG), op.i32GeS(), op.brIf(1),
      ...f64At(PX, [op.get(A)]), op.set(PA),
      op.get(PA), op.f64Const(0), op.f64Gt(), op.if(),
      op.get(A), op.i32Const(1), op.i32Add(), op.f64ConvertI32S(), op.get(UX), op.f64Sub(), op.set(DI),
      op.i32Const(0), op.set(B),
      op.block(), op.loop(),
      op.get(B), op.get(NG), op.i32GeS(), op.brIf(1),
      op.get(PA), ...f64At(PY, [op.get(B)]), op.f64Mul(), op.set(PXY),
      ...cell(A, B), op.i32Const(2), op.i32Shl(), op.i32Load(COUNTS), op.set(C),
      // l = the mirrored cell's logarithm, or log2(p_x p_y + ε) where p_x p_y > 0 or there is a count, else 0
      op.get(USE_LOGS), op.get(B), op.get(A), op.i32LtS(), op.i32And(), op.if(),
      ...f64At(LOGS, cell(B, A)), op.set(L),
      op.else(),
      op.get(PXY), op.f64Const(0), op.f64Gt(), op.get(C), op.i32Const(0), op.i32Ne(), op.i32Or(), op.if(),
      op.get(PXY), op.get(EPS), op.f64Add(), CALL_LOG2, op.set(L),
      op.else(),
      op.f64Const(0), op.set(L),
      op.end(),
      op.get(USE_LOGS), op.if(),
      ...cell(A, B), op.i32Const(3), op.i32Shl(), op.get(L), op.f64Store(LOGS),
      op.end(),
      op.end(),
      op.get(PXY), op.f64Const(0), op.f64Gt(), op.if(),
      op.get(HXY2), op.get(PXY), op.get(L), op.f64Mul(), op.f64Sub(), op.set(HXY2),
      op.end(),
      op.get(C), op.if(),
      op.get(C), op.f64ConvertI32S(), op.get(TOTAL), op.f64Div(), op.set(P),
      op.get(B), op.i32Const(1), op.i32Add(), op.f64ConvertI32S(), op.get(UY), op.f64Sub(), op.set(DJ),
      op.get(CORM), op.get(DI), op.get(DJ), op.f64Mul(), op.get(P), op.f64Mul(), op.f64Add(), op.set(CORM),
      op.get(DI), op.get(DJ), op.f64Add(), op.set(S),
      op.get(S), op.get(S), op.f64Mul(), op.set(S2),
      op.get(CT), op.get(S2), op.get(P), op.f64Mul(), op.f64Add(), op.set(CT),
      op.get(CS), op.get(S2), op.get(S), op.f64Mul(), op.get(P), op.f64Mul(), op.f64Add(), op.set(CS),
      op.get(CP), op.get(S2), op.get(S2), op.f64Mul(), op.get(P), op.f64Mul(), op.f64Add(), op.set(CP),
      op.get(HXY1), op.get(P), op.get(L), op.f64Mul(), op.f64Sub(), op.set(HXY1),
      op.end(),
      op.get(B), op.i32Const(1), op.i32Add(), op.set(B),
      op.br(0), op.end(), op.end(),
      op.end(),
      op.get(A), op.i32Const(1), op.i32Add(), op.set(A),
      op.br(0), op.end(), op.end(),
      ...storeF64Locals(ACC, SUMS),
    ],
  };
}

// jointEntropy: parameters (n, total, ε), then e, p, h
const N = 0, E = 3, PP = 4, H = 5;

/** `jointEntropy(n, total, eps)`: −Σ p log2(p + ε), p = count / total, over the n counts at COUNTS, in order. */
export function glcmJointEntropyKernel(): WasmFunction {
  return {
    name: 'jointEntropy',
    params: [I32, F64, F64],
    results: [F64],
    locals: [I32, F64, F64],
    body: [
      op.block(), op.loop(),
      op.get(E), op.get(N), op.i32GeS(), op.brIf(1),
      op.get(E), op.i32Const(2), op.i32Shl(), op.i32Load(COUNTS), op.f64ConvertI32S(), op.get(TOTAL), op.f64Div(), op.set(PP),
      op.get(H), op.get(PP), op.get(PP), op.get(EPS), op.f64Add(), CALL_LOG2, op.f64Mul(), op.f64Sub(), op.set(H),
      op.get(E), op.i32Const(1), op.i32Add(), op.set(E),
      op.br(0), op.end(), op.end(),
      op.get(H),
    ],
  };
}

type RowMoments = (ng: number, total: number, eps: number, ux: number, uy: number, useLogs: number) => void;

/**
 * The second pass of glcmStats for integer counts: adds to acc = [correlation numerator, cluster tendency, shade,
 * prominence, HXY1, HXY2] as the JavaScript rows do; false (nothing done) where WebAssembly is unavailable or N_g is
 * too large.
 */
export function glcmRowMomentsWasm(
  counts: Int32Array, ng: number, total: number, eps: number, px: Float64Array, py: Float64Array, ux: number, uy: number,
  acc: Float64Array, useLogs: boolean,
): boolean {
  if (ng > MAX_NG) return false;
  const k = wasmKernel<RowMoments>('glcmRowMoments', glcmRowMomentsKernel, PAGES, IMPORTS);
  if (!k) return false;
  new Int32Array(k.buffer, COUNTS, ng * ng).set(counts.subarray(0, ng * ng));
  new Float64Array(k.buffer, PX, ng).set(px.subarray(0, ng));
  new Float64Array(k.buffer, PY, ng).set(py.subarray(0, ng));
  if (useLogs) new Float64Array(k.buffer, LOGS, ng * ng).fill(0);
  const sums = new Float64Array(k.buffer, ACC, 6);
  sums.set(acc.subarray(0, 6));
  k.run(ng, total, eps, ux, uy, useLogs ? 1 : 0);
  acc.set(sums);
  return true;
}

/** HXY = −Σ p log2(p + ε) over the non-zero counts, as the JavaScript loop; null where WebAssembly is unavailable. */
export function glcmJointEntropyWasm(nonZeros: Int32Array, total: number, eps: number): number | null {
  if (nonZeros.length > MAX_NG * MAX_NG) return null;
  const k = wasmKernel<(n: number, total: number, eps: number) => number>('glcmJointEntropy', glcmJointEntropyKernel, PAGES, IMPORTS);
  if (!k) return null;
  new Int32Array(k.buffer, COUNTS, nonZeros.length).set(nonZeros);
  return k.run(nonZeros.length, total, eps);
}
