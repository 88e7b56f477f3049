import { InvalidInputError } from '../../../core/errors.js';
import type { TextureGrid } from '../common/grid.js';
import type { NeighbourTallies } from '../common/neighbour-tallies.js';
import { countsFromDense, type SparseCounts } from '../common/sparse-counts.js';
import { PASS_BLOCK } from '../common/pass-kernels.js';

/** Throws InvalidInputError unless α ≥ 0. */
export function checkAlpha(alpha: number): void {
  if (!(alpha >= 0)) throw new InvalidInputError('invalid dependence coarseness α', { expected: 'α ≥ 0 (usually 0)', found: String(alpha) });
}

/**
 * Dependence matrix of the ROI voxels `grid.voxels[from..to)`: for each voxel of grey level i, the dependence
 * count j = 1 + the number of its ROI neighbours whose grey level differs by at most α (IBSI 1 §3.11 NGLDM;
 * PyRadiomics GLDM with `gldm_a` = α), taken from `tallies` (computed with that α). Sparse (level × j) counts.
 *
 * @param maxNeighbours - size of the neighbourhood (largest possible dependent count).
 */
export function dependenceCounts(grid: TextureGrid, from: number, to: number, tallies: NeighbourTallies, maxNeighbours: number, ng: number): SparseCounts {
  const lv = grid.levels;
  const vox = grid.voxels;
  const data = tallies.data;
  const nj = maxNeighbours + 1;
  const m = new Int32Array(ng * nj); // integer counts: no heap numbers while the kernel is interpreted
  for (let b = from; b < to; b += PASS_BLOCK) countDependences(lv, vox, data, b, Math.min(b + PASS_BLOCK, to), nj, m);
  return countsFromDense(m, ng, nj);
}

/** Adds the voxels vox[from..to) to the dense dependence matrix m (rows of nj). */
function countDependences(lv: Int32Array, vox: Int32Array, data: Int32Array, from: number, to: number, nj: number, m: Int32Array): void {
  for (let t = from; t < to; t++) {
    const v = vox[t];
    m[(lv[v] - 1) * nj + (data[2 * v] >>> 16)]++; // dependent neighbours (neighbour-tallies.ts)
  }
}
