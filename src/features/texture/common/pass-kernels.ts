/**
 * The pass over the ROI voxels behind the texture matrices, for one direction: a single small function over typed
 * arrays, called once per direction. V8 compiles its loop during the first direction and reuses the compiled code
 * for the next ones (a loop sharing its function with other code, e.g. map updates between directions, would be
 * compiled mid-loop and discarded when that code first runs). One pass computes every requested product, so each
 * voxel and neighbour is read once per direction.
 */

/** The products of {@link directionPass}; an empty array means "not requested". */
export interface DirectionProducts {
  /** N_g × N_g co-occurrence counts, row = centre level, column = neighbour level (length N_g², or 0). */
  readonly cooc: Float64Array;
  /** Union-find forest over padded-grid indices, linking equal-level neighbours (length = grid size, or 0). */
  readonly parent: Int32Array;
  /** Interleaved neighbour tallies (see `NeighbourTallies`; length 3 × grid size, or 0) with threshold `alpha`. */
  readonly tallies: Int32Array;
  /** Run-length counts `runs[(level − 1)·stride + length − 1]` along the direction (length N_g × stride, or 0). */
  readonly runs: Float64Array;
}

/**
 * One pass over the ROI voxels (`levels`: 0 outside the ROI and in the padding; `voxels`: ROI voxel indices) for the
 * index offset `off`. For each ROI voxel v whose neighbour w = v + off is in the ROI: co-occurrence count
 * (level(v), level(w)); union of v and w when their levels are equal (union by smallest index, so each root is
 * its set's first voxel in raster order; path halving); tallies of both voxels (one neighbour, the other's level,
 * one dependent neighbour when the levels differ by at most `alpha`). For the runs (`off` a unit direction), a run
 * starts at a ROI voxel whose predecessor has another level. Returns the longest run (0 without runs).
 */
export function directionPass(levels: Int32Array, voxels: Int32Array, off: number, ng: number, alpha: number, stride: number, out: DirectionProducts): number {
  const cooc = out.cooc;
  const parent = out.parent;
  const tallies = out.tallies;
  const runs = out.runs;
  const doCooc = cooc.length > 0;
  const doZones = parent.length > 0;
  const doTally = tallies.length > 0;
  const doRuns = runs.length > 0;
  let longest = 0;
  for (let t = 0; t < voxels.length; t++) {
    const v = voxels[t];
    const g = levels[v];
    const w = v + off;
    const h = levels[w];
    if (h !== 0) {
      if (doCooc) cooc[(g - 1) * ng + h - 1] += 1;
      if (doZones && h === g) {
        let ra = v;
        while (parent[ra] !== ra) { parent[ra] = parent[parent[ra]]; ra = parent[ra]; }
        let rb = w;
        while (parent[rb] !== rb) { parent[rb] = parent[parent[rb]]; rb = parent[rb]; }
        if (ra < rb) parent[rb] = ra;
        else if (rb < ra) parent[ra] = rb;
      }
      if (doTally) {
        const a = 3 * v;
        const b = 3 * w;
        tallies[a]++;
        tallies[b]++;
        tallies[a + 1] += h;
        tallies[b + 1] += g;
        const d = g > h ? g - h : h - g;
        if (d <= alpha) { tallies[a + 2]++; tallies[b + 2]++; }
      }
    }
    if (doRuns && levels[v - off] !== g) {
      let len = 1;
      let u = w;
      while (levels[u] === g) { len++; u += off; }
      runs[(g - 1) * stride + len - 1] += 1;
      if (len > longest) longest = len;
    }
  }
  return longest;
}
