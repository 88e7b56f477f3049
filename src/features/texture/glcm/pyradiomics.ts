import type { DiscretisedRoi, FeatureValues } from '../../types.js';
import { nanMeanRecords } from '../common/aggregate.js';
import type { Direction } from '../common/directions.js';
import { buildTextureGrid, gridOffset, type TextureGrid } from '../common/grid.js';
import {
  checkWeightingNorm, directionLength, maxDistance, pyradiomicsAngles,
  type PyradiomicsTextureSettings, type WeightingNorm,
} from '../common/pyradiomics-settings.js';
import { GLCM_FEATURES } from './defs.js';
import { checkGlcmLevels, matrixTotal, symmetriseCounts } from './matrix.js';
import { TextureCache } from '../common/texture-cache.js';
import { glcmStats, type GlcmStats, PYRADIOMICS_EPS } from './stats.js';

/** PyRadiomics GLCM settings. */
export interface GlcmPyradiomicsSettings extends PyradiomicsTextureSettings {
  /** Count each pair in both directions (default true, as PyRadiomics). */
  readonly symmetricalGLCM?: boolean;
  /**
   * Distance weighting (default null): with a norm, the angle matrices are weighted by
   * W = exp(−‖d‖²) (‖d‖ the angle length in mm under the norm; 1 for 'no_weighting'), summed, and the
   * features computed once on the sum; with null, features are computed per angle and averaged.
   */
  readonly weightingNorm?: WeightingNorm;
}

/** PyRadiomics' GLCM feature names (its default, non-deprecated set of 24). */
export const GLCM_PYRADIOMICS_NAMES: readonly string[] = GLCM_FEATURES.filter((r) => r.pyradiomicsName !== null).map((r) => r.pyradiomicsName as string);

/** Per-angle co-occurrence matrices as PyRadiomics builds them. */
export interface PyradiomicsGlcmMatrices {
  /** N_g = largest grey level in the ROI (matrices are N_g × N_g, levels 1..N_g, empty levels kept as zero rows). */
  readonly ng: number;
  /** Angles (x, y, z) in PyRadiomics order (only those with at least one pair, unless weighted). */
  readonly angles: readonly Direction[];
  /** Normalised matrices p_ij per angle (or one weighted matrix), row = level i, column = level j. */
  readonly matrices: readonly Float64Array[];
}

/**
 * The normalised GLCMs of PyRadiomics (`RadiomicsGLCM.P_glcm`): one per angle, empty angles deleted, or a
 * single distance-weighted sum when `weightingNorm` is set.
 */
export function pyradiomicsGlcmMatrices(roi: DiscretisedRoi, settings: GlcmPyradiomicsSettings = {}): PyradiomicsGlcmMatrices {
  const grid = buildTextureGrid(roi, maxDistance(settings));
  return glcmMatricesOnGrid(grid, settings, new TextureCache(grid));
}

function glcmMatricesOnGrid(grid: TextureGrid, settings: GlcmPyradiomicsSettings, cache: TextureCache): PyradiomicsGlcmMatrices {
  const ng = grid.maxLevel;
  checkGlcmLevels(ng);
  const norm = checkWeightingNorm(settings.weightingNorm);
  const angles = pyradiomicsAngles(grid, settings, settings.distances ?? [1]);
  const symmetric = settings.symmetricalGLCM ?? true;
  const raw = angles.map((d) => {
    const m = cache.cooccurrences(gridOffset(grid, d[0], d[1], d[2]), ng);
    return new Float64Array(symmetric ? symmetriseCounts(m, ng) : m);
  });
  if (norm !== null) {
    const sum = new Float64Array(ng * ng);
    angles.forEach((d, a) => {
      const len = directionLength(d, grid.spacing, norm);
      const w = norm === 'no_weighting' ? 1 : Math.exp(-len * len);
      const m = raw[a];
      for (let t = 0; t < sum.length; t++) sum[t] += w * m[t];
    });
    return { ng, angles, matrices: [normalise(sum)] };
  }
  const keptAngles: Direction[] = [];
  const kept: Float64Array[] = [];
  raw.forEach((m, a) => {
    if (matrixTotal(m) > 0) { keptAngles.push(angles[a]); kept.push(normalise(m)); }
  });
  return { ng, angles: keptAngles, matrices: kept };
}

function normalise(m: Float64Array): Float64Array {
  const s = matrixTotal(m);
  if (s > 0) for (let t = 0; t < m.length; t++) m[t] /= s;
  return m;
}

const STAT_KEYS: (keyof GlcmStats)[] = GLCM_FEATURES.filter((r) => r.pyradiomicsName !== null).map((r) => r.stat);

/**
 * PyRadiomics-compatible GLCM features (`glcm` class), keyed by PyRadiomics feature name
 * (`Autocorrelation`, ..., `SumSquares`; the 24 of {@link GLCM_PYRADIOMICS_NAMES}).
 *
 * Conventions reproduced: symmetric matrices per angle (13 in 3D, 4 with force2D), N_g = largest grey level in
 * the ROI (used by Idn/Idmn), ε = 2.2e-16 inside logarithms and the correlation denominator, correlation 1 /
 * Imc1 0 / Imc2 0 for degenerate matrices, MCC = 1 for a single grey level, features averaged over the
 * non-empty angles (or computed once on the weighted sum when `weightingNorm` is set).
 * Formulas: {@link GlcmStats}.
 *
 * @param roi - discretised ROI (PyRadiomics binning: levels 1.. from the bin edges), 0 outside.
 * @param settings - distances (default [1]), force2D, force2Ddimension, symmetricalGLCM, weightingNorm.
 */
export function pyradiomicsGlcm(roi: DiscretisedRoi, settings: GlcmPyradiomicsSettings = {}): FeatureValues {
  return pyradiomicsGlcmOnGrid(buildTextureGrid(roi, maxDistance(settings)), settings);
}

/** {@link pyradiomicsGlcm} on a prepared grid (padding ≥ the largest distance). */
export function pyradiomicsGlcmOnGrid(grid: TextureGrid, settings: GlcmPyradiomicsSettings = {}, cache = new TextureCache(grid)): FeatureValues {
  const present = grid.presentLevels;
  const symmetric = settings.symmetricalGLCM ?? true;
  const ng = grid.maxLevel;
  const options = { normLevels: ng, eps: PYRADIOMICS_EPS, flat: 'pyradiomics' as const, mcc: true, presentLevels: present, symmetric };
  const stats: GlcmStats[] = [];
  if (checkWeightingNorm(settings.weightingNorm) !== null) {
    for (const m of glcmMatricesOnGrid(grid, settings, cache).matrices) stats.push(glcmStats(m, ng, options));
  } else {
    // per angle, on the counts (glcmStats normalises); an empty angle gives all-NaN statistics, which the NaN-mean
    // skips: the same as dropping it, as PyRadiomics does
    checkGlcmLevels(ng);
    for (const d of pyradiomicsAngles(grid, settings, settings.distances ?? [1])) {
      const m = cache.cooccurrences(gridOffset(grid, d[0], d[1], d[2]), ng);
      stats.push(glcmStats(symmetric ? symmetriseCounts(m, ng) : m, ng, options));
    }
  }
  const mean = nanMeanRecords(stats, STAT_KEYS);
  const out: FeatureValues = {};
  for (const r of GLCM_FEATURES) if (r.pyradiomicsName !== null) out[r.pyradiomicsName] = mean[r.stat];
  return out;
}
