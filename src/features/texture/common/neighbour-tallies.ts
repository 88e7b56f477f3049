import type { TextureGrid } from './grid.js';

/**
 * Per-voxel tallies over a symmetric neighbourhood, for NGTDM and NGLDM/GLDM. Arrays are indexed by the
 * voxel's index in the padded grid (only ROI voxels are filled).
 */
export interface NeighbourTallies {
  /** Number of ROI neighbours. */
  readonly count: Int32Array;
  /** Sum of the grey levels of the ROI neighbours. */
  readonly sum: Int32Array;
  /** Number of ROI neighbours whose grey level differs from the voxel's by at most α. */
  readonly dependent: Int32Array;
}

/**
 * Tallies, for every ROI voxel, its ROI neighbours, their grey level sum and its dependent neighbours
 * (|Δ level| ≤ α). The neighbourhood is `halfOffsets` and their negatives; each neighbouring pair is visited
 * once and credited to both voxels, so the cost is |halfOffsets| per voxel.
 *
 * @param halfOffsets - one index offset of each ± pair (e.g. the 13 unique 3D directions at distance 1).
 */
export function neighbourTallies(grid: TextureGrid, halfOffsets: Int32Array, alpha: number): NeighbourTallies {
  const lv = grid.levels;
  const vox = grid.voxels;
  const n = lv.length;
  const count = new Int32Array(n);
  const sum = new Int32Array(n);
  const dependent = new Int32Array(n);
  for (let k = 0; k < halfOffsets.length; k++) {
    const off = halfOffsets[k];
    for (let t = 0; t < vox.length; t++) {
      const v = vox[t];
      const w = v + off;
      const h = lv[w];
      if (h === 0) continue;
      const g = lv[v];
      count[v]++;
      count[w]++;
      sum[v] += h;
      sum[w] += g;
      const d = g > h ? g - h : h - g;
      if (d <= alpha) { dependent[v]++; dependent[w]++; }
    }
  }
  return { count, sum, dependent };
}
