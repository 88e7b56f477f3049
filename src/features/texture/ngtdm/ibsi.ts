import type { DiscretisedRoi, FeatureValues } from '../../types.js';
import { IBSI_SPATIAL, type IbsiTextureOptions, nanMeanRecords, writeTagged } from '../common/aggregate.js';
import { checkDistance } from '../common/directions.js';
import { buildTextureGrid, type TextureGrid } from '../common/grid.js';
import { halfChebyshevOffsets } from '../common/neighbourhood.js';
import { TextureCache } from '../common/texture-cache.js';
import { NGTDM_FEATURES } from './defs.js';
import { addNgtdm, emptyNgtdm, mergeNgtdm, type NgtdmMatrix } from './matrix.js';
import { ngtdmStats } from './stats.js';

const KEYS = NGTDM_FEATURES.map((r) => r.stat);

/**
 * IBSI 1 neighbourhood grey tone difference matrix features (§3.10), keyed by full IBSI tag:
 * `ngt_<stem>_<aggr>` for coarseness, contrast, busyness, complexity, strength and aggregations `2D`
 * (per-slice matrices, features averaged over slices), `2_5D` (slice matrices merged: n_i and s_i summed),
 * `3D`.
 *
 * The neighbourhood of a voxel is the ROI voxels within Chebyshev distance δ (26 voxels in 3D, 8 in the
 * k-slice in 2D for δ = 1), excluding the voxel itself; voxels without ROI neighbour are not counted in n_i.
 * Formulas: `NgtdmStats`.
 *
 * @param roi - discretised ROI (intensity mask).
 * @param options - spatial approaches (default all), distance δ (default 1).
 */
export function ibsiNgtdm(roi: DiscretisedRoi, options: IbsiTextureOptions = {}): FeatureValues {
  const distance = options.distance ?? 1;
  checkDistance(distance);
  return ibsiNgtdmOnGrid(buildTextureGrid(roi, distance), options);
}

/** {@link ibsiNgtdm} on a prepared grid (padding ≥ distance). */
export function ibsiNgtdmOnGrid(grid: TextureGrid, options: IbsiTextureOptions = {}, cache = new TextureCache(grid)): FeatureValues {
  const distance = options.distance ?? 1;
  const spatial = options.spatial ?? IBSI_SPATIAL;
  const ng = grid.nLevels;
  const out: FeatureValues = {};
  if (spatial.includes('3D')) {
    const m = emptyNgtdm(ng);
    addNgtdm(grid, 0, grid.voxels.length, cache.talliesAnyAlpha(halfChebyshevOffsets(grid, distance, -1), options.alpha ?? 0), false, m);
    writeTagged(out, NGTDM_FEATURES, ngtdmStats(m), '3D');
  }
  if (spatial.includes('2D') || spatial.includes('2_5D')) {
    const tallies = cache.talliesAnyAlpha(halfChebyshevOffsets(grid, distance, 2), options.alpha ?? 0);
    const slices: NgtdmMatrix[] = [];
    for (let z = 0; z < grid.nz; z++) {
      const from = grid.sliceStart[z];
      const to = grid.sliceStart[z + 1];
      if (to === from) continue;
      const m = emptyNgtdm(ng);
      addNgtdm(grid, from, to, tallies, false, m);
      slices.push(m);
    }
    if (spatial.includes('2D')) writeTagged(out, NGTDM_FEATURES, nanMeanRecords(slices.map(ngtdmStats), KEYS), '2D');
    if (spatial.includes('2_5D')) writeTagged(out, NGTDM_FEATURES, ngtdmStats(mergeNgtdm(slices, ng)), '2_5D');
  }
  return out;
}
