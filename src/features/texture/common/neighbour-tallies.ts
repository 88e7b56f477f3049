import type { TextureGrid } from './grid.js';

/**
 * Per-voxel tallies over a symmetric neighbourhood, for NGTDM and NGLDM/GLDM, stored interleaved for locality:
 * for the voxel at padded-grid index v, `data[3v]` = number of ROI neighbours, `data[3v + 1]` = sum of their
 * grey levels, `data[3v + 2]` = number of them whose grey level differs by at most α (dependent neighbours).
 * Only ROI voxels are filled.
 */
export interface NeighbourTallies {
  readonly data: Int32Array;
  /** The α used for `dependent`. */
  readonly alpha: number;
}

/**
 * Tallies, for every ROI voxel, its ROI neighbours, their grey-level sum and its dependent neighbours
 * (|Δ level| ≤ α). The neighbourhood is `halfOffsets` and their negatives; each neighbouring pair is visited
 * once and credited to both voxels, so the cost is |halfOffsets| per voxel.
 *
 * @param halfOffsets - one index offset of each ± pair (e.g. the 13 unique 3D directions at distance 1).
 */
export function neighbourTallies(grid: TextureGrid, halfOffsets: Int32Array, alpha: number): NeighbourTallies {
  const lv = grid.levels;
  const vox = grid.voxels;
  const data = new Int32Array(3 * lv.length);
  for (let k = 0; k < halfOffsets.length; k++) {
    const off = halfOffsets[k];
    for (let t = 0; t < vox.length; t++) {
      const v = vox[t];
      const w = v + off;
      const h = lv[w];
      if (h === 0) continue;
      const g = lv[v];
      const a = 3 * v;
      const b = 3 * w;
      data[a]++;
      data[b]++;
      data[a + 1] += h;
      data[b + 1] += g;
      const d = g > h ? g - h : h - g;
      if (d <= alpha) { data[a + 2]++; data[b + 2]++; }
    }
  }
  return { data, alpha };
}

