import { GeometryMismatchError } from './errors.js';
import { IDENTITY3, type Mat3, type Vec3, mat3Inverse, mat3MulVec } from './vec.js';

/**
 * The grid of an image in physical space, exactly as SimpleITK/ITK report it (LPS, millimetres):
 *
 *   physical = origin + D · diag(spacing) · index
 *
 * where `index` = (i, j, k) is a voxel index (x fastest in memory), D is the 3×3 direction matrix given
 * row-major in `direction` (its columns are the physical directions of the i, j and k axes), and
 * `spacing` is the voxel size along i, j, k in mm.
 */
export interface Geometry {
  /** Number of voxels along i (x), j (y), k (z). */
  readonly size: Vec3;
  /** Voxel size along i, j, k in mm. */
  readonly spacing: Vec3;
  /** Physical position (LPS, mm) of the centre of voxel (0, 0, 0). */
  readonly origin: Vec3;
  /** Direction cosines, 3×3 row-major; columns are the axis directions. */
  readonly direction: Mat3;
}

/** Default tolerance of geometry comparisons, as SimpleITK's `IsSameImageGeometryAs` (1e-6, relative to spacing). */
export const GEOMETRY_TOLERANCE = 1e-6;

/** Builds a frozen Geometry, checking shapes and values. */
export function makeGeometry(g: {
  size: ArrayLike<number>;
  spacing?: ArrayLike<number>;
  origin?: ArrayLike<number>;
  direction?: ArrayLike<number>;
}): Geometry {
  const size = vec3(g.size, 'size');
  for (const s of size) {
    if (!Number.isInteger(s) || s < 1) throw new RangeError(`size must hold positive integers, got [${size.join(', ')}]`);
  }
  const spacing = g.spacing ? vec3(g.spacing, 'spacing') : ([1, 1, 1] as const);
  for (const s of spacing) {
    if (!Number.isFinite(s) || s <= 0) throw new RangeError(`spacing must be positive and finite, got [${spacing.join(', ')}]`);
  }
  const origin = g.origin ? vec3(g.origin, 'origin') : ([0, 0, 0] as const);
  for (const o of origin) if (!Number.isFinite(o)) throw new RangeError(`origin must be finite, got [${origin.join(', ')}]`);
  let direction: Mat3 = IDENTITY3;
  if (g.direction) {
    if (g.direction.length !== 9) throw new RangeError(`direction must have 9 numbers, got ${g.direction.length}`);
    direction = Array.from(g.direction) as unknown as Mat3;
    for (const d of direction) if (!Number.isFinite(d)) throw new RangeError('direction must be finite');
  }
  return Object.freeze({
    size: Object.freeze([...size]) as unknown as Vec3,
    spacing: Object.freeze([...spacing]) as unknown as Vec3,
    origin: Object.freeze([...origin]) as unknown as Vec3,
    direction: Object.freeze([...direction]) as unknown as Mat3,
  });
}

function vec3(a: ArrayLike<number>, name: string): [number, number, number] {
  if (a.length !== 3) throw new RangeError(`${name} must have 3 numbers, got ${a.length}`);
  return [Number(a[0]), Number(a[1]), Number(a[2])];
}

/** Total number of voxels. */
export function voxelCount(g: Pick<Geometry, 'size'>): number {
  return g.size[0] * g.size[1] * g.size[2];
}

/** Linear offset of voxel (i, j, k) in the data array (x fastest). */
export function linearIndex(g: Pick<Geometry, 'size'>, i: number, j: number, k: number): number {
  return i + g.size[0] * (j + g.size[1] * k);
}

/** Continuous index (i, j, k) → physical point (LPS mm), as ITK's TransformContinuousIndexToPhysicalPoint. */
export function indexToPhysical(g: Geometry, index: Vec3): [number, number, number] {
  const scaled: Vec3 = [index[0] * g.spacing[0], index[1] * g.spacing[1], index[2] * g.spacing[2]];
  const r = mat3MulVec(g.direction, scaled);
  return [r[0] + g.origin[0], r[1] + g.origin[1], r[2] + g.origin[2]];
}

/** Physical point (LPS mm) → continuous index, the inverse of {@link indexToPhysical}. */
export function physicalToIndex(g: Geometry, p: Vec3): [number, number, number] {
  const inv = mat3Inverse(g.direction);
  const d = mat3MulVec(inv, [p[0] - g.origin[0], p[1] - g.origin[1], p[2] - g.origin[2]]);
  return [d[0] / g.spacing[0], d[1] / g.spacing[1], d[2] / g.spacing[2]];
}

/** A description of how two geometries differ, or `null` when they agree within `tolerance`. */
export function geometryDifference(a: Geometry, b: Geometry, tolerance = GEOMETRY_TOLERANCE): string | null {
  for (let d = 0; d < 3; d++) {
    if (a.size[d] !== b.size[d]) return `size [${a.size.join(', ')}] vs [${b.size.join(', ')}]`;
  }
  // Like ITK's ImageToImageFilter check: tolerance relative to the smallest spacing for origin, absolute for direction.
  const scale = Math.min(a.spacing[0], a.spacing[1], a.spacing[2]);
  for (let d = 0; d < 3; d++) {
    if (Math.abs(a.spacing[d] - b.spacing[d]) > tolerance * scale) return `spacing [${fmt(a.spacing)}] vs [${fmt(b.spacing)}]`;
  }
  for (let d = 0; d < 3; d++) {
    if (Math.abs(a.origin[d] - b.origin[d]) > tolerance * scale) return `origin [${fmt(a.origin)}] vs [${fmt(b.origin)}]`;
  }
  for (let d = 0; d < 9; d++) {
    if (Math.abs(a.direction[d] - b.direction[d]) > tolerance) return `direction [${fmt(a.direction)}] vs [${fmt(b.direction)}]`;
  }
  return null;
}

/** True when two geometries agree within `tolerance` (SimpleITK's `IsSameImageGeometryAs`). */
export function sameGeometry(a: Geometry, b: Geometry, tolerance = GEOMETRY_TOLERANCE): boolean {
  return geometryDifference(a, b, tolerance) === null;
}

/** Throws a {@link GeometryMismatchError} naming the difference when two geometries differ. */
export function assertSameGeometry(a: Geometry, b: Geometry, what = 'image and mask', tolerance = GEOMETRY_TOLERANCE, file?: string): void {
  const diff = geometryDifference(a, b, tolerance);
  if (diff !== null) {
    throw new GeometryMismatchError(`the ${what} do not share the same grid`, {
      file,
      expected: `identical size, spacing, origin and direction (tolerance ${tolerance})`,
      found: diff,
      fix: 'resample the mask onto the image grid (e.g. in 3D Slicer) or export both from the same series.',
    });
  }
}

/** The geometry part of any object that has one (drops `data` and anything else). */
export function geometryOf(g: Geometry): Geometry {
  return makeGeometry(g);
}

function fmt(a: readonly number[]): string {
  return a.map((x) => Number(x.toPrecision(10))).join(', ');
}
