import { InvalidInputError } from '../../../core/errors.js';
import type { TextureGrid } from '../common/grid.js';
import { countsFromDense, type SparseCounts } from '../common/sparse-counts.js';

/**
 * Dependence matrix of the ROI voxels `grid.voxels[from..to)`: for each voxel of grey level i, the dependence
 * count j = 1 + the number of its ROI neighbours (at `neighbourOffsets`) whose grey level differs by at most α
 * (IBSI 1 §3.11 NGLDM; PyRadiomics GLDM with `gldm_a` = α). Returned as sparse (level × j) counts.
 */
export function dependenceCounts(grid: TextureGrid, from: number, to: number, neighbourOffsets: Int32Array, alpha: number, ng: number): SparseCounts {
  if (!(alpha >= 0)) throw new InvalidInputError('invalid dependence coarseness α', { expected: 'α ≥ 0 (usually 0)', found: String(alpha) });
  const lv = grid.levels;
  const vox = grid.voxels;
  const nOff = neighbourOffsets.length;
  const nj = nOff + 1;
  const m = new Float64Array(ng * nj);
  for (let t = from; t < to; t++) {
    const v = vox[t];
    const g = lv[v];
    let dep = 0;
    for (let k = 0; k < nOff; k++) {
      const h = lv[v + neighbourOffsets[k]];
      if (h !== 0 && Math.abs(h - g) <= alpha) dep++;
    }
    m[(g - 1) * nj + dep] += 1;
  }
  return countsFromDense(m, ng, nj);
}
