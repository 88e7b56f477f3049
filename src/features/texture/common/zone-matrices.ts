import type { TextureGrid } from './grid.js';
import { PASS_BLOCK } from './pass-kernels.js';
import { EMPTY_COUNTS, type SparseCounts } from './sparse-counts.js';
import type { Zones } from './zones.js';

/** Which zone attribute is the matrix column j: zone size (GLSZM) or zone distance (GLDZM). */
export type ZoneColumn = 'size' | 'distance';

/**
 * The (grey level × j) matrix of zones `zones[from..to)`: each zone becomes the key level·2³¹ + j (exact in a
 * double), the keys are sorted by the typed-array sort (native code, nothing to compile) and equal keys counted.
 * Entries come out sorted by level, then j, as from `groupCounts`.
 */
export function zoneCounts(zones: Zones, column: ZoneColumn, from = 0, to = zones.count): SparseCounts {
  const j = column === 'size' ? zones.size : zones.distance;
  const n = to - from;
  if (n === 0) return EMPTY_COUNTS;
  const keys = new Float64Array(n);
  for (let b = 0; b < n; b += PASS_BLOCK) zoneKeys(zones.level, j, from, b, Math.min(b + PASS_BLOCK, n), keys);
  keys.sort();
  const level = new Int32Array(n);
  const jv = new Int32Array(n);
  const count = new Float64Array(n);
  const m = countSortedKeys(keys, level, jv, count);
  return { level: level.subarray(0, m), j: jv.subarray(0, m), count: count.subarray(0, m), length: m };
}

/** Key level·2³¹ + j of the zones from + b..from + to − 1 into keys[b..to). */
function zoneKeys(level: Int32Array, j: Int32Array, from: number, b: number, to: number, keys: Float64Array): void {
  for (let t = b; t < to; t++) keys[t] = level[from + t] * ZONE_KEY_SCALE + j[from + t];
}

const ZONE_KEY_SCALE = 2147483648; // 2³¹ > any j (an Int32)

/** Runs of equal sorted keys as (level, j, count) entries; returns the number of entries. */
function countSortedKeys(keys: Float64Array, level: Int32Array, jv: Int32Array, count: Float64Array): number {
  let m = 0;
  let run = 1;
  for (let t = 1; t <= keys.length; t++) {
    if (t < keys.length && keys[t] === keys[t - 1]) { run++; continue; }
    const k = keys[t - 1];
    const g = Math.floor(k / ZONE_KEY_SCALE);
    level[m] = g;
    jv[m] = k - g * ZONE_KEY_SCALE;
    count[m] = run;
    m++;
    run = 1;
  }
  return m;
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
