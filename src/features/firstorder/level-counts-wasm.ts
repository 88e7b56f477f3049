import { I32, op, type WasmFunction } from '../../core/wasm-assembler.js';
import { wasmKernel } from '../../core/wasm-kernel.js';

/**
 * The counting pass of `levelCounts` (level-histogram.ts) in WebAssembly: voxels per grey level at mask ≠ 0, and the
 * first masked voxel whose level is outside 1..N_g. It runs once per extraction over the cropped ROI, where
 * JavaScript would still be interpreted for much of it; levels and mask are copied in chunk by chunk. Null where
 * WebAssembly is unavailable or N_g does not fit (the caller then runs its loop).
 */

/** Voxels per chunk. */
const CHUNK = 8192;
/** Largest N_g kept in the module's memory. */
const MAX_LEVELS = 65535;
const LEVELS = 0; // i32 × CHUNK
const MASK = 4 * CHUNK; // u8 × CHUNK
const COUNTS = MASK + CHUNK; // f64 × (MAX_LEVELS + 1)
const PAGES = Math.ceil((COUNTS + 8 * (MAX_LEVELS + 1)) / 65536);

// locals: the parameters (n, N_g), then i, l
const N = 0, NG = 1, I = 2, L = 3;

/** `count(n, ng)`: adds the masked levels of the first n voxels of the chunk to the counts; first bad voxel or −1. */
export function levelCountsKernel(): WasmFunction {
  return {
    name: 'count',
    params: [I32, I32],
    results: [I32],
    locals: [I32, I32],
    body: [
      op.block(), op.loop(),
      op.get(I), op.get(N), op.i32GeS(), op.brIf(1),
      op.get(I), op.i32Load8U(MASK), op.if(),
      op.get(I), op.i32Const(2), op.i32Shl(), op.i32Load(LEVELS), op.set(L),
      // !(1 ≤ l ≤ N_g): that voxel
      op.get(L), op.i32Const(1), op.i32LtS(), op.get(L), op.get(NG), op.i32GtS(), op.i32Or(), op.if(), op.get(I), op.return(), op.end(),
      op.get(L), op.i32Const(3), op.i32Shl(),
      op.get(L), op.i32Const(3), op.i32Shl(), op.f64Load(COUNTS), op.f64Const(1), op.f64Add(),
      op.f64Store(COUNTS),
      op.end(),
      op.get(I), op.i32Const(1), op.i32Add(), op.set(I),
      op.br(0), op.end(), op.end(),
      op.i32Const(-1),
    ],
  };
}

/**
 * Counts per level (index 0 unused) of the levels at mask ≠ 0, or the index of the first masked voxel with a level
 * outside 1..nLevels (`bad`); null when WebAssembly is unavailable or nLevels is too large.
 */
export function levelCountsWasm(levels: Int32Array, mask: Uint8Array, nLevels: number): { counts: Float64Array; bad: number } | null {
  if (nLevels > MAX_LEVELS) return null;
  const k = wasmKernel<(n: number, ng: number) => number>('levelCounts', levelCountsKernel, PAGES);
  if (!k) return null;
  const lIn = new Int32Array(k.buffer, LEVELS, CHUNK);
  const mIn = new Uint8Array(k.buffer, MASK, CHUNK);
  const counts = new Float64Array(k.buffer, COUNTS, nLevels + 1);
  counts.fill(0);
  for (let from = 0; from < levels.length; from += CHUNK) {
    const n = Math.min(CHUNK, levels.length - from);
    lIn.set(levels.subarray(from, from + n));
    mIn.set(mask.subarray(from, from + n));
    const bad = k.run(n, nLevels);
    if (bad >= 0) return { counts: counts.slice(), bad: from + bad };
  }
  return { counts: counts.slice(), bad: -1 };
}
