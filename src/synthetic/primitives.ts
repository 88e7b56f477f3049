import type { TissueCode } from './tissues.js';

/** A point or vector (mm) as a plain tuple (JSON-friendly). */
export type P3 = readonly [number, number, number];

/** An ellipsoid with semi-axes `semi` (mm) rotated by `yaw` (rad) about z and `pitch` (rad) about x. */
export interface EllipsoidShape {
  readonly kind: 'ellipsoid';
  readonly c: P3;
  readonly semi: P3;
  readonly yaw: number;
  readonly pitch: number;
}

/** A tapered capsule (round cone): the segment a→b swept by a sphere whose radius goes from ra to rb. */
export interface CapsuleShape {
  readonly kind: 'capsule';
  readonly a: P3;
  readonly b: P3;
  readonly ra: number;
  readonly rb: number;
}

export type Shape = EllipsoidShape | CapsuleShape;

/** A shape filled with one tissue at one HU value, painted over the tissues in `over` (all when absent). */
export interface Primitive {
  readonly shape: Shape;
  readonly tissue: TissueCode;
  readonly hu: number;
  /** Tissue codes this primitive may replace; absent = any. */
  readonly over?: readonly TissueCode[];
}

/** Builds an ellipsoid shape. */
export function ellipsoid(c: P3, semi: P3, yaw = 0, pitch = 0): EllipsoidShape {
  return { kind: 'ellipsoid', c, semi, yaw, pitch };
}

/** Builds a tapered capsule shape. */
export function capsule(a: P3, b: P3, ra: number, rb = ra): CapsuleShape {
  return { kind: 'capsule', a, b, ra, rb };
}

/**
 * Normalised radius of a point in an ellipsoid's frame: |R⁻¹(q − c) / semi|, < 1 inside. Also returns the
 * Euclidean distance |q − c| through `out[0]`.
 */
export function ellipsoidRho(e: EllipsoidShape, x: number, y: number, z: number, out?: Float64Array): number {
  const dx = x - e.c[0], dy = y - e.c[1], dz = z - e.c[2];
  const cy = Math.cos(e.yaw), sy = Math.sin(e.yaw);
  // undo yaw (about z), then pitch (about x)
  const u = cy * dx + sy * dy;
  const v0 = -sy * dx + cy * dy;
  const cp = Math.cos(e.pitch), sp = Math.sin(e.pitch);
  const v = cp * v0 + sp * dz;
  const w = -sp * v0 + cp * dz;
  if (out) out[0] = Math.sqrt(dx * dx + dy * dy + dz * dz);
  const a = u / e.semi[0], b = v / e.semi[1], c = w / e.semi[2];
  return Math.sqrt(a * a + b * b + c * c);
}

const scratch = new Float64Array(1);

/**
 * Approximate signed distance (mm) to a shape's surface, negative inside. Exact for spheres and
 * uniform capsules; for ellipsoids it is the distance along the ray from the centre, |q − c|·(1 − 1/ρ).
 */
export function signedDistance(s: Shape, x: number, y: number, z: number): number {
  if (s.kind === 'ellipsoid') {
    const rho = ellipsoidRho(s, x, y, z, scratch);
    if (rho < 1e-9) return -Math.min(s.semi[0], s.semi[1], s.semi[2]);
    return scratch[0] * (1 - 1 / rho);
  }
  const abx = s.b[0] - s.a[0], aby = s.b[1] - s.a[1], abz = s.b[2] - s.a[2];
  const apx = x - s.a[0], apy = y - s.a[1], apz = z - s.a[2];
  const l2 = abx * abx + aby * aby + abz * abz;
  let t = l2 > 0 ? (apx * abx + apy * aby + apz * abz) / l2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const dx = apx - t * abx, dy = apy - t * aby, dz = apz - t * abz;
  return Math.sqrt(dx * dx + dy * dy + dz * dz) - (s.ra + t * (s.rb - s.ra));
}

/** Axis-aligned bounding box [lo, hi] (head mm) of a shape, grown by `margin` mm. */
export function shapeBox(s: Shape, margin = 0): { lo: [number, number, number]; hi: [number, number, number] } {
  if (s.kind === 'ellipsoid') {
    const r = Math.max(s.semi[0], s.semi[1], s.semi[2]) + margin;
    return { lo: [s.c[0] - r, s.c[1] - r, s.c[2] - r], hi: [s.c[0] + r, s.c[1] + r, s.c[2] + r] };
  }
  const r = Math.max(s.ra, s.rb) + margin;
  return {
    lo: [Math.min(s.a[0], s.b[0]) - r, Math.min(s.a[1], s.b[1]) - r, Math.min(s.a[2], s.b[2]) - r],
    hi: [Math.max(s.a[0], s.b[0]) + r, Math.max(s.a[1], s.b[1]) + r, Math.max(s.a[2], s.b[2]) + r],
  };
}


/**
 * Constants of a shape for the inlined signed distance of the painters (same formulas as
 * `signedDistance`): ellipsoid [0, cx, cy, cz, cos yaw, sin yaw, cos pitch, sin pitch, 1/a, 1/b, 1/c, min semi];
 * capsule [1, ax, ay, az, abx, aby, abz, 1/|ab|², ra, rb − ra].
 */
export function shapeConstants(s: Shape): Float64Array {
  if (s.kind === 'ellipsoid') {
    return Float64Array.of(0, s.c[0], s.c[1], s.c[2], Math.cos(s.yaw), Math.sin(s.yaw), Math.cos(s.pitch), Math.sin(s.pitch), 1 / s.semi[0], 1 / s.semi[1], 1 / s.semi[2], Math.min(s.semi[0], s.semi[1], s.semi[2]));
  }
  const abx = s.b[0] - s.a[0], aby = s.b[1] - s.a[1], abz = s.b[2] - s.a[2];
  const l2 = abx * abx + aby * aby + abz * abz;
  return Float64Array.of(1, s.a[0], s.a[1], s.a[2], abx, aby, abz, l2 > 0 ? 1 / l2 : 0, s.ra, s.rb - s.ra);
}
