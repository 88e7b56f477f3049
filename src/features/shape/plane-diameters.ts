/**
 * Largest distances within the planes of one axis, from the ends of the lattice lines in those planes (see
 * `diameters.ts`): a plane's diameter is attained between vertices of its 2D convex hull, and those are ends of
 * the plane's lines.
 */

/**
 * Line ends of the planes of one axis: plane c = 0..planes − 1 has rows r = 0..rows − 1 (lattice lines, ascending
 * row coordinate w = r) whose lowest and highest point coordinate u are lo[k], hi[k] at
 * k = c·planeStride + r·rowStride (an empty row has hi < 0).
 */
export interface PlaneLines {
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly planes: number;
  readonly rows: number;
  readonly planeStride: number;
  readonly rowStride: number;
}

/** Scratch arrays for the points and hull of one plane of {@link PlaneLines} (`rows` rows). */
interface PlaneScratch {
  /** point coordinates u, w of the plane's row ends, sorted by (w, u) (integers: the hull's arithmetic stays exact) */
  readonly pu: Int32Array;
  readonly pw: Int32Array;
  /** hull vertex indices into pu/pw */
  readonly hull: Int32Array;
  /** distances (mm) of the hull vertices to the centre of their bounding box */
  readonly r: Float64Array;
}

function planeScratch(rows: number): PlaneScratch {
  return { pu: new Int32Array(2 * rows), pw: new Int32Array(2 * rows), hull: new Int32Array(4 * rows + 2), r: new Float64Array(2 * rows + 1) };
}

/** 1/cos²(π/8): any direction lies within π/8 of one of the four sampled ones, so D ≤ max width / cos(π/8). */
const WIDTH_TO_DIAMETER2 = 1 / Math.cos(Math.PI / 8) ** 2;

/**
 * Largest squared distance (mm²) between two points of one plane, over all planes of `t`; `hu`, `hw` are the
 * scales (mm per unit) of u and w.
 *
 * Branch and bound over the planes: the physical widths of a plane along u, w and the two diagonals are lower bounds
 * of its diameter D, and D ≤ (max width)/cos(π/8). The best lower bound over all planes is a first "best"; only
 * planes whose upper bound exceeds it get their exact hull diameter.
 */
export function maxInPlanes(t: PlaneLines, hu: number, hw: number): number {
  const widths = new Float64Array(t.planes);
  let best = 0;
  for (let c = 0; c < t.planes; c++) {
    const w = planeWidth2(t, c * t.planeStride, hu, hw);
    widths[c] = w;
    if (w > best) best = w;
  }
  const s = planeScratch(t.rows);
  for (let c = 0; c < t.planes; c++) {
    if (widths[c] * WIDTH_TO_DIAMETER2 * (1 + 1e-12) <= best) continue;
    const d = hullDiameter2(s, planeHull(t, c * t.planeStride, s), hu, hw, best);
    if (d > best) best = d;
  }
  return best;
}

/**
 * The vertices of the 2D convex hulls of all planes of `t` (a single point or the two ends of a segment for
 * degenerate planes), as (u, r, c) triples; every extreme point of the whole point set is among them.
 */
export function planeHullVertices(t: PlaneLines): Int32Array {
  const s = planeScratch(t.rows);
  let out: Int32Array = new Int32Array(6 * t.rows);
  let m = 0;
  for (let c = 0; c < t.planes; c++) {
    const k = planeHull(t, c * t.planeStride, s);
    if (m + 3 * k > out.length) out = grown(out, m + 3 * k);
    m = appendHull(s, k, c, out, m);
  }
  return out.slice(0, m);
}

function grown(a: Int32Array, need: number): Int32Array {
  const b = new Int32Array(Math.max(2 * a.length, need));
  b.set(a);
  return b;
}

/** Appends the k hull vertices of the scratch as (u, w, c) triples to out at m; returns the new m. */
function appendHull(s: PlaneScratch, k: number, c: number, out: Int32Array, m: number): number {
  for (let a = 0; a < k; a++) {
    const i = s.hull[a];
    out[m++] = s.pu[i]; out[m++] = s.pw[i]; out[m++] = c;
  }
  return m;
}

/** Largest squared physical width of one plane's points along u, w and the diagonals u·hu ± w·hw (0 when empty). */
function planeWidth2(t: PlaneLines, base: number, hu: number, hw: number): number {
  const { lo, hi, rows, rowStride } = t;
  let minU = Infinity, maxU = -Infinity, minW = Infinity, maxW = -Infinity;
  let minS = Infinity, maxS = -Infinity, minD = Infinity, maxD = -Infinity;
  for (let r = 0, key = base; r < rows; r++, key += rowStride) {
    const h = hi[key];
    if (h < 0) continue;
    const a = lo[key] * hu, b = h * hu, y = r * hw;
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
 * The 2D convex hull of one plane's row ends (Andrew's monotone chain on (w, u); the rows give the points already
 * sorted): writes the points to `s.pu`/`s.pw` and the hull vertex indices to `s.hull`; returns the number of hull
 * vertices (0 for an empty plane, 1 for a single point, 2 for collinear points).
 */
function planeHull(t: PlaneLines, base: number, s: PlaneScratch): number {
  const m = planePoints(t, base, s.pu, s.pw);
  if (m < 2) {
    s.hull[0] = 0;
    return m;
  }
  const { pu, pw, hull } = s;
  // monotone chain on (w, u); cross(o, a, b) = (w_a − w_o)(u_b − u_o) − (u_a − u_o)(w_b − w_o)
  let k = 0;
  for (let p = 0; p < m; p++) {
    while (k >= 2) {
      const o = hull[k - 2], a = hull[k - 1];
      if ((pw[a] - pw[o]) * (pu[p] - pu[o]) - (pu[a] - pu[o]) * (pw[p] - pw[o]) > 0) break;
      k--;
    }
    hull[k++] = p;
  }
  const lowerEnd = k + 1;
  for (let p = m - 2; p >= 0; p--) {
    while (k >= lowerEnd) {
      const o = hull[k - 2], a = hull[k - 1];
      if ((pw[a] - pw[o]) * (pu[p] - pu[o]) - (pu[a] - pu[o]) * (pw[p] - pw[o]) > 0) break;
      k--;
    }
    hull[k++] = p;
  }
  return k - 1; // the chain ends where it started
}

/** The row ends of one plane, sorted by (w, u): each row's lowest point, then its highest; returns their number. */
function planePoints(t: PlaneLines, base: number, pu: Int32Array, pw: Int32Array): number {
  const { lo, hi, rows, rowStride } = t;
  let m = 0;
  for (let r = 0, key = base; r < rows; r++, key += rowStride) {
    const h = hi[key];
    if (h < 0) continue;
    pu[m] = lo[key]; pw[m] = r; m++;
    if (h !== lo[key]) { pu[m] = h; pw[m] = r; m++; }
  }
  return m;
}

/**
 * Largest squared distance (mm², scales `hu`, `hw`) between the k hull vertices in the scratch, where it exceeds
 * `atLeast` (mm²; below it the result is only some pair's distance). A pair at distance D has r_a + r_b ≥ D for the
 * distances r to the centre of the vertices' bounding box, so the hull is first reduced (in place) to the vertices
 * with r ≥ √atLeast − max r (less a margin of 1e-9 for rounding).
 */
function hullDiameter2(s: PlaneScratch, k: number, hu: number, hw: number, atLeast: number): number {
  const m = farHullVertices(s, k, hu, hw, Math.sqrt(atLeast));
  let best = 0;
  for (let a = 0; a < m - 1; a++) {
    const d = farthestHullVertex(s, a, m, hu, hw);
    if (d > best) best = d;
  }
  return best;
}

/**
 * Keeps (in order, at the front of `s.hull`) the k hull vertices that can be in a pair beyond `bound` mm; returns
 * their number.
 */
function farHullVertices(s: PlaneScratch, k: number, hu: number, hw: number, bound: number): number {
  const { pu, pw, hull, r } = s;
  let minU = pu[hull[0]], maxU = minU, minW = pw[hull[0]], maxW = minW;
  for (let a = 1; a < k; a++) {
    const u = pu[hull[a]], w = pw[hull[a]];
    if (u < minU) minU = u;
    if (u > maxU) maxU = u;
    if (w < minW) minW = w;
    if (w > maxW) maxW = w;
  }
  const cu = ((minU + maxU) / 2) * hu, cw = ((minW + maxW) / 2) * hw;
  let rmax = 0;
  for (let a = 0; a < k; a++) {
    const du = pu[hull[a]] * hu - cu, dw = pw[hull[a]] * hw - cw;
    r[a] = Math.sqrt(du * du + dw * dw);
    if (r[a] > rmax) rmax = r[a];
  }
  const min = bound - rmax - 1e-9 * (bound + rmax);
  let m = 0;
  for (let a = 0; a < k; a++) if (r[a] >= min) hull[m++] = hull[a];
  return m;
}

/** Largest squared distance from hull vertex a to hull vertices a + 1..k − 1. */
function farthestHullVertex(s: PlaneScratch, a: number, k: number, hu: number, hw: number): number {
  const { pu, pw, hull } = s;
  const ua = pu[hull[a]], wa = pw[hull[a]];
  let best = 0;
  for (let b = a + 1; b < k; b++) {
    const du = (ua - pu[hull[b]]) * hu, dw = (wa - pw[hull[b]]) * hw;
    const d = du * du + dw * dw;
    if (d > best) best = d;
  }
  return best;
}
