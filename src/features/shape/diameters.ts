import type { Vec3 } from '../../core/vec.js';
import { convexHull3D } from './convex-hull-3d.js';
import { KERNEL_BLOCK } from '../../core/kernel-block.js';

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
 * Maximum diameters of a vertex set given as doubled integer lattice coordinates (`SurfaceMesh.vertices2`, all
 * non-negative): physical position = value/2 · spacing. Exact, without the O(n²) pairs:
 * - one pass over the vertices records the ends of every lattice line along x (per z plane and per y plane), along y
 *   (per x plane) and along z (per x plane);
 * - the 3D maximum (IBSI L0JK) is taken over the vertices of the exact 3D convex hull (which always contains the
 *   two most distant points, IBSI 1 §3.1.11) of the points that end their lines along x, y and z (a point strictly
 *   inside a segment between two others is never a hull vertex);
 * - each 2D maximum over the planes of one axis is taken over the vertices of the exact 2D hull of a plane's line
 *   ends, only for the planes whose width bound can still beat the best so far (see {@link maxInPlanes}).
 */
export function meshDiameters(vertices2: Int32Array, spacing: Vec3): MeshDiameters {
  const n = vertices2.length / 3;
  const hx = spacing[0] / 2, hy = spacing[1] / 2, hz = spacing[2] / 2;
  if (n === 0) return { max3D: 0, sliceZ: 0, columnY: 0, rowX: 0, hullVertices: new Int32Array(0), hullFaces: new Int32Array(0) };
  const ext = coordinateMaxima(vertices2, n);
  const X = ext[0] + 1, Y = ext[1] + 1, Z = ext[2] + 1;
  const ends = lineEndTables(X, Y, Z);
  lineEnds(vertices2, n, X, Y, Z, ends);
  // the xy diagonals among those points prune another ~40 % (a point strictly between two of the remaining points on
  // a line is no hull vertex of them, and their hull is the full hull)
  const keep3 = diagonalLineEnds(vertices2, diagonalLineEnds(vertices2, lineEndPoints(vertices2, n, X, Y, Z, ends), X, Y, Z, 1), X, Y, Z, -1);
  const sub = gatherPoints(vertices2, keep3);
  let hullVertices: Int32Array = new Int32Array(0);
  let hullFaces: Int32Array = new Int32Array(0);
  const hull = keep3.length >= 4 ? convexHull3D(sub, keep3.length) : null;
  let cand: Int32Array;
  if (hull) {
    // back to indices of the full vertex list
    hullVertices = remapIndices(hull.vertices, keep3);
    hullFaces = remapIndices(hull.faces, keep3);
    cand = hullVertices;
  } else {
    cand = keep3;
  }
  return {
    max3D: Math.sqrt(maxPairDistance2(vertices2, cand, hx, hy, hz)),
    sliceZ: Math.sqrt(maxInPlanes(ends[0], ends[1], Z, Y, hx, hy)),
    columnY: Math.sqrt(maxInPlanes(ends[2], ends[3], Y, Z, hx, hz)),
    rowX: Math.sqrt(maxInPlanes(ends[4], ends[5], X, Z, hy, hz)),
    hullVertices,
    hullFaces,
  };
}

/** Points per call of the per-vertex kernels below (see `KERNEL_BLOCK`: compiled once, early, no on-stack replacement). */
const POINT_BLOCK = KERNEL_BLOCK;

/** [max x, max y, max z] over the points. */
function coordinateMaxima(v: Int32Array, n: number): Int32Array {
  const ext = new Int32Array(3);
  for (let from = 0; from < n; from += POINT_BLOCK) maximaBlock(v, from, Math.min(from + POINT_BLOCK, n), ext);
  return ext;
}

/** Updates ext = [max x, max y, max z] with the points from..to − 1. */
function maximaBlock(v: Int32Array, from: number, to: number, ext: Int32Array): void {
  let mx = ext[0], my = ext[1], mz = ext[2];
  for (let t = 3 * from; t < 3 * to; t += 3) {
    if (v[t] > mx) mx = v[t];
    if (v[t + 1] > my) my = v[t + 1];
    if (v[t + 2] > mz) mz = v[t + 2];
  }
  ext[0] = mx; ext[1] = my; ext[2] = mz;
}

/**
 * Empty line-end tables (lowest position 2^31 − 1, highest −1): [0, 1] x ends per (z, y) line, [2, 3] x ends per
 * (y, z), [4, 5] y ends per (x, z), [6, 7] z ends per (x, y); line (p, r) of a pair at index p·R + r.
 */
function lineEndTables(X: number, Y: number, Z: number): Int32Array[] {
  const t: Int32Array[] = [];
  for (const size of [Z * Y, Y * Z, X * Z, X * Y]) t.push(new Int32Array(size).fill(0x7fffffff), new Int32Array(size).fill(-1));
  return t;
}

/** Fills the line-end tables of {@link lineEndTables} from the points. */
function lineEnds(v: Int32Array, n: number, X: number, Y: number, Z: number, e: Int32Array[]): void {
  for (let from = 0; from < n; from += POINT_BLOCK) lineEndsBlock(v, from, Math.min(from + POINT_BLOCK, n), Y, Z, e);
}

/** {@link lineEnds} for the points from..to − 1. */
function lineEndsBlock(v: Int32Array, from: number, to: number, Y: number, Z: number, e: Int32Array[]): void {
  const zxLo = e[0], zxHi = e[1], yxLo = e[2], yxHi = e[3], xyLo = e[4], xyHi = e[5], xzLo = e[6], xzHi = e[7];
  for (let t = 3 * from; t < 3 * to; t += 3) {
    const x = v[t], y = v[t + 1], z = v[t + 2];
    const a = z * Y + y, b = y * Z + z, c = x * Z + z, d = x * Y + y;
    if (x < zxLo[a]) zxLo[a] = x;
    if (x > zxHi[a]) zxHi[a] = x;
    if (x < yxLo[b]) yxLo[b] = x;
    if (x > yxHi[b]) yxHi[b] = x;
    if (y < xyLo[c]) xyLo[c] = y;
    if (y > xyHi[c]) xyHi[c] = y;
    if (z < xzLo[d]) xzLo[d] = z;
    if (z > xzHi[d]) xzHi[d] = z;
  }
}

/** Indices (ascending) of the points that are an end of their lines along x, y and z. */
function lineEndPoints(v: Int32Array, n: number, X: number, Y: number, Z: number, e: Int32Array[]): Int32Array {
  const keep = new Int32Array(n);
  let m = 0;
  for (let from = 0; from < n; from += POINT_BLOCK) m = lineEndPointsBlock(v, from, Math.min(from + POINT_BLOCK, n), Y, Z, e, keep, m);
  return keep.slice(0, m);
}

/** {@link lineEndPoints} for the points from..to − 1, appended to `keep` at m; returns the new m. */
function lineEndPointsBlock(v: Int32Array, from: number, to: number, Y: number, Z: number, e: Int32Array[], keep: Int32Array, m: number): number {
  const zxLo = e[0], zxHi = e[1], xyLo = e[4], xyHi = e[5], xzLo = e[6], xzHi = e[7];
  for (let i = from, t = 3 * from; i < to; i++, t += 3) {
    const x = v[t], y = v[t + 1], z = v[t + 2];
    const a = z * Y + y, c = x * Z + z, d = x * Y + y;
    if ((x === zxLo[a] || x === zxHi[a]) && (y === xyLo[c] || y === xyHi[c]) && (z === xzLo[d] || z === xzHi[d])) keep[m++] = i;
  }
  return m;
}

/**
 * The points `idx` (ascending) that are an end of their line along (1, sign, 0) among the points `idx`: lines keyed
 * by (x − sign·y, z), position x.
 */
function diagonalLineEnds(v: Int32Array, idx: Int32Array, X: number, Y: number, Z: number, sign: number): Int32Array {
  const off = sign > 0 ? Y : 0; // x − y + Y ≥ 0; x + y ≥ 0
  const lines = (X + Y) * Z;
  const lo = new Int32Array(lines).fill(0x7fffffff), hi = new Int32Array(lines).fill(-1);
  const m = idx.length;
  for (let t = 0; t < m; t++) {
    const i = 3 * idx[t];
    const x = v[i];
    const key = (x - sign * v[i + 1] + off) * Z + v[i + 2];
    if (x < lo[key]) lo[key] = x;
    if (x > hi[key]) hi[key] = x;
  }
  const keep = new Int32Array(m);
  let k = 0;
  for (let t = 0; t < m; t++) {
    const i = 3 * idx[t];
    const x = v[i];
    const key = (x - sign * v[i + 1] + off) * Z + v[i + 2];
    if (x === lo[key] || x === hi[key]) keep[k++] = idx[t];
  }
  return keep.slice(0, k);
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

/** map[idx[t]] for each t. */
function remapIndices(idx: Int32Array, map: Int32Array): Int32Array {
  const out = new Int32Array(idx.length);
  for (let t = 0; t < idx.length; t++) out[t] = map[idx[t]];
  return out;
}

/** Largest squared distance (mm²) between the points `cand` of the doubled lattice coordinates `v` (h = spacing/2). */
function maxPairDistance2(v: Int32Array, cand: Int32Array, hx: number, hy: number, hz: number): number {
  const m = cand.length;
  const xs = new Float64Array(m), ys = new Float64Array(m), zs = new Float64Array(m);
  for (let t = 0; t < m; t++) {
    const i = 3 * cand[t];
    xs[t] = v[i] * hx; ys[t] = v[i + 1] * hy; zs[t] = v[i + 2] * hz;
  }
  let max = 0;
  for (let a = 0; a < m - 1; a++) {
    const d = farthestAfter(xs, ys, zs, a);
    if (d > max) max = d;
  }
  return max;
}

/** Largest squared distance from point a to the points a + 1.. (a small function called per point). */
function farthestAfter(xs: Float64Array, ys: Float64Array, zs: Float64Array, a: number): number {
  let max = 0;
  const x = xs[a], y = ys[a], z = zs[a];
  for (let b = a + 1; b < xs.length; b++) {
    const dx = x - xs[b], dy = y - ys[b], dz = z - zs[b];
    const d = dx * dx + dy * dy + dz * dz;
    if (d > max) max = d;
  }
  return max;
}

/** 1/cos²(π/8): any direction lies within π/8 of one of the four sampled ones, so D ≤ max width / cos(π/8). */
const WIDTH_TO_DIAMETER2 = 1 / Math.cos(Math.PI / 8) ** 2;

/**
 * Largest squared distance (mm²) within the planes of one axis: plane c holds rows r = 0..W − 1 whose lowest and
 * highest point coordinate u are lo[c·W + r], hi[c·W + r] (empty row: hi < 0); scales `hu`, `hw` (mm per unit of
 * u and of r).
 *
 * Branch and bound over the planes: the physical widths of a plane along u, w and the two diagonals are lower bounds
 * of its diameter D, and D ≤ (max width)/cos(π/8). The best lower bound over all planes is a first "best"; only
 * planes whose upper bound exceeds it get their exact hull diameter ({@link planeMaxDistance2}).
 */
function maxInPlanes(lo: Int32Array, hi: Int32Array, planes: number, W: number, hu: number, hw: number): number {
  const widths = new Float64Array(planes);
  let best = 0;
  for (let c = 0; c < planes; c++) {
    const w = planeWidth2(lo, hi, c * W, W, hu, hw);
    widths[c] = w;
    if (w > best) best = w;
  }
  const ps = new Float64Array(2 * W), pw = new Float64Array(2 * W); // candidate points (u, w) of one plane
  const hull = new Int32Array(4 * W + 2);
  for (let c = 0; c < planes; c++) {
    if (widths[c] * WIDTH_TO_DIAMETER2 * (1 + 1e-12) <= best) continue;
    const d = planeMaxDistance2(lo, hi, c * W, W, hu, hw, ps, pw, hull);
    if (d > best) best = d;
  }
  return best;
}

/** Largest squared physical width of one plane's points along u, w and the diagonals u·hu ± w·hw (0 when empty). */
function planeWidth2(lo: Int32Array, hi: Int32Array, base: number, W: number, hu: number, hw: number): number {
  let minU = Infinity, maxU = -Infinity, minW = Infinity, maxW = -Infinity;
  let minS = Infinity, maxS = -Infinity, minD = Infinity, maxD = -Infinity;
  for (let r = 0; r < W; r++) {
    const h = hi[base + r];
    if (h < 0) continue;
    const a = lo[base + r] * hu, b = h * hu, y = r * hw;
    if (a < minU) minU = a;
    if (b > maxU) maxU = b;
    if (y < minW) minW = y;
    maxW = y;
    if (a + y < minS) minS = a + y;
    if (b + y > maxS) maxS = b + y;
    if (a - y < minD) minD = a - y;
    if (b - y > maxD) maxD = b - y;
  }
  if (maxW < 0) return 0;
  const wu = maxU - minU, ww = maxW - minW, ws = maxS - minS, wd = maxD - minD;
  return Math.max(wu * wu, ww * ww, (ws * ws) / 2, (wd * wd) / 2);
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
