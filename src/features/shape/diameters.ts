import type { Vec3 } from '../../core/vec.js';
import { convexHull3D, type ConvexHull3D } from './convex-hull-3d.js';
import { KERNEL_BLOCK } from '../../core/kernel-block.js';
import { emptyEnds, lineEndsOfPoints, type AxisLineEnds } from './line-ends.js';
import { maxInPlanes, planeHullVertices, type PlaneLines } from './plane-diameters.js';

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
  /**
   * Indices (into the vertex list, ascending) of the 3D convex hull vertices; empty when the vertices are coplanar.
   * Computed on first access.
   */
  readonly hullVertices: Int32Array;
  /** Faces of the 3D convex hull (vertex-index triples, outward); empty when coplanar. Computed on first access. */
  readonly hullFaces: Int32Array;
}

/**
 * Maximum diameters of a vertex set given as doubled integer lattice coordinates (`SurfaceMesh.vertices2`, all
 * non-negative): physical position = value/2 · spacing. Exact, without the O(n²) pairs, from the ends of every
 * lattice line along x (per (y, z)) and along y (per (x, z)) ({@link AxisLineEnds}: recorded by the cube walk of the
 * mesh, or one pass over the vertices):
 * - each 2D maximum over the planes of one axis is taken over the vertices of the exact 2D hull of a plane's line
 *   ends, only for the planes whose width bound can still beat the best so far (see `maxInPlanes`);
 * - the 3D maximum (IBSI L0JK) is taken over the vertices of the 2D hulls of the z planes: every extreme point of
 *   the set is one (an extreme point is extreme within any subset holding it), and the two most distant points are
 *   extreme (IBSI 1 §3.1.11); of those, only the ones far enough from their centre to beat the planar maxima are
 *   paired (see `maxPairDistance2`).
 * The 3D convex hull (`hullVertices`, `hullFaces`, for the IBSI morphology features) is computed on first access.
 *
 * @param lines - the line ends of the vertices (`SurfaceMesh.lineEnds`); computed from the vertices when omitted.
 */
export function meshDiameters(vertices2: Int32Array, spacing: Vec3, lines?: AxisLineEnds): MeshDiameters {
  const n = vertices2.length / 3;
  const hx = spacing[0] / 2, hy = spacing[1] / 2, hz = spacing[2] / 2;
  if (n === 0) return { max3D: 0, sliceZ: 0, columnY: 0, rowX: 0, hullVertices: new Int32Array(0), hullFaces: new Int32Array(0) };
  const e = lines ?? lineEndsOfPoints(vertices2, n);
  const { X, Y, Z } = e;
  const zPlanes: PlaneLines = { lo: e.xLo, hi: e.xHi, planes: Z, rows: Y, planeStride: Y, rowStride: 1 };
  let hull: ConvexHull3D | undefined;
  const hullOnce = () => (hull ??= meshHull(vertices2, n, e));
  const sliceZ = maxInPlanes(zPlanes, hx, hy);
  const columnY = maxInPlanes({ lo: e.xLo, hi: e.xHi, planes: Y, rows: Z, planeStride: 1, rowStride: Y }, hx, hz);
  const rowX = maxInPlanes({ lo: e.yLo, hi: e.yHi, planes: X, rows: Z, planeStride: 1, rowStride: X }, hy, hz);
  // the planar maxima are lower bounds of the 3D one
  const atLeast = Math.sqrt(Math.max(sliceZ, columnY, rowX));
  return {
    max3D: Math.sqrt(maxPairDistance2(planeHullVertices(zPlanes), hx, hy, hz, atLeast)),
    sliceZ: Math.sqrt(sliceZ),
    columnY: Math.sqrt(columnY),
    rowX: Math.sqrt(rowX),
    get hullVertices() { return hullOnce().vertices; },
    get hullFaces() { return hullOnce().faces; },
  };
}

/**
 * Largest squared distance (mm²) between the points `p` (x, y, z triples of doubled lattice coordinates; h =
 * spacing/2), given a lower bound `atLeast` (mm) of the largest distance.
 *
 * A pair at distance D has r_a + r_b ≥ D for the distances r to any centre, so only the points with
 * r ≥ bound − max r can be in a pair beyond a lower bound of D: the points far from the centre of the bounding box.
 * The farthest partner of the point farthest from the centre (usually one end of the diameter) raises the bound,
 * which shrinks the set again; the maximum is then taken over all pairs of what is left.
 */
function maxPairDistance2(p: Int32Array, hx: number, hy: number, hz: number, atLeast: number): number {
  const m = p.length / 3;
  if (m < 2) return 0;
  const xs = new Float64Array(m), ys = new Float64Array(m), zs = new Float64Array(m);
  for (let t = 0; t < m; t++) {
    xs[t] = p[3 * t] * hx; ys[t] = p[3 * t + 1] * hy; zs[t] = p[3 * t + 2] * hz;
  }
  const r = centreDistances(xs, ys, zs);
  const first = farPoints(r, atLeast);
  let top = first[0];
  for (let t = 1; t < first.length; t++) if (r[first[t]] > r[top]) top = first[t];
  const bound = Math.max(atLeast, Math.sqrt(farthestFrom(xs, ys, zs, top, first)));
  const keep = farPoints(r, bound);
  return maxPairOf(gathered(xs, keep), gathered(ys, keep), gathered(zs, keep));
}

/** Distances (mm) of the points to the centre of their bounding box. */
function centreDistances(xs: Float64Array, ys: Float64Array, zs: Float64Array): Float64Array {
  const cx = midrange(xs), cy = midrange(ys), cz = midrange(zs);
  const r = new Float64Array(xs.length);
  for (let t = 0; t < xs.length; t++) r[t] = Math.sqrt((xs[t] - cx) ** 2 + (ys[t] - cy) ** 2 + (zs[t] - cz) ** 2);
  return r;
}

/** (min + max)/2 of the values. */
function midrange(a: Float64Array): number {
  let lo = a[0], hi = a[0];
  for (let t = 1; t < a.length; t++) {
    if (a[t] < lo) lo = a[t];
    if (a[t] > hi) hi = a[t];
  }
  return (lo + hi) / 2;
}

/**
 * Indices of the points whose centre distance r can reach `bound` (mm) with another point: r ≥ bound − max r, less
 * a relative margin of 1e-9 for the rounding of r and of the bound.
 */
function farPoints(r: Float64Array, bound: number): Int32Array {
  let rmax = 0;
  for (let t = 0; t < r.length; t++) if (r[t] > rmax) rmax = r[t];
  const min = bound - rmax - 1e-9 * (bound + rmax);
  const keep = new Int32Array(r.length);
  let k = 0;
  for (let t = 0; t < r.length; t++) if (r[t] >= min) keep[k++] = t;
  return keep.subarray(0, k);
}

/** a[idx[t]] for each t. */
function gathered(a: Float64Array, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length);
  for (let t = 0; t < idx.length; t++) out[t] = a[idx[t]];
  return out;
}

/** Largest squared distance from point a to the points `idx`. */
function farthestFrom(xs: Float64Array, ys: Float64Array, zs: Float64Array, a: number, idx: Int32Array): number {
  let max = 0;
  const x = xs[a], y = ys[a], z = zs[a];
  for (let t = 0; t < idx.length; t++) {
    const b = idx[t];
    const dx = x - xs[b], dy = y - ys[b], dz = z - zs[b];
    const d = dx * dx + dy * dy + dz * dz;
    if (d > max) max = d;
  }
  return max;
}

/** Largest squared distance between two of the points. */
function maxPairOf(xs: Float64Array, ys: Float64Array, zs: Float64Array): number {
  let max = 0;
  for (let a = 0; a < xs.length - 1; a++) {
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

/**
 * The exact 3D convex hull of the vertices (vertex and face indices into the vertex list), from the points that end
 * their lines along x, y and z, and then along the two xy diagonals (a point strictly inside a segment between two others is
 * never a hull vertex, and the hull of the remaining points is the full hull). Empty when the points are coplanar.
 * `e` holds the x and y line ends of the vertices.
 */
function meshHull(v: Int32Array, n: number, e: AxisLineEnds): ConvexHull3D {
  const { X, Y, Z } = e;
  const ends = [e.xLo, e.xHi, e.yLo, e.yHi, ...zLineEnds(v, n, X, Y)];
  const keep = diagonalLineEnds(v, diagonalLineEnds(v, lineEndPoints(v, n, X, Y, ends), X, Y, Z, 1), X, Y, Z, -1);
  const hull = keep.length >= 4 ? convexHull3D(gatherPoints(v, keep), keep.length) : null;
  if (!hull) return { vertices: new Int32Array(0), faces: new Int32Array(0) };
  return { vertices: remapIndices(hull.vertices, keep), faces: remapIndices(hull.faces, keep) };
}

/** [lowest z, highest z] per line (x, y) at x + X·y. */
function zLineEnds(v: Int32Array, n: number, X: number, Y: number): Int32Array[] {
  const [lo, hi] = emptyEnds(X * Y);
  for (let t = 0; t < 3 * n; t += 3) {
    const k = v[t] + X * v[t + 1], z = v[t + 2];
    if (z < lo[k]) lo[k] = z;
    if (z > hi[k]) hi[k] = z;
  }
  return [lo, hi];
}

/** Points per call of the per-vertex kernel below (see `KERNEL_BLOCK`). */
const POINT_BLOCK = KERNEL_BLOCK;

/**
 * Indices (ascending) of the points that are an end of their lines along x, y and z; `e` = lowest and highest x per
 * (y, z), y per (x, z) ({@link AxisLineEnds}) and z per (x, y) ({@link zLineEnds}).
 */
function lineEndPoints(v: Int32Array, n: number, X: number, Y: number, e: Int32Array[]): Int32Array {
  const keep = new Int32Array(n);
  let m = 0;
  for (let from = 0; from < n; from += POINT_BLOCK) m = lineEndPointsBlock(v, from, Math.min(from + POINT_BLOCK, n), X, Y, e, keep, m);
  return keep.slice(0, m);
}

/** {@link lineEndPoints} for the points from..to − 1, appended to `keep` at m; returns the new m. */
function lineEndPointsBlock(v: Int32Array, from: number, to: number, X: number, Y: number, e: Int32Array[], keep: Int32Array, m: number): number {
  const xLo = e[0], xHi = e[1], yLo = e[2], yHi = e[3], zLo = e[4], zHi = e[5];
  for (let i = from, t = 3 * from; i < to; i++, t += 3) {
    const x = v[t], y = v[t + 1], z = v[t + 2];
    const a = y + Y * z, b = x + X * z, c = x + X * y;
    if ((x === xLo[a] || x === xHi[a]) && (y === yLo[b] || y === yHi[b]) && (z === zLo[c] || z === zHi[c])) keep[m++] = i;
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
