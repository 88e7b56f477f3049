/**
 * The single-direction passes over the ROI voxels behind the texture matrices, one small function per product
 * and direction. Each is a single loop over typed arrays: V8 compiles it during the first direction and reuses the
 * compiled code for the next ones. (A loop that shares its function with other code, e.g. an outer loop over
 * directions with map updates between passes, makes V8 discard the compiled code when that code first runs.)
 *
 * All take the padded grid's `levels` (0 outside the ROI and in the padding) and its ROI voxel indices `voxels`;
 * `off` is an index offset within the padding.
 */

/** Adds to `cm` (N_g × N_g, row = centre level) one count per ROI voxel whose neighbour at `off` is in the ROI. */
export function countCooccurrences(levels: Int32Array, voxels: Int32Array, off: number, ng: number, cm: Float64Array): void {
  for (let t = 0; t < voxels.length; t++) {
    const v = voxels[t];
    const h = levels[v + off];
    if (h !== 0) cm[(levels[v] - 1) * ng + h - 1] += 1;
  }
}

/**
 * Joins, in the union-find forest `parent`, each ROI voxel with its neighbour at `off` when both have the same grey
 * level. Union by smallest index (each root is its set's first voxel in raster order), with path halving.
 */
export function linkEqualNeighbours(levels: Int32Array, voxels: Int32Array, off: number, parent: Int32Array): void {
  for (let t = 0; t < voxels.length; t++) {
    const v = voxels[t];
    const w = v + off;
    if (levels[w] !== levels[v]) continue;
    let ra = v;
    while (parent[ra] !== ra) { parent[ra] = parent[parent[ra]]; ra = parent[ra]; }
    let rb = w;
    while (parent[rb] !== rb) { parent[rb] = parent[parent[rb]]; rb = parent[rb]; }
    if (ra < rb) parent[rb] = ra;
    else if (rb < ra) parent[ra] = rb;
  }
}

/**
 * Credits each pair (ROI voxel v, ROI neighbour w = v + off) to both voxels in the interleaved tallies `data`
 * (see `NeighbourTallies`): one neighbour, the other's grey level, and one dependent neighbour when the levels
 * differ by at most α.
 */
export function tallyNeighbourPairs(levels: Int32Array, voxels: Int32Array, off: number, alpha: number, data: Int32Array): void {
  for (let t = 0; t < voxels.length; t++) {
    const v = voxels[t];
    const w = v + off;
    const h = levels[w];
    if (h === 0) continue;
    const g = levels[v];
    const a = 3 * v;
    const b = 3 * w;
    data[a]++;
    data[b]++;
    data[a + 1] += h;
    data[b + 1] += g;
    const d = g > h ? g - h : h - g;
    if (d <= alpha) { data[a + 2]++; data[b + 2]++; }
  }
}

/**
 * Adds the runs along the unit direction `off` to `rm` (`rm[(level − 1)·stride + length − 1]`): a run starts at a
 * ROI voxel whose predecessor has another level. Returns the longest run.
 */
export function countRuns(levels: Int32Array, voxels: Int32Array, off: number, stride: number, rm: Float64Array): number {
  let longest = 0;
  for (let t = 0; t < voxels.length; t++) {
    const v = voxels[t];
    const g = levels[v];
    if (levels[v - off] === g) continue;
    let len = 1;
    let u = v + off;
    while (levels[u] === g) { len++; u += off; }
    rm[(g - 1) * stride + len - 1] += 1;
    if (len > longest) longest = len;
  }
  return longest;
}
