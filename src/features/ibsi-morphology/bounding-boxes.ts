import { convexHull2D } from '../shape/diameters.js';

/** Edge lengths (mm) of a box, with its volume and surface area. */
export interface Box {
  readonly lengths: [number, number, number];
  readonly volume: number;
  readonly area: number;
}

function box(l: [number, number, number]): Box {
  return { lengths: l, volume: l[0] * l[1] * l[2], area: 2 * (l[0] * l[1] + l[0] * l[2] + l[1] * l[2]) };
}

/** Axis-aligned bounding box of points (x, y, z interleaved, mm): IBSI 1 §3.1.16–17. */
export function axisAlignedBox(points: ArrayLike<number>): Box {
  const lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < points.length; i += 3) {
    for (let d = 0; d < 3; d++) {
      const v = points[i + d];
      if (v < lo[d]) lo[d] = v;
      if (v > hi[d]) hi[d] = v;
    }
  }
  return box([hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]]);
}

/**
 * Oriented minimum bounding box (IBSI 1 §3.1.18, not standardised; IBSI suggests approximations) of a convex
 * polytope given by its vertices `points` (mm) and triangular `faces` (vertex-index triples). For every distinct
 * face normal n, the box with one face on that face plane is found exactly: the extent along n times the
 * minimum-area rectangle of the vertices projected on the plane (rotating calipers over the 2D hull, one side on a
 * hull edge). The smallest of these boxes is returned, together with the axis-aligned box if it is smaller. This is
 * the optimum whenever the minimal box has a face flush with a hull face (O'Rourke 1985 shows that two of its faces
 * touch hull edges; the flush case covers typical ROIs); otherwise an upper bound.
 */
export function orientedMinimumBox(points: ArrayLike<number>, faces: ArrayLike<number>): Box {
  let best = axisAlignedBox(points);
  const np = points.length / 3;
  const seen = new Set<string>();
  const us = new Float64Array(np), vs = new Float64Array(np);
  for (let f = 0; f < faces.length; f += 3) {
    const a = faces[f], b = faces[f + 1], c = faces[f + 2];
    const ux = points[3 * b] - points[3 * a], uy = points[3 * b + 1] - points[3 * a + 1], uz = points[3 * b + 2] - points[3 * a + 2];
    const vx = points[3 * c] - points[3 * a], vy = points[3 * c + 1] - points[3 * a + 1], vz = points[3 * c + 2] - points[3 * a + 2];
    let nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    const len = Math.hypot(nx, ny, nz);
    if (len === 0) continue;
    nx /= len; ny /= len; nz /= len;
    const key = `${Math.round(nx * 1e9)},${Math.round(ny * 1e9)},${Math.round(nz * 1e9)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // orthonormal basis (e1, e2) of the face plane
    const [e1x, e1y, e1z] = Math.abs(nx) < 0.9 ? normalise(0, nz, -ny) : normalise(-nz, 0, nx);
    const e2x = ny * e1z - nz * e1y, e2y = nz * e1x - nx * e1z, e2z = nx * e1y - ny * e1x;
    let hmin = Infinity, hmax = -Infinity;
    for (let i = 0; i < np; i++) {
      const x = points[3 * i], y = points[3 * i + 1], z = points[3 * i + 2];
      const h = x * nx + y * ny + z * nz;
      if (h < hmin) hmin = h;
      if (h > hmax) hmax = h;
      us[i] = x * e1x + y * e1y + z * e1z;
      vs[i] = x * e2x + y * e2y + z * e2z;
    }
    const height = hmax - hmin;
    const rect = minimumAreaRectangle(us, vs);
    const cand = box([rect[0], rect[1], height]);
    if (cand.volume < best.volume) best = cand;
  }
  return best;
}

function normalise(x: number, y: number, z: number): [number, number, number] {
  const l = Math.hypot(x, y, z);
  return [x / l, y / l, z / l];
}

/** Side lengths of the minimum-area rectangle enclosing 2D points (one side on an edge of their convex hull). */
export function minimumAreaRectangle(us: ArrayLike<number>, vs: ArrayLike<number>): [number, number] {
  const hull = convexHull2D(us, vs);
  const h = hull.length;
  if (h < 3) {
    let d = 0;
    for (let a = 0; a < h; a++) for (let b = a + 1; b < h; b++) d = Math.max(d, Math.hypot(us[hull[a]] - us[hull[b]], vs[hull[a]] - vs[hull[b]]));
    return [d, 0];
  }
  const X = (i: number) => us[hull[i % h]], Y = (i: number) => vs[hull[i % h]];
  let bestArea = Infinity, best: [number, number] = [0, 0];
  // calipers: j = farthest along the edge direction, k = farthest from the edge, l = farthest against the direction
  let j = 1, k = 1, l = 1;
  for (let i = 0; i < h; i++) {
    let ex = X(i + 1) - X(i), ey = Y(i + 1) - Y(i);
    const el = Math.hypot(ex, ey);
    if (el === 0) continue;
    ex /= el; ey /= el;
    const along = (t: number) => (X(t) - X(i)) * ex + (Y(t) - Y(i)) * ey;
    const across = (t: number) => (X(t) - X(i)) * -ey + (Y(t) - Y(i)) * ex; // ≥ 0 for a CCW hull
    if (i === 0) { j = i + 1; k = i + 1; l = i + 1; }
    if (j < i + 1) j = i + 1;
    for (let g = 0; g < h && along(j + 1) >= along(j); g++) j++;
    if (k < j) k = j;
    for (let g = 0; g < h && across(k + 1) >= across(k); g++) k++;
    if (l < k) l = k;
    for (let g = 0; g < h && along(l + 1) <= along(l); g++) l++;
    const width = along(j) - along(l);
    const height = across(k);
    if (width * height < bestArea) { bestArea = width * height; best = [width, height]; }
  }
  return best;
}
