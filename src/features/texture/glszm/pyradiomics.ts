import type { DiscretisedRoi, FeatureValues } from '../../types.js';
import { axisOfForce2DDimension } from '../common/directions.js';
import { buildTextureGrid, type TextureGrid } from '../common/grid.js';
import type { PyradiomicsTextureSettings } from '../common/pyradiomics-settings.js';
import { pyradiomicsValues, sizeZoneStats } from '../common/size-zone-stats.js';
import type { SparseCounts } from '../common/sparse-counts.js';
import { zoneCounts } from '../common/zone-matrices.js';
import { TextureCache } from '../common/texture-cache.js';
import { PYRADIOMICS_EPS } from '../glcm/stats.js';
import { GLSZM_FEATURES } from './defs.js';

/** PyRadiomics GLSZM settings (zones always use distance 1). */
export type GlszmPyradiomicsSettings = Omit<PyradiomicsTextureSettings, 'distances'>;

/** PyRadiomics' GLSZM feature names (16). */
export const GLSZM_PYRADIOMICS_NAMES: readonly string[] = GLSZM_FEATURES.map((r) => r.pyradiomicsName as string);

/**
 * PyRadiomics' size zone matrix (`RadiomicsGLSZM.P_glszm`) as sparse counts (level × zone size): zones link
 * voxels of equal grey level through 26-connectivity, or 8-connectivity in the planes perpendicular to
 * `force2Ddimension` when `force2D`.
 */
export function pyradiomicsGlszmMatrix(roi: DiscretisedRoi, settings: GlszmPyradiomicsSettings = {}): SparseCounts {
  const grid = buildTextureGrid(roi, 1);
  return glszmOnGrid(grid, settings, new TextureCache(grid));
}

function glszmOnGrid(grid: TextureGrid, settings: GlszmPyradiomicsSettings, cache: TextureCache): SparseCounts {
  const axis = settings.force2D ? axisOfForce2DDimension(settings.force2Ddimension ?? 0) : -1;
  return zoneCounts(cache.zones(axis), 'size');
}

/**
 * PyRadiomics-compatible GLSZM features (`glszm` class), keyed by PyRadiomics name (16, see
 * {@link GLSZM_PYRADIOMICS_NAMES}). N_p = number of ROI voxels; ε = 2.2e-16 in the zone entropy.
 * Formulas: `SizeZoneStats` with j = zone size.
 *
 * @param roi - discretised ROI (PyRadiomics binning).
 * @param settings - force2D, force2Ddimension.
 */
export function pyradiomicsGlszm(roi: DiscretisedRoi, settings: GlszmPyradiomicsSettings = {}): FeatureValues {
  return pyradiomicsGlszmOnGrid(buildTextureGrid(roi, 1), settings);
}

/** {@link pyradiomicsGlszm} on a prepared grid (padding ≥ 1). */
export function pyradiomicsGlszmOnGrid(grid: TextureGrid, settings: GlszmPyradiomicsSettings = {}, cache = new TextureCache(grid)): FeatureValues {
  return pyradiomicsValues(GLSZM_FEATURES, sizeZoneStats(glszmOnGrid(grid, settings, cache), grid.voxels.length, PYRADIOMICS_EPS));
}
