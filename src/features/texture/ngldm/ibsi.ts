import type { DiscretisedRoi, FeatureValues } from '../../types.js';
import { IBSI_SPATIAL, type IbsiTextureOptions, nanMeanRecords, writeTagged } from '../common/aggregate.js';
import { checkDistance } from '../common/directions.js';
import { buildTextureGrid, type TextureGrid } from '../common/grid.js';
import { halfChebyshevOffsets } from '../common/neighbourhood.js';
import { TextureCache } from '../common/texture-cache.js';
import { sizeZoneStats, statKeys } from '../common/size-zone-stats.js';
import { mergeCounts, type SparseCounts } from '../common/sparse-counts.js';
import { NGLDM_FEATURES } from './defs.js';
import { checkAlpha, dependenceCounts } from './matrix.js';

const KEYS = statKeys(NGLDM_FEATURES, 'ibsi');

/**
 * IBSI 1 neighbouring grey level dependence matrix features (§3.11), keyed by full IBSI tag:
 * `ngl_<stem>_<aggr>` for the 17 stems of {@link NGLDM_FEATURES} and aggregations `2D` (per-slice matrices,
 * features averaged over slices), `2_5D` (merged), `3D`.
 *
 * Dependence: neighbours within Chebyshev distance δ (26 in 3D, 8 in the k-slice in 2D for δ = 1) in the ROI
 * whose grey level differs by at most α from the centre; j = 1 + their number. N_v = N_s = number of voxels.
 * Formulas: `SizeZoneStats` with j = dependence count.
 *
 * @param roi - discretised ROI (intensity mask).
 * @param options - spatial approaches (default all), distance δ (default 1), coarseness α (default 0).
 */
export function ibsiNgldm(roi: DiscretisedRoi, options: IbsiTextureOptions = {}): FeatureValues {
  const distance = options.distance ?? 1;
  checkDistance(distance);
  return ibsiNgldmOnGrid(buildTextureGrid(roi, distance), options);
}

/** {@link ibsiNgldm} on a prepared grid (padding ≥ distance). */
export function ibsiNgldmOnGrid(grid: TextureGrid, options: IbsiTextureOptions = {}, cache = new TextureCache(grid)): FeatureValues {
  const distance = options.distance ?? 1;
  const alpha = options.alpha ?? 0;
  checkAlpha(alpha);
  const spatial = options.spatial ?? IBSI_SPATIAL;
  const ng = grid.nLevels;
  const out: FeatureValues = {};
  if (spatial.includes('3D')) {
    const half = halfChebyshevOffsets(grid, distance, -1);
    const m = dependenceCounts(grid, 0, grid.voxels.length, cache.tallies(half, alpha), 2 * half.length, ng);
    writeTagged(out, NGLDM_FEATURES, sizeZoneStats(m, grid.voxels.length, 0), '3D');
  }
  if (spatial.includes('2D') || spatial.includes('2_5D')) {
    const half = halfChebyshevOffsets(grid, distance, 2);
    const tallies = cache.tallies(half, alpha);
    const mats: SparseCounts[] = [];
    const stats = [];
    for (let z = 0; z < grid.nz; z++) {
      const from = grid.sliceStart[z];
      const to = grid.sliceStart[z + 1];
      if (to === from) continue;
      const m = dependenceCounts(grid, from, to, tallies, 2 * half.length, ng);
      mats.push(m);
      if (spatial.includes('2D')) stats.push(sizeZoneStats(m, to - from, 0));
    }
    if (spatial.includes('2D')) writeTagged(out, NGLDM_FEATURES, nanMeanRecords(stats, KEYS), '2D');
    if (spatial.includes('2_5D')) writeTagged(out, NGLDM_FEATURES, sizeZoneStats(mergeCounts(mats), grid.voxels.length, 0), '2_5D');
  }
  return out;
}
