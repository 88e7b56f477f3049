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
  const hx = spacing[0] / 2, hy = spacing[1] / 2, hz = spacing[2] / 2;
  // A point strictly inside a segment between two others is never a hull vertex: keep only the points that are
  // the first or last on their lattice line along each of 13 directions (exact pruning, ~20× fewer points).
  const keep3 = pointsWithBits(lineExtremes(vertices2, n), ALL_DIRECTIONS);
  const sub = gatherPoints(vertices2, keep3);
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
    cand = keep3;
  }
  return {
    max3D: Math.sqrt(maxPairDistance2(vertices2, cand, hx, hy, hz)),
    sliceZ: Math.sqrt(maxInPlanes(vertices2, n, 2, [hx, hy, hz])),
    columnY: Math.sqrt(maxInPlanes(vertices2, n, 1, [hx, hy, hz])),
    rowX: Math.sqrt(maxInPlanes(vertices2, n, 0, [hx, hy, hz])),
    hullVertices,
    hullFaces,
  };
}

/** Indices i (ascending) with `flags[i] === bits`. */
function pointsWithBits(flags: Uint16Array, bits: number): Int32Array {
  let m = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i] === bits) m++;
  const out = new Int32Array(m);
  for (let i = 0, t = 0; i < flags.length; i++) if (flags[i] === bits) out[t++] = i;
  return out;
}

/** The points `idx` of an interleaved x, y, z list, as a new interleaved list. */
function gatherPoints(v: Int32Array, idx: Int32Array): Int32Array {
  const out = new Int32Array(idx.length * 3);
  for (let t = 0; t < idx.length; t++) {
    const i = idx[t];
    out[3 * t] = v[3 * i]; out[3 * t + 1] = v[3 * i + 1]; out[3 * t + 2] = v[3 * i + 2];
  }
  return out;
}

/** Largest squared distance (mm²) between the points `cand` of the doubled lattice coordinates `v` (h = spacing/2). */
function maxPairDistance2(v: Int32Array, cand: Int32Array, hx: number, hy: number, hz: number): number {
  let max = 0;
  for (let a = 0; a < cand.length; a++) {
    const d = farthestAfter(v, cand, a, hx, hy, hz);
    if (d > max) max = d;
  }
  return max;
}

/** Largest squared distance from point cand[a] to the points cand[a + 1..] (a small function called per point). */
function farthestAfter(v: Int32Array, cand: Int32Array, a: number, hx: number, hy: number, hz: number): number {
  let max = 0;
  const i = 3 * cand[a];
  for (let b = a + 1; b < cand.length; b++) {
    const j = 3 * cand[b];
    const dx = (v[i] - v[j]) * hx;
    const dy = (v[i + 1] - v[j + 1]) * hy;
    const dz = (v[i + 2] - v[j + 2]) * hz;
    const d = dx * dx + dy * dy + dz * dz;
    if (d > max) max = d;
  }
  return max;
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
    const r = lineFunctionals(v, n, DIRECTIONS[d], k1, k2, pos);
    const w = r[1] - r[0] + 1;
    const size = w * (r[3] - r[2] + 1);
    if (lo.length < size) { lo = new Int32Array(size); hi = new Int32Array(size); }
    lo.fill(0x7fffffff, 0, size);
    hi.fill(-0x7fffffff, 0, size);
    packLineKeys(k1, k2, n, r[0], w, r[2]);
    lineRanges(k1, pos, n, lo, hi);
    const bit = 1 << d;
    flagLineEnds(k1, pos, n, lo, hi, bit, out);
  }
  return out;
}

/**
 * The two functionals constant along direction `c` (see {@link DIRECTIONS}) into `k1`, `k2` and the position along
 * it into `pos`, for each point; returns [min k1, max k1, min k2, max k2].
 */
function lineFunctionals(v: Int32Array, n: number, c: readonly number[], k1: Int32Array, k2: Int32Array, pos: Int32Array): Int32Array {
  const a1 = c[0], b1 = c[1], c1 = c[2], a2 = c[3], b2 = c[4], c2 = c[5], a3 = c[6], b3 = c[7], c3 = c[8];
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
  return Int32Array.of(min1, max1, min2, max2);
}

/** Packs each point's two functionals into one line key, k1 − min1 + w·(k2 − min2), stored in `k1`. */
function packLineKeys(k1: Int32Array, k2: Int32Array, n: number, min1: number, w: number, min2: number): void {
  for (let i = 0; i < n; i++) k1[i] = k1[i] - min1 + w * (k2[i] - min2);
}

/** Lowest and highest position on each line. */
function lineRanges(key: Int32Array, pos: Int32Array, n: number, lo: Int32Array, hi: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const k = key[i];
    const p = pos[i];
    if (p < lo[k]) lo[k] = p;
    if (p > hi[k]) hi[k] = p;
  }
}

/** Sets `bit` in `flags` for the points that are first or last on their line. */
function flagLineEnds(key: Int32Array, pos: Int32Array, n: number, lo: Int32Array, hi: Int32Array, bit: number, flags: Uint16Array): void {
  for (let i = 0; i < n; i++) if (pos[i] === lo[key[i]] || pos[i] === hi[key[i]]) flags[i] |= bit;
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
  const maxima = coordinateMaxima(v, n, axis, w);
  const maxC = maxima[0];
  const W = maxima[1] + 1;
  const lo = new Int32Array((maxC + 1) * W).fill(0x7fffffff), hi = new Int32Array((maxC + 1) * W).fill(-1);
  rowEnds(v, n, axis, u, w, W, lo, hi);
  const ps = new Float64Array(2 * W), pw = new Float64Array(2 * W); // candidate points (u, w) of one plane
  const hull = new Int32Array(4 * W + 2);
  let best = 0;
  for (let c = 0; c <= maxC; c++) {
    const d = planeMaxDistance2(lo, hi, c * W, W, h[u], h[w], ps, pw, hull);
    if (d > best) best = d;
  }
  return best;
}

/** [max coordinate along `axis`, max coordinate `w`] over the points. */
function coordinateMaxima(v: Int32Array, n: number, axis: number, w: number): Int32Array {
  let maxC = 0, maxW = 0;
  for (let i = 0; i < n; i++) {
    if (v[3 * i + axis] > maxC) maxC = v[3 * i + axis];
    if (v[3 * i + w] > maxW) maxW = v[3 * i + w];
  }
  return Int32Array.of(maxC, maxW);
}

/** Smallest and largest coordinate `u` of the points of each row (plane c = coordinate `axis`, row r = coordinate `w`). */
function rowEnds(v: Int32Array, n: number, axis: number, u: number, w: number, W: number, lo: Int32Array, hi: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const key = v[3 * i + axis] * W + v[3 * i + w];
    const x = v[3 * i + u];
    if (x < lo[key]) lo[key] = x;
    if (x > hi[key]) hi[key] = x;
  }
}

/**
 * Largest squared distance (mm², scales `hu`, `hw`) between the points of one plane (rows `base`..`base + W − 1` of
 * `lo`/`hi`), over the vertices of the plane's exact 2D hull (Andrew's monotone chain on (w, u); the rows give the
 * points already sorted). `ps`, `pw`, `hull` are scratch arrays.
 */
function planeMaxDistance2(lo: Int32Array, hi: Int32Array, base: number, W: number, hu: number, hw: number, ps: Float64Array, pw: Float64Array, hull: Int32Array): number {
  let m = 0;
  for (let r = 0; r < W; r++) {
    const key = base + r;
    if (hi[key] < 0) continue;
    // sorted by (w, u): the row's first point, then its last
    ps[m] = lo[key]; pw[m] = r; m++;
    if (hi[key] !== lo[key]) { ps[m] = hi[key]; pw[m] = r; m++; }
  }
  if (m < 2) return 0;
  // monotone chain on (w, u); cross(o, a, b) = (w_a − w_o)(u_b − u_o) − (u_a − u_o)(w_b − w_o)
  let k = 0;
  for (let t = 0; t < m; t++) {
    while (k >= 2) {
      const o = hull[k - 2], a = hull[k - 1];
      if ((pw[a] - pw[o]) * (ps[t] - ps[o]) - (ps[a] - ps[o]) * (pw[t] - pw[o]) > 0) break;
      k--;
    }
    hull[k++] = t;
  }
  const lowerEnd = k + 1;
  for (let t = m - 2; t >= 0; t--) {
    while (k >= lowerEnd) {
      const o = hull[k - 2], a = hull[k - 1];
      if ((pw[a] - pw[o]) * (ps[t] - ps[o]) - (ps[a] - ps[o]) * (pw[t] - pw[o]) > 0) break;
      k--;
    }
    hull[k++] = t;
  }
  let best = 0;
  const hn = Math.max(1, k - 1);
  for (let a = 0; a < hn; a++) {
    const d = farthestHullVertex(ps, pw, hull, a, hn, hu, hw);
    if (d > best) best = d;
  }
  if (m === 2) {
    const du = (ps[0] - ps[1]) * hu, dw = (pw[0] - pw[1]) * hw;
    best = Math.max(best, du * du + dw * dw);
  }
  return best;
}

/** Largest squared distance from hull vertex a to hull vertices a + 1..hn − 1 of one plane. */
function farthestHullVertex(ps: Float64Array, pw: Float64Array, hull: Int32Array, a: number, hn: number, hu: number, hw: number): number {
  let best = 0;
  for (let b = a + 1; b < hn; b++) {
    const du = (ps[hull[a]] - ps[hull[b]]) * hu, dw = (pw[hull[a]] - pw[hull[b]]) * hw;
    const d = du * du + dw * dw;
    if (d > best) best = d;
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
