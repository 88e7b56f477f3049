import { createHash } from 'node:crypto';
import type { Vec3 } from '../../core/vec.js';

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
  const chunk = new Uint32Array(1 << 16);
  for (let start = 0; start < data.length; start += chunk.length) {
    const n = Math.min(chunk.length, data.length - start);
    for (let i = 0; i < n; i++) chunk[i] = data[start + i];
    h.update(new Uint8Array(chunk.buffer, 0, n * 4));
  }
  return h.digest('hex');
}

/** Mean, minimum and maximum of all voxels (Float64 accumulation). */
export function volumeStats(data: ArrayLike<number>): { mean: number; min: number; max: number } {
  let s = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    s += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { mean: s / data.length, min, max };
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
 * `ConnectedComponentImageFilter`. Flood fill on a copy padded by one voxel (so neighbours need no bounds checks),
 * with an explicit stack.
 */
export function countComponents(mask: ArrayLike<number>, size: Vec3, fullyConnected = true): number {
  const [nx, ny, nz] = size;
  const px = nx + 2, py = ny + 2, pz = nz + 2;
  const plane = px * py;
  const grid = new Uint8Array(px * py * pz);
  let q = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      let p = 1 + px * (j + 1 + py * (k + 1));
      for (let i = 0; i < nx; i++, q++, p++) grid[p] = mask[q] !== 0 ? 1 : 0;
    }
  }
  const offsets: number[] = [];
  for (let dk = -1; dk <= 1; dk++) {
    for (let dj = -1; dj <= 1; dj++) {
      for (let di = -1; di <= 1; di++) {
        const m = Math.abs(di) + Math.abs(dj) + Math.abs(dk);
        if (m === 0 || (!fullyConnected && m > 1)) continue;
        offsets.push(di + px * dj + plane * dk);
      }
    }
  }
  const off = Int32Array.from(offsets);
  const no = off.length;
  const stack = new Int32Array(grid.length);
  let count = 0;
  for (let start = 0; start < grid.length; start++) {
    if (grid[start] !== 1) continue;
    count++;
    let top = 0;
    stack[top++] = start;
    grid[start] = 2;
    while (top > 0) {
      const p = stack[--top];
      for (let o = 0; o < no; o++) {
        const r = p + off[o];
        if (grid[r] === 1) {
          grid[r] = 2;
          stack[top++] = r;
        }
      }
    }
  }
  return count;
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
