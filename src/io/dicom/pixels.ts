import { CorruptFileError, UnsupportedFormatError } from '../../core/errors.js';
import { allocateVoxels, type VoxelArray, type VoxelType } from '../../core/volume.js';
import type { DicomDataset } from './dataset.js';
import { compressedSyntaxName } from './parse.js';
import { T } from './tags.js';

/** The Image Pixel module attributes of one image (PS3.3 C.7.6.3). */
export interface PixelFormat {
  readonly rows: number;
  readonly columns: number;
  readonly bitsAllocated: number;
  readonly bitsStored: number;
  readonly highBit: number;
  /** 0 unsigned, 1 two's complement. */
  readonly pixelRepresentation: number;
  readonly samplesPerPixel: number;
  readonly frames: number;
}

/** Reads and checks the pixel format of a dataset. */
export function pixelFormat(ds: DicomDataset): PixelFormat {
  const file = ds.file;
  const rows = ds.number(T.Rows, undefined, 'US');
  const columns = ds.number(T.Columns, undefined, 'US');
  const bitsAllocated = ds.number(T.BitsAllocated, undefined, 'US');
  if (rows === undefined || columns === undefined || bitsAllocated === undefined || rows < 1 || columns < 1) {
    throw new CorruptFileError('the DICOM image has no valid Rows/Columns/BitsAllocated', { file, expected: 'Rows (0028,0010), Columns (0028,0011) and BitsAllocated (0028,0100)', found: `rows ${rows}, columns ${columns}, bits ${bitsAllocated}` });
  }
  const bitsStored = ds.number(T.BitsStored, bitsAllocated, 'US')!;
  const highBit = ds.number(T.HighBit, bitsStored - 1, 'US')!;
  const pixelRepresentation = ds.number(T.PixelRepresentation, 0, 'US')!;
  const samplesPerPixel = ds.number(T.SamplesPerPixel, 1, 'US')!;
  const frames = ds.number(T.NumberOfFrames, 1)!;
  if (![1, 8, 16, 32].includes(bitsAllocated) || bitsStored < 1 || bitsStored > bitsAllocated || highBit < bitsStored - 1 || highBit >= bitsAllocated) {
    throw new UnsupportedFormatError('unsupported DICOM pixel layout', { file, expected: 'BitsAllocated 8, 16 or 32 with BitsStored ≤ BitsAllocated', found: `BitsAllocated ${bitsAllocated}, BitsStored ${bitsStored}, HighBit ${highBit}` });
  }
  if (samplesPerPixel !== 1) {
    throw new UnsupportedFormatError('colour DICOM images are not supported', { file, expected: 'SamplesPerPixel 1 (a grey-scale CT/MR image)', found: `SamplesPerPixel ${samplesPerPixel}` });
  }
  if (!Number.isInteger(frames) || frames < 1) throw new CorruptFileError('invalid NumberOfFrames', { file, found: String(frames) });
  return { rows, columns, bitsAllocated, bitsStored, highBit, pixelRepresentation, samplesPerPixel, frames };
}

/** Minimum and maximum stored values of a pixel format (from BitsStored, as GDCM's PixelFormat::GetMin/GetMax). */
export function storedRange(pf: PixelFormat): [number, number] {
  return pf.pixelRepresentation === 1 ? [-(2 ** (pf.bitsStored - 1)), 2 ** (pf.bitsStored - 1) - 1] : [0, 2 ** pf.bitsStored - 1];
}

/** The voxel type of the stored values (from BitsAllocated and PixelRepresentation). */
export function storedType(pf: PixelFormat): VoxelType {
  const s = pf.pixelRepresentation === 1;
  switch (pf.bitsAllocated) {
    case 8: return s ? 'int8' : 'uint8';
    case 16: return s ? 'int16' : 'uint16';
    default: return s ? 'int32' : 'uint32';
  }
}

/**
 * The voxel type SimpleITK gives a rescaled image (GDCM `Rescaler::ComputeInterceptSlopePixelType`):
 * no rescale → the stored type; non-integer slope or intercept → float64; otherwise the smallest integer
 * type holding slope·[min,max] + intercept of the BitsStored range.
 */
export function rescaledType(pf: PixelFormat, rescales: readonly { slope: number; intercept: number }[]): VoxelType {
  if (rescales.every((r) => r.slope === 1 && r.intercept === 0)) return storedType(pf);
  if (rescales.some((r) => !Number.isInteger(r.slope) || !Number.isInteger(r.intercept))) return 'float64';
  const [smin, smax] = storedRange(pf);
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rescales) {
    const a = r.slope * smin + r.intercept;
    const b = r.slope * smax + r.intercept;
    lo = Math.min(lo, a, b);
    hi = Math.max(hi, a, b);
  }
  if (lo >= 0) return hi <= 255 ? 'uint8' : hi <= 65535 ? 'uint16' : hi <= 4294967295 ? 'uint32' : 'float64';
  if (lo >= -128 && hi <= 127) return 'int8';
  if (lo >= -32768 && hi <= 32767) return 'int16';
  if (lo >= -2147483648 && hi <= 2147483647) return 'int32';
  return 'float64';
}

/** Throws when the pixel data is compressed (encapsulated) in a syntax dlrn does not decode. */
export function assertNativePixelData(ds: DicomDataset): void {
  const el = ds.element(T.PixelData);
  if (!el) throw new CorruptFileError('the DICOM image has no pixel data', { file: ds.file, expected: 'a Pixel Data element (7FE0,0010)' });
  const name = compressedSyntaxName(ds.transferSyntax ?? '');
  if (el.fragments || name !== null) {
    throw new UnsupportedFormatError(`compressed DICOM pixel data (${name ?? 'encapsulated'}) is not supported`, {
      file: ds.file, expected: 'uncompressed pixel data (implicit/explicit VR little endian, explicit big endian or deflated)', found: `transfer syntax ${ds.transferSyntax}`,
      fix: 'decompress the series first, e.g. `gdcmconv --raw in.dcm out.dcm` or `dcmdjpeg in.dcm out.dcm` (or export uncompressed from the PACS).',
    });
  }
}

/**
 * Decodes frame `frame` of a dataset's native pixel data into `out` (starting at `outOffset`), as
 * `slope·stored + intercept`. Stored values are extracted from BitsStored/HighBit and sign-extended for
 * PixelRepresentation 1. BitsAllocated 1 (packed bits, as in binary SEG) is supported.
 */
export function decodeFrame(ds: DicomDataset, pf: PixelFormat, frame: number, out: VoxelArray, outOffset: number, slope = 1, intercept = 0): void {
  const el = ds.element(T.PixelData);
  if (!el || el.items || el.fragments) {
    throw new CorruptFileError('the DICOM image has no native pixel data', { file: ds.file, expected: 'an uncompressed Pixel Data element (7FE0,0010)', found: el ? 'a sequence or encapsulated fragments' : 'none' });
  }
  const n = pf.rows * pf.columns;
  const bits = pf.bitsAllocated;
  const totalBits = n * pf.frames * bits;
  const needBytes = Math.ceil(totalBits / 8);
  if (frame < 0 || frame >= pf.frames) throw new RangeError(`frame ${frame} of ${pf.frames}`);
  if (el.length < needBytes || el.offset + needBytes > ds.bytes.length) {
    throw new CorruptFileError('the DICOM pixel data is shorter than the image size', { file: ds.file, expected: `${needBytes} bytes for ${pf.frames} frame(s) of ${pf.columns}×${pf.rows}×${bits} bits`, found: `${el.length} bytes` });
  }
  const b = ds.bytes;
  const base = el.offset;
  // Work in a Float64Array so that the hot loops stay monomorphic; TypedArray.set converts natively.
  const tmp = new Float64Array(n);
  if (bits === 1) {
    unpackBits(b, base, frame * n, tmp);
  } else {
    const bpv = bits / 8;
    const start = base + frame * n * bpv;
    const aligned = allocateVoxels(storedType(pf), n);
    const view = new Uint8Array(aligned.buffer, aligned.byteOffset, n * bpv);
    view.set(b.subarray(start, start + n * bpv));
    if (bpv > 1 && !ds.littleEndian) {
      for (let p = 0; p < view.length; p += bpv) view.subarray(p, p + bpv).reverse();
    }
    tmp.set(aligned);
    const shift = pf.highBit + 1 - pf.bitsStored;
    if (pf.bitsStored < bits || shift > 0) extractStoredBits(tmp, shift, pf.bitsStored, pf.pixelRepresentation === 1);
  }
  if (slope !== 1 || intercept !== 0) for (let p = 0; p < n; p++) tmp[p] = tmp[p] * slope + intercept;
  out.set(tmp, outOffset);
}

/** Unpacks n bits (LSB first) starting at bit `firstBit` of the bytes from `base`. */
function unpackBits(b: Uint8Array, base: number, firstBit: number, out: Float64Array): void {
  const n = out.length;
  let p = 0;
  let bit = firstBit;
  for (; p < n && (bit & 7) !== 0; p++, bit++) out[p] = (b[base + (bit >> 3)] >> (bit & 7)) & 1;
  let byte = base + (bit >> 3);
  for (; p + 8 <= n; p += 8, byte++) {
    const v = b[byte];
    if (v === 0) continue; // out is zero-initialised
    out[p] = v & 1; out[p + 1] = (v >> 1) & 1; out[p + 2] = (v >> 2) & 1; out[p + 3] = (v >> 3) & 1;
    out[p + 4] = (v >> 4) & 1; out[p + 5] = (v >> 5) & 1; out[p + 6] = (v >> 6) & 1; out[p + 7] = (v >> 7) & 1;
  }
  for (let q = 0; p < n; p++, q++) out[p] = (b[byte] >> q) & 1;
}

/** Keeps BitsStored bits from HighBit down (shift = HighBit + 1 − BitsStored), sign-extending when signed. */
function extractStoredBits(v: Float64Array, shift: number, bitsStored: number, signed: boolean): void {
  const mask = bitsStored >= 32 ? 0xffffffff : 2 ** bitsStored - 1;
  const signBit = 2 ** (bitsStored - 1);
  for (let p = 0; p < v.length; p++) {
    let x = ((v[p] >>> shift) & mask) >>> 0;
    if (signed && x >= signBit) x -= 2 * signBit;
    v[p] = x;
  }
}
