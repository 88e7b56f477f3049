import { F64, I32, loadF64Locals, op, storeF64Locals, type WasmFunction } from '../../core/wasm-assembler.js';
import { wasmKernel } from '../../core/wasm-kernel.js';

/**
 * The gathering pass of `maskedValuesAndSums` (masked-values.ts) in WebAssembly: the values at mask ≠ 0 in voxel
 * order, with Σx, Σ(x + c)², minimum, maximum and whether all are integers, in exactly the operations and order of
 * the JavaScript loop (same bits). It runs once per extraction over the cropped ROI, where JavaScript would still be
 * interpreted for much of it. The values (Float64) and the mask (bytes) are copied in chunk by chunk; null where
 * WebAssembly is unavailable (the caller then runs its loop).
 */

/** Voxels per chunk. */
const CHUNK = 8192;
const VALUES = 0; // f64 × CHUNK
const MASK = VALUES + 8 * CHUNK; // u8 × CHUNK
const OUT = MASK + CHUNK; // f64 × CHUNK (the gathered values of the chunk)
const ACC = OUT + 8 * CHUNK; // f64: Σx, Σ(x+c)², min, max, all integers (1/0)
const PAGES = Math.ceil((ACC + 40) / 65536);

// locals: the parameters (n, c), then i, q, v, s, and the running values
const N = 0, C = 1, I = 2, Q = 3, V = 4, S = 5, SUM = 6, ENERGY = 7, MIN = 8, MAX = 9, INTEGERS = 10;
const RUNNING = [SUM, ENERGY, MIN, MAX, INTEGERS]; // as stored at ACC

/**
 * `gather(n, c)`: for the first n voxels of the chunk, appends the masked values at OUT and updates the running
 * values at ACC; returns how many were appended, or −1 at the first non-finite masked value.
 */
export function gatherKernel(): WasmFunction {
  return {
    name: 'gather',
    params: [I32, F64],
    results: [I32],
    locals: [I32, I32, F64, F64, F64, F64, F64, F64, F64],
    body: [
      ...loadF64Locals(ACC, RUNNING),
      op.block(), op.loop(),
      op.get(I), op.get(N), op.i32GeS(), op.brIf(1),
      op.get(I), op.i32Load8U(MASK), op.if(),
      op.get(I), op.i32Const(3), op.i32Shl(), op.f64Load(VALUES), op.set(V),
      // non-finite (NaN, ±∞): v − v is not 0
      op.get(V), op.get(V), op.f64Sub(), op.f64Const(0), op.f64Ne(), op.if(), op.i32Const(-1), op.return(), op.end(),
      op.get(Q), op.i32Const(3), op.i32Shl(), op.get(V), op.f64Store(OUT),
      op.get(Q), op.i32Const(1), op.i32Add(), op.set(Q),
      op.get(SUM), op.get(V), op.f64Add(), op.set(SUM),
      op.get(V), op.get(C), op.f64Add(), op.set(S),
      op.get(ENERGY), op.get(S), op.get(S), op.f64Mul(), op.f64Add(), op.set(ENERGY),
      op.get(V), op.get(MIN), op.get(V), op.get(MIN), op.f64Lt(), op.select(), op.set(MIN),
      op.get(V), op.get(MAX), op.get(V), op.get(MAX), op.f64Gt(), op.select(), op.set(MAX),
      // integers stays 1 while every value equals its floor
      op.f64Const(0), op.get(INTEGERS), op.get(V), op.get(V), op.f64Floor(), op.f64Ne(), op.select(), op.set(INTEGERS),
      op.end(),
      op.get(I), op.i32Const(1), op.i32Add(), op.set(I),
      op.br(0), op.end(), op.end(),
      ...storeF64Locals(ACC, RUNNING),
      op.get(Q),
    ],
  };
}

/**
 * Appends the masked values of Float64 `values` to `out` (sized for them) and updates acc = [Σx, Σ(x+c)², min, max,
 * all integers, c] as the loop of masked-values.ts does; returns the count, −1 at a non-finite masked value, or null
 * when WebAssembly is unavailable.
 */
export function gatherMaskedWasm(values: Float64Array, mask: Uint8Array, out: Float64Array, acc: Float64Array): number | null {
  const k = wasmKernel<(n: number, c: number) => number>('gatherMasked', gatherKernel, PAGES);
  if (!k) return null;
  const vIn = new Float64Array(k.buffer, VALUES, CHUNK);
  const mIn = new Uint8Array(k.buffer, MASK, CHUNK);
  const gathered = new Float64Array(k.buffer, OUT, CHUNK);
  const state = new Float64Array(k.buffer, ACC, 5);
  state.set(acc.subarray(0, 5));
  let q = 0;
  for (let from = 0; from < mask.length; from += CHUNK) {
    const n = Math.min(CHUNK, mask.length - from);
    vIn.set(values.subarray(from, from + n));
    mIn.set(mask.subarray(from, from + n));
    const got = k.run(n, acc[5]);
    if (got < 0) return -1;
    out.set(gathered.subarray(0, got), q);
    q += got;
  }
  acc.set(state);
  return q;
}
