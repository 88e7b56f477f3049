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
  for (let i = 0; i < 3 * count; i++) {
    const v = xyz[i];
    if (!Number.isInteger(v) || Math.abs(v) > HULL_MAX_COORDINATE) throw new RangeError(`convexHull3D needs integer coordinates within ±2^15, got ${v}`);
  }
  if (count < 4) return null;
  const X = (i: number) => xyz[3 * i], Y = (i: number) => xyz[3 * i + 1], Z = (i: number) => xyz[3 * i + 2];
  const init = initialSimplex(xyz, count);
  if (!init) return null;
  const faces: Face[] = [];
  const makeFace = (a: number, b: number, c: number): number => {
    const ux = X(b) - X(a), uy = Y(b) - Y(a), uz = Z(b) - Z(a);
    const vx = X(c) - X(a), vy = Y(c) - Y(a), vz = Z(c) - Z(a);
    const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    faces.push({ a, b, c, nx, ny, nz, d: nx * X(a) + ny * Y(a) + nz * Z(a), n0: -1, n1: -1, n2: -1, alive: true, outside: [] });
    return faces.length - 1;
  };
  const above = (f: Face, p: number): number => f.nx * X(p) + f.ny * Y(p) + f.nz * Z(p) - f.d;

  // Initial tetrahedron, oriented outward: p3 must lie below the plane of (p0, p1, p2).
  let [p0, p1, p2, p3] = init;
  {
    const ux = X(p1) - X(p0), uy = Y(p1) - Y(p0), uz = Z(p1) - Z(p0);
    const vx = X(p2) - X(p0), vy = Y(p2) - Y(p0), vz = Z(p2) - Z(p0);
    const wx = X(p3) - X(p0), wy = Y(p3) - Y(p0), wz = Z(p3) - Z(p0);
    const side = (uy * vz - uz * vy) * wx + (uz * vx - ux * vz) * wy + (ux * vy - uy * vx) * wz;
    if (side > 0) [p1, p2] = [p2, p1];
  }
  const f0 = makeFace(p0, p1, p2);
  const f1 = makeFace(p0, p3, p1);
  const f2 = makeFace(p1, p3, p2);
  const f3 = makeFace(p2, p3, p0);
  // adjacency by directed edges
  linkAll(faces, [f0, f1, f2, f3]);

  const initial = new Set([p0, p1, p2, p3]);
  for (let p = 0; p < count; p++) {
    if (initial.has(p)) continue;
    for (const fi of [f0, f1, f2, f3]) {
      if (above(faces[fi], p) > 0) { faces[fi].outside.push(p); break; }
    }
  }

  const stack = [f0, f1, f2, f3];
  let visitStamp = 0;
  const stamp: number[] = [];
  while (stack.length > 0) {
    const fi = stack.pop() as number;
    const f = faces[fi];
    if (!f.alive || f.outside.length === 0) continue;
    // farthest outside point of this face
    let eye = f.outside[0];
    let best = above(f, eye);
    for (const p of f.outside) {
      const h = above(f, p);
      if (h > best) { best = h; eye = p; }
    }
    // visible faces (strictly above) reachable from f, and the horizon edges (u, v, face beyond)
    visitStamp++;
    const visible: number[] = [];
    const horizon: [number, number, number][] = [];
    const todo = [fi];
    stamp[fi] = visitStamp;
    while (todo.length > 0) {
      const gi = todo.pop() as number;
      visible.push(gi);
      const g = faces[gi];
      const edges: [number, number, number][] = [[g.a, g.b, g.n0], [g.b, g.c, g.n1], [g.c, g.a, g.n2]];
      for (const [u, v, hi] of edges) {
        if (stamp[hi] === visitStamp) continue;
        if (above(faces[hi], eye) > 0) {
          stamp[hi] = visitStamp;
          todo.push(hi);
        } else {
          horizon.push([u, v, hi]);
        }
      }
    }
    // new faces: one per horizon edge, fanned to the eye point
    const newFaces: number[] = [];
    const startOf = new Map<number, number>();
    for (const [u, v, hi] of horizon) {
      const ni = makeFace(u, v, eye);
      newFaces.push(ni);
      startOf.set(u, ni);
      const h = faces[hi];
      // the far face's edge (v, u) now borders the new face
      if (h.a === v && h.b === u) h.n0 = ni;
      else if (h.b === v && h.c === u) h.n1 = ni;
      else h.n2 = ni;
      faces[ni].n0 = hi;
    }
    for (const ni of newFaces) {
      const nf = faces[ni];
      const next = startOf.get(nf.b);
      if (next === undefined) throw new Error('convex hull: broken horizon');
      nf.n1 = next; // edge (v, eye) is shared with the new face starting at v, across its edge (eye, v)
      faces[next].n2 = ni;
    }
    // retire visible faces, hand their outside points to the new faces
    for (const gi of visible) {
      const g = faces[gi];
      g.alive = false;
      for (const p of g.outside) {
        if (p === eye) continue;
        for (const ni of newFaces) {
          if (above(faces[ni], p) > 0) { faces[ni].outside.push(p); break; }
        }
      }
      g.outside = [];
    }
    for (const ni of newFaces) stack.push(ni);
  }

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
  const ext: number[] = [];
  for (let axis = 0; axis < 3; axis++) {
    let lo = 0, hi = 0;
    for (let i = 1; i < count; i++) {
      if (xyz[3 * i + axis] < xyz[3 * lo + axis]) lo = i;
      if (xyz[3 * i + axis] > xyz[3 * hi + axis]) hi = i;
    }
    ext.push(lo, hi);
  }
  let a = ext[0], b = ext[1], dmax = -1;
  for (const i of ext) {
    for (const j of ext) {
      const d = (X(i) - X(j)) ** 2 + (Y(i) - Y(j)) ** 2 + (Z(i) - Z(j)) ** 2;
      if (d > dmax) { dmax = d; a = i; b = j; }
    }
  }
  if (dmax <= 0) return null;
  // farthest from line ab
  const ux = X(b) - X(a), uy = Y(b) - Y(a), uz = Z(b) - Z(a);
  let c = -1, cbest = 0;
  for (let i = 0; i < count; i++) {
    const vx = X(i) - X(a), vy = Y(i) - Y(a), vz = Z(i) - Z(a);
    const cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
    const d = cx * cx + cy * cy + cz * cz; // may exceed 2^53 only for huge inputs; used for selection only
    if (d > cbest) { cbest = d; c = i; }
  }
  if (c < 0) return null;
  const vx = X(c) - X(a), vy = Y(c) - Y(a), vz = Z(c) - Z(a);
  const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
  let d = -1, dbest = 0;
  for (let i = 0; i < count; i++) {
    const h = Math.abs(nx * (X(i) - X(a)) + ny * (Y(i) - Y(a)) + nz * (Z(i) - Z(a)));
    if (h > dbest) { dbest = h; d = i; }
  }
  if (d < 0) return null;
  return [a, b, c, d];
}
