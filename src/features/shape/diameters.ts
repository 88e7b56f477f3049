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
 * vertices of the exact 2D hull of each plane (Andrew's monotone chain), instead of all O(n²) pairs.
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
  // the first or last on their grid line along each axis (exact pruning, typically 5–10× fewer points).
  const ext = lineExtremes(vertices2, n);
  const keep3 = [] as number[];
  for (let i = 0; i < n; i++) if (ext[i] === 7) keep3.push(i);
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
    sliceZ: Math.sqrt(maxInPlanes(vertices2, n, 2, h, ext)),
    columnY: Math.sqrt(maxInPlanes(vertices2, n, 1, h, ext)),
    rowX: Math.sqrt(maxInPlanes(vertices2, n, 0, h, ext)),
    hullVertices,
    hullFaces,
  };
}

/**
 * For each point, bit d (d = 0, 1, 2) is set when the point is the first or last one on its grid line along axis d
 * (the line of points sharing the other two coordinates). Coordinates must be non-negative integers.
 */
function lineExtremes(v: Int32Array, n: number): Uint8Array {
  const out = new Uint8Array(n);
  let mx = 0, my = 0, mz = 0;
  for (let i = 0; i < n; i++) {
    if (v[3 * i] > mx) mx = v[3 * i];
    if (v[3 * i + 1] > my) my = v[3 * i + 1];
    if (v[3 * i + 2] > mz) mz = v[3 * i + 2];
  }
  const dims = [mx + 1, my + 1, mz + 1];
  for (let d = 0; d < 3; d++) {
    const a = (d + 1) % 3, b = (d + 2) % 3;
    const lines = dims[a] * dims[b];
    const lo = new Int32Array(lines).fill(0x7fffffff), hi = new Int32Array(lines).fill(-1);
    for (let i = 0; i < n; i++) {
      const key = v[3 * i + a] + dims[a] * v[3 * i + b];
      const c = v[3 * i + d];
      if (c < lo[key]) lo[key] = c;
      if (c > hi[key]) hi[key] = c;
    }
    for (let i = 0; i < n; i++) {
      const key = v[3 * i + a] + dims[a] * v[3 * i + b];
      const c = v[3 * i + d];
      if (c === lo[key] || c === hi[key]) out[i] |= 1 << d;
    }
  }
  return out;
}

/** Largest squared distance between vertices sharing their coordinate along `axis` (0 x, 1 y, 2 z). */
function maxInPlanes(v: Int32Array, n: number, axis: number, h: number[], ext: Uint8Array): number {
  const u = axis === 0 ? 1 : 0;
  const w = axis === 2 ? 1 : 2;
  // in-plane hull vertices are extreme on their lines along both in-plane axes
  const need = (1 << u) | (1 << w);
  // bucket by plane coordinate
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const c = v[3 * i + axis];
    if (c < lo) lo = c;
    if (c > hi) hi = c;
  }
  if (n === 0) return 0;
  const start = new Int32Array(hi - lo + 2);
  for (let i = 0; i < n; i++) if ((ext[i] & need) === need) start[v[3 * i + axis] - lo + 1]++;
  for (let k = 1; k < start.length; k++) start[k] += start[k - 1];
  const order = new Int32Array(n);
  const fill = start.slice();
  for (let i = 0; i < n; i++) if ((ext[i] & need) === need) order[fill[v[3 * i + axis] - lo]++] = i;
  let best = 0;
  const xs0 = new Float64Array(n), ys0 = new Float64Array(n);
  for (let k = 0; k + 1 < start.length; k++) {
    const m = start[k + 1] - start[k];
    if (m < 2) continue;
    const xs = xs0.subarray(0, m);
    const ys = ys0.subarray(0, m);
    for (let t = 0; t < m; t++) {
      const i = order[start[k] + t];
      xs[t] = v[3 * i + u];
      ys[t] = v[3 * i + w];
    }
    const hull = convexHull2D(xs, ys);
    for (let a = 0; a < hull.length; a++) {
      for (let b = a + 1; b < hull.length; b++) {
        const dx = (xs[hull[a]] - xs[hull[b]]) * h[u];
        const dy = (ys[hull[a]] - ys[hull[b]]) * h[w];
        const d = dx * dx + dy * dy;
        if (d > best) best = d;
      }
    }
  }
  return best;
}

/**
 * Indices of the 2D convex hull vertices of integer points (Andrew's monotone chain, exact for |coordinates| <
 * 2^26), counter-clockwise; collinear boundary points are dropped. Fewer than 3 distinct points are returned as is.
 */
export function convexHull2D(xs: ArrayLike<number>, ys: ArrayLike<number>): number[] {
  const m = xs.length;
  const idx = Array.from({ length: m }, (_, i) => i).sort((a, b) => xs[a] - xs[b] || ys[a] - ys[b]);
  if (m < 3) return idx;
  const cross = (o: number, a: number, b: number) => (xs[a] - xs[o]) * (ys[b] - ys[o]) - (ys[a] - ys[o]) * (xs[b] - xs[o]);
  const lower: number[] = [];
  for (const p of idx) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: number[] = [];
  for (let t = idx.length - 1; t >= 0; t--) {
    const p = idx[t];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  const hull = lower.concat(upper);
  return hull.length > 0 ? hull : [idx[0], idx[idx.length - 1]];
}
