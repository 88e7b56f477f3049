/**
 * Marching-squares contour of a 2D binary mask (the 2D analogue of `marching-cubes-cases.ts`, as in PyRadiomics'
 * `calculate_coefficients2D`): the mask is cropped to its bounding box and padded by one background pixel; every
 * contour vertex lies at the midpoint of a pixel edge whose two pixels differ; in a square with two diagonal inside
 * corners each inside corner is cut off by its own segment.
 *
 * - Perimeter P = Σ segment lengths.
 * - Surface A = ½·Σ (a_u·b_v − b_u·a_v) over the segments a→b, oriented with the inside on their left (shoelace).
 */
export interface Contour2D {
  /** Perimeter in mm. */
  readonly perimeter: number;
  /** Enclosed area in mm². */
  readonly area: number;
  /** Contour vertices as doubled padded-box indices (u, v interleaved): position = value/2 · spacing. */
  readonly vertices2: Int32Array;
}

/**
 * Contour of `mask` (non-zero inside) on a `nu × nv` grid (u fastest) with pixel spacing (su, sv) mm.
 * An empty mask gives a zero contour.
 */
export function marchingSquares(mask: ArrayLike<number>, nu: number, nv: number, su: number, sv: number): Contour2D {
  let u0 = nu, v0 = nv, u1 = -1, v1 = -1;
  for (let v = 0, p = 0; v < nv; v++) for (let u = 0; u < nu; u++, p++) {
    if (mask[p] === 0) continue;
    if (u < u0) u0 = u;
    if (u > u1) u1 = u;
    if (v < v0) v0 = v;
    if (v > v1) v1 = v;
  }
  if (u1 < 0) return { perimeter: 0, area: 0, vertices2: new Int32Array(0) };
  const pu = u1 - u0 + 3, pv = v1 - v0 + 3;
  const pm = new Uint8Array(pu * pv);
  for (let v = v0; v <= v1; v++) for (let u = u0; u <= u1; u++) pm[u - u0 + 1 + pu * (v - v0 + 1)] = mask[u + nu * v] !== 0 ? 1 : 0;
  // square corners q0 (0,0), q1 (1,0), q2 (1,1), q3 (0,1); edge k joins q_k and q_(k+1)
  const CU = [0, 1, 1, 0], CV = [0, 0, 1, 1];
  const EU = [0.5, 1, 0.5, 0], EV = [0, 0.5, 1, 0.5]; // edge midpoints
  let perimeter = 0, area2 = 0;
  const seg = (a: number, b: number, w: number, ou: number, ov: number) => {
    // orient a→b with inside corner w on the left: cross(b − a, w − a) > 0
    let au = EU[a], av = EV[a], bu = EU[b], bv = EV[b];
    if ((bu - au) * (CV[w] - av) - (bv - av) * (CU[w] - au) < 0) { [au, bu] = [bu, au]; [av, bv] = [bv, av]; }
    const Au = (ou + au) * su, Av = (ov + av) * sv, Bu = (ou + bu) * su, Bv = (ov + bv) * sv;
    perimeter += Math.hypot(Bu - Au, Bv - Av);
    area2 += Au * Bv - Bu * Av;
  };
  for (let v = 0; v < pv - 1; v++) {
    for (let u = 0; u < pu - 1; u++) {
      const p = u + pu * v;
      const q = [pm[p], pm[p + 1], pm[p + 1 + pu], pm[p + pu]];
      const n = q[0] + q[1] + q[2] + q[3];
      if (n === 0 || n === 4) continue;
      const crossed: number[] = [];
      for (let k = 0; k < 4; k++) if (q[k] !== q[(k + 1) % 4]) crossed.push(k);
      if (crossed.length === 2) {
        seg(crossed[0], crossed[1], q.indexOf(1), u, v);
      } else {
        for (let k = 0; k < 4; k++) if (q[k] === 1) seg((k + 3) % 4, k, k, u, v);
      }
    }
  }
  const verts: number[] = [];
  for (let v = 0; v < pv; v++) for (let u = 0; u < pu; u++) {
    const p = u + pu * v;
    if (u + 1 < pu && pm[p] !== pm[p + 1]) verts.push(2 * u + 1, 2 * v);
    if (v + 1 < pv && pm[p] !== pm[p + pu]) verts.push(2 * u, 2 * v + 1);
  }
  return { perimeter, area: area2 / 2, vertices2: Int32Array.from(verts) };
}
