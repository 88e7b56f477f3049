import type { Vec3 } from '../../core/vec.js';
import { edgeMidpoint } from './marching-cubes-cases.js';
import { CASE_TRIANGLES } from './marching-cubes-table.js';
import { emptyLineEnds, type AxisLineEnds } from './line-ends.js';
import { paddedMask, type PaddedMask } from './padded-mask.js';

/**
 * Area, volume and vertices of the marching-cubes surface of a binary mask (see `marching-cubes-cases.ts`).
 *
 * The mask is cropped to its bounding box and padded with one layer of background voxels, exactly as PyRadiomics'
 * shape class receives it (`computeShape` crops without padDistance, the class pads by 1), so the surface is also
 * closed where the ROI touches the grid border. Physical coordinates are those of that padded box: the first ROI
 * voxel corner (x0, y0, z0) of the bounding box lies at (s_x, s_y, s_z). Because of this placement, the volume
 * equals PyRadiomics' also for the rare open meshes that ambiguous faces produce (e.g. scattered voxels touching
 * only at edges), where the divergence sum depends on the origin.
 *
 * - Area A = Σ_faces ½‖(b − a) × (c − a)‖ (IBSI C0JK).
 * - Volume V = Σ_faces a·(b × c)/6 (divergence theorem, IBSI RNU0), summed per cube as
 *   D_c + o·N_c with the cube origin o, D_c = Σ det(u, v, w) and N_c = Σ (v×w + w×u + u×v) precomputed per
 *   configuration from the in-cube vertex offsets u, v, w.
 */
export interface SurfaceMesh {
  /** Surface area A in mm². */
  readonly area: number;
  /** Enclosed (signed, positive for the outward orientation) volume V in mm³. */
  readonly volume: number;
  /**
   * The mesh vertices, once each: the midpoints of grid edges whose two voxels differ, as doubled indices of the
   * padded bounding box (voxel (i, j, k) of the input ↦ 2·(i − x0 + 1), ...; plus 1 along the edge axis), x, y, z
   * interleaved. Physical position in the padded-box frame = value/2 · spacing.
   */
  readonly vertices2: Int32Array;
  /**
   * The ends of the lattice lines along x and along y through `vertices2` (for the diameters), recorded by the cube
   * walk; the bounds (X, Y, Z) are 2·(padded box size) − 2.
   */
  readonly lineEnds: AxisLineEnds;
  /** Number of triangles. */
  readonly triangleCount: number;
  /** Input-grid index of the padded box's voxel 0, i.e. (x0 − 1, y0 − 1, z0 − 1). */
  readonly boxOrigin: Vec3;
}

/**
 * Per-configuration tables indexed by the column-pair key k = q_a·16 + q_{a+1} of a cube (see {@link columnCode}):
 * area, determinant sum D_c, normal sum N_c (x, y, z) and triangle count of the configuration c that the key encodes.
 * Filled on first use of a key ({@link caseOfKey}; triangle count −1 until then): a mesh uses about half of them.
 */
interface CaseGeometry {
  area: Float64Array;
  det: Float64Array;
  normal: Float64Array;
  triangles: Int32Array;
  /** physical offsets (mm) of the 12 edge midpoints from the cube origin, x, y, z interleaved */
  off: Float64Array;
}

/**
 * Corner bits of a cube from the column codes of its two x columns: column code q = b(y0,z0) | b(y1,z0)·2 |
 * b(y0,z1)·4 | b(y1,z1)·8; the left column holds corners p0, p3, p4, p7, the right one p1, p2, p5, p6.
 */
function configurationOfKey(key: number): number {
  const l = key >> 4, r = key & 15;
  return (l & 1) | ((l & 2) << 2) | ((l & 4) << 2) | ((l & 8) << 4)
    | ((r & 1) << 1) | ((r & 2) << 1) | ((r & 4) << 3) | ((r & 8) << 3);
}

/** Empty {@link CaseGeometry} tables for `spacing`. */
function caseGeometry(spacing: Vec3): CaseGeometry {
  const off = new Float64Array(36);
  for (let e = 0; e < 12; e++) {
    const m = edgeMidpoint(e);
    off[3 * e] = m[0] * spacing[0]; off[3 * e + 1] = m[1] * spacing[1]; off[3 * e + 2] = m[2] * spacing[2];
  }
  return { area: new Float64Array(256), det: new Float64Array(256), normal: new Float64Array(768), triangles: new Int32Array(256).fill(-1), off };
}

/** Fills the entries of `key` in the tables `g` from its triangles; returns its triangle count. */
function caseOfKey(g: CaseGeometry, key: number): number {
  const tris = CASE_TRIANGLES[configurationOfKey(key)];
  const off = g.off;
  let A = 0, D = 0, nx = 0, ny = 0, nz = 0;
  for (let t = 0; t < tris.length; t++) {
    const u = 3 * tris[t][0], v = 3 * tris[t][1], w = 3 * tris[t][2];
    const ux = off[u], uy = off[u + 1], uz = off[u + 2];
    const vx = off[v], vy = off[v + 1], vz = off[v + 2];
    const wx = off[w], wy = off[w + 1], wz = off[w + 2];
    // area: ½‖(v − u) × (w − u)‖
    const ax = vx - ux, ay = vy - uy, az = vz - uz;
    const bx = wx - ux, by = wy - uy, bz = wz - uz;
    const cx = ay * bz - az * by, cy = az * bx - ax * bz, cz = ax * by - ay * bx;
    A += 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
    // v×w + w×u + u×v = (v − u) × (w − u); det(u, v, w) = u·(v×w)
    nx += cx; ny += cy; nz += cz;
    D += ux * (vy * wz - vz * wy) + uy * (vz * wx - vx * wz) + uz * (vx * wy - vy * wx);
  }
  g.area[key] = A;
  g.det[key] = D;
  g.normal[3 * key] = nx; g.normal[3 * key + 1] = ny; g.normal[3 * key + 2] = nz;
  g.triangles[key] = tris.length;
  return tris.length;
}

/**
 * Marching-cubes surface of `mask` (non-zero = inside) on a grid of `size` voxels with `spacing` mm.
 * Only cubes within the row spans of the mask's padded bounding box are visited, and none of the runs of cubes that
 * lie inside four solid rows. An empty mask gives area 0, volume 0, no vertices.
 */
export function surfaceMesh(mask: ArrayLike<number>, size: Vec3, spacing: Vec3): SurfaceMesh {
  return surfaceMeshOfPadded(paddedMask(mask, size), spacing);
}

/** {@link surfaceMesh} of an already padded mask (shared with the principal moments by `shapeGeometry`). */
export function surfaceMeshOfPadded(m: PaddedMask, spacing: Vec3): SurfaceMesh {
  if (m.sums[0] === 0) return { area: 0, volume: 0, vertices2: new Int32Array(0), lineEnds: emptyLineEnds(0, 0, 0), triangleCount: 0, boxOrigin: [0, 0, 0] };
  const g = caseGeometry(spacing);
  const { bits, px, py, pz, rowFirst, rowLast, rowRuns } = m;
  const sums = new Float64Array(3);
  const lines = emptyLineEnds(2 * px - 2, 2 * py - 2, 2 * pz - 2);
  // vertex buffer, grown by doubling; first guess: twice the padded box's face count
  let out: Int32Array = new Int32Array(6 * (px * py + py * pz + pz * px));
  let q = 0;
  for (let d = 0; d < pz - 1; d++) {
    for (let b = 0; b < py - 1; b++) {
      // the cubes of row (b, d) touch padded rows (b, d), (b + 1, d), (b, d + 1), (b + 1, d + 1)
      const r = b + py * d;
      const lo = Math.min(rowFirst[r], rowFirst[r + 1], rowFirst[r + py], rowFirst[r + py + 1]);
      const hi = Math.max(rowLast[r], rowLast[r + 1], rowLast[r + py], rowLast[r + py + 1]);
      if (hi < lo) continue;
      if (q + 9 * (hi - lo + 2) > out.length) out = grown(out, q + 9 * (hi - lo + 2));
      // when the four rows are each one run, the cubes between the last first and the first last voxel are inside
      let skipFrom = hi + 1, skipTo = hi;
      if (rowRuns[r] === 1 && rowRuns[r + 1] === 1 && rowRuns[r + py] === 1 && rowRuns[r + py + 1] === 1) {
        skipFrom = Math.max(rowFirst[r], rowFirst[r + 1], rowFirst[r + py], rowFirst[r + py + 1]);
        skipTo = Math.min(rowLast[r], rowLast[r + 1], rowLast[r + py], rowLast[r + py + 1]) - 1;
      }
      const sy = b * spacing[1], sz = d * spacing[2];
      if (skipTo < skipFrom) {
        q = cubeRow(bits, px, py, b, d, lo - 1, hi, spacing[0], sy, sz, g, sums, lines, out, q);
      } else {
        q = cubeRow(bits, px, py, b, d, lo - 1, skipFrom - 1, spacing[0], sy, sz, g, sums, lines, out, q);
        q = cubeRow(bits, px, py, b, d, skipTo + 1, hi, spacing[0], sy, sz, g, sums, lines, out, q);
      }
    }
  }
  return { area: sums[0], volume: sums[1] / 6, vertices2: out.subarray(0, q), lineEnds: lines, triangleCount: sums[2], boxOrigin: m.origin };
}

function grown(a: Int32Array, need: number): Int32Array {
  const b = new Int32Array(Math.max(2 * a.length, need));
  b.set(a);
  return b;
}

/**
 * Column code of padded column (a; rows (b, d), (b + 1, d), (b, d + 1), (b + 1, d + 1)) starting at index p:
 * b(y0,z0) | b(y1,z0)·2 | b(y0,z1)·4 | b(y1,z1)·8.
 */
function columnCode(bits: Uint8Array, p: number, px: number, sxy: number): number {
  return bits[p] | (bits[p + px] << 1) | (bits[p + sxy] << 2) | (bits[p + sxy + px] << 3);
}

/**
 * The cubes a = from..to of row (b, d), sliding along x with the column codes: adds each cube's area, 6·volume
 * contribution D_c + o·N_c (o = (a·sx, oy, oz)) and triangle count to `sums` (filling the tables `g` for new keys),
 * appends the midpoints of the crossed grid edges leaving its corner p0 forwards along x, y, z (doubled padded
 * indices) to out[q..], and records them in the line ends `L`; returns the new q.
 * Every crossed edge leaves the p0 corner of exactly one visited cube, so each mesh vertex is listed once, in raster
 * order of that corner, edges x, y, z. The vertices of row (b, d) are the only ones on the x lines (2b, 2d) (x edges),
 * (2b + 1, 2d) (y edges) and (2b, 2d + 1) (z edges); the walk visits the rows with ascending b for each d, so each y
 * line (x, z) receives its points in ascending y.
 */
function cubeRow(
  bits: Uint8Array, px: number, py: number, b: number, d: number, from: number, to: number, sx: number, oy: number, oz: number,
  g: CaseGeometry, sums: Float64Array, L: AxisLineEnds, out: Int32Array, q: number,
): number {
  const caseArea = g.area, caseDet = g.det, caseNormal = g.normal, caseTriangles = g.triangles;
  const X = L.X, yLo = L.yLo, yHi = L.yHi;
  const sxy = px * py;
  const p = px * (b + py * d);
  let area = sums[0], vol = sums[1], tris = sums[2];
  let left = columnCode(bits, p + from, px, sxy);
  const b2 = 2 * b, d2 = 2 * d;
  // first and last x of the x-, y- and z-edge vertices of this row
  let fx = -1, lx = -1, fy = -1, ly = -1, fz = -1, lz = -1;
  for (let a = from; a <= to; a++) {
    const right = columnCode(bits, p + a + 1, px, sxy);
    const key = (left << 4) | right;
    if (key !== 0 && key !== 255) {
      const nt = caseTriangles[key];
      tris += nt >= 0 ? nt : caseOfKey(g, key);
      area += caseArea[key];
      vol += caseDet[key] + a * sx * caseNormal[3 * key] + oy * caseNormal[3 * key + 1] + oz * caseNormal[3 * key + 2];
      const c0 = left & 1, x2 = 2 * a;
      if (c0 !== (right & 1)) {
        out[q++] = x2 + 1; out[q++] = b2; out[q++] = d2;
        if (fx < 0) fx = x2 + 1;
        lx = x2 + 1;
        const k = x2 + 1 + X * d2;
        if (yHi[k] < 0) yLo[k] = b2;
        yHi[k] = b2;
      }
      if (c0 !== ((left >> 1) & 1)) {
        out[q++] = x2; out[q++] = b2 + 1; out[q++] = d2;
        if (fy < 0) fy = x2;
        ly = x2;
        const k = x2 + X * d2;
        if (yHi[k] < 0) yLo[k] = b2 + 1;
        yHi[k] = b2 + 1;
      }
      if (c0 !== ((left >> 2) & 1)) {
        out[q++] = x2; out[q++] = b2; out[q++] = d2 + 1;
        if (fz < 0) fz = x2;
        lz = x2;
        const k = x2 + X * (d2 + 1);
        if (yHi[k] < 0) yLo[k] = b2;
        yHi[k] = b2;
      }
    }
    left = right;
  }
  sums[0] = area; sums[1] = vol; sums[2] = tris;
  const Y = L.Y;
  addEnds(L.xLo, L.xHi, b2 + Y * d2, fx, lx);
  addEnds(L.xLo, L.xHi, b2 + 1 + Y * d2, fy, ly);
  addEnds(L.xLo, L.xHi, b2 + Y * (d2 + 1), fz, lz);
  return q;
}

/** Widens line k of a line-end table to first..last (nothing when first < 0). */
function addEnds(lo: Int32Array, hi: Int32Array, k: number, first: number, last: number): void {
  if (first < 0) return;
  if (first < lo[k]) lo[k] = first;
  if (last > hi[k]) hi[k] = last;
}
