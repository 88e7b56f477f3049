import { InvalidInputError } from '../../../core/errors.js';

/** A displacement between neighbouring voxels, as (dx, dy, dz) = (i, j, k) steps. */
export type Direction = readonly [number, number, number];

/**
 * The 13 unique 3D directions at Chebyshev distance 1 (one of each ± pair), IBSI "3D" neighbourhood.
 * The order is PyRadiomics' angle order (its angles are (z, y, x); here they are written (x, y, z)), so
 * per-angle matrices line up with PyRadiomics' `P_glcm[:, :, a]`.
 */
export const DIRECTIONS_3D: readonly Direction[] = pyradiomicsDirections([1], -1, [Infinity, Infinity, Infinity]);

/** The 4 unique in-plane (k-slice) directions at Chebyshev distance 1, IBSI "2D" neighbourhood, in PyRadiomics order. */
export const DIRECTIONS_2D: readonly Direction[] = pyradiomicsDirections([1], 0, [Infinity, Infinity, Infinity]);

/** Axis index (0 = x/i, 1 = y/j, 2 = z/k) of PyRadiomics' `force2Ddimension` (0 = z, 1 = y, 2 = x). */
export function axisOfForce2DDimension(force2Ddimension: number): 0 | 1 | 2 {
  if (force2Ddimension === 0) return 2;
  if (force2Ddimension === 1) return 1;
  if (force2Ddimension === 2) return 0;
  throw new InvalidInputError('invalid force2Ddimension', { expected: '0 (axial, k), 1 (coronal, j) or 2 (sagittal, i)', found: String(force2Ddimension) });
}

/**
 * The unique directions (one of each ± pair) PyRadiomics uses for texture matrices: every offset whose
 * Chebyshev norm is one of `distances`, that does not move along the out-of-plane axis when forced 2D, and
 * that is shorter than the ROI extent along each axis. Order: PyRadiomics' `build_angles` order
 * (offsets in (z, y, x) from +d to −d, z slowest), keeping the offsets whose first non-zero (z, y, x)
 * component is positive.
 *
 * @param distances - Chebyshev distances (PyRadiomics setting `distances`, default [1]); positive integers.
 * @param force2Ddimension - PyRadiomics' out-of-plane dimension (0 = z, 1 = y, 2 = x), or −1 for 3D.
 * @param extent - ROI extent (x, y, z) in voxels; offsets with |offset| ≥ extent along an axis are skipped.
 */
export function pyradiomicsDirections(distances: readonly number[], force2Ddimension: number, extent: readonly [number, number, number]): Direction[] {
  if (distances.length === 0) throw new InvalidInputError('empty distances list', { expected: 'at least one positive integer distance, e.g. [1]' });
  for (const d of distances) {
    if (!Number.isInteger(d) || d < 1) throw new InvalidInputError('invalid texture distance', { expected: 'positive integers', found: String(d) });
  }
  const outAxis = force2Ddimension < 0 ? -1 : axisOfForce2DDimension(force2Ddimension);
  const dmax = Math.max(...distances);
  const out: Direction[] = [];
  for (let oz = dmax; oz >= -dmax; oz--) {
    for (let oy = dmax; oy >= -dmax; oy--) {
      for (let ox = dmax; ox >= -dmax; ox--) {
        const first = oz !== 0 ? oz : oy !== 0 ? oy : ox;
        if (first <= 0) continue; // zero offset or the mirrored half
        const off = [ox, oy, oz];
        if (outAxis >= 0 && off[outAxis] !== 0) continue;
        if (Math.abs(ox) >= extent[0] || Math.abs(oy) >= extent[1] || Math.abs(oz) >= extent[2]) continue;
        const cheb = Math.max(Math.abs(ox), Math.abs(oy), Math.abs(oz));
        if (!distances.includes(cheb)) continue;
        out.push([ox, oy, oz]);
      }
    }
  }
  return out;
}

/** Chebyshev norm of a direction (its distance δ). */
export function chebyshev(d: Direction): number {
  return Math.max(Math.abs(d[0]), Math.abs(d[1]), Math.abs(d[2]));
}

/**
 * IBSI neighbour directions at Chebyshev distance δ: the 13 (3D) or 4 (2D, in the k-plane) unit directions
 * multiplied by δ (IBSI 1 §3.6: "direction vectors are multiplied by the desired distance").
 */
export function ibsiDirections(dims: '2D' | '3D', distance: number): Direction[] {
  checkDistance(distance);
  const base = dims === '2D' ? DIRECTIONS_2D : DIRECTIONS_3D;
  return base.map((d) => [d[0] * distance, d[1] * distance, d[2] * distance] as const);
}

/** Throws InvalidInputError unless `distance` is a positive integer. */
export function checkDistance(distance: number): void {
  if (!Number.isInteger(distance) || distance < 1) {
    throw new InvalidInputError('invalid texture distance', { expected: 'a positive integer (Chebyshev distance δ, usually 1)', found: String(distance) });
  }
}
