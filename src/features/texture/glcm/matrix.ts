import { InvalidInputError } from '../../../core/errors.js';
import type { TextureGrid } from '../common/grid.js';

/** Largest N_g for which GLCMs are built (13 matrices of N_g² doubles; 2000 levels ≈ 416 MB). */
export const MAX_GLCM_LEVELS = 2000;

/** Throws InvalidInputError when N_g is too large for co-occurrence matrices. */
export function checkGlcmLevels(ng: number): void {
  if (ng > MAX_GLCM_LEVELS) {
    throw new InvalidInputError('too many grey levels for a co-occurrence matrix', {
      expected: `at most ${MAX_GLCM_LEVELS} grey levels`, found: `${ng}`,
      fix: 'use a larger bin width (binWidth) or a fixed bin number (binCount) for texture features.',
    });
  }
}

/**
 * Adds to `out` (N_g × N_g, row-major) the co-occurrence counts of the ROI voxels `grid.voxels[from..to)`
 * with their neighbour at index offset `offset` (a direction at distance δ ≤ grid.pad). Row = grey level of
 * the centre voxel, column = grey level of the neighbour; only pairs with both voxels in the ROI count.
 * The result is not symmetric; see {@link symmetrise}.
 */
export function addCooccurrences(grid: TextureGrid, from: number, to: number, offset: number, ng: number, out: Float64Array): void {
  const lv = grid.levels;
  const vox = grid.voxels;
  for (let t = from; t < to; t++) {
    const v = vox[t];
    const h = lv[v + offset];
    if (h !== 0) out[(lv[v] - 1) * ng + h - 1] += 1;
  }
}

/** M + Mᵀ (counting each pair in both directions, IBSI's and PyRadiomics' symmetric GLCM), as a new array. */
export function symmetrise(m: Float64Array, ng: number): Float64Array {
  const s = new Float64Array(ng * ng);
  for (let a = 0; a < ng; a++) {
    for (let b = 0; b < ng; b++) s[a * ng + b] = m[a * ng + b] + m[b * ng + a];
  }
  return s;
}

/** M + Mᵀ of integer counts, as a new integer array (counts stay integers: no boxing in interpreted code). */
export function symmetriseCounts(m: Int32Array, ng: number): Int32Array {
  const s = new Int32Array(ng * ng);
  for (let a = 0; a < ng; a++) symmetricRow(m, ng, a, s);
  return s;
}

/** Row a of {@link symmetriseCounts} (a small function per row, compiled early). */
function symmetricRow(m: Int32Array, ng: number, a: number, s: Int32Array): void {
  for (let b = 0; b < ng; b++) s[a * ng + b] = m[a * ng + b] + m[b * ng + a];
}

/** Element-wise sum into `acc` (matrix merging). */
export function addInto(acc: Float64Array, m: Float64Array | Int32Array): void {
  for (let t = 0; t < acc.length; t++) acc[t] += m[t];
}

/** Sum of all elements. */
export function matrixTotal(m: Float64Array | Int32Array): number {
  let s = 0;
  for (let t = 0; t < m.length; t++) s += m[t];
  return s;
}
