import { createHash } from 'node:crypto';
import type { Vec3 } from '../../core/vec.js';

/**
 * Statistics of an image/mask pair used by the diagnostics of both modes.
 */

/** SHA-1 of the voxel bytes (as `sitk.Hash` does for the pixel buffer, little-endian, x fastest). */
export function voxelHash(data: ArrayBufferView): string {
  return createHash('sha1').update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)).digest('hex');
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
 * `ConnectedComponentImageFilter`. Uses an explicit stack (no recursion) and one Int32Array of labels.
 */
export function countComponents(mask: ArrayLike<number>, size: Vec3, fullyConnected = true): number {
  const [nx, ny, nz] = size;
  const plane = nx * ny;
  const seen = new Uint8Array(mask.length);
  const stack = new Int32Array(mask.length);
  let count = 0;
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] === 0 || seen[start]) continue;
    count++;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const p = stack[--top];
      const k = Math.floor(p / plane);
      const r = p - k * plane;
      const j = Math.floor(r / nx);
      const i = r - j * nx;
      for (let dk = -1; dk <= 1; dk++) {
        const kk = k + dk;
        if (kk < 0 || kk >= nz) continue;
        for (let dj = -1; dj <= 1; dj++) {
          const jj = j + dj;
          if (jj < 0 || jj >= ny) continue;
          for (let di = -1; di <= 1; di++) {
            const ii = i + di;
            if (ii < 0 || ii >= nx) continue;
            const manhattan = Math.abs(di) + Math.abs(dj) + Math.abs(dk);
            if (manhattan === 0 || (!fullyConnected && manhattan > 1)) continue;
            const q = ii + nx * (jj + ny * kk);
            if (mask[q] !== 0 && !seen[q]) {
              seen[q] = 1;
              stack[top++] = q;
            }
          }
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
