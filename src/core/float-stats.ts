import { F64, I32, op, type WasmFunction } from './wasm-assembler.js';
import { wasmKernel } from './wasm-kernel.js';

/**
 * Sum, minimum and maximum of floating-point voxels (whole volumes: millions of voxels, read once for the
 * diagnostics), with a WebAssembly kernel that does exactly what the JavaScript loop does, in the same order: the sum
 * is accumulated in Float64 voxel by voxel (Float32 voxels promoted first), and `v < min` / `v > max` comparisons
 * update the extremes (so NaN voxels make the sum NaN and are skipped by the extremes). Same bits as the loop, but at
 * compiled speed from the first call, where a loop that runs once is interpreted for a good part of the volume.
 * The voxels are copied chunk by chunk into a small wasm buffer that stays in cache. Falls back to the JavaScript loop
 * where WebAssembly is unavailable, or with `DLRN_NO_WASM=1`.
 */
export interface FloatStats {
  readonly sum: number;
  readonly min: number;
  readonly max: number;
}

/** Bytes per chunk. */
const CHUNK_BYTES = 65536;
const RESULT = CHUNK_BYTES; // sum, min, max (f64)

// locals of the kernel: the parameters (n, sum, min, max), then the address and the voxel
const N = 0, SUM = 1, MIN = 2, MAX = 3, ADDR = 4, V = 5;

/** `stats64(n, sum, min, max)` / `stats32(...)`: adds the first n voxels at address 0 to the running statistics. */
export function floatStatsKernel(f32: boolean): WasmFunction {
  return {
    name: f32 ? 'stats32' : 'stats64',
    params: [I32, F64, F64, F64],
    results: [],
    locals: [I32, F64],
    body: [
      op.block(), op.loop(),
      op.get(N), op.i32Eqz(), op.brIf(1),
      op.get(ADDR), ...(f32 ? [op.f32Load(), op.f64PromoteF32()] : [op.f64Load()]), op.set(V),
      op.get(SUM), op.get(V), op.f64Add(), op.set(SUM),
      // min = v < min ? v : min; max = v > max ? v : max
      op.get(V), op.get(MIN), op.get(V), op.get(MIN), op.f64Lt(), op.select(), op.set(MIN),
      op.get(V), op.get(MAX), op.get(V), op.get(MAX), op.f64Gt(), op.select(), op.set(MAX),
      op.get(ADDR), op.i32Const(f32 ? 4 : 8), op.i32Add(), op.set(ADDR),
      op.get(N), op.i32Const(1), op.i32Sub(), op.set(N),
      op.br(0), op.end(), op.end(),
      op.i32Const(RESULT), op.get(SUM), op.f64Store(),
      op.i32Const(RESULT), op.get(MIN), op.f64Store(8),
      op.i32Const(RESULT), op.get(MAX), op.f64Store(16),
    ],
  };
}

/** {@link FloatStats} of Float64 or Float32 voxels (an empty array gives sum 0, min +∞, max −∞). */
export function floatStats(data: Float64Array | Float32Array): FloatStats {
  const f32 = data instanceof Float32Array;
  const k = data.length >= 1024 ? wasmKernel<(n: number, sum: number, min: number, max: number) => void>(f32 ? 'floatStats32' : 'floatStats64', () => floatStatsKernel(f32)) : null;
  if (!k) return statsJs(data);
  const per = CHUNK_BYTES / data.BYTES_PER_ELEMENT;
  const chunk = f32 ? new Float32Array(k.buffer, 0, per) : new Float64Array(k.buffer, 0, per);
  const out = new Float64Array(k.buffer, RESULT, 3);
  let sum = 0, min = Infinity, max = -Infinity;
  for (let from = 0; from < data.length; from += per) {
    const n = Math.min(per, data.length - from);
    chunk.set(data.subarray(from, from + n));
    k.run(n, sum, min, max);
    sum = out[0]; min = out[1]; max = out[2];
  }
  return { sum, min, max };
}

function statsJs(data: Float64Array | Float32Array): FloatStats {
  let sum = 0, min = Infinity, max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { sum, min, max };
}
