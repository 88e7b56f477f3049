/**
 * Marching-cubes case table for binary masks (Lorensen & Cline 1987), derived from first principles instead of a
 * transcribed lookup table.
 *
 * Cube corners (unit cube, x fastest), numbered as in the classic marching-cubes literature (and PyRadiomics):
 * p0 (0,0,0), p1 (1,0,0), p2 (1,1,0), p3 (0,1,0), p4 (0,0,1), p5 (1,0,1), p6 (1,1,1), p7 (0,1,1).
 * Edges: e0 p0p1, e1 p1p2, e2 p2p3, e3 p3p0, e4 p4p5, e5 p5p6, e6 p6p7, e7 p7p4, e8 p0p4, e9 p1p5, e10 p2p6,
 * e11 p3p7. For a 0/1 mask every surface vertex lies at the midpoint of an edge whose two corners differ.
 *
 * Construction of the surface of a configuration c (bit n set = corner n inside):
 * 1. On each cube face, the crossed edges are joined by segments: with two crossed edges by one segment; with
 *    four (an ambiguous face: two diagonal corners inside) by one segment around each inside corner, i.e. the
 *    inside corners are kept apart.
 * 2. Each segment is directed so that the inside corner it cuts off lies to its right seen from outside the cube;
 *    chaining the directed segments gives closed polygons whose right-hand normals point out of the ROI.
 * 3. Each polygon is split into triangles. Planar polygons (triangles, quads, planar hexagons) are fanned: every
 *    triangulation has the same area and volume. The non-planar ones are split as in the classic table that
 *    PyRadiomics uses, which the following rules reproduce (so MeshVolume and SurfaceArea agree with PyRadiomics
 *    to rounding, for any spacing):
 *    - pentagon around an L of three corners on a face: fan from the vertex on the edge leaving the face at the
 *      L end that follows the middle corner counter-clockwise seen from outside the cube;
 *    - hexagon around a zigzag chain of four corners: an inner triangle on every other vertex plus three ears (the
 *      two such triangulations have equal area and enclosed volume for any spacing);
 *    - heptagon (hexagon) around corners joined across an ambiguous face: fan from the vertex on the edge leaving
 *      that face at the far corner of the diagonal (for a lone diagonal pair: the corner other than p7).
 * 4. As in PyRadiomics, a configuration with p7 inside is meshed as its complement (255 − c) with reversed
 *    triangles, so ambiguous faces are resolved the same way PyRadiomics resolves them.
 */

/** Corner positions (x, y, z) of the unit cube. */
export const CUBE_CORNERS: readonly (readonly [number, number, number])[] = [
  [0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0], [0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 1, 1],
];

/** Edges as corner pairs. */
export const CUBE_EDGES: readonly (readonly [number, number])[] = [
  [0, 1], [1, 2], [2, 3], [3, 0], [4, 5], [5, 6], [6, 7], [7, 4], [0, 4], [1, 5], [2, 6], [3, 7],
];

/** Faces: four corners in cyclic order and the outward normal. */
const FACES: readonly { corners: readonly [number, number, number, number]; normal: readonly [number, number, number] }[] = [
  { corners: [0, 1, 2, 3], normal: [0, 0, -1] },
  { corners: [4, 5, 6, 7], normal: [0, 0, 1] },
  { corners: [0, 1, 5, 4], normal: [0, -1, 0] },
  { corners: [3, 2, 6, 7], normal: [0, 1, 0] },
  { corners: [0, 3, 7, 4], normal: [-1, 0, 0] },
  { corners: [1, 2, 6, 5], normal: [1, 0, 0] },
];

/** Midpoint of edge e in unit-cube coordinates. */
export function edgeMidpoint(e: number): [number, number, number] {
  const [a, b] = CUBE_EDGES[e];
  const pa = CUBE_CORNERS[a];
  const pb = CUBE_CORNERS[b];
  return [(pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2, (pa[2] + pb[2]) / 2];
}

function edgeBetween(a: number, b: number): number {
  for (let e = 0; e < 12; e++) {
    const [p, q] = CUBE_EDGES[e];
    if ((p === a && q === b) || (p === b && q === a)) return e;
  }
  throw new Error(`corners ${a} and ${b} share no edge`);
}

type V3 = [number, number, number];
const sub = (a: readonly number[], b: readonly number[]): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a: readonly number[], b: readonly number[]): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const dot = (a: readonly number[], b: readonly number[]): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** Directed segments u→v on the faces for configuration c (inside corners kept apart on ambiguous faces). */
function faceSegments(c: number): [number, number][] {
  const inside = (n: number): boolean => ((c >> n) & 1) === 1;
  const segs: [number, number][] = [];
  const orient = (u: number, v: number, w: number, normal: readonly number[]): [number, number] => {
    const pu = edgeMidpoint(u);
    const s = dot(cross(sub(edgeMidpoint(v), pu), sub(CUBE_CORNERS[w], pu)), normal);
    return s < 0 ? [u, v] : [v, u];
  };
  for (const f of FACES) {
    const k = f.corners;
    const crossed: number[] = [];
    for (let i = 0; i < 4; i++) if (inside(k[i]) !== inside(k[(i + 1) % 4])) crossed.push(edgeBetween(k[i], k[(i + 1) % 4]));
    if (crossed.length === 2) {
      const w = k.find(inside) as number;
      segs.push(orient(crossed[0], crossed[1], w, f.normal));
    } else if (crossed.length === 4) {
      for (let i = 0; i < 4; i++) {
        if (!inside(k[i])) continue;
        const prev = edgeBetween(k[(i + 3) % 4], k[i]);
        const next = edgeBetween(k[i], k[(i + 1) % 4]);
        segs.push(orient(prev, next, k[i], f.normal));
      }
    }
  }
  return segs;
}

/** Closed polygons (edge-index cycles) from directed segments. */
function chainPolygons(segs: [number, number][]): number[][] {
  const next = new Map<number, number>();
  for (const [u, v] of segs) {
    if (next.has(u)) throw new Error('marching cubes: vertex with two outgoing segments');
    next.set(u, v);
  }
  const used = new Set<number>();
  const polys: number[][] = [];
  for (const start of next.keys()) {
    if (used.has(start)) continue;
    const poly: number[] = [];
    let v = start;
    while (!used.has(v)) {
      used.add(v);
      poly.push(v);
      const n = next.get(v);
      if (n === undefined) throw new Error('marching cubes: open polygon');
      v = n;
    }
    polys.push(poly);
  }
  return polys;
}

/** Cube corners on either side of the polygon's edges: `near` = the corners of state `inside`, with multiplicity. */
function sideCorners(poly: number[], c: number, inside: boolean): number[] {
  return poly.map((e) => {
    const [a, b] = CUBE_EDGES[e];
    return (((c >> a) & 1) === 1) === inside ? a : b;
  });
}

function multiplicities(corners: number[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const k of corners) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

const adjacent = (a: number, b: number): boolean => CUBE_EDGES.some(([p, q]) => (p === a && q === b) || (p === b && q === a));

/** Fan triangles from position `apex` of the cycle (orientation kept). */
function fan(poly: number[], apex: number): [number, number, number][] {
  const n = poly.length;
  const out: [number, number, number][] = [];
  for (let k = 1; k < n - 1; k++) out.push([poly[apex], poly[(apex + k) % n], poly[(apex + k + 1) % n]]);
  return out;
}

/**
 * Pentagon around an "L" of three corners on one face (inside or outside ones; the middle corner of the L is cut
 * by one polygon edge, the two end corners by two each). The classic table fans it from the vertex on the edge that
 * leaves the face at the L end following the middle corner counter-clockwise seen from outside the cube.
 */
function pentagonApex(poly: number[], c: number): number | null {
  for (const inside of [true, false]) {
    const side = sideCorners(poly, c, inside);
    const mult = multiplicities(side);
    if (mult.size !== 3) continue;
    const middle = [...mult.entries()].find(([, m]) => m === 1)?.[0];
    const face = FACES.find((f) => [...mult.keys()].every((k) => f.corners.includes(k as never)));
    if (middle === undefined || !face) continue;
    const k = face.corners;
    const P = (i: number) => CUBE_CORNERS[k[i]];
    const ccw = dot(cross(sub(P(1), P(0)), sub(P(2), P(1))), face.normal) > 0;
    const at = k.indexOf(middle as never);
    const end = ccw ? k[(at + 1) % 4] : k[(at + 3) % 4];
    const apex = poly.findIndex((e, i) => side[i] === end && !CUBE_EDGES[e].every((q) => k.includes(q as never)));
    if (apex >= 0) return apex;
  }
  return null;
}

/**
 * Non-planar hexagon around a "zigzag" chain of four corners (three cube edges in three directions): split into an
 * inner triangle on every other vertex plus three ears, as the classic table does. The two such triangulations
 * (images of each other under the chain's half-turn symmetry) have the same area and enclosed volume for any
 * voxel spacing, so either may be used; this returns the one holding the lowest-numbered edge.
 */
function zigzagStart(poly: number[], c: number): number | null {
  for (const inside of [true, false]) {
    const mult = multiplicities(sideCorners(poly, c, inside));
    if (mult.size !== 4) continue;
    const ends = [...mult.entries()].filter(([, m]) => m === 2).map(([k]) => k);
    const mids = [...mult.entries()].filter(([, m]) => m === 1).map(([k]) => k);
    if (ends.length !== 2 || mids.length !== 2 || !adjacent(mids[0], mids[1])) continue;
    if (!ends.every((e) => mids.some((m) => adjacent(e, m)))) continue;
    const lowest = poly.indexOf(Math.min(...poly));
    return lowest % 2;
  }
  return null;
}

/**
 * Heptagons and hexagons around corners joined across an ambiguous face (three corners a–b–d with a–b a cube edge
 * and b–d a face diagonal, or two corners b–d on a face diagonal): the classic table fans them from the vertex on
 * the edge that leaves that face at the far corner d (for a lone diagonal pair, the corner that is not p7).
 */
function acrossDiagonalApex(poly: number[], c: number): number | null {
  for (const inside of [true, false]) {
    const side = sideCorners(poly, c, inside);
    const mult = multiplicities(side);
    const corners = [...mult.keys()];
    if (corners.length !== (poly.length === 7 ? 3 : 2)) continue;
    for (const f of FACES) {
      const k = f.corners;
      const onFace = corners.filter((q) => k.includes(q as never));
      if (onFace.length < 2) continue;
      const diag = onFace.filter((q) => onFace.some((r) => r !== q && !adjacent(q, r)));
      if (diag.length !== 2) continue;
      // far corner: not adjacent (by a cube edge) to the third corner; for a lone pair, the one that is not p7
      const third = corners.find((q) => !diag.includes(q));
      const far = third === undefined ? diag.find((q) => q !== 7) : diag.find((q) => !adjacent(q, third));
      if (far === undefined) continue;
      const apex = poly.findIndex((e, i) => side[i] === far && !CUBE_EDGES[e].every((q) => k.includes(q as never)));
      if (apex >= 0) return apex;
    }
  }
  return null;
}

/** True when the polygon's edge midpoints lie in one plane. */
function isPlanar(poly: number[]): boolean {
  const pts = poly.map(edgeMidpoint);
  for (let i = 2; i < pts.length; i++) {
    const n = cross(sub(pts[1], pts[0]), sub(pts[i], pts[0]));
    if (dot(n, n) === 0) continue;
    return pts.every((p) => Math.abs(dot(n, sub(p, pts[0]))) < 1e-12);
  }
  return true;
}

/**
 * Triangles (edge-index triples, outward right-hand orientation) of one polygon: the classic table's split of the
 * non-planar polygons (see the module doc), a fan for planar ones.
 */
function triangulate(poly: number[], c: number): [number, number, number][] {
  if (poly.length === 5) {
    const apex = pentagonApex(poly, c);
    if (apex !== null) return fan(poly, apex);
  }
  if (poly.length === 6) {
    const s = zigzagStart(poly, c);
    if (s !== null) {
      const v = (i: number) => poly[(s + i) % 6];
      return [[v(0), v(1), v(2)], [v(2), v(3), v(4)], [v(4), v(5), v(0)], [v(0), v(2), v(4)]];
    }
  }
  if (poly.length === 6 || poly.length === 7) {
    const apex = acrossDiagonalApex(poly, c);
    if (apex !== null) return fan(poly, apex);
  }
  if (!isPlanar(poly)) throw new Error(`marching cubes: no rule for the non-planar polygon ${poly.join(',')} of case ${c}`);
  return fan(poly, 0);
}

/**
 * Triangles of each of the 256 configurations as triples of edge indices, oriented so that the right-hand normal
 * points out of the region (from inside corners to outside corners), derived by the rules above. The mesh code uses
 * the same table stored in `marching-cubes-table.ts` (deriving it costs ~20 ms per process); a unit test checks
 * that both are equal.
 */
export function deriveCaseTriangles(): (readonly [number, number, number])[][] {
  const table: [number, number, number][][] = [];
  for (let c = 0; c < 128; c++) table.push(chainPolygons(faceSegments(c)).flatMap((p) => triangulate(p, c)));
  for (let c = 128; c < 256; c++) table.push(table[255 - c].map(([a, b, d]) => [a, d, b] as [number, number, number]));
  return table;
}

/** A case table in the compact text form of `marching-cubes-table.ts` (one hex digit per edge, cases comma-separated). */
export function encodeCaseTriangles(table: readonly (readonly (readonly [number, number, number])[])[]): string {
  return table.map((tris) => tris.map((t) => t.map((e) => e.toString(16)).join('')).join('')).join(',');
}
