import type { DiscretisedRoi, FeatureValues } from '../types.js';
import { IBSI_SPATIAL, type IbsiTextureOptions } from './common/aggregate.js';
import { checkDistance, ibsiDirections } from './common/directions.js';
import { buildTextureGrid, cropMaskToGrid, gridOffset, type TextureGrid } from './common/grid.js';
import { maxDistance, pyradiomicsAngles } from './common/pyradiomics-settings.js';
import { axisOfForce2DDimension } from './common/directions.js';
import { TextureCache } from './common/texture-cache.js';
import { checkGlcmLevels } from './glcm/matrix.js';
import type { Direction } from './common/directions.js';
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

const offsetsOf = (grid: TextureGrid, ds: readonly Direction[]): Int32Array => Int32Array.from(ds, (d) => gridOffset(grid, d[0], d[1], d[2]));

/**
 * Several PyRadiomics texture classes at once, keyed `<class>_<Feature>` (e.g. `glcm_Contrast`; prefix with the
 * image type for PyRadiomics column names). Same values as the per-class functions, but computed on one grid with
 * a single pass over the voxels per angle for the GLCM, GLRLM and the GLDM/NGTDM neighbourhoods.
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
  if (classes.includes('glcm')) checkGlcmLevels(grid.maxLevel);
  const cache = new TextureCache(grid);
  const distances = settings.distances ?? [1];
  const wantCm = classes.includes('glcm');
  const wantRlm = classes.includes('glrlm');
  const wantTally = classes.includes('gldm') || classes.includes('ngtdm');
  const zonesAxis = classes.includes('glszm') ? (settings.force2D ? axisOfForce2DDimension(settings.force2Ddimension ?? 0) : -1) : undefined;
  const alpha = settings.gldm_a ?? 0;
  const unit = offsetsOf(grid, pyradiomicsAngles(grid, settings, [1]));
  if (distances.length === 1 && distances[0] === 1) {
    cache.prime(unit, { cooccurrenceLevels: wantCm ? grid.maxLevel : undefined, runLevels: wantRlm ? grid.maxLevel : undefined, tallyAlpha: wantTally && alpha >= 0 ? alpha : undefined, zonesAxis });
  } else {
    if (wantCm || wantTally) {
      const far = offsetsOf(grid, pyradiomicsAngles(grid, settings, distances));
      cache.prime(far, { cooccurrenceLevels: wantCm ? grid.maxLevel : undefined, tallyAlpha: wantTally && alpha >= 0 ? alpha : undefined });
    }
    if (wantRlm || zonesAxis !== undefined) cache.prime(unit, { runLevels: wantRlm ? grid.maxLevel : undefined, zonesAxis });
  }
  const out: FeatureValues = {};
  const put = (cls: string, v: FeatureValues): void => { for (const k of Object.keys(v)) out[`${cls}_${k}`] = v[k]; };
  for (const c of classes) {
    switch (c) {
      case 'glcm': put(c, pyradiomicsGlcmOnGrid(grid, settings, cache)); break;
      case 'glrlm': put(c, pyradiomicsGlrlmOnGrid(grid, settings, cache)); break;
      case 'glszm': put(c, pyradiomicsGlszmOnGrid(grid, settings, cache)); break;
      case 'gldm': put(c, pyradiomicsGldmOnGrid(grid, settings, cache)); break;
      case 'ngtdm': put(c, pyradiomicsNgtdmOnGrid(grid, settings, cache)); break;
    }
  }
  return out;
}

/**
 * All IBSI texture families at once, keyed by full IBSI tag (`cm_*`, `rlm_*`, `szm_*`, `dzm_*`, `ngt_*`, `ngl_*`
 * with the aggregation suffixes of the requested spatial approaches). Same values as the per-family functions,
 * computed on one grid: one pass per 3D direction for GLCM, GLRLM and the NGTDM/NGLDM neighbourhood (δ = 1), and
 * one zone labelling shared by GLSZM and GLDZM.
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
  const spatial = options.spatial ?? IBSI_SPATIAL;
  const opts: IbsiTextureOptions = { ...options, spatial };
  if (families.includes('cm')) checkGlcmLevels(grid.nLevels);
  const cache = new TextureCache(grid);
  const alpha = options.alpha ?? 0;
  if (spatial.includes('3D') && distance === 1) {
    const wantTally = families.includes('ngt') || families.includes('ngl');
    cache.prime(offsetsOf(grid, ibsiDirections('3D', 1)), {
      cooccurrenceLevels: families.includes('cm') ? grid.nLevels : undefined,
      runLevels: families.includes('rlm') ? grid.nLevels : undefined,
      tallyAlpha: wantTally && alpha >= 0 ? alpha : undefined,
      zonesAxis: families.includes('szm') || families.includes('dzm') ? -1 : undefined,
    });
  }
  const croppedMorph = families.includes('dzm') ? cropMaskToGrid(grid, roi.size, morph) : undefined;
  if (croppedMorph && families.includes('szm')) {
    // label zones once, with distances, for both GLSZM and GLDZM
    if (spatial.includes('3D')) cache.zones(-1, cache.borderDistances(croppedMorph, -1));
    if (spatial.includes('2D') || spatial.includes('2_5D')) cache.zones(2, cache.borderDistances(croppedMorph, 2));
  }
  const out: FeatureValues = {};
  for (const f of families) {
    switch (f) {
      case 'cm': Object.assign(out, ibsiGlcmOnGrid(grid, opts, cache)); break;
      case 'rlm': Object.assign(out, ibsiGlrlmOnGrid(grid, opts, cache)); break;
      case 'szm': Object.assign(out, ibsiGlszmOnGrid(grid, opts, cache)); break;
      case 'dzm': Object.assign(out, ibsiGldzmOnGrid(grid, croppedMorph as Uint8Array, opts, cache)); break;
      case 'ngt': Object.assign(out, ibsiNgtdmOnGrid(grid, opts, cache)); break;
      case 'ngl': Object.assign(out, ibsiNgldmOnGrid(grid, opts, cache)); break;
    }
  }
  return out;
}
