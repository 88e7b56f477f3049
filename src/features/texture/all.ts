import type { DiscretisedRoi, FeatureValues } from '../types.js';
import { IBSI_SPATIAL, type IbsiTextureOptions } from './common/aggregate.js';
import { checkDistance } from './common/directions.js';
import { buildTextureGrid, cropMaskToGrid } from './common/grid.js';
import { maxDistance } from './common/pyradiomics-settings.js';
import { TallyCache } from './common/neighbour-tallies.js';
import { ibsiGlcmOnGrid } from './glcm/ibsi.js';
import { type GlcmPyradiomicsSettings, pyradiomicsGlcmOnGrid } from './glcm/pyradiomics.js';
import { ibsiGldzmOnGrid } from './gldzm/ibsi.js';
import { ibsiGlrlmOnGrid } from './glrlm/ibsi.js';
import { type GlrlmPyradiomicsSettings, pyradiomicsGlrlmOnGrid } from './glrlm/pyradiomics.js';
import { ibsiGlszmOnGrid } from './glszm/ibsi.js';
import { pyradiomicsGlszmOnGrid } from './glszm/pyradiomics.js';
import { ibsiNgldmOnGrid } from './ngldm/ibsi.js';
import { type GldmPyradiomicsSettings, pyradiomicsGldmOnGrid } from './ngldm/pyradiomics.js';
import { ibsiNgtdmOnGrid } from './ngtdm/ibsi.js';
import { pyradiomicsNgtdmOnGrid } from './ngtdm/pyradiomics.js';

/** PyRadiomics texture classes. */
export type PyradiomicsTextureClass = 'glcm' | 'glrlm' | 'glszm' | 'gldm' | 'ngtdm';
/** IBSI texture families. */
export type IbsiTextureFamily = 'cm' | 'rlm' | 'szm' | 'dzm' | 'ngt' | 'ngl';

/** Settings of all PyRadiomics texture classes together (each class reads the ones it uses). */
export type PyradiomicsAllTextureSettings = GlcmPyradiomicsSettings & GlrlmPyradiomicsSettings & GldmPyradiomicsSettings;

/**
 * Several PyRadiomics texture classes at once on one shared grid, keyed `<class>_<Feature>`
 * (e.g. `glcm_Contrast`; prefix with the image type for PyRadiomics column names).
 *
 * @param roi - discretised ROI (PyRadiomics binning).
 * @param classes - classes to compute (default all five).
 * @param settings - PyRadiomics settings (distances, force2D, force2Ddimension, symmetricalGLCM, weightingNorm, gldm_a).
 */
export function pyradiomicsTexture(
  roi: DiscretisedRoi,
  classes: readonly PyradiomicsTextureClass[] = ['glcm', 'glrlm', 'glszm', 'gldm', 'ngtdm'],
  settings: PyradiomicsAllTextureSettings = {},
): FeatureValues {
  const grid = buildTextureGrid(roi, maxDistance(settings));
  const cache = new TallyCache(grid);
  const out: FeatureValues = {};
  const put = (cls: string, v: FeatureValues): void => { for (const k of Object.keys(v)) out[`${cls}_${k}`] = v[k]; };
  for (const c of classes) {
    switch (c) {
      case 'glcm': put(c, pyradiomicsGlcmOnGrid(grid, settings)); break;
      case 'glrlm': put(c, pyradiomicsGlrlmOnGrid(grid, settings)); break;
      case 'glszm': put(c, pyradiomicsGlszmOnGrid(grid, settings)); break;
      case 'gldm': put(c, pyradiomicsGldmOnGrid(grid, settings, cache)); break;
      case 'ngtdm': put(c, pyradiomicsNgtdmOnGrid(grid, settings, cache)); break;
    }
  }
  return out;
}

/**
 * All IBSI texture families at once on one shared grid, keyed by full IBSI tag (`cm_*`, `rlm_*`, `szm_*`,
 * `dzm_*`, `ngt_*`, `ngl_*` with the aggregation suffixes of the requested spatial approaches).
 *
 * @param roi - discretised ROI (intensity mask, IBSI binning; nLevels = number of bins).
 * @param morphologicalMask - mask before re-segmentation on the same grid (GLDZM distances); default the intensity mask.
 * @param options - spatial approaches (default all), distance δ (default 1), NGLDM α (default 0).
 * @param families - families to compute (default all six).
 */
export function ibsiTexture(
  roi: DiscretisedRoi,
  morphologicalMask?: Uint8Array,
  options: IbsiTextureOptions = {},
  families: readonly IbsiTextureFamily[] = ['cm', 'rlm', 'szm', 'dzm', 'ngt', 'ngl'],
): FeatureValues {
  const distance = options.distance ?? 1;
  checkDistance(distance);
  const morph = morphologicalMask ?? Uint8Array.from(roi.levels, (g) => (g > 0 ? 1 : 0));
  const grid = buildTextureGrid(roi, distance, [morph]);
  const opts: IbsiTextureOptions = { ...options, spatial: options.spatial ?? IBSI_SPATIAL };
  const cache = new TallyCache(grid);
  const out: FeatureValues = {};
  for (const f of families) {
    switch (f) {
      case 'cm': Object.assign(out, ibsiGlcmOnGrid(grid, opts)); break;
      case 'rlm': Object.assign(out, ibsiGlrlmOnGrid(grid, opts)); break;
      case 'szm': Object.assign(out, ibsiGlszmOnGrid(grid, opts)); break;
      case 'dzm': Object.assign(out, ibsiGldzmOnGrid(grid, cropMaskToGrid(grid, roi.size, morph), opts)); break;
      case 'ngt': Object.assign(out, ibsiNgtdmOnGrid(grid, opts, cache)); break;
      case 'ngl': Object.assign(out, ibsiNgldmOnGrid(grid, opts, cache)); break;
    }
  }
  return out;
}
