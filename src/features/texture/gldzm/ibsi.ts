import { InvalidInputError } from '../../../core/errors.js';
import type { DiscretisedRoi, FeatureValues } from '../../types.js';
import { IBSI_SPATIAL, type IbsiTextureOptions, nanMeanRecords, writeTagged } from '../common/aggregate.js';
import { buildTextureGrid, cropMaskToGrid, type TextureGrid } from '../common/grid.js';
import { sizeZoneStats, statKeys } from '../common/size-zone-stats.js';
import { mergeCounts } from '../common/sparse-counts.js';
import { zoneCounts, zonesBySlice } from '../common/zone-matrices.js';
import { TextureCache } from '../common/texture-cache.js';
import { GLDZM_FEATURES } from './defs.js';

const KEYS = statKeys(GLDZM_FEATURES, 'ibsi');

/**
 * IBSI 1 grey level distance zone matrix features (§3.9), keyed by full IBSI tag: `dzm_<stem>_<aggr>` for the
 * 16 stems of {@link GLDZM_FEATURES} and aggregations `2D`, `2_5D`, `3D` (as for GLSZM).
 *
 * Zones are those of the GLSZM (intensity mask; 26-connectivity in 3D, 8 within a k-slice in 2D). The distance
 * of a voxel is the number of face-neighbour steps needed to leave the morphological mask (6-connectivity in
 * 3D, 4 within the slice in 2D; 1 at the border, the image edge counting as border); a zone's distance is
 * the minimum over its voxels. Formulas: `SizeZoneStats` with j = zone distance.
 *
 * @param roi - discretised ROI (intensity mask).
 * @param morphologicalMask - ROI mask before re-segmentation, same grid as `roi` (1 inside); must contain
 *   every voxel of the intensity mask. Defaults to the intensity mask.
 * @param options - spatial approaches (default all).
 */
export function ibsiGldzm(roi: DiscretisedRoi, morphologicalMask?: Uint8Array, options: IbsiTextureOptions = {}): FeatureValues {
  const morph = morphologicalMask ?? Uint8Array.from(roi.levels, (g) => (g > 0 ? 1 : 0));
  const grid = buildTextureGrid(roi, 1, [morph]);
  return ibsiGldzmOnGrid(grid, cropMaskToGrid(grid, roi.size, morph), options);
}

/** {@link ibsiGldzm} on a prepared grid (padding ≥ 1) with the morphological mask cropped to it. */
export function ibsiGldzmOnGrid(grid: TextureGrid, morph: Uint8Array, options: IbsiTextureOptions = {}, cache = new TextureCache(grid)): FeatureValues {
  for (const v of grid.voxels) {
    if (morph[v] === 0) {
      throw new InvalidInputError('the intensity mask is not inside the morphological mask', {
        expected: 'every ROI voxel with a grey level to belong to the morphological mask',
        found: 'an intensity-mask voxel outside the morphological mask',
        fix: 'pass the mask before re-segmentation as morphologicalMask (re-segmentation only removes voxels).',
      });
    }
  }
  const spatial = options.spatial ?? IBSI_SPATIAL;
  const out: FeatureValues = {};
  if (spatial.includes('3D')) {
    const zones = cache.zones(-1, cache.borderDistances(morph, -1));
    writeTagged(out, GLDZM_FEATURES, sizeZoneStats(zoneCounts(zones, 'distance'), grid.voxels.length, 0), '3D');
  }
  if (spatial.includes('2D') || spatial.includes('2_5D')) {
    const zones = cache.zones(2, cache.borderDistances(morph, 2));
    const slices = zonesBySlice(grid, zones);
    const mats = slices.map((s) => zoneCounts(zones, 'distance', s.from, s.to));
    if (spatial.includes('2D')) {
      const stats = mats.map((m, k) => sizeZoneStats(m, slices[k].voxels, 0));
      writeTagged(out, GLDZM_FEATURES, nanMeanRecords(stats, KEYS), '2D');
    }
    if (spatial.includes('2_5D')) writeTagged(out, GLDZM_FEATURES, sizeZoneStats(mergeCounts(mats), grid.voxels.length, 0), '2_5D');
  }
  return out;
}
