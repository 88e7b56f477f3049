import type { TextureGrid } from './grid.js';
import { multiDirectionPass } from './pass-kernels.js';

/**
 * Per-voxel tallies over a symmetric neighbourhood, for NGTDM and NGLDM/GLDM, stored interleaved for locality:
 * for the voxel at padded-grid index v, `data[2v]` = n + 2¹⁶·k (n = number of ROI neighbours, k = number of them
 * whose grey level differs by at most α, the dependent neighbours: n = word & 0xffff, k = word >>> 16; both stay
 * below 2¹⁵ for any neighbourhood of Chebyshev distance < 16), `data[2v + 1]` = sum of their grey levels. Only ROI
 * voxels are filled.
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
  const data = new Int32Array(2 * grid.levels.length);
  const none = Array.from(halfOffsets, () => new Int32Array(0));
  multiDirectionPass(grid.levels, grid.voxels, halfOffsets, 1, alpha, 1, none, new Int32Array(0), data, none);
  return { data, alpha };
}
