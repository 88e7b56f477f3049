import { F64, I32, loadF64Locals, op, storeF64Locals, type WasmFunction } from '../../core/wasm-assembler.js';
import { wasmKernel } from '../../core/wasm-kernel.js';

/**
 * The sums of `centralMomentsAbout` (masked-values.ts) in WebAssembly: Σd², Σd³, Σd⁴ and Σ|d| with d = x − μ, in the
 * operations and order of the JavaScript loop (same bits), copied in chunk by chunk. It runs once per extraction, over
 * all ROI values, where JavaScript would still be interpreted for much of it; null where WebAssembly is unavailable.
 */

/** Values per chunk. */
const CHUNK = 8192;
const VALUES = 0; // f64 × CHUNK
const ACC = 8 * CHUNK; // f64: Σd², Σd³, Σd⁴, Σ|d|
const PAGES = Math.ceil((ACC + 32) / 65536);

// locals: the parameters (n, mean), then i, d, d², and the four sums
const N = 0, MEAN = 1, I = 2, D = 3, D2 = 4, M2 = 5, M3 = 6, M4 = 7, MAD = 8;
const SUMS = [M2, M3, M4, MAD]; // as stored at ACC

/** `moments(n, mean)`: adds the first n values of the chunk to the sums at ACC. */
export function momentsKernel(): WasmFunction {
  return {
    name: 'moments',
    params: [I32, F64],
    results: [],
    locals: [I32, F64, F64, F64, F64, F64, F64],
    body: [
      ...loadF64Locals(ACC, SUMS),
      op.block(), op.loop(),
      op.get(I), op.get(N), op.i32GeS(), op.brIf(1),
      op.get(I), op.i32Const(3), op.i32Shl(), op.f64Load(VALUES), op.get(MEAN), op.f64Sub(), op.set(D),
      op.get(D), op.get(D), op.f64Mul(), op.set(D2),
      op.get(M2), op.get(D2), op.f64Add(), op.set(M2),
      op.get(M3), op.get(D2), op.get(D), op.f64Mul(), op.f64Add(), op.set(M3),
      op.get(M4), op.get(D2), op.get(D2), op.f64Mul(), op.f64Add(), op.set(M4),
      op.get(MAD), op.get(D), op.f64Abs(), op.f64Add(), op.set(MAD),
      op.get(I), op.i32Const(1), op.i32Add(), op.set(I),
      op.br(0), op.end(), op.end(),
      ...storeF64Locals(ACC, SUMS),
    ],
  };
}

/** [Σd², Σd³, Σd⁴, Σ|d|] of Float64 `x` about `mean`, or null when WebAssembly is unavailable. */
export function momentSumsWasm(x: Float64Array, mean: number): Float64Array | null {
  const k = wasmKernel<(n: number, mean: number) => void>('centralMoments', momentsKernel, PAGES);
  if (!k) return null;
  const vIn = new Float64Array(k.buffer, VALUES, CHUNK);
  const acc = new Float64Array(k.buffer, ACC, 4);
  acc.fill(0);
  for (let from = 0; from < x.length; from += CHUNK) {
    const n = Math.min(CHUNK, x.length - from);
    vIn.set(x.subarray(from, from + n));
    k.run(n, mean);
  }
  return acc.slice();
}
