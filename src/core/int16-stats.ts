import { I32, V128, op, type WasmFunction } from './wasm-assembler.js';
import { wasmKernel } from './wasm-kernel.js';

/**
 * Sum, minimum and maximum of 16-bit integer voxels (whole CT/MR volumes: millions of voxels, read once for the
 * diagnostics), with a WebAssembly SIMD kernel: eight voxels per instruction, at full speed from the first call
 * (WebAssembly is compiled before it runs, while a JavaScript loop that runs once is interpreted for a good part of
 * a 1.6-million-voxel volume). The voxels are copied chunk by chunk into a small wasm buffer that stays in cache.
 * Sums are exact: per chunk each i32 lane adds at most 2·4096 values of magnitude ≤ 65535 (< 2³¹), and chunk sums are
 * added as JavaScript numbers (exact below 2⁵³). Falls back to a JavaScript loop (same results) where WebAssembly SIMD
 * is unavailable, or with `DLRN_NO_WASM=1`.
 */
export interface IntStats {
  /** Σ x (exact). */
  readonly sum: number;
  readonly min: number;
  readonly max: number;
}

/** Voxels per chunk (64 KiB of int16). */
const CHUNK = 32768;
const RESULT = CHUNK * 2; // byte offset of the results: min (8 × i16), max (8 × i16), sums (4 × i32)

// locals of the kernel: the parameter, then the declared ones
const NVEC = 0, ADDR = 1, MIN = 2, MAX = 3, SUMS = 4, VEC = 5;

/**
 * `statsS(nvec)` / `statsU(nvec)` (signed / unsigned voxels): minimum and maximum (i16x8 lanes) and sums of
 * neighbouring pairs (i32x4 lanes) of the `nvec` ≥ 1 eight-voxel vectors at address 0, written at RESULT.
 */
export function int16StatsKernel(signed: boolean): WasmFunction {
  const min = signed ? op.i16x8MinS() : op.i16x8MinU();
  const max = signed ? op.i16x8MaxS() : op.i16x8MaxU();
  const extadd = signed ? op.i32x4ExtaddPairwiseI16x8S() : op.i32x4ExtaddPairwiseI16x8U();
  return {
    name: signed ? 'statsS' : 'statsU',
    params: [I32],
    results: [],
    locals: [I32, V128, V128, V128, V128],
    body: [
      op.i32Const(0), op.v128Load(), op.tee(MIN), op.set(MAX),
      op.i32Const(0), op.i32x4Splat(), op.set(SUMS),
      op.block(), op.loop(),
      op.get(NVEC), op.i32Eqz(), op.brIf(1),
      op.get(ADDR), op.v128Load(), op.set(VEC),
      op.get(MIN), op.get(VEC), min, op.set(MIN),
      op.get(MAX), op.get(VEC), max, op.set(MAX),
      op.get(SUMS), op.get(VEC), extadd, op.i32x4Add(), op.set(SUMS),
      op.get(ADDR), op.i32Const(16), op.i32Add(), op.set(ADDR),
      op.get(NVEC), op.i32Const(1), op.i32Sub(), op.set(NVEC),
      op.br(0), op.end(), op.end(),
      op.i32Const(RESULT), op.get(MIN), op.v128Store(),
      op.i32Const(RESULT), op.get(MAX), op.v128Store(16),
      op.i32Const(RESULT), op.get(SUMS), op.v128Store(32),
    ],
  };
}

/** {@link IntStats} of 16-bit integer voxels (an empty array gives sum 0, min +∞, max −∞). */
export function int16Stats(data: Int16Array | Uint16Array): IntStats {
  const signed = data instanceof Int16Array;
  const k = data.length >= 64 ? wasmKernel<(nvec: number) => void>(signed ? 'int16StatsS' : 'int16StatsU', () => int16StatsKernel(signed)) : null;
  if (!k) return statsJs(data, 0, data.length, { sum: 0, min: Infinity, max: -Infinity });
  const chunk = signed ? new Int16Array(k.buffer, 0, CHUNK) : new Uint16Array(k.buffer, 0, CHUNK);
  const lanes = signed ? new Int16Array(k.buffer, RESULT, 16) : new Uint16Array(k.buffer, RESULT, 16);
  const sums = new Int32Array(k.buffer, RESULT + 32, 4);
  const run = k.run;
  let sum = 0, min = Infinity, max = -Infinity;
  const whole = data.length - (data.length % 8);
  for (let from = 0; from < whole; from += CHUNK) {
    const n = Math.min(CHUNK, whole - from);
    chunk.set(data.subarray(from, from + n));
    run(n >> 3);
    for (let l = 0; l < 8; l++) {
      if (lanes[l] < min) min = lanes[l];
      if (lanes[8 + l] > max) max = lanes[8 + l];
    }
    sum += sums[0] + sums[1] + sums[2] + sums[3];
  }
  return statsJs(data, whole, data.length, { sum, min, max });
}

/** Adds data[from..to) to running statistics (the JavaScript path and the tail of fewer than 8 voxels). */
function statsJs(data: Int16Array | Uint16Array, from: number, to: number, s: IntStats): IntStats {
  let { sum, min, max } = s;
  for (let i = from; i < to; i++) {
    const v = data[i];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { sum, min, max };
}
