import type { DiscretisedRoi, FeatureValues } from '../../types.js';
import { buildTextureGrid, type TextureGrid } from '../common/grid.js';
import { TextureCache } from '../common/texture-cache.js';
import { maxDistance, pyradiomicsHalfOffsets, type PyradiomicsTextureSettings } from '../common/pyradiomics-settings.js';
import { pyradiomicsValues, sizeZoneStats } from '../common/size-zone-stats.js';
import type { SparseCounts } from '../common/sparse-counts.js';
import { PYRADIOMICS_EPS } from '../glcm/stats.js';
import { NGLDM_FEATURES } from './defs.js';
import { checkAlpha, dependenceCounts } from './matrix.js';

/** PyRadiomics GLDM settings. */
export interface GldmPyradiomicsSettings extends PyradiomicsTextureSettings {
  /** α: a neighbour is dependent when |i − j| ≤ α (default 0). */
  readonly gldm_a?: number;
}

/** PyRadiomics' GLDM feature names (14). */
export const GLDM_PYRADIOMICS_NAMES: readonly string[] = NGLDM_FEATURES.filter((r) => r.pyradiomicsName !== null).map((r) => r.pyradiomicsName as string);

/**
 * PyRadiomics' dependence matrix (`RadiomicsGLDM.P_gldm`) as sparse counts (level × dependence count j ≥ 1);
 * the neighbourhood is both signs of every PyRadiomics angle (26 voxels for distances [1]).
 */
export function pyradiomicsGldmMatrix(roi: DiscretisedRoi, settings: GldmPyradiomicsSettings = {}): SparseCounts {
  const grid = buildTextureGrid(roi, maxDistance(settings));
  return gldmOnGrid(grid, settings, new TextureCache(grid));
}

function gldmOnGrid(grid: TextureGrid, settings: GldmPyradiomicsSettings, cache: TextureCache): SparseCounts {
  const alpha = settings.gldm_a ?? 0;
  checkAlpha(alpha);
  const half = pyradiomicsHalfOffsets(grid, settings);
  return dependenceCounts(grid, 0, grid.voxels.length, cache.tallies(half, alpha), 2 * half.length, grid.maxLevel);
}

/**
 * PyRadiomics-compatible GLDM features (`gldm` class), keyed by PyRadiomics name (14, see
 * {@link GLDM_PYRADIOMICS_NAMES}). N_z = N_p = number of ROI voxels; ε = 2.2e-16 in the dependence entropy.
 * Formulas: `SizeZoneStats` with j = dependence count.
 *
 * @param roi - discretised ROI (PyRadiomics binning).
 * @param settings - distances (default [1]), force2D, force2Ddimension, gldm_a (default 0).
 */
export function pyradiomicsGldm(roi: DiscretisedRoi, settings: GldmPyradiomicsSettings = {}): FeatureValues {
  return pyradiomicsGldmOnGrid(buildTextureGrid(roi, maxDistance(settings)), settings);
}

/** {@link pyradiomicsGldm} on a prepared grid (padding ≥ the largest distance). */
export function pyradiomicsGldmOnGrid(grid: TextureGrid, settings: GldmPyradiomicsSettings = {}, cache = new TextureCache(grid)): FeatureValues {
  return pyradiomicsValues(NGLDM_FEATURES, sizeZoneStats(gldmOnGrid(grid, settings, cache), grid.voxels.length, PYRADIOMICS_EPS));
}
