import { CorruptFileError } from './errors.js';
import { type Geometry, makeGeometry, voxelCount } from './geometry.js';

/** Typed arrays a Volume may hold. */
export type VoxelArray =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array;

/** Names of voxel data types (as in NRRD/ITK: `uint8`, `int16`, `float32`, ...). */
export type VoxelType = 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'float32' | 'float64';

/**
 * An image: voxels (x fastest: index = i + nx·(j + ny·k)) plus the grid that places them in physical space.
 * Volumes are treated as immutable values: functions return new volumes and never write to `data` of their inputs.
 */
export interface Volume<T extends VoxelArray = VoxelArray> extends Geometry {
  readonly data: T;
}

/** Builds a Volume, checking that the data length matches the grid. */
export function makeVolume<T extends VoxelArray>(geometry: Geometry | Parameters<typeof makeGeometry>[0], data: T): Volume<T> {
  const g = makeGeometry(geometry);
  const n = voxelCount(g);
  if (data.length !== n) {
    throw new CorruptFileError('voxel data does not match the grid size', {
      expected: `${n} voxels (${g.size.join('×')})`,
      found: `${data.length} values`,
    });
  }
  return Object.freeze({ ...g, data });
}

/** A new Volume on the same grid with other data. */
export function withData<T extends VoxelArray>(like: Geometry, data: T): Volume<T> {
  return makeVolume(like, data);
}

/** The data type name of a typed array. */
export function voxelTypeOf(data: VoxelArray): VoxelType {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Float64Array) return 'float64';
  if (data instanceof Int8Array) return 'int8';
  if (data instanceof Uint8Array) return 'uint8';
  if (data instanceof Int16Array) return 'int16';
  if (data instanceof Uint16Array) return 'uint16';
  if (data instanceof Int32Array) return 'int32';
  return 'uint32';
}

/** Allocates a zero-filled typed array of the given type. */
export function allocateVoxels(type: VoxelType, n: number): VoxelArray {
  switch (type) {
    case 'float32': return new Float32Array(n);
    case 'float64': return new Float64Array(n);
    case 'int8': return new Int8Array(n);
    case 'uint8': return new Uint8Array(n);
    case 'int16': return new Int16Array(n);
    case 'uint16': return new Uint16Array(n);
    case 'int32': return new Int32Array(n);
    case 'uint32': return new Uint32Array(n);
  }
}

/** Bytes per voxel of a type. */
export function bytesPerVoxel(type: VoxelType): number {
  switch (type) {
    case 'int8': case 'uint8': return 1;
    case 'int16': case 'uint16': return 2;
    case 'int32': case 'uint32': case 'float32': return 4;
    case 'float64': return 8;
  }
}

/** Minimum and maximum of the voxels (NaN are skipped; both NaN when all are NaN). */
export function intensityRange(data: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return { min: NaN, max: NaN };
  return { min, max };
}

/** A copy of the volume with voxels converted to Float64 (for accumulation). */
export function toFloat64(v: Volume): Volume<Float64Array> {
  return makeVolume(v, Float64Array.from(v.data));
}
