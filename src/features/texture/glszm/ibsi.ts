import type { DiscretisedRoi, FeatureValues } from '../../types.js';
import { IBSI_SPATIAL, type IbsiTextureOptions, nanMeanRecords, writeTagged } from '../common/aggregate.js';
import { buildTextureGrid, type TextureGrid } from '../common/grid.js';
import { sizeZoneStats, statKeys } from '../common/size-zone-stats.js';
import { mergeCounts } from '../common/sparse-counts.js';
import { zoneCounts, zonesBySlice } from '../common/zone-matrices.js';
import { TextureCache } from '../common/texture-cache.js';
import { GLSZM_FEATURES } from './defs.js';

const KEYS = statKeys(GLSZM_FEATURES, 'ibsi');

/**
 * IBSI 1 grey level size zone matrix features (§3.8), keyed by full IBSI tag: `szm_<stem>_<aggr>` for the
 * 16 stems of {@link GLSZM_FEATURES} and aggregations `2D` (per-slice matrices, features averaged over
 * slices), `2_5D` (per-slice matrices merged), `3D` (one volume matrix).
 *
 * Zones link voxels of equal grey level through 26-connectivity (3D) or 8-connectivity within a k-slice
 * (2D, 2.5D). N_v = number of ROI voxels (summed over merged slices). Formulas: `SizeZoneStats` with
 * j = zone size.
 *
 * @param roi - discretised ROI (intensity mask).
 * @param options - spatial approaches (default all).
 */
export function ibsiGlszm(roi: DiscretisedRoi, options: IbsiTextureOptions = {}): FeatureValues {
  return ibsiGlszmOnGrid(buildTextureGrid(roi, 1), options);
}

/** {@link ibsiGlszm} on a prepared grid (padding ≥ 1). */
export function ibsiGlszmOnGrid(grid: TextureGrid, options: IbsiTextureOptions = {}, cache = new TextureCache(grid)): FeatureValues {
  const spatial = options.spatial ?? IBSI_SPATIAL;
  const out: FeatureValues = {};
  if (spatial.includes('3D')) {
    const zones = cache.zones(-1);
    writeTagged(out, GLSZM_FEATURES, sizeZoneStats(zoneCounts(zones, 'size'), grid.voxels.length, 0), '3D');
  }
  if (spatial.includes('2D') || spatial.includes('2_5D')) {
    const zones = cache.zones(2);
    const slices = zonesBySlice(grid, zones);
    const mats = slices.map((s) => zoneCounts(zones, 'size', s.from, s.to));
    if (spatial.includes('2D')) {
      const stats = mats.map((m, k) => sizeZoneStats(m, slices[k].voxels, 0));
      writeTagged(out, GLSZM_FEATURES, nanMeanRecords(stats, KEYS), '2D');
    }
    if (spatial.includes('2_5D')) writeTagged(out, GLSZM_FEATURES, sizeZoneStats(mergeCounts(mats), grid.voxels.length, 0), '2_5D');
  }
  return out;
}
