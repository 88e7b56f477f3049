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
 * polytope given by its vertices `points` (mm) and triangular `faces` (vertex-index triples, counter-clockwise seen
 * from outside). For every distinct face normal n, the box with one face on that face plane is found exactly: the
 * extent along n times the minimum-area rectangle of the polytope's projection on the plane (rotating calipers over
 * the projected outline, one side on an outline edge). The outline is the silhouette loop of the polytope seen
 * along n (the edges between faces turned towards n and the others), found in O(faces) without sorting. The
 * smallest of these boxes is returned, together with the axis-aligned box if it is smaller. This is the optimum
 * whenever the minimal box has a face flush with a hull face (O'Rourke 1985 shows that two of its faces touch hull
 * edges; the flush case covers typical ROIs); otherwise an upper bound.
 */
export function orientedMinimumBox(points: ArrayLike<number>, faces: ArrayLike<number>): Box {
  let best = axisAlignedBox(points);
  const np = points.length / 3;
  const nf = faces.length / 3;
  if (nf === 0) return best;
  // face normals (unit) and the neighbour across each directed edge
  const fn = new Float64Array(3 * nf);
  for (let f = 0; f < nf; f++) {
    const a = faces[3 * f], b = faces[3 * f + 1], c = faces[3 * f + 2];
    const ux = points[3 * b] - points[3 * a], uy = points[3 * b + 1] - points[3 * a + 1], uz = points[3 * b + 2] - points[3 * a + 2];
    const vx = points[3 * c] - points[3 * a], vy = points[3 * c + 1] - points[3 * a + 1], vz = points[3 * c + 2] - points[3 * a + 2];
    const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    const len = Math.hypot(nx, ny, nz) || 1;
    fn[3 * f] = nx / len; fn[3 * f + 1] = ny / len; fn[3 * f + 2] = nz / len;
  }
  const edgeFace = new Map<number, number>();
  for (let f = 0; f < nf; f++) for (let e = 0; e < 3; e++) edgeFace.set(faces[3 * f + e] * np + faces[3 * f + ((e + 1) % 3)], f);
  const across = new Int32Array(3 * nf);
  for (let f = 0; f < nf; f++) {
    for (let e = 0; e < 3; e++) {
      const u = faces[3 * f + e], v = faces[3 * f + ((e + 1) % 3)];
      across[3 * f + e] = edgeFace.get(v * np + u) ?? -1;
    }
  }
  const dots = new Float64Array(nf);
  const next = new Int32Array(np).fill(-1);
  const loopU: number[] = [], loopV: number[] = [];
  // distinct normals: sort the faces by normal and skip repeats (coplanar faces of the hull)
  const order = Int32Array.from({ length: nf }, (_, i) => i).sort((a, b) => fn[3 * a] - fn[3 * b] || fn[3 * a + 1] - fn[3 * b + 1] || fn[3 * a + 2] - fn[3 * b + 2]);
  for (let t = 0; t < nf; t++) {
    const f0 = order[t];
    const nx = fn[3 * f0], ny = fn[3 * f0 + 1], nz = fn[3 * f0 + 2];
    if (t > 0) {
      const g = order[t - 1];
      if (Math.abs(fn[3 * g] - nx) < 1e-12 && Math.abs(fn[3 * g + 1] - ny) < 1e-12 && Math.abs(fn[3 * g + 2] - nz) < 1e-12) continue;
    }
    for (let f = 0; f < nf; f++) dots[f] = fn[3 * f] * nx + fn[3 * f + 1] * ny + fn[3 * f + 2] * nz;
    // silhouette: directed edges of faces turned towards n whose neighbour is not
    let start = -1, count = 0;
    for (let f = 0; f < nf; f++) {
      if (dots[f] <= 1e-12) continue;
      for (let e = 0; e < 3; e++) {
        const g = across[3 * f + e];
        if (g >= 0 && dots[g] > 1e-12) continue;
        const u = faces[3 * f + e], v = faces[3 * f + ((e + 1) % 3)];
        next[u] = v;
        start = u;
        count++;
      }
    }
    if (start < 0) continue;
    const [e1x, e1y, e1z] = Math.abs(nx) < 0.9 ? normalise(0, nz, -ny) : normalise(-nz, 0, nx);
    const e2x = ny * e1z - nz * e1y, e2y = nz * e1x - nx * e1z, e2z = nx * e1y - ny * e1x;
    loopU.length = 0; loopV.length = 0;
    let p = start;
    for (let guard = 0; guard <= count; guard++) {
      const x = points[3 * p], y = points[3 * p + 1], z = points[3 * p + 2];
      loopU.push(x * e1x + y * e1y + z * e1z);
      loopV.push(x * e2x + y * e2y + z * e2z);
      const q = next[p];
      next[p] = -1;
      if (q < 0 || q === start) break;
      p = q;
    }
    let hmin = Infinity, hmax = -Infinity;
    for (let i = 0; i < np; i++) {
      const hgt = points[3 * i] * nx + points[3 * i + 1] * ny + points[3 * i + 2] * nz;
      if (hgt < hmin) hmin = hgt;
      if (hgt > hmax) hmax = hgt;
    }
    const rect = calipersRectangle(loopU, loopV);
    const cand = box([rect[0], rect[1], hmax - hmin]);
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
  return calipersRectangle(hull.map((i) => us[i]), hull.map((i) => vs[i]));
}

/**
 * Side lengths of the minimum-area rectangle enclosing a convex polygon given counter-clockwise (collinear and
 * repeated vertices allowed), by rotating calipers: for each edge, the extents along and across it.
 */
function calipersRectangle(px: readonly number[], py: readonly number[]): [number, number] {
  const h = px.length;
  if (h < 3) {
    let d = 0;
    for (let a = 0; a < h; a++) for (let b = a + 1; b < h; b++) d = Math.max(d, Math.hypot(px[a] - px[b], py[a] - py[b]));
    return [d, 0];
  }
  let bestArea = Infinity, best: [number, number] = [0, 0];
  // calipers (unwrapped indices): j farthest along the edge direction, k farthest from the edge, l farthest against
  let j = 1, k = 1, l = 1;
  for (let i = 0; i < h; i++) {
    const x0 = px[i], y0 = py[i];
    let ex = px[(i + 1) % h] - x0, ey = py[(i + 1) % h] - y0;
    const el = Math.hypot(ex, ey);
    if (el === 0) continue;
    ex /= el; ey /= el;
    if (j < i + 1) j = i + 1;
    for (let g = 0; g < h; g++) {
      const a = (px[(j + 1) % h] - x0) * ex + (py[(j + 1) % h] - y0) * ey, b = (px[j % h] - x0) * ex + (py[j % h] - y0) * ey;
      if (a < b) break;
      j++;
    }
    if (k < j) k = j;
    for (let g = 0; g < h; g++) {
      const a = -(px[(k + 1) % h] - x0) * ey + (py[(k + 1) % h] - y0) * ex, b = -(px[k % h] - x0) * ey + (py[k % h] - y0) * ex;
      if (a < b) break;
      k++;
    }
    if (l < k) l = k;
    for (let g = 0; g < h; g++) {
      const a = (px[(l + 1) % h] - x0) * ex + (py[(l + 1) % h] - y0) * ey, b = (px[l % h] - x0) * ex + (py[l % h] - y0) * ey;
      if (a > b) break;
      l++;
    }
    const width = (px[j % h] - x0) * ex + (py[j % h] - y0) * ey - ((px[l % h] - x0) * ex + (py[l % h] - y0) * ey);
    const height = -(px[k % h] - x0) * ey + (py[k % h] - y0) * ex;
    if (width * height < bestArea) { bestArea = width * height; best = [width, height]; }
  }
  return best;
}
