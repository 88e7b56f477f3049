import { createHash } from 'node:crypto';
import type { Vec3 } from '../../core/vec.js';
import { KERNEL_BLOCK } from '../../core/kernel-block.js';
import { int16Stats } from '../../core/int16-stats.js';
import { floatStats } from '../../core/float-stats.js';

/**
 * Statistics of an image/mask pair used by the diagnostics of both modes.
 */

/** SHA-1 of the voxel bytes (as `sitk.Hash` does for the pixel buffer, little-endian, x fastest). */
export function voxelHash(data: ArrayBufferView): string {
  return createHash('sha1').update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)).digest('hex');
}

/**
 * SHA-1 of the voxels converted to little-endian uint32 (PyRadiomics casts masks to UInt32 before hashing), streamed
 * in chunks so no full-size copy is made.
 */
export function uint32VoxelHash(data: ArrayLike<number>): string {
  const h = createHash('sha1');
  // int32 → uint32 keeps the bit pattern (two's complement), so 32-bit integer voxels are hashed as they are
  if (data instanceof Int32Array || data instanceof Uint32Array) return h.update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)).digest('hex');
  const chunk = new Uint32Array(1 << 16);
  for (let start = 0; start < data.length; start += chunk.length) {
    const n = Math.min(chunk.length, data.length - start);
    if (ArrayBuffer.isView(data)) chunk.set((data as unknown as Int32Array).subarray(start, start + n));
    else for (let i = 0; i < n; i++) chunk[i] = data[start + i];
    h.update(new Uint8Array(chunk.buffer, 0, n * 4));
  }
  return h.digest('hex');
}

/**
 * Mean, minimum and maximum of all voxels (Float64 accumulation, in voxel order). The loop runs block by block in a
 * small function: V8 compiles it after a few blocks, once (a long loop in a function called once is compiled while
 * it runs, and runs in the interpreter, allocating a number per value, until then).
 */
export function volumeStats(data: ArrayLike<number>): { mean: number; min: number; max: number } {
  if (data instanceof Int16Array || data instanceof Uint16Array || data instanceof Uint8Array || data instanceof Int8Array) return smallIntStats(data);
  if (data instanceof Float64Array || data instanceof Float32Array) {
    const s = floatStats(data); // WebAssembly, same operations in the same order as statsBlock
    return { mean: s.sum / data.length, min: s.min, max: s.max };
  }
  const acc = Float64Array.of(0, Infinity, -Infinity);
  for (let from = 0; from < data.length; from += KERNEL_BLOCK) statsBlock(data, from, Math.min(from + KERNEL_BLOCK, data.length), acc);
  return { mean: acc[0] / data.length, min: acc[1], max: acc[2] };
}

/**
 * {@link volumeStats} of 8/16-bit integer voxels with integer arithmetic only: a block's sum (|sum| ≤ 2048·65535 <
 * 2³¹) stays a small integer, and the running total is an integer below 2⁵³, so it equals the Float64 sum exactly.
 */
function smallIntStats(data: Int16Array | Uint16Array | Uint8Array | Int8Array): { mean: number; min: number; max: number } {
  if (data.length === 0) return { mean: NaN, min: Infinity, max: -Infinity };
  if (data instanceof Int16Array || data instanceof Uint16Array) {
    const s = int16Stats(data); // WebAssembly SIMD: CT and MR volumes are 16-bit
    return { mean: s.sum / data.length, min: s.min, max: s.max };
  }
  const mm = Int32Array.of(data[0], data[0]);
  let total = 0;
  for (let from = 0; from < data.length; from += KERNEL_BLOCK) total += intStatsBlock(data, from, Math.min(from + KERNEL_BLOCK, data.length), mm);
  return { mean: total / data.length, min: mm[0], max: mm[1] };
}

/** Sum of data[from..to) (an integer below 2³¹ in magnitude); updates the running [min, max] in `mm`. */
function intStatsBlock(data: Int16Array | Uint16Array | Uint8Array | Int8Array, from: number, to: number, mm: Int32Array): number {
  let s = 0, min = mm[0], max = mm[1];
  for (let i = from; i < to; i++) {
    const v = data[i];
    s = (s + v) | 0;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  mm[0] = min; mm[1] = max;
  return s;
}

/** Adds data[from..to) to the running [sum, min, max]. */
function statsBlock(data: ArrayLike<number>, from: number, to: number, acc: Float64Array): void {
  let s = acc[0], min = acc[1], max = acc[2];
  for (let i = from; i < to; i++) {
    const v = data[i];
    s += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  acc[0] = s; acc[1] = min; acc[2] = max;
}

/** Summary of a binary mask on a grid (x fastest). */
export interface MaskSummary {
  readonly voxelCount: number;
  /** Inclusive bounds, or lo = [-1,-1,-1] when empty. */
  readonly lo: Vec3;
  readonly hi: Vec3;
  /** Mean voxel index (i, j, k) of the mask voxels. */
  readonly centerOfMassIndex: Vec3;
}

/** Voxel count, bounding box and centre of mass (in index space) of a mask. */
export function summariseMask(mask: ArrayLike<number>, size: Vec3): MaskSummary {
  const [nx, ny, nz] = size;
  let n = 0, si = 0, sj = 0, sk = 0;
  let x0 = Infinity, y0 = Infinity, z0 = Infinity, x1 = -1, y1 = -1, z1 = -1;
  let p = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++, p++) {
        if (mask[p] === 0) continue;
        n++; si += i; sj += j; sk += k;
        if (i < x0) x0 = i;
        if (i > x1) x1 = i;
        if (j < y0) y0 = j;
        if (j > y1) y1 = j;
        if (k < z0) z0 = k;
        if (k > z1) z1 = k;
      }
    }
  }
  if (n === 0) return { voxelCount: 0, lo: [-1, -1, -1], hi: [-1, -1, -1], centerOfMassIndex: [NaN, NaN, NaN] };
  return { voxelCount: n, lo: [x0, y0, z0], hi: [x1, y1, z1], centerOfMassIndex: [si / n, sj / n, sk / n] };
}

/**
 * Number of connected components of a binary mask (26-connectivity when `fullyConnected`, else 6), as ITK's
 * `ConnectedComponentImageFilter`. Run-based labelling: the mask is split into runs along x, and runs of
 * neighbouring rows are joined with union-find (26: rows (j−1,k), (j−1,k−1), (j,k−1), (j+1,k−1) with a one-voxel
 * diagonal allowance; 6: rows (j−1,k), (j,k−1), overlap only). Work grows with the number of runs, not voxels.
 */
export function countComponents(mask: ArrayLike<number>, size: Vec3, fullyConnected = true): number {
  const [nx, ny, nz] = size;
  const rows = ny * nz;
  const rowFirst = new Int32Array(rows + 1);
  let cap = 1024;
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let n = 0;
  const perRow = (nx + 1) >> 1; // most runs a row can hold
  for (let r = 0; r < rows; r++) {
    rowFirst[r] = n;
    if (n + perRow > cap) {
      while (n + perRow > cap) cap *= 2;
      const s2 = new Int32Array(cap); s2.set(start); start = s2;
      const e2 = new Int32Array(cap); e2.set(end); end = e2;
    }
    n = rowRuns(mask, r * nx, nx, start, end, n);
  }
  rowFirst[rows] = n;
  const parent = new Int32Array(n);
  for (let a = 0; a < n; a++) parent[a] = a;
  const find = (a: number): number => {
    while (parent[a] !== a) { parent[a] = parent[parent[a]]; a = parent[a]; }
    return a;
  };
  const slack = fullyConnected ? 1 : 0;
  const link = (r: number, other: number): void => {
    for (let a = rowFirst[r]; a < rowFirst[r + 1]; a++) {
      for (let b = rowFirst[other]; b < rowFirst[other + 1]; b++) {
        if (start[a] <= end[b] + slack && start[b] <= end[a] + slack) {
          const ra = find(a), rb = find(b);
          if (ra !== rb) parent[ra] = rb;
        }
      }
    }
  };
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      const r = j + ny * k;
      if (rowFirst[r] === rowFirst[r + 1]) continue;
      if (j > 0) link(r, r - 1);
      if (k > 0) {
        link(r, r - ny);
        if (fullyConnected) {
          if (j > 0) link(r, r - ny - 1);
          if (j < ny - 1) link(r, r - ny + 1);
        }
      }
    }
  }
  let count = 0;
  for (let a = 0; a < n; a++) if (parent[a] === a) count++;
  return count;
}

/** Appends the runs of non-zero voxels of the row mask[base..base + nx) (first and last x) at index n; returns the new n. */
function rowRuns(mask: ArrayLike<number>, base: number, nx: number, start: Int32Array, end: Int32Array, n: number): number {
  let i = 0;
  while (i < nx) {
    if (mask[base + i] === 0) { i++; continue; }
    const s0 = i;
    while (i < nx && mask[base + i] !== 0) i++;
    start[n] = s0;
    end[n] = i - 1;
    n++;
  }
  return n;
}

/** Mean, minimum and maximum of the image voxels inside the mask. */
export function maskedStats(values: ArrayLike<number>, mask: ArrayLike<number>): { mean: number; min: number; max: number; count: number } {
  let s = 0, n = 0, min = Infinity, max = -Infinity;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 0) continue;
    const v = values[i];
    s += v; n++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return n === 0 ? { mean: NaN, min: NaN, max: NaN, count: 0 } : { mean: s / n, min, max, count: n };
}
