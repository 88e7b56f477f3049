import { allocateVoxels, bytesPerVoxel, type VoxelArray, type VoxelType } from '../core/volume.js';

/** True on little-endian hosts (all platforms Node supports in practice). */
export const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Decodes `n` voxels of `type` starting at `offset` in `bytes` into a new typed array (a copy, so the
 * result never aliases the file buffer). `littleEndian` is the byte order of the stored data.
 * The caller has checked that `offset + n·bytesPerVoxel(type) <= bytes.length`.
 */
export function decodeVoxels(bytes: Uint8Array, offset: number, n: number, type: VoxelType, littleEndian: boolean): VoxelArray {
  const bpv = bytesPerVoxel(type);
  const out = allocateVoxels(type, n);
  const outBytes = new Uint8Array(out.buffer, out.byteOffset, n * bpv);
  outBytes.set(bytes.subarray(offset, offset + n * bpv));
  if (bpv > 1 && littleEndian !== HOST_LITTLE_ENDIAN) swapInPlace(outBytes, bpv);
  return out;
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
