import { CorruptFileError, UnsupportedFormatError } from '../core/errors.js';
import type { VoxelType } from '../core/volume.js';
import { bytePreview } from './bytes.js';

/**
 * The fields of a NIfTI-1 header (nifti1.h, NIfTI DFWG 2004) that dlrn uses. Byte offsets are those of
 * the 348-byte `nifti_1_header` struct. Floats are the stored float32 values.
 */
export interface NiftiHeader {
  /** True when the file is little-endian (detected from sizeof_hdr = 348). */
  readonly littleEndian: boolean;
  /** `"n+1"` (single file .nii) or `"ni1"` (header/image pair .hdr/.img). */
  readonly magic: 'n+1' | 'ni1';
  /** dim[0..7]. */
  readonly dim: readonly number[];
  /** NIfTI datatype code (2 uint8, 4 int16, 8 int32, 16 float32, 64 float64, 256 int8, 512 uint16, 768 uint32 ...). */
  readonly datatype: number;
  readonly bitpix: number;
  /** pixdim[0..7]; pixdim[0] is qfac (−1 or 1). */
  readonly pixdim: readonly number[];
  /** Byte offset of the voxel data in a .nii file. */
  readonly voxOffset: number;
  readonly sclSlope: number;
  readonly sclInter: number;
  /** xyzt_units byte: spatial units in bits 0-2 (1 m, 2 mm, 3 µm), time units in bits 3-5. */
  readonly xyztUnits: number;
  readonly intentCode: number;
  readonly qformCode: number;
  readonly sformCode: number;
  readonly quatern: readonly [number, number, number];
  readonly qoffset: readonly [number, number, number];
  /** srow_x, srow_y, srow_z (3 rows of 4). */
  readonly srow: readonly [readonly number[], readonly number[], readonly number[]];
  readonly descrip: string;
}

/** Size of the NIfTI-1 header in bytes. */
export const NIFTI1_HEADER_SIZE = 348;

/** NIfTI datatype codes dlrn reads and writes, with their voxel types. */
export const NIFTI_DATATYPES: ReadonlyMap<number, VoxelType> = new Map<number, VoxelType>([
  [2, 'uint8'], [4, 'int16'], [8, 'int32'], [16, 'float32'], [64, 'float64'],
  [256, 'int8'], [512, 'uint16'], [768, 'uint32'],
]);

/** Names of the NIfTI datatypes dlrn does not read, for error messages. */
const UNSUPPORTED_DATATYPES: ReadonlyMap<number, string> = new Map([
  [1, 'binary (1 bit)'], [32, 'complex64'], [128, 'RGB24'], [1024, 'int64'], [1280, 'uint64'],
  [1536, 'float128'], [1792, 'complex128'], [2048, 'complex256'], [2304, 'RGBA32'],
]);

/** The NIfTI datatype code of a voxel type (inverse of {@link NIFTI_DATATYPES}). */
export function niftiDatatypeOf(type: VoxelType): number {
  for (const [code, t] of NIFTI_DATATYPES) if (t === type) return code;
  throw new UnsupportedFormatError(`voxel type ${type} cannot be written to NIfTI`);
}

/** True when the bytes look like a NIfTI-1 header (sizeof_hdr 348 in either byte order and a NIfTI magic). */
export function looksLikeNifti(bytes: Uint8Array): boolean {
  if (bytes.length < NIFTI1_HEADER_SIZE) return false;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = dv.getInt32(0, true) === NIFTI1_HEADER_SIZE;
  const be = dv.getInt32(0, false) === NIFTI1_HEADER_SIZE;
  return le || be;
}

/**
 * Parses and validates a NIfTI-1 header. Throws {@link UnsupportedFormatError} for NIfTI-2 or Analyze
 * files and unsupported datatypes, {@link CorruptFileError} for impossible values.
 */
export function parseNiftiHeader(bytes: Uint8Array, file?: string): NiftiHeader {
  if (bytes.length < 4) {
    throw new CorruptFileError('the NIfTI header is truncated', { file, expected: `a header of ${NIFTI1_HEADER_SIZE} bytes`, found: `${bytes.length} bytes` });
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sizeLE = dv.getInt32(0, true);
  const sizeBE = dv.getInt32(0, false);
  if (sizeLE === 540 || sizeBE === 540) {
    throw new UnsupportedFormatError('NIfTI-2 files are not supported', { file, expected: 'a NIfTI-1 file (sizeof_hdr 348)', found: 'a NIfTI-2 header (sizeof_hdr 540)', fix: 'convert it to NIfTI-1, e.g. with SimpleITK (sitk.WriteImage) or nibabel (nib.Nifti1Image).' });
  }
  if (sizeLE !== NIFTI1_HEADER_SIZE && sizeBE !== NIFTI1_HEADER_SIZE) {
    throw new UnsupportedFormatError('not a NIfTI-1 file', { file, expected: 'sizeof_hdr = 348 in the first 4 bytes', found: bytePreview(bytes), fix: 'check the file: it is neither NIfTI nor gzip-compressed NIfTI.' });
  }
  const le = sizeLE === NIFTI1_HEADER_SIZE;
  if (bytes.length < NIFTI1_HEADER_SIZE) {
    throw new CorruptFileError('the NIfTI header is truncated', { file, expected: `a header of ${NIFTI1_HEADER_SIZE} bytes`, found: `${bytes.length} bytes`, fix: 'the file was cut short; export it again.' });
  }
  const magicBytes = bytes.subarray(344, 348);
  const magicStr = String.fromCharCode(magicBytes[0], magicBytes[1], magicBytes[2]);
  if (!((magicStr === 'n+1' || magicStr === 'ni1') && magicBytes[3] === 0)) {
    throw new UnsupportedFormatError('Analyze 7.5 or unknown header (no NIfTI-1 magic)', {
      file, expected: 'magic "n+1\\0" or "ni1\\0" at byte 344', found: JSON.stringify(String.fromCharCode(...magicBytes)),
      fix: 'Analyze files have no reliable orientation; convert them to NIfTI with the orientation checked (e.g. in 3D Slicer).',
    });
  }
  const i16 = (o: number): number => dv.getInt16(o, le);
  const f32 = (o: number): number => dv.getFloat32(o, le);
  const dim = Array.from({ length: 8 }, (_, i) => i16(40 + 2 * i));
  const pixdim = Array.from({ length: 8 }, (_, i) => f32(76 + 4 * i));
  const srow = [0, 1, 2].map((r) => Array.from({ length: 4 }, (_, c) => f32(280 + 16 * r + 4 * c))) as [number[], number[], number[]];
  let descrip = '';
  for (let i = 148; i < 228 && bytes[i] !== 0; i++) descrip += String.fromCharCode(bytes[i]);
  const h: NiftiHeader = {
    littleEndian: le,
    magic: magicStr,
    dim,
    datatype: i16(70),
    bitpix: i16(72),
    pixdim,
    voxOffset: f32(108),
    sclSlope: f32(112),
    sclInter: f32(116),
    xyztUnits: bytes[123],
    intentCode: i16(68),
    qformCode: i16(252),
    sformCode: i16(254),
    quatern: [f32(256), f32(260), f32(264)],
    qoffset: [f32(268), f32(272), f32(276)],
    srow,
    descrip,
  };
  validateHeader(h, file);
  return h;
}

function validateHeader(h: NiftiHeader, file: string | undefined): void {
  const nd = h.dim[0];
  if (!(nd >= 1 && nd <= 7)) {
    throw new CorruptFileError('the NIfTI header has an invalid number of dimensions', { file, expected: 'dim[0] between 1 and 7', found: `dim[0] = ${nd}` });
  }
  for (let i = 1; i <= nd; i++) {
    if (!(h.dim[i] >= 1)) {
      throw new CorruptFileError('the NIfTI header has an invalid dimension size', { file, expected: `dim[${i}] >= 1`, found: `dim = [${h.dim.slice(1, nd + 1).join(', ')}]` });
    }
  }
  for (let i = 4; i <= nd; i++) {
    if (h.dim[i] > 1) {
      throw new UnsupportedFormatError(`${nd}-D NIfTI images are not supported`, {
        file, expected: 'a 2-D or 3-D image', found: `dim = [${h.dim.slice(1, nd + 1).join(', ')}]`,
        fix: 'extract one 3-D volume first (e.g. fslroi, or sitk image[:, :, :, t]).',
      });
    }
  }
  const type = NIFTI_DATATYPES.get(h.datatype);
  if (type === undefined) {
    const name = UNSUPPORTED_DATATYPES.get(h.datatype);
    throw new UnsupportedFormatError('unsupported NIfTI voxel data type', {
      file, expected: 'uint8, int8, int16, uint16, int32, uint32, float32 or float64',
      found: name ? `${name} (datatype ${h.datatype})` : `unknown datatype code ${h.datatype}`,
      fix: 'convert the image to a scalar type, e.g. with SimpleITK sitk.Cast(image, sitk.sitkFloat32).',
    });
  }
  if (h.intentCode === 1005 || h.intentCode === 1007 || h.intentCode === 1004) {
    throw new UnsupportedFormatError('vector, symmetric-matrix or general-matrix NIfTI images are not supported', { file, expected: 'a scalar image', found: `intent_code ${h.intentCode}` });
  }
  if (h.magic === 'n+1' && !(Number.isFinite(h.voxOffset) && h.voxOffset >= 0)) {
    throw new CorruptFileError('the NIfTI header has an invalid vox_offset', { file, expected: 'vox_offset >= 352', found: `vox_offset = ${h.voxOffset}` });
  }
}

/** The voxel type of a parsed header (validated by {@link parseNiftiHeader}). */
export function niftiVoxelType(h: NiftiHeader): VoxelType {
  return NIFTI_DATATYPES.get(h.datatype)!;
}
