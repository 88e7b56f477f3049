import type { DiscretisedRoi, FeatureValues } from '../../types.js';
import { buildTextureGrid, type TextureGrid } from '../common/grid.js';
import { TextureCache } from '../common/texture-cache.js';
import { maxDistance, pyradiomicsHalfOffsets, type PyradiomicsTextureSettings } from '../common/pyradiomics-settings.js';
import { NGTDM_FEATURES } from './defs.js';
import { addNgtdm, emptyNgtdm, type NgtdmMatrix } from './matrix.js';
import { ngtdmStats } from './stats.js';

/** PyRadiomics NGTDM settings: distances, force2D, force2Ddimension. */
export type NgtdmPyradiomicsSettings = PyradiomicsTextureSettings;

/**
 * PyRadiomics' NGTDM (`RadiomicsNGTDM.P_ngtdm` before empty levels are removed): n_i, s_i per grey level
 * 1..N_g (N_g = largest level in the ROI). The neighbourhood is both signs of every PyRadiomics angle
 * (26 voxels for distances [1]); a voxel without ROI neighbour counts in n_i with a zero difference, as in
 * PyRadiomics' C code.
 */
export function pyradiomicsNgtdmMatrix(roi: DiscretisedRoi, settings: NgtdmPyradiomicsSettings = {}): NgtdmMatrix {
  const grid = buildTextureGrid(roi, maxDistance(settings));
  return ngtdmOnGrid(grid, settings, new TextureCache(grid));
}

function ngtdmOnGrid(grid: TextureGrid, settings: NgtdmPyradiomicsSettings, cache: TextureCache): NgtdmMatrix {
  const m = emptyNgtdm(grid.maxLevel);
  addNgtdm(grid, 0, grid.voxels.length, cache.talliesAnyAlpha(pyradiomicsHalfOffsets(grid, settings), 0), true, m);
  return m;
}

/**
 * PyRadiomics-compatible NGTDM features (`ngtdm` class): Coarseness, Contrast, Busyness, Complexity,
 * Strength. Formulas and the conventions for homogeneous regions (coarseness 10⁶, contrast/busyness/strength 0)
 * in `NgtdmStats`.
 *
 * @param roi - discretised ROI (PyRadiomics binning).
 * @param settings - distances (default [1]), force2D, force2Ddimension.
 */
export function pyradiomicsNgtdm(roi: DiscretisedRoi, settings: NgtdmPyradiomicsSettings = {}): FeatureValues {
  return pyradiomicsNgtdmOnGrid(buildTextureGrid(roi, maxDistance(settings)), settings);
}

/** {@link pyradiomicsNgtdm} on a prepared grid (padding ≥ the largest distance). */
export function pyradiomicsNgtdmOnGrid(grid: TextureGrid, settings: NgtdmPyradiomicsSettings = {}, cache = new TextureCache(grid)): FeatureValues {
  const s = ngtdmStats(ngtdmOnGrid(grid, settings, cache));
  const out: FeatureValues = {};
  for (const r of NGTDM_FEATURES) out[r.pyradiomicsName] = s[r.stat];
  return out;
}
