import { F64, I32, op, type WasmFunction } from '../core/wasm-assembler.js';
import { wasmKernel } from '../core/wasm-kernel.js';

/**
 * PyRadiomics' discretisation pass (numpy.digitize of the masked voxels against the bin edges, discretise.ts) in
 * WebAssembly: per masked voxel the same first guess ⌊(x − e₀)/step⌋ + 1, clamped to [0, #edges], refined against
 * the edges with the same comparisons, so the levels are those of the JavaScript loop. It runs once per extraction
 * over the cropped ROI, where JavaScript would still be interpreted for much of it. Values (Float64) and mask (bytes)
 * are copied in chunk by chunk; null where WebAssembly is unavailable or the edges do not fit (the caller then runs
 * its loop).
 */

/** Voxels per chunk. */
const CHUNK = 8192;
/** Largest number of bin edges kept in the module's memory. */
const MAX_EDGES = 32768;
const VALUES = 0; // f64 × CHUNK
const MASK = VALUES + 8 * CHUNK; // u8 × CHUNK
const LEVELS = MASK + CHUNK; // i32 × CHUNK
const EDGES = LEVELS + 4 * CHUNK; // f64 × MAX_EDGES
const PAGES = Math.ceil((EDGES + 8 * MAX_EDGES) / 65536);

// locals: the parameters (n, number of edges, e0, step), then i, k, v, g, top
const N = 0, NE = 1, E0 = 2, STEP = 3, I = 4, K = 5, TOP = 6, V = 7, G = 8;

/**
 * `digitize(n, nEdges, e0, step)`: levels (i32 at LEVELS; 0 where the mask is 0) of the first n voxels of the chunk
 * against the edges at EDGES; returns the highest level.
 */
export function digitizeKernel(): WasmFunction {
  const edge = (index: readonly (readonly number[])[]): (readonly number[])[] => [...index, op.i32Const(3), op.i32Shl(), op.f64Load(EDGES)];
  return {
    name: 'digitize',
    params: [I32, I32, F64, F64],
    results: [I32],
    locals: [I32, I32, I32, F64, F64],
    body: [
      op.block(), op.loop(),
      op.get(I), op.get(N), op.i32GeS(), op.brIf(1),
      op.get(I), op.i32Load8U(MASK), op.i32Eqz(), op.if(),
      op.get(I), op.i32Const(2), op.i32Shl(), op.i32Const(0), op.i32Store(LEVELS),
      op.else(),
      op.get(I), op.i32Const(3), op.i32Shl(), op.f64Load(VALUES), op.set(V),
      // g = ⌊(v − e0) / step⌋ + 1, clamped to [0, nEdges]: g < 0 ? 0 : g > nEdges ? nEdges : g
      op.get(V), op.get(E0), op.f64Sub(), op.get(STEP), op.f64Div(), op.f64Floor(), op.f64Const(1), op.f64Add(), op.set(G),
      op.f64Const(0),
      op.get(NE), op.f64ConvertI32S(), op.get(G), op.get(G), op.get(NE), op.f64ConvertI32S(), op.f64Gt(), op.select(),
      op.get(G), op.f64Const(0), op.f64Lt(), op.select(),
      op.i32TruncSatF64S(), op.set(K),
      // while (k > 0 && v < edges[k − 1]) k−−
      op.block(), op.loop(),
      op.get(K), op.i32Const(0), op.i32GtS(), op.i32Eqz(), op.brIf(1),
      op.get(V), ...edge([op.get(K), op.i32Const(1), op.i32Sub()]), op.f64Lt(), op.i32Eqz(), op.brIf(1),
      op.get(K), op.i32Const(1), op.i32Sub(), op.set(K),
      op.br(0), op.end(), op.end(),
      // while (k < nEdges && v >= edges[k]) k++
      op.block(), op.loop(),
      op.get(K), op.get(NE), op.i32LtS(), op.i32Eqz(), op.brIf(1),
      op.get(V), ...edge([op.get(K)]), op.f64Ge(), op.i32Eqz(), op.brIf(1),
      op.get(K), op.i32Const(1), op.i32Add(), op.set(K),
      op.br(0), op.end(), op.end(),
      op.get(I), op.i32Const(2), op.i32Shl(), op.get(K), op.i32Store(LEVELS),
      op.get(K), op.get(TOP), op.get(K), op.get(TOP), op.i32GtS(), op.select(), op.set(TOP),
      op.end(),
      op.get(I), op.i32Const(1), op.i32Add(), op.set(I),
      op.br(0), op.end(), op.end(),
      op.get(TOP),
    ],
  };
}

/**
 * Levels of the masked voxels of Float64 `values` (written to `levels`, left as they are where the mask is 0) against
 * increasing `edges`; returns the highest, or null when WebAssembly is unavailable or there are too many edges.
 */
export function digitizeMaskedWasm(values: Float64Array, mask: Uint8Array, edges: Float64Array, e0: number, step: number, levels: Int32Array): number | null {
  if (edges.length > MAX_EDGES) return null;
  const k = wasmKernel<(n: number, nEdges: number, e0: number, step: number) => number>('digitizeMasked', digitizeKernel, PAGES);
  if (!k) return null;
  new Float64Array(k.buffer, EDGES, edges.length).set(edges);
  const vIn = new Float64Array(k.buffer, VALUES, CHUNK);
  const mIn = new Uint8Array(k.buffer, MASK, CHUNK);
  const lOut = new Int32Array(k.buffer, LEVELS, CHUNK);
  let top = 0;
  for (let from = 0; from < mask.length; from += CHUNK) {
    const n = Math.min(CHUNK, mask.length - from);
    vIn.set(values.subarray(from, from + n));
    mIn.set(mask.subarray(from, from + n));
    const t = k.run(n, edges.length, e0, step);
    if (t > top) top = t;
    levels.set(lOut.subarray(0, n), from);
  }
  return top;
}
