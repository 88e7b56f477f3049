import type { TextureGrid } from './grid.js';

/** Zones (connected groups of ROI voxels sharing a grey level) found by {@link labelZones}. */
export interface Zones {
  /** Number of zones. */
  readonly count: number;
  /** Grey level of each zone. */
  readonly level: Int32Array;
  /** Number of voxels of each zone. */
  readonly size: Int32Array;
  /** Smallest distance-map value over the zone's voxels (all 0 when no distance map was given). */
  readonly distance: Int32Array;
  /** Index in `grid.voxels` of the zone's first voxel (zones are listed in raster order of that voxel). */
  readonly seed: Int32Array;
}

/**
 * Labels the zones of the ROI: voxels are linked when they share a grey level and are neighbours through one of
 * `neighbourOffsets` (26-connectivity in 3D, 8 in-plane for 2D; IBSI 1 §3.8, PyRadiomics GLSZM). Breadth-first
 * growth with a typed-array queue, O(N · |offsets|).
 *
 * @param grid - padded grid (padding ≥ 1 so neighbour lookups stay inside the array).
 * @param neighbourOffsets - index offsets of the linked neighbours (both signs).
 * @param distanceMap - optional per-voxel distance to the ROI border (padded grid); the zone keeps its minimum.
 */
export function labelZones(grid: TextureGrid, neighbourOffsets: Int32Array, distanceMap?: Int32Array): Zones {
  const lv = grid.levels;
  const vox = grid.voxels;
  const n = vox.length;
  const visited = new Uint8Array(lv.length);
  const queue = new Int32Array(n);
  let level = new Int32Array(64);
  let size = new Int32Array(64);
  let dist = new Int32Array(64);
  let seed = new Int32Array(64);
  let z = 0;
  const nOff = neighbourOffsets.length;
  for (let t = 0; t < n; t++) {
    const start = vox[t];
    if (visited[start]) continue;
    const g = lv[start];
    visited[start] = 1;
    queue[0] = start;
    let head = 0;
    let tail = 1;
    let minD = distanceMap ? distanceMap[start] : 0;
    while (head < tail) {
      const v = queue[head++];
      if (distanceMap) {
        const dv = distanceMap[v];
        if (dv < minD) minD = dv;
      }
      for (let k = 0; k < nOff; k++) {
        const w = v + neighbourOffsets[k];
        if (lv[w] === g && !visited[w]) {
          visited[w] = 1;
          queue[tail++] = w;
        }
      }
    }
    if (z === level.length) {
      const cap = z * 2;
      const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => { const b = new Int32Array(cap); b.set(a); return b; };
      level = grow(level); size = grow(size); dist = grow(dist); seed = grow(seed);
    }
    level[z] = g;
    size[z] = tail;
    dist[z] = minD;
    seed[z] = t;
    z++;
  }
  return { count: z, level: level.subarray(0, z), size: size.subarray(0, z), distance: dist.subarray(0, z), seed: seed.subarray(0, z) };
}

/**
 * Distance of every voxel of `mask` (padded grid, 1 inside) to the mask border: the number of face-neighbour
 * steps needed to leave the mask, 1 for voxels touching the outside (IBSI 1 §3.9: iterative erosion with the
 * 6-connected (3D) or 4-connected (2D) structuring element; the lowest distance is 1). Multi-source
 * breadth-first search from the border, O(N). Voxels outside the mask get 0.
 *
 * @param mask - 0/1 mask on the padded grid (its padding is 0, so the image border counts as outside).
 * @param faceOffsets - index offsets of the face neighbours (6 in 3D, 4 in-plane in 2D).
 */
export function borderDistanceMap(mask: Uint8Array, faceOffsets: Int32Array, nx: number, ny: number, nz: number): Int32Array {
  const n = mask.length;
  const dist = new Int32Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  const plane = nx * ny;
  const nOff = faceOffsets.length;
  // interior voxels only (the padding layer is 0, so w = v ± offset stays inside the array)
  for (let zi = 1; zi < nz - 1; zi++) {
    for (let yi = 1; yi < ny - 1; yi++) {
      let v = 1 + nx * yi + plane * zi;
      for (let xi = 1; xi < nx - 1; xi++, v++) {
        if (mask[v] === 0) continue;
        for (let k = 0; k < nOff; k++) {
          if (mask[v + faceOffsets[k]] === 0) { dist[v] = 1; queue[tail++] = v; break; }
        }
      }
    }
  }
  let head = 0;
  while (head < tail) {
    const v = queue[head++];
    const dn = dist[v] + 1;
    for (let k = 0; k < nOff; k++) {
      const w = v + faceOffsets[k];
      if (mask[w] !== 0 && dist[w] === 0) { dist[w] = dn; queue[tail++] = w; }
    }
  }
  return dist;
}
