import type { DiscretisedRoi, FeatureValues } from '../../types.js';
import { nanMeanRecords } from '../common/aggregate.js';
import type { Direction } from '../common/directions.js';
import { buildTextureGrid, gridOffset, type TextureGrid } from '../common/grid.js';
import {
  checkWeightingNorm, directionLength, pyradiomicsAngles, type PyradiomicsTextureSettings, type WeightingNorm,
} from '../common/pyradiomics-settings.js';
import { pyradiomicsValues, sizeZoneStats, statKeys } from '../common/size-zone-stats.js';
import { countsFromDense, type SparseCounts } from '../common/sparse-counts.js';
import { PYRADIOMICS_EPS } from '../glcm/stats.js';
import { GLRLM_FEATURES } from './defs.js';
import { someLineHasTwoRoiVoxels } from './runs.js';
import { TextureCache } from '../common/texture-cache.js';

/** PyRadiomics GLRLM settings (`distances` is not used: runs are contiguous). */
export interface GlrlmPyradiomicsSettings extends Omit<PyradiomicsTextureSettings, 'distances'> {
  /**
   * Distance weighting (default null): with a norm, the angle matrices are multiplied by the angle length in mm
   * under that norm (1 for 'no_weighting') and summed, and features are computed once; with null, features
   * are averaged over angles.
   */
  readonly weightingNorm?: WeightingNorm;
}

/** PyRadiomics' GLRLM feature names (16). */
export const GLRLM_PYRADIOMICS_NAMES: readonly string[] = GLRLM_FEATURES.map((r) => r.pyradiomicsName as string);

/** Per-angle run length matrices as PyRadiomics builds them. */
export interface PyradiomicsGlrlmMatrices {
  /** Angles (x, y, z) in PyRadiomics order, empty angles removed (one entry, the first angle, when weighted). */
  readonly angles: readonly Direction[];
  /** Sparse run counts per angle: level (1-based) × run length. */
  readonly matrices: readonly SparseCounts[];
}

/**
 * PyRadiomics' run length matrices (`RadiomicsGLRLM.P_glrlm`): one per angle; an angle along which no line of
 * the ROI bounding box holds two ROI voxels is dropped, as are empty angles; with `weightingNorm` a single
 * weighted sum.
 */
export function pyradiomicsGlrlmMatrices(roi: DiscretisedRoi, settings: GlrlmPyradiomicsSettings = {}): PyradiomicsGlrlmMatrices {
  const grid = buildTextureGrid(roi, 1);
  return glrlmMatricesOnGrid(grid, settings, new TextureCache(grid));
}

function glrlmMatricesOnGrid(grid: TextureGrid, settings: GlrlmPyradiomicsSettings, cache: TextureCache): PyradiomicsGlrlmMatrices {
  const ng = grid.maxLevel;
  const norm = checkWeightingNorm(settings.weightingNorm);
  const angles = pyradiomicsAngles(grid, settings, [1]);
  const runs = angles.map((d) => cache.runsAlong(gridOffset(grid, d[0], d[1], d[2]), ng));
  const stride = runs.length > 0 ? runs[0].stride : 1;
  const dense = runs.map((r, a) => (r.longest < 2 && !someLineHasTwoRoiVoxels(grid, angles[a]) ? new Int32Array(ng * stride) : r.matrix));
  if (norm !== null) {
    const sum = new Float64Array(ng * stride);
    angles.forEach((d, a) => {
      const w = directionLength(d, grid.spacing, norm);
      const m = dense[a];
      for (let t = 0; t < sum.length; t++) sum[t] += w * m[t];
    });
    return { angles: angles.slice(0, 1), matrices: [countsFromDense(sum, ng, stride)] };
  }
  const keptAngles: Direction[] = [];
  const kept: SparseCounts[] = [];
  dense.forEach((m, a) => {
    // runs are at most `longest` long: the columns beyond are empty
    const c = countsFromDense(m, ng, stride, runs[a].longest);
    if (c.length > 0) { keptAngles.push(angles[a]); kept.push(c); }
  });
  return { angles: keptAngles, matrices: kept };
}

const KEYS = statKeys(GLRLM_FEATURES, 'pyradiomics');

/**
 * PyRadiomics-compatible GLRLM features (`glrlm` class), keyed by PyRadiomics name (16, see
 * {@link GLRLM_PYRADIOMICS_NAMES}).
 *
 * Conventions reproduced: 13 angles (4 with force2D), each angle's features computed on its own matrix and
 * averaged (nanmean) over non-empty angles; N_p = Σ j·P(i, j) per angle (so weighted sums normalise
 * correctly); ε = 2.2e-16 in the run entropy. Formulas: `SizeZoneStats` with j = run length.
 *
 * @param roi - discretised ROI (PyRadiomics binning).
 * @param settings - force2D, force2Ddimension, weightingNorm.
 */
export function pyradiomicsGlrlm(roi: DiscretisedRoi, settings: GlrlmPyradiomicsSettings = {}): FeatureValues {
  return pyradiomicsGlrlmOnGrid(buildTextureGrid(roi, 1), settings);
}

/** {@link pyradiomicsGlrlm} on a prepared grid (padding ≥ 1). */
export function pyradiomicsGlrlmOnGrid(grid: TextureGrid, settings: GlrlmPyradiomicsSettings = {}, cache = new TextureCache(grid)): FeatureValues {
  const { matrices } = glrlmMatricesOnGrid(grid, settings, cache);
  const stats = matrices.map((c) => {
    let np = 0;
    for (let e = 0; e < c.length; e++) np += c.count[e] * c.j[e];
    return sizeZoneStats(c, np, PYRADIOMICS_EPS);
  });
  return pyradiomicsValues(GLRLM_FEATURES, nanMeanRecords(stats, KEYS));
}
