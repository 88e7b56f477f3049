import type { TextureGrid } from './grid.js';
import { groupCounts, type SparseCounts } from './sparse-counts.js';
import type { Zones } from './zones.js';

/** Which zone attribute is the matrix column j: zone size (GLSZM) or zone distance (GLDZM). */
export type ZoneColumn = 'size' | 'distance';

/** The (grey level × j) matrix of zones `zones[from..to)`. */
export function zoneCounts(zones: Zones, column: ZoneColumn, from = 0, to = zones.count): SparseCounts {
  const j = column === 'size' ? zones.size : zones.distance;
  const w = new Float64Array(to - from).fill(1);
  return groupCounts(zones.level.subarray(from, to), j.subarray(from, to), w);
}

/**
 * Per k-slice ranges of a zone list whose zones do not cross slices (2D labelling): for each slice holding
 * ROI voxels, the zone range and the voxel count of the slice.
 */
export function zonesBySlice(grid: TextureGrid, zones: Zones): { from: number; to: number; voxels: number }[] {
  const out: { from: number; to: number; voxels: number }[] = [];
  let k = 0;
  for (let z = 0; z < grid.nz; z++) {
    const a = grid.sliceStart[z];
    const b = grid.sliceStart[z + 1];
    if (a === b) continue;
    const from = k;
    while (k < zones.count && zones.seed[k] < b) k++;
    out.push({ from, to: k, voxels: b - a });
  }
  return out;
}
