/**
 * Exact 3D convex hull of integer points (quickhull, Barber et al. 1996), for mesh vertices given as doubled lattice
 * indices. All orientation tests are evaluated exactly in double precision (coordinates up to ±2^15 keep every
 * determinant below 2^53), so the hull contains every input point and its vertices include every extreme point.
 * Points on a hull face but not extreme may or may not be kept as vertices; this never changes distances,
 * volumes or areas computed from the hull.
 */
export interface ConvexHull3D {
  /** Indices (into the input point list) of the hull vertices, ascending. */
  readonly vertices: Int32Array;
  /** Triangular faces as vertex-index triples, counter-clockwise seen from outside (right-hand normals outward). */
  readonly faces: Int32Array;
}

/** Largest |coordinate| for which the hull's exact arithmetic is guaranteed. */
export const HULL_MAX_COORDINATE = 1 << 15;

interface Face {
  a: number; b: number; c: number;
  nx: number; ny: number; nz: number; d: number;
  /** neighbours across edges ab, bc, ca */
  n0: number; n1: number; n2: number;
  alive: boolean;
  outside: number[];
}

/**
 * Convex hull of `count` points with integer coordinates `xyz` (x, y, z interleaved).
 * Returns `null` when the points do not span 3D (fewer than 4 points, or all coplanar).
 * @throws RangeError when a coordinate is not an integer within ±{@link HULL_MAX_COORDINATE}.
 */
export function convexHull3D(xyz: ArrayLike<number>, count = xyz.length / 3): ConvexHull3D | null {
  checkCoordinates(xyz, count);
  if (count < 4) return null;
  const init = initialSimplex(xyz, count);
  if (!init) return null;
  const faces: Face[] = [];

  // Initial tetrahedron, oriented outward: p3 must lie below the plane of (p0, p1, p2).
  let [p0, p1, p2, p3] = init;
  if (orientation(xyz, p0, p1, p2, p3) > 0) [p1, p2] = [p2, p1];
  const f0 = makeFace(faces, xyz, p0, p1, p2);
  const f1 = makeFace(faces, xyz, p0, p3, p1);
  const f2 = makeFace(faces, xyz, p1, p3, p2);
  const f3 = makeFace(faces, xyz, p2, p3, p0);
  // adjacency by directed edges
  linkAll(faces, [f0, f1, f2, f3]);
  assignInitialOutside(faces, xyz, count, [f0, f1, f2, f3], new Set([p0, p1, p2, p3]));

  // Small functions for the steps, so that V8 compiles each on its own instead of one huge loop body.
  const stack = [f0, f1, f2, f3];
  const visit = { stamp: 0, stamps: [] as number[] };
  while (stack.length > 0) {
    const fi = stack.pop() as number;
    const f = faces[fi];
    if (!f.alive || f.outside.length === 0) continue;
    const eye = farthestOutside(f, xyz);
    // visible faces (strictly above) reachable from f, and the horizon edges (u, v, face beyond) as triples
    const visible: number[] = [];
    const horizon: number[] = [];
    findVisible(faces, xyz, fi, eye, visit, visible, horizon);
    const newFaces = addCone(faces, xyz, horizon, eye);
    retire(faces, xyz, visible, newFaces, eye);
    for (let t = 0; t < newFaces.length; t++) stack.push(newFaces[t]);
  }
  return hullOf(faces);
}

function checkCoordinates(xyz: ArrayLike<number>, count: number): void {
  for (let i = 0; i < 3 * count; i++) {
    const v = xyz[i];
    if (!Number.isInteger(v) || Math.abs(v) > HULL_MAX_COORDINATE) throw new RangeError(`convexHull3D needs integer coordinates within ±2^15, got ${v}`);
  }
}

/** Sign of the determinant of (p1 − p0, p2 − p0, p3 − p0): > 0 when p3 lies above the plane of (p0, p1, p2). */
function orientation(xyz: ArrayLike<number>, p0: number, p1: number, p2: number, p3: number): number {
  const x0 = xyz[3 * p0], y0 = xyz[3 * p0 + 1], z0 = xyz[3 * p0 + 2];
  const ux = xyz[3 * p1] - x0, uy = xyz[3 * p1 + 1] - y0, uz = xyz[3 * p1 + 2] - z0;
  const vx = xyz[3 * p2] - x0, vy = xyz[3 * p2 + 1] - y0, vz = xyz[3 * p2 + 2] - z0;
  const wx = xyz[3 * p3] - x0, wy = xyz[3 * p3 + 1] - y0, wz = xyz[3 * p3 + 2] - z0;
  return (uy * vz - uz * vy) * wx + (uz * vx - ux * vz) * wy + (ux * vy - uy * vx) * wz;
}

/** Appends the face (a, b, c) with its plane n·x = d (n = (b − a) × (c − a)); returns its index. */
function makeFace(faces: Face[], xyz: ArrayLike<number>, a: number, b: number, c: number): number {
  const ax = xyz[3 * a], ay = xyz[3 * a + 1], az = xyz[3 * a + 2];
  const ux = xyz[3 * b] - ax, uy = xyz[3 * b + 1] - ay, uz = xyz[3 * b + 2] - az;
  const vx = xyz[3 * c] - ax, vy = xyz[3 * c + 1] - ay, vz = xyz[3 * c + 2] - az;
  const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
  faces.push({ a, b, c, nx, ny, nz, d: nx * ax + ny * ay + nz * az, n0: -1, n1: -1, n2: -1, alive: true, outside: [] });
  return faces.length - 1;
}

/** Height of point p above the plane of f, times |n| (> 0: outside). */
function above(f: Face, xyz: ArrayLike<number>, p: number): number {
  return f.nx * xyz[3 * p] + f.ny * xyz[3 * p + 1] + f.nz * xyz[3 * p + 2] - f.d;
}

/** Gives every point except the simplex's to the first initial face it lies above. */
function assignInitialOutside(faces: Face[], xyz: ArrayLike<number>, count: number, initialFaces: number[], initial: Set<number>): void {
  for (let p = 0; p < count; p++) {
    if (initial.has(p)) continue;
    for (let t = 0; t < initialFaces.length; t++) {
      const fi = initialFaces[t];
      if (above(faces[fi], xyz, p) > 0) { faces[fi].outside.push(p); break; }
    }
  }
}

/** The point of f's outside set farthest above it (the first one on ties). */
function farthestOutside(f: Face, xyz: ArrayLike<number>): number {
  const pts = f.outside;
  let eye = pts[0];
  let best = above(f, xyz, eye);
  for (let t = 0; t < pts.length; t++) {
    const h = above(f, xyz, pts[t]);
    if (h > best) { best = h; eye = pts[t]; }
  }
  return eye;
}

/**
 * Depth-first search from face fi over the faces that `eye` lies strictly above: pushes them to `visible` and the
 * horizon edges (u, v, face beyond) to `horizon`, edges taken in the order ab, bc, ca of each face.
 */
function findVisible(faces: Face[], xyz: ArrayLike<number>, fi: number, eye: number, visit: { stamp: number; stamps: number[] }, visible: number[], horizon: number[]): void {
  const stamp = ++visit.stamp;
  const stamps = visit.stamps;
  const todo = [fi];
  stamps[fi] = stamp;
  while (todo.length > 0) {
    const gi = todo.pop() as number;
    visible.push(gi);
    const g = faces[gi];
    crossEdge(faces, xyz, g.a, g.b, g.n0, eye, stamp, stamps, todo, horizon);
    crossEdge(faces, xyz, g.b, g.c, g.n1, eye, stamp, stamps, todo, horizon);
    crossEdge(faces, xyz, g.c, g.a, g.n2, eye, stamp, stamps, todo, horizon);
  }
}

/** One edge (u, v) of a visible face, with face hi beyond it: hi is visible too, or (u, v) is a horizon edge. */
function crossEdge(faces: Face[], xyz: ArrayLike<number>, u: number, v: number, hi: number, eye: number, stamp: number, stamps: number[], todo: number[], horizon: number[]): void {
  if (stamps[hi] === stamp) return;
  if (above(faces[hi], xyz, eye) > 0) {
    stamps[hi] = stamp;
    todo.push(hi);
  } else {
    horizon.push(u, v, hi);
  }
}

/** New faces, one per horizon edge fanned to the eye point, linked to their neighbours; returns their indices. */
function addCone(faces: Face[], xyz: ArrayLike<number>, horizon: number[], eye: number): number[] {
  const newFaces: number[] = [];
  const startOf = new Map<number, number>();
  for (let t = 0; t < horizon.length; t += 3) {
    const u = horizon[t], v = horizon[t + 1], hi = horizon[t + 2];
    const ni = makeFace(faces, xyz, u, v, eye);
    newFaces.push(ni);
    startOf.set(u, ni);
    const h = faces[hi];
    // the far face's edge (v, u) now borders the new face
    if (h.a === v && h.b === u) h.n0 = ni;
    else if (h.b === v && h.c === u) h.n1 = ni;
    else h.n2 = ni;
    faces[ni].n0 = hi;
  }
  for (let t = 0; t < newFaces.length; t++) {
    const ni = newFaces[t];
    const nf = faces[ni];
    const next = startOf.get(nf.b);
    if (next === undefined) throw new Error('convex hull: broken horizon');
    nf.n1 = next; // edge (v, eye) is shared with the new face starting at v, across its edge (eye, v)
    faces[next].n2 = ni;
  }
  return newFaces;
}

/** Retires the visible faces and hands their outside points (but the eye) to the first new face they lie above. */
function retire(faces: Face[], xyz: ArrayLike<number>, visible: number[], newFaces: number[], eye: number): void {
  for (let v = 0; v < visible.length; v++) {
    const g = faces[visible[v]];
    g.alive = false;
    const pts = g.outside;
    for (let t = 0; t < pts.length; t++) {
      const p = pts[t];
      if (p === eye) continue;
      for (let u = 0; u < newFaces.length; u++) {
        const ni = newFaces[u];
        if (above(faces[ni], xyz, p) > 0) { faces[ni].outside.push(p); break; }
      }
    }
    g.outside = [];
  }
}

/** The live faces as vertex triples and their vertices (ascending). */
function hullOf(faces: Face[]): ConvexHull3D {
  const alive = faces.filter((f) => f.alive);
  const out = new Int32Array(alive.length * 3);
  const used = new Set<number>();
  alive.forEach((f, i) => {
    out[3 * i] = f.a; out[3 * i + 1] = f.b; out[3 * i + 2] = f.c;
    used.add(f.a); used.add(f.b); used.add(f.c);
  });
  return { vertices: Int32Array.from([...used].sort((a, b) => a - b)), faces: out };
}

/** Sets the neighbour links of the given faces from their shared directed edges. */
function linkAll(faces: Face[], ids: number[]): void {
  const byEdge = new Map<string, number>();
  for (const i of ids) {
    const f = faces[i];
    byEdge.set(`${f.a},${f.b}`, i);
    byEdge.set(`${f.b},${f.c}`, i);
    byEdge.set(`${f.c},${f.a}`, i);
  }
  for (const i of ids) {
    const f = faces[i];
    f.n0 = byEdge.get(`${f.b},${f.a}`) as number;
    f.n1 = byEdge.get(`${f.c},${f.b}`) as number;
    f.n2 = byEdge.get(`${f.a},${f.c}`) as number;
  }
}

/** Four points spanning 3D (extremes along x, farthest from their line, farthest from their plane), or null. */
function initialSimplex(xyz: ArrayLike<number>, count: number): [number, number, number, number] | null {
  const X = (i: number) => xyz[3 * i], Y = (i: number) => xyz[3 * i + 1], Z = (i: number) => xyz[3 * i + 2];
  // two most distant among the axis extremes
  const ext = axisExtremes(xyz, count);
  let a = ext[0], b = ext[1], dmax = -1;
  for (let s = 0; s < 6; s++) {
    const i = ext[s];
    for (let t = 0; t < 6; t++) {
      const j = ext[t];
      const d = (X(i) - X(j)) ** 2 + (Y(i) - Y(j)) ** 2 + (Z(i) - Z(j)) ** 2;
      if (d > dmax) { dmax = d; a = i; b = j; }
    }
  }
  if (dmax <= 0) return null;
  const c = farthestFromLine(xyz, count, a, b);
  if (c < 0) return null;
  const d = farthestFromPlane(xyz, count, a, b, c);
  if (d < 0) return null;
  return [a, b, c, d];
}

/**
 * [first point with the smallest x, first with the largest x, the same for y, then for z], in one pass over the
 * points.
 */
function axisExtremes(xyz: ArrayLike<number>, count: number): Int32Array {
  let lx = 0, hx = 0, ly = 0, hy = 0, lz = 0, hz = 0;
  for (let i = 1; i < count; i++) {
    const x = xyz[3 * i], y = xyz[3 * i + 1], z = xyz[3 * i + 2];
    if (x < xyz[3 * lx]) lx = i;
    if (x > xyz[3 * hx]) hx = i;
    if (y < xyz[3 * ly + 1]) ly = i;
    if (y > xyz[3 * hy + 1]) hy = i;
    if (z < xyz[3 * lz + 2]) lz = i;
    if (z > xyz[3 * hz + 2]) hz = i;
  }
  return Int32Array.of(lx, hx, ly, hy, lz, hz);
}

/** The first point farthest from the line ab (−1 when all are on it). */
function farthestFromLine(xyz: ArrayLike<number>, count: number, a: number, b: number): number {
  const ax = xyz[3 * a], ay = xyz[3 * a + 1], az = xyz[3 * a + 2];
  const ux = xyz[3 * b] - ax, uy = xyz[3 * b + 1] - ay, uz = xyz[3 * b + 2] - az;
  let c = -1, cbest = 0;
  for (let i = 0; i < count; i++) {
    const vx = xyz[3 * i] - ax, vy = xyz[3 * i + 1] - ay, vz = xyz[3 * i + 2] - az;
    const cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
    const d = cx * cx + cy * cy + cz * cz; // may exceed 2^53 only for huge inputs; used for selection only
    if (d > cbest) { cbest = d; c = i; }
  }
  return c;
}

/** The first point farthest from the plane abc (−1 when all are on it). */
function farthestFromPlane(xyz: ArrayLike<number>, count: number, a: number, b: number, c: number): number {
  const ax = xyz[3 * a], ay = xyz[3 * a + 1], az = xyz[3 * a + 2];
  const ux = xyz[3 * b] - ax, uy = xyz[3 * b + 1] - ay, uz = xyz[3 * b + 2] - az;
  const vx = xyz[3 * c] - ax, vy = xyz[3 * c + 1] - ay, vz = xyz[3 * c + 2] - az;
  const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
  let d = -1, dbest = 0;
  for (let i = 0; i < count; i++) {
    const h = Math.abs(nx * (xyz[3 * i] - ax) + ny * (xyz[3 * i + 1] - ay) + nz * (xyz[3 * i + 2] - az));
    if (h > dbest) { dbest = h; d = i; }
  }
  return d;
}
