/**
 * The pass over the ROI voxels behind the texture matrices, for one direction: a small function over typed arrays,
 * called per block of {@link PASS_BLOCK} voxels. Called that often, V8 compiles it early and once, as a whole
 * (a long loop in a function called once is compiled mid-loop, and recompiled whenever the code around it changes
 * what V8 has seen), and the interpreter runs only its first few blocks. One pass computes every requested product,
 * so each voxel and neighbour is read once per direction.
 */

import { type TextureWasm, textureWasm } from './texture-wasm.js';

/**
 * Voxels per call of {@link directionPass} and the other per-voxel kernels of the texture code: 512, a quarter of
 * the core KERNEL_BLOCK. The texture kernels run over the ROI voxels only (a few thousand in a typical ROI), and a
 * block short enough that no single call triggers an on-stack-replacement compile means each kernel is compiled
 * once (not once mid-loop and once more for the following calls); measured in fresh `dlrn extract` processes.
 */
export const PASS_BLOCK = 512;

/**
 * One pass over the ROI voxels `voxels[from..to)` (`levels`: 0 outside the ROI and in the padding; `voxels`: ROI
 * voxel indices) for the index offset `off`. For each ROI voxel v whose neighbour w = v + off is in the ROI:
 * co-occurrence count (level(v), level(w)); union of v and w when their levels are equal (union by smallest index,
 * so each root is its set's first voxel in raster order; path halving); tallies of both voxels (one neighbour, the
 * other's level, one dependent neighbour when the levels differ by at most `alpha`; layout in `NeighbourTallies`).
 * For the runs (`off` a unit direction), a run ends at a ROI voxel whose successor has another level (counted there,
 * its length found by walking back). Returns the longest run ended in the block (0 without runs).
 */
export function directionPass(
  levels: Int32Array, voxels: Int32Array, from: number, to: number, off: number, ng: number, alpha: number, stride: number,
  cooc: Int32Array, parent: Int32Array, tallies: Int32Array, runs: Int32Array,
): number {
  const doCooc = cooc.length > 0;
  const doZones = parent.length > 0;
  const doTally = tallies.length > 0;
  const doRuns = runs.length > 0;
  let longest = 0;
  for (let t = from; t < to; t++) {
    const v = voxels[t];
    const g = levels[v];
    const w = v + off;
    const h = levels[w];
    if (h !== 0) {
      if (doCooc) cooc[(g - 1) * ng + h - 1]++;
      // (equal parents: already one set)
      if (doZones && h === g && parent[v] !== parent[w]) {
        const ra = findRoot(parent, v);
        const rb = findRoot(parent, w);
        if (ra < rb) parent[rb] = ra;
        else if (rb < ra) parent[ra] = rb;
      }
      if (doTally) {
        // one neighbour (+ TALLY_DEPENDENT when dependent) and the other's level, to both voxels
        const d = g > h ? g - h : h - g;
        const add = d <= alpha ? 1 + TALLY_DEPENDENT : 1;
        const a = 2 * v;
        const b = 2 * w;
        tallies[a] += add;
        tallies[b] += add;
        tallies[a + 1] += h;
        tallies[b + 1] += g;
      }
    }
    // a run ends at v when its successor has another level (h, read above); its length by walking back (a do-while:
    // the loop body runs for every run, so V8 has type feedback for it before it optimises this function)
    if (doRuns && h !== g) {
      let len = 0;
      let u = v;
      do { len++; u -= off; } while (levels[u] === g);
      runs[(g - 1) * stride + len - 1]++;
      if (len > longest) longest = len;
    }
  }
  return longest;
}

/**
 * Unit of the dependent-neighbour count in the first tally word of a voxel (`count + TALLY_DEPENDENT·dependent`):
 * neighbourhoods have fewer than 2¹⁶ voxels, so both counts share one integer and a pair costs two updates per voxel.
 */
export const TALLY_DEPENDENT = 0x10000;

/** Root of a's set in the union-find forest `parent`, halving the path on the way. */
function findRoot(parent: Int32Array, a: number): number {
  let r = a;
  while (parent[r] !== r) { parent[r] = parent[parent[r]]; r = parent[r]; }
  return r;
}

/**
 * {@link directionPass} for every offset over all ROI voxels, block by block with the offsets inside: the first
 * blocks already run every direction (positive and negative offsets, joins in both orders), so V8 compiles the pass
 * with complete type feedback. The products do not depend on this order (integer counts, a union-find whose sets
 * and roots are order-independent). `coocs[k]` / `runs[k]` are the matrices of offset k (empty when not requested);
 * returns the longest run per offset. Runs in WebAssembly (common/pass-wasm.ts; the same products) when available
 * and the arrays fit its memory.
 */
export function multiDirectionPass(
  levels: Int32Array, voxels: Int32Array, offsets: Int32Array, ng: number, alpha: number, stride: number,
  coocs: readonly Int32Array[], parent: Int32Array, tallies: Int32Array, runs: readonly Int32Array[],
): Int32Array {
  const w = textureWasm();
  const viaWasm = w !== null ? wasmMultiDirectionPass(w, levels, voxels, offsets, ng, alpha, stride, coocs, parent, tallies, runs) : null;
  return viaWasm ?? jsMultiDirectionPass(levels, voxels, offsets, ng, alpha, stride, coocs, parent, tallies, runs);
}

/** {@link multiDirectionPass} in JavaScript (exported for the tests that compare it with the WebAssembly pass). */
export function jsMultiDirectionPass(
  levels: Int32Array, voxels: Int32Array, offsets: Int32Array, ng: number, alpha: number, stride: number,
  coocs: readonly Int32Array[], parent: Int32Array, tallies: Int32Array, runs: readonly Int32Array[],
): Int32Array {
  const longest = new Int32Array(offsets.length);
  for (let from = 0; from < voxels.length; from += PASS_BLOCK) {
    const to = Math.min(from + PASS_BLOCK, voxels.length);
    for (let k = 0; k < offsets.length; k++) {
      const l = directionPass(levels, voxels, from, to, offsets[k], ng, alpha, stride, coocs[k], parent, tallies, runs[k]);
      if (l > longest[k]) longest[k] = l;
    }
  }
  return longest;
}

/** Every matrix of `ms` has `size` elements, or every one is empty: its size (0 when empty); −1 when they differ. */
function uniformSize(ms: readonly Int32Array[]): number {
  const size = ms.length > 0 ? ms[0].length : 0;
  for (const m of ms) if (m.length !== size) return -1;
  return size;
}

/**
 * {@link multiDirectionPass} in the texture WebAssembly module: the inputs and the products so far are copied into its
 * memory (levels, voxels, offsets, co-occurrence and run matrices, tallies, parents), `passAll` adds to the products,
 * and they are copied back. Null (nothing done) when the arrays do not fit or the matrices differ in size.
 */
export function wasmMultiDirectionPass(
  w: TextureWasm, levels: Int32Array, voxels: Int32Array, offsets: Int32Array, ng: number, alpha: number, stride: number,
  coocs: readonly Int32Array[], parent: Int32Array, tallies: Int32Array, runs: readonly Int32Array[],
): Int32Array | null {
  const nOff = offsets.length;
  const coocSize = uniformSize(coocs);
  const runSize = uniformSize(runs);
  if (coocSize < 0 || runSize < 0 || coocs.length !== nOff || runs.length !== nOff) return null;
  // layout in i32 elements
  const lv = 0;
  const vox = lv + levels.length;
  const off = vox + voxels.length;
  const cooc = off + nOff;
  const run = cooc + nOff * coocSize;
  const tal = run + nOff * runSize;
  const par = tal + tallies.length;
  const long = par + parent.length;
  const end = long + nOff;
  if (!w.reserve(4 * end)) return null;
  const mem = new Int32Array(w.buffer, 0, end);
  mem.set(levels, lv);
  mem.set(voxels, vox);
  mem.set(offsets, off);
  for (let k = 0; k < nOff; k++) {
    mem.set(coocs[k], cooc + k * coocSize);
    mem.set(runs[k], run + k * runSize);
  }
  mem.set(tallies, tal);
  mem.set(parent, par);
  w.ex.passAll(
    4 * lv, 4 * vox, voxels.length, 4 * off, nOff, ng, alpha, stride, 4 * cooc, coocSize, 4 * par, 4 * tal, 4 * run, runSize, 4 * long,
    coocSize > 0 ? 1 : 0, parent.length > 0 ? 1 : 0, tallies.length > 0 ? 1 : 0, runSize > 0 ? 1 : 0,
  );
  for (let k = 0; k < nOff; k++) {
    coocs[k].set(mem.subarray(cooc + k * coocSize, cooc + (k + 1) * coocSize));
    runs[k].set(mem.subarray(run + k * runSize, run + (k + 1) * runSize));
  }
  tallies.set(mem.subarray(tal, tal + tallies.length));
  parent.set(mem.subarray(par, par + parent.length));
  return mem.slice(long, end);
}
