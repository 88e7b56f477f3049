import type { TextureGrid } from '../common/grid.js';
export { runStride } from '../common/texture-cache.js';
import type { Direction } from '../common/directions.js';

/**
 * Counts the runs of the ROI voxels `grid.voxels[from..to)` along index offset `offset` (a unit direction)
 * into the dense matrix `out[(level − 1)·stride + (length − 1)]`. A run is a maximal sequence of consecutive
 * ROI voxels with the same grey level along the direction; a voxel outside the ROI ends a run (IBSI 1 §3.7,
 * PyRadiomics). Each run is counted once, from its first voxel. `stride` must exceed the longest possible
 * run (e.g. the largest grid dimension). Returns the longest run found.
 */
export function addRuns(grid: TextureGrid, from: number, to: number, offset: number, out: Float64Array, stride: number): number {
  const lv = grid.levels;
  const vox = grid.voxels;
  let longest = 0;
  for (let t = from; t < to; t++) {
    const v = vox[t];
    const g = lv[v];
    if (lv[v - offset] === g) continue; // not the first voxel of its run
    let len = 1;
    let w = v + offset;
    while (lv[w] === g) { len++; w += offset; }
    out[(g - 1) * stride + len - 1] += 1;
    if (len > longest) longest = len;
  }
  return longest;
}

/**
 * True when some line of the padded grid along direction `d` holds at least two ROI voxels (not necessarily
 * adjacent). PyRadiomics drops an angle for which every line holds at most one ROI voxel (e.g. an angle leaving
 * the plane of a single-slice ROI).
 */
export function someLineHasTwoRoiVoxels(grid: TextureGrid, d: Direction): boolean {
  const { nx, ny, nz, levels, voxels } = grid;
  const plane = nx * ny;
  const off = d[0] + nx * (d[1] + ny * d[2]);
  for (const v of voxels) {
    let x = v % nx;
    let y = ((v - x) / nx) % ny;
    let z = Math.floor(v / plane);
    let w = v;
    for (;;) {
      x += d[0]; y += d[1]; z += d[2];
      if (x < 0 || y < 0 || z < 0 || x >= nx || y >= ny || z >= nz) break;
      w += off;
      if (levels[w] !== 0) return true;
    }
  }
  return false;
}
