import type { DiscretisedRoi, FeatureValues } from '../../types.js';
import { directionalAggregationsFor, IBSI_SPATIAL, type IbsiTextureOptions, nanMeanRecords, writeTagged } from '../common/aggregate.js';
import { checkDistance, ibsiDirections } from '../common/directions.js';
import { buildTextureGrid, gridOffset, type TextureGrid } from '../common/grid.js';
import { GLCM_FEATURES } from './defs.js';
import { addCooccurrences, addInto, checkGlcmLevels, matrixTotal, symmetrise, symmetriseCounts } from './matrix.js';
import { TextureCache } from '../common/texture-cache.js';
import { glcmStats, type GlcmStats } from './stats.js';

const STAT_KEYS = GLCM_FEATURES.filter((r) => r.ibsiTag !== null).map((r) => r.stat);

function ibsiStats(m: Float64Array, ng: number): GlcmStats {
  return glcmStats(m, ng, { normLevels: ng, eps: 0, flat: 'nan' });
}

/**
 * IBSI 1 grey level co-occurrence matrix features (§3.6), keyed by full IBSI tag.
 *
 * Tags: `cm_<stem>_<aggr>` for the 25 stems of {@link GLCM_FEATURES} (not MCC) and, per requested spatial
 * approach, `2D_avg` + `2D_comb` (2D), `2_5D_avg` + `2_5D_comb` (2.5D), `3D_avg` + `3D_comb` (3D)
 * (see `DirectionalAggregation`).
 *
 * Matrices: symmetric (each pair counted in both directions), neighbours at Chebyshev distance δ along
 * 13 directions (3D) or the 4 in-plane directions of each k-slice (2D, 2.5D); N_g = `roi.nLevels` (empty
 * bins included, used by the normalised inverse differences). Statistics that are 0/0 for a matrix (e.g.
 * correlation with a single grey level) are NaN and skipped when averaging. Formulas: {@link GlcmStats}.
 *
 * @param roi - discretised ROI (intensity mask): levels 1..nLevels inside, 0 outside.
 * @param options - spatial approaches (default all) and distance δ (default 1).
 */
export function ibsiGlcm(roi: DiscretisedRoi, options: IbsiTextureOptions = {}): FeatureValues {
  const distance = options.distance ?? 1;
  checkDistance(distance);
  return ibsiGlcmOnGrid(buildTextureGrid(roi, distance), options);
}

/** {@link ibsiGlcm} on a prepared grid (padding ≥ distance). */
export function ibsiGlcmOnGrid(grid: TextureGrid, options: IbsiTextureOptions = {}, cache = new TextureCache(grid)): FeatureValues {
  const ng = grid.nLevels;
  checkGlcmLevels(ng);
  const distance = options.distance ?? 1;
  const want = new Set(directionalAggregationsFor(options.spatial ?? IBSI_SPATIAL));
  const out: FeatureValues = {};
  if (want.has('3D_avg') || want.has('3D_comb')) {
    const merged = new Float64Array(ng * ng);
    const perDir: GlcmStats[] = [];
    for (const d of ibsiDirections('3D', distance)) {
      const s = new Float64Array(symmetriseCounts(cache.cooccurrences(gridOffset(grid, d[0], d[1], d[2]), ng), ng));
      addInto(merged, s);
      if (matrixTotal(s) > 0) perDir.push(ibsiStats(s, ng));
    }
    if (want.has('3D_avg')) writeTagged(out, GLCM_FEATURES, nanMeanRecords(perDir, STAT_KEYS), '3D_avg');
    if (want.has('3D_comb')) writeTagged(out, GLCM_FEATURES, ibsiStats(merged, ng), '3D_comb');
  }
  if (want.has('2D_avg') || want.has('2D_comb') || want.has('2_5D_avg') || want.has('2_5D_comb')) {
    const offsets = ibsiDirections('2D', distance).map((d) => gridOffset(grid, d[0], d[1], d[2]));
    const perDirMerged = offsets.map(() => new Float64Array(ng * ng));
    const all = new Float64Array(ng * ng);
    const perMatrix: GlcmStats[] = [];
    const perSlice: GlcmStats[] = [];
    const m = new Float64Array(ng * ng);
    const slice = new Float64Array(ng * ng);
    for (let z = 0; z < grid.nz; z++) {
      const from = grid.sliceStart[z];
      const to = grid.sliceStart[z + 1];
      if (to === from) continue;
      slice.fill(0);
      offsets.forEach((off, a) => {
        m.fill(0);
        addCooccurrences(grid, from, to, off, ng, m);
        const s = symmetrise(m, ng);
        if (matrixTotal(s) === 0) return;
        if (want.has('2D_avg')) perMatrix.push(ibsiStats(s, ng));
        addInto(slice, s);
        addInto(perDirMerged[a], s);
      });
      if (matrixTotal(slice) === 0) continue;
      addInto(all, slice);
      if (want.has('2D_comb')) perSlice.push(ibsiStats(slice, ng));
    }
    if (want.has('2D_avg')) writeTagged(out, GLCM_FEATURES, nanMeanRecords(perMatrix, STAT_KEYS), '2D_avg');
    if (want.has('2D_comb')) writeTagged(out, GLCM_FEATURES, nanMeanRecords(perSlice, STAT_KEYS), '2D_comb');
    if (want.has('2_5D_avg')) {
      const perDir = perDirMerged.filter((s) => matrixTotal(s) > 0).map((s) => ibsiStats(s, ng));
      writeTagged(out, GLCM_FEATURES, nanMeanRecords(perDir, STAT_KEYS), '2_5D_avg');
    }
    if (want.has('2_5D_comb')) writeTagged(out, GLCM_FEATURES, ibsiStats(all, ng), '2_5D_comb');
  }
  return out;
}
