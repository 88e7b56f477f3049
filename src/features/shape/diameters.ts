import type { Vec3 } from '../../core/vec.js';
import { convexHull3D } from './convex-hull-3d.js';

/** Largest distances between mesh vertices (mm), as PyRadiomics' `calculate_meshDiameter`. */
export interface MeshDiameters {
  /** Over all vertex pairs (PyRadiomics Maximum3DDiameter, IBSI morph_diam L0JK). */
  readonly max3D: number;
  /** Over pairs with equal z (PyRadiomics Maximum2DDiameterSlice). */
  readonly sliceZ: number;
  /** Over pairs with equal y (PyRadiomics Maximum2DDiameterColumn). */
  readonly columnY: number;
  /** Over pairs with equal x (PyRadiomics Maximum2DDiameterRow). */
  readonly rowX: number;
  /** Indices (into the vertex list) of the 3D convex hull vertices; empty when the vertices are coplanar. */
  readonly hullVertices: Int32Array;
  /** Faces of the 3D convex hull (vertex-index triples, outward); empty when coplanar. */
  readonly hullFaces: Int32Array;
}

/**
 * Maximum diameters of a vertex set given as doubled integer lattice coordinates (`SurfaceMesh.vertices2`):
 * physical position = value/2 · spacing. Exact and fast: the 3D maximum is taken over the vertices of the exact
 * convex hull (which always contains the two most distant points, IBSI 1 §3.1.11), each 2D maximum over the
 * vertices of the exact 2D hull of each plane (Andrew's monotone chain on the row ends), instead of all O(n²) pairs.
 */
export function meshDiameters(vertices2: Int32Array, spacing: Vec3): MeshDiameters {
  const n = vertices2.length / 3;
  const h = [spacing[0] / 2, spacing[1] / 2, spacing[2] / 2];
  const d2 = (i: number, j: number): number => {
    const dx = (vertices2[3 * i] - vertices2[3 * j]) * h[0];
    const dy = (vertices2[3 * i + 1] - vertices2[3 * j + 1]) * h[1];
    const dz = (vertices2[3 * i + 2] - vertices2[3 * j + 2]) * h[2];
    return dx * dx + dy * dy + dz * dz;
  };
  // A point strictly inside a segment between two others is never a hull vertex: keep only the points that are
  // the first or last on their lattice line along each of 13 directions (exact pruning, ~20× fewer points).
  const ext = lineExtremes(vertices2, n);
  const keep3 = [] as number[];
  for (let i = 0; i < n; i++) if (ext[i] === ALL_DIRECTIONS) keep3.push(i);
  const sub = new Int32Array(keep3.length * 3);
  keep3.forEach((vi, t) => { sub[3 * t] = vertices2[3 * vi]; sub[3 * t + 1] = vertices2[3 * vi + 1]; sub[3 * t + 2] = vertices2[3 * vi + 2]; });
  let max3 = 0;
  let hullVertices: Int32Array = new Int32Array(0);
  let hullFaces: Int32Array = new Int32Array(0);
  const hull = keep3.length >= 4 ? convexHull3D(sub, keep3.length) : null;
  let cand: Int32Array;
  if (hull) {
    // back to indices of the full vertex list
    hullVertices = Int32Array.from(hull.vertices, (t) => keep3[t]);
    hullFaces = Int32Array.from(hull.faces, (t) => keep3[t]);
    cand = hullVertices;
  } else {
    cand = Int32Array.from(keep3);
  }
  for (let a = 0; a < cand.length; a++) {
    for (let b = a + 1; b < cand.length; b++) {
      const d = d2(cand[a], cand[b]);
      if (d > max3) max3 = d;
    }
  }
  return {
    max3D: Math.sqrt(max3),
    sliceZ: Math.sqrt(maxInPlanes(vertices2, n, 2, h)),
    columnY: Math.sqrt(maxInPlanes(vertices2, n, 1, h)),
    rowX: Math.sqrt(maxInPlanes(vertices2, n, 0, h)),
    hullVertices,
    hullFaces,
  };
}

/**
 * Lattice directions used for pruning: the 3 axes, 6 face diagonals and 4 body diagonals. Each row holds two
 * integer functionals constant along the direction (the line key) and one increasing along it (the position), as
 * coefficient triples (x, y, z).
 */
const DIRECTIONS: readonly (readonly number[])[] = [
  [0, 1, 0, 0, 0, 1, 1, 0, 0], // 0: x axis
  [1, 0, 0, 0, 0, 1, 0, 1, 0], // 1: y axis
  [1, 0, 0, 0, 1, 0, 0, 0, 1], // 2: z axis
  [1, -1, 0, 0, 0, 1, 1, 0, 0], // 3: (1, 1, 0)
  [1, 1, 0, 0, 0, 1, 1, 0, 0], // 4: (1, −1, 0)
  [1, 0, -1, 0, 1, 0, 1, 0, 0], // 5: (1, 0, 1)
  [1, 0, 1, 0, 1, 0, 1, 0, 0], // 6: (1, 0, −1)
  [0, 1, -1, 1, 0, 0, 0, 1, 0], // 7: (0, 1, 1)
  [0, 1, 1, 1, 0, 0, 0, 1, 0], // 8: (0, 1, −1)
  [1, -1, 0, 0, 1, -1, 1, 0, 0], // 9: (1, 1, 1)
  [1, -1, 0, 0, 1, 1, 1, 0, 0], // 10: (1, 1, −1)
  [1, 1, 0, 0, 1, 1, 1, 0, 0], // 11: (1, −1, 1)
  [1, 1, 0, 0, 1, -1, 1, 0, 0], // 12: (1, −1, −1)
];
/** How many of {@link DIRECTIONS} are used (the axes are enough: more directions prune more but cost more). */
const USED = 3;
const ALL_DIRECTIONS = (1 << USED) - 1;

/**
 * For each point, bit d is set when the point is the first or last one on its line along direction d of
 * {@link DIRECTIONS} (the points sharing that line's key). Coordinates must be non-negative integers.
 */
function lineExtremes(v: Int32Array, n: number): Uint16Array {
  const out = new Uint16Array(n);
  const k1 = new Int32Array(n), k2 = new Int32Array(n), pos = new Int32Array(n);
  let lo = new Int32Array(0), hi = new Int32Array(0);
  for (let d = 0; d < USED; d++) {
    const [a1, b1, c1, a2, b2, c2, a3, b3, c3] = DIRECTIONS[d];
    let min1 = 0x7fffffff, max1 = -0x7fffffff, min2 = 0x7fffffff, max2 = -0x7fffffff;
    for (let i = 0, t = 0; i < n; i++, t += 3) {
      const x = v[t], y = v[t + 1], z = v[t + 2];
      const p = a1 * x + b1 * y + c1 * z, q = a2 * x + b2 * y + c2 * z;
      k1[i] = p; k2[i] = q; pos[i] = a3 * x + b3 * y + c3 * z;
      if (p < min1) min1 = p;
      if (p > max1) max1 = p;
      if (q < min2) min2 = q;
      if (q > max2) max2 = q;
    }
    const w = max1 - min1 + 1;
    const size = w * (max2 - min2 + 1);
    if (lo.length < size) { lo = new Int32Array(size); hi = new Int32Array(size); }
    lo.fill(0x7fffffff, 0, size);
    hi.fill(-0x7fffffff, 0, size);
    for (let i = 0; i < n; i++) {
      const key = k1[i] - min1 + w * (k2[i] - min2);
      k1[i] = key;
      const p = pos[i];
      if (p < lo[key]) lo[key] = p;
      if (p > hi[key]) hi[key] = p;
    }
    const bit = 1 << d;
    for (let i = 0; i < n; i++) if (pos[i] === lo[k1[i]] || pos[i] === hi[k1[i]]) out[i] |= bit;
  }
  return out;
}

/**
 * Largest squared distance between vertices sharing their coordinate along `axis` (0 x, 1 y, 2 z). Within each
 * plane only the first and last point of every row can be hull vertices; taking the rows in order gives the points
 * already sorted for Andrew's monotone chain, so each plane's exact 2D hull costs O(rows), without sorting.
 */
function maxInPlanes(v: Int32Array, n: number, axis: number, h: number[]): number {
  if (n === 0) return 0;
  const u = axis === 0 ? 1 : 0; // coordinate along the rows
  const w = axis === 2 ? 1 : 2; // row index
  let maxC = 0, maxW = 0;
  for (let i = 0; i < n; i++) {
    if (v[3 * i + axis] > maxC) maxC = v[3 * i + axis];
    if (v[3 * i + w] > maxW) maxW = v[3 * i + w];
  }
  const W = maxW + 1;
  const lo = new Int32Array((maxC + 1) * W).fill(0x7fffffff), hi = new Int32Array((maxC + 1) * W).fill(-1);
  for (let i = 0; i < n; i++) {
    const key = v[3 * i + axis] * W + v[3 * i + w];
    const x = v[3 * i + u];
    if (x < lo[key]) lo[key] = x;
    if (x > hi[key]) hi[key] = x;
  }
  const hu = h[u], hw = h[w];
  const ps = new Float64Array(2 * W), pw = new Float64Array(2 * W); // candidate points (u, w) of one plane
  const hull = new Int32Array(4 * W + 2);
  let best = 0;
  for (let c = 0; c <= maxC; c++) {
    let m = 0;
    for (let r = 0; r < W; r++) {
      const key = c * W + r;
      if (hi[key] < 0) continue;
      // sorted by (w, u): the row's first point, then its last
      ps[m] = lo[key]; pw[m] = r; m++;
      if (hi[key] !== lo[key]) { ps[m] = hi[key]; pw[m] = r; m++; }
    }
    if (m < 2) continue;
    // monotone chain on (w, u)
    const cross = (o: number, a: number, b: number) => (pw[a] - pw[o]) * (ps[b] - ps[o]) - (ps[a] - ps[o]) * (pw[b] - pw[o]);
    let k = 0;
    for (let t = 0; t < m; t++) {
      while (k >= 2 && cross(hull[k - 2], hull[k - 1], t) <= 0) k--;
      hull[k++] = t;
    }
    const lowerEnd = k + 1;
    for (let t = m - 2; t >= 0; t--) {
      while (k >= lowerEnd && cross(hull[k - 2], hull[k - 1], t) <= 0) k--;
      hull[k++] = t;
    }
    const hn = Math.max(1, k - 1);
    for (let a = 0; a < hn; a++) {
      for (let b = a + 1; b < hn; b++) {
        const du = (ps[hull[a]] - ps[hull[b]]) * hu, dw = (pw[hull[a]] - pw[hull[b]]) * hw;
        const d = du * du + dw * dw;
        if (d > best) best = d;
      }
    }
    if (m === 2) {
      const du = (ps[0] - ps[1]) * hu, dw = (pw[0] - pw[1]) * hw;
      best = Math.max(best, du * du + dw * dw);
    }
  }
  return best;
}

/**
 * Indices of the 2D convex hull vertices (counter-clockwise, collinear boundary points dropped) of points
 * (xs[i], ys[i]) by Andrew's monotone chain. Exact for integer coordinates below 2^26; for floating-point inputs
 * (projections) the orientation test is the usual floating-point one. Fewer than 3 distinct points are returned as is.
 */
export function convexHull2D(xs: ArrayLike<number>, ys: ArrayLike<number>): number[] {
  const m = xs.length;
  const idx = new Int32Array(m);
  for (let i = 0; i < m; i++) idx[i] = i;
  idx.sort((a, b) => xs[a] - xs[b] || ys[a] - ys[b]);
  if (m < 3) return Array.from(idx);
  const cross = (o: number, a: number, b: number) => (xs[a] - xs[o]) * (ys[b] - ys[o]) - (ys[a] - ys[o]) * (xs[b] - xs[o]);
  const hull = new Int32Array(2 * m + 1);
  let k = 0;
  for (let t = 0; t < m; t++) {
    const p = idx[t];
    while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) k--;
    hull[k++] = p;
  }
  const lowerEnd = k + 1;
  for (let t = m - 2; t >= 0; t--) {
    const p = idx[t];
    while (k >= lowerEnd && cross(hull[k - 2], hull[k - 1], p) <= 0) k--;
    hull[k++] = p;
  }
  if (k - 1 <= 0) return [idx[0], idx[m - 1]];
  return Array.from(hull.subarray(0, k - 1));
}
