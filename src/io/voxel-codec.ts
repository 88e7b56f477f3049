import { allocateVoxels, bytesPerVoxel, type VoxelArray, type VoxelType } from '../core/volume.js';

/** True on little-endian hosts (all platforms Node supports in practice). */
export const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Decodes `n` voxels of `type` starting at `offset` in `bytes` into a typed array. `littleEndian` is the byte order
 * of the stored data. The result is a copy, so it never aliases the file buffer, unless `ownsBytes` says the caller
 * hands `bytes` over (e.g. a buffer just inflated): then, when the voxels are aligned, they are a view on it (byte
 * swapped in place if needed), which saves a full-size copy.
 * The caller has checked that `offset + n·bytesPerVoxel(type) <= bytes.length`.
 */
export function decodeVoxels(bytes: Uint8Array, offset: number, n: number, type: VoxelType, littleEndian: boolean, opts: { ownsBytes?: boolean } = {}): VoxelArray {
  const bpv = bytesPerVoxel(type);
  const swap = bpv > 1 && littleEndian !== HOST_LITTLE_ENDIAN;
  const at = bytes.byteOffset + offset;
  if (opts.ownsBytes && at % bpv === 0) {
    if (swap) swapInPlace(bytes.subarray(offset, offset + n * bpv), bpv);
    return voxelView(type, bytes.buffer, at, n);
  }
  const out = allocateVoxels(type, n);
  const outBytes = new Uint8Array(out.buffer, out.byteOffset, n * bpv);
  outBytes.set(bytes.subarray(offset, offset + n * bpv));
  if (swap) swapInPlace(outBytes, bpv);
  return out;
}

/** A typed array of `type` over `n` voxels of `buffer` from byte `at` (aligned). */
function voxelView(type: VoxelType, buffer: ArrayBufferLike, at: number, n: number): VoxelArray {
  switch (type) {
    case 'float32': return new Float32Array(buffer, at, n);
    case 'float64': return new Float64Array(buffer, at, n);
    case 'int8': return new Int8Array(buffer, at, n);
    case 'uint8': return new Uint8Array(buffer, at, n);
    case 'int16': return new Int16Array(buffer, at, n);
    case 'uint16': return new Uint16Array(buffer, at, n);
    case 'int32': return new Int32Array(buffer, at, n);
    case 'uint32': return new Uint32Array(buffer, at, n);
  }
}

/** The bytes of a typed array in the requested byte order (a copy). */
export function encodeVoxels(data: VoxelArray, littleEndian = true): Uint8Array {
  const bpv = data.BYTES_PER_ELEMENT;
  const out = new Uint8Array(data.length * bpv);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.length * bpv));
  if (bpv > 1 && littleEndian !== HOST_LITTLE_ENDIAN) swapInPlace(out, bpv);
  return out;
}

/** Reverses the byte order of each `width`-byte word in place. */
export function swapInPlace(b: Uint8Array, width: number): void {
  for (let p = 0; p + width <= b.length; p += width) {
    for (let a = p, z = p + width - 1; a < z; a++, z--) {
      const t = b[a];
      b[a] = b[z];
      b[z] = t;
    }
  }
}
