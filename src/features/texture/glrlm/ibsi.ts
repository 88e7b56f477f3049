import type { DiscretisedRoi, FeatureValues } from '../../types.js';
import { directionalAggregationsFor, IBSI_SPATIAL, type IbsiTextureOptions, nanMeanRecords, writeTagged } from '../common/aggregate.js';
import { ibsiDirections } from '../common/directions.js';
import { buildTextureGrid, gridOffset, type TextureGrid } from '../common/grid.js';
import { type SizeZoneStats, sizeZoneStats, statKeys } from '../common/size-zone-stats.js';
import { countsFromDense, type SparseCounts } from '../common/sparse-counts.js';
import { addInto } from '../glcm/matrix.js';
import { GLRLM_FEATURES } from './defs.js';
import { addRuns, runStride } from './runs.js';
import { TextureCache } from '../common/texture-cache.js';

const KEYS = statKeys(GLRLM_FEATURES, 'ibsi');

/** Statistics of a dense run-length matrix; N_v = Σ j·r_ij (voxels covered, summed over merged matrices). */
function runStats(m: Float64Array | Int32Array, ng: number, stride: number): SizeZoneStats {
  const counts: SparseCounts = countsFromDense(m, ng, stride);
  let nv = 0;
  for (let e = 0; e < counts.length; e++) nv += counts.count[e] * counts.j[e];
  return sizeZoneStats(counts, nv, 0);
}

/**
 * IBSI 1 grey level run length matrix features (§3.7), keyed by full IBSI tag: `rlm_<stem>_<aggr>` for the
 * 16 stems of {@link GLRLM_FEATURES} and the aggregations of the requested spatial approaches
 * (`2D_avg`, `2D_comb`, `2_5D_avg`, `2_5D_comb`, `3D_avg`, `3D_comb`).
 *
 * Runs follow the 13 directions (3D) or the 4 in-plane directions of each k-slice (2D); a voxel outside the
 * ROI ends a run. For merged matrices N_v is the sum of the voxels of the merged matrices (IBSI note on run
 * percentage). Formulas: `SizeZoneStats` with j = run length.
 *
 * @param roi - discretised ROI (intensity mask).
 * @param options - spatial approaches (default all). `distance` is not used (runs are contiguous).
 */
export function ibsiGlrlm(roi: DiscretisedRoi, options: IbsiTextureOptions = {}): FeatureValues {
  return ibsiGlrlmOnGrid(buildTextureGrid(roi, 1), options);
}

/** {@link ibsiGlrlm} on a prepared grid (padding ≥ 1). */
export function ibsiGlrlmOnGrid(grid: TextureGrid, options: IbsiTextureOptions = {}, cache = new TextureCache(grid)): FeatureValues {
  const ng = grid.nLevels;
  const stride = runStride(grid);
  const size = ng * stride;
  const want = new Set(directionalAggregationsFor(options.spatial ?? IBSI_SPATIAL));
  const out: FeatureValues = {};
  if (want.has('3D_avg') || want.has('3D_comb')) {
    const merged = new Float64Array(size);
    const perDir: SizeZoneStats[] = [];
    for (const d of ibsiDirections('3D', 1)) {
      const m = cache.runsAlong(gridOffset(grid, d[0], d[1], d[2]), ng).matrix;
      addInto(merged, m);
      perDir.push(runStats(m, ng, stride));
    }
    if (want.has('3D_avg')) writeTagged(out, GLRLM_FEATURES, nanMeanRecords(perDir, KEYS), '3D_avg');
    if (want.has('3D_comb')) writeTagged(out, GLRLM_FEATURES, runStats(merged, ng, stride), '3D_comb');
  }
  if (want.has('2D_avg') || want.has('2D_comb') || want.has('2_5D_avg') || want.has('2_5D_comb')) {
    const offsets = ibsiDirections('2D', 1).map((d) => gridOffset(grid, d[0], d[1], d[2]));
    const perDirMerged = offsets.map(() => new Float64Array(size));
    const all = new Float64Array(size);
    const perMatrix: SizeZoneStats[] = [];
    const perSlice: SizeZoneStats[] = [];
    const m = new Float64Array(size);
    const slice = new Float64Array(size);
    for (let z = 0; z < grid.nz; z++) {
      const from = grid.sliceStart[z];
      const to = grid.sliceStart[z + 1];
      if (to === from) continue;
      slice.fill(0);
      offsets.forEach((off, a) => {
        m.fill(0);
        addRuns(grid, from, to, off, m, stride);
        if (want.has('2D_avg')) perMatrix.push(runStats(m, ng, stride));
        addInto(slice, m);
        addInto(perDirMerged[a], m);
      });
      addInto(all, slice);
      if (want.has('2D_comb')) perSlice.push(runStats(slice, ng, stride));
    }
    if (want.has('2D_avg')) writeTagged(out, GLRLM_FEATURES, nanMeanRecords(perMatrix, KEYS), '2D_avg');
    if (want.has('2D_comb')) writeTagged(out, GLRLM_FEATURES, nanMeanRecords(perSlice, KEYS), '2D_comb');
    if (want.has('2_5D_avg')) writeTagged(out, GLRLM_FEATURES, nanMeanRecords(perDirMerged.map((s) => runStats(s, ng, stride)), KEYS), '2_5D_avg');
    if (want.has('2_5D_comb')) writeTagged(out, GLRLM_FEATURES, runStats(all, ng, stride), '2_5D_comb');
  }
  return out;
}
