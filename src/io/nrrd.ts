import { CorruptFileError, UnsupportedFormatError } from '../core/errors.js';
import { allocateVoxels, bytesPerVoxel, makeVolume, voxelTypeOf, type Volume, type VoxelArray, type VoxelType } from '../core/volume.js';
import type { Mat3, Vec3 } from '../core/vec.js';
import { deflateGzip, inflate, inflateAsync } from './bytes.js';
import { nrrdTypeName, nrrdVoxelType, parseNrrdHeader, parseNrrdVector, splitNrrdVectors, type NrrdHeader } from './nrrd-header.js';
import { decodeVoxels, encodeVoxels } from './voxel-codec.js';

/** Options of {@link decodeNrrd}. */
export interface DecodeNrrdOptions {
  /**
   * Loads the bytes of a detached data file (`data file:` field of a `.nhdr`), given the name written
   * in the header. Without it, detached headers are an {@link UnsupportedFormatError}.
   */
  readonly loadDataFile?: (name: string) => Uint8Array;
  /** The gzip data already inflated (by {@link decodeNrrdDetailedAsync}); skips the synchronous inflation. */
  readonly inflated?: Uint8Array;
}

/** A decoded NRRD file: the volume plus its header. */
export interface DecodedNrrd {
  readonly volume: Volume;
  readonly header: NrrdHeader;
  /** The `space` field, lower-cased (or `"none"`). */
  readonly space: string;
}

/**
 * Sign flips ITK's NrrdImageIO applies to `space directions` and `space origin` to get LPS:
 * right-anterior-superior negates x and y; left-anterior-superior negates x (sic: this is what ITK does,
 * see docs/io.md); left-posterior-superior and the spaces without an anatomical meaning are kept as they are.
 */
const SPACE_FLIPS: ReadonlyMap<string, Vec3> = new Map<string, Vec3>([
  ['right-anterior-superior', [-1, -1, 1]], ['ras', [-1, -1, 1]],
  ['left-anterior-superior', [-1, 1, 1]], ['las', [-1, 1, 1]],
  ['left-posterior-superior', [1, 1, 1]], ['lps', [1, 1, 1]],
  ['scanner-xyz', [1, 1, 1]], ['3d-right-handed', [1, 1, 1]], ['3d-left-handed', [1, 1, 1]],
]);

/**
 * Decodes a NRRD image the way SimpleITK's `ReadImage` (ITK `NrrdImageIO`) does:
 * `space directions` give spacing (vector norms) and direction (unit vectors), `space origin` the origin,
 * converted to LPS (RAS: x, y negated; LAS: x negated); without a `space`, `spacings` (default 1) with
 * identity direction and zero origin. Encodings raw, gzip and ascii; detached data through
 * `opts.loadDataFile`. Voxels keep the stored type.
 *
 * @throws CorruptFileError for malformed headers and data lengths that differ from `sizes`;
 *   UnsupportedFormatError for bzip2/hex encodings, 64-bit integer types, >3-D or multi-component images.
 */
export function decodeNrrd(bytes: Uint8Array, file?: string, opts: DecodeNrrdOptions = {}): Volume {
  return decodeNrrdDetailed(bytes, file, opts).volume;
}

/** {@link decodeNrrd} with the parsed header. */
export function decodeNrrdDetailed(bytes: Uint8Array, file?: string, opts: DecodeNrrdOptions = {}): DecodedNrrd {
  const h = parseNrrdHeader(bytes, file);
  const F = h.fields;
  const type = nrrdVoxelType(F.get('type'), file);
  const dimension = Number(F.get('dimension'));
  if (!Number.isInteger(dimension) || dimension < 1) {
    throw new CorruptFileError('the NRRD "dimension" field is missing or invalid', { file, expected: 'dimension: 2 or 3', found: JSON.stringify(F.get('dimension') ?? null) });
  }
  const sizes = (F.get('sizes') ?? '').split(/\s+/).filter((s) => s !== '').map(Number);
  if (sizes.length !== dimension || sizes.some((s) => !Number.isInteger(s) || s < 1)) {
    throw new CorruptFileError('the NRRD "sizes" field does not match the dimension', { file, expected: `${dimension} positive integers`, found: JSON.stringify(F.get('sizes') ?? null) });
  }
  const kinds = (F.get('kinds') ?? '').split(/\s+/).filter((s) => s !== '');
  const spatialKinds = new Set(['domain', 'space', 'time', '???', 'none']);
  const nonSpatial = kinds.findIndex((k) => !spatialKinds.has(k.toLowerCase()));
  if (dimension > 3 || (nonSpatial >= 0 && sizes[nonSpatial] > 1)) {
    throw new UnsupportedFormatError('multi-component or more than 3-D NRRD images are not supported', {
      file, expected: 'a scalar 2-D or 3-D image', found: `dimension ${dimension}, sizes ${sizes.join(' ')}${kinds.length ? `, kinds ${kinds.join(' ')}` : ''}`,
      fix: 'extract one scalar 3-D component first (e.g. in 3D Slicer or SimpleITK VectorIndexSelectionCast).',
    });
  }
  const size = [0, 1, 2].map((i) => (i < dimension ? sizes[i] : 1));
  const geometry = nrrdGeometry(h, dimension, file);
  const n = size[0] * size[1] * size[2];
  const data = readData(h, bytes, type, n, file, opts);
  return { volume: makeVolume({ size, ...geometry }, data), header: h, space: (F.get('space') ?? 'none').toLowerCase() };
}

function nrrdGeometry(h: NrrdHeader, dimension: number, file: string | undefined): { spacing: Vec3; origin: Vec3; direction: Mat3 } {
  const F = h.fields;
  const spaceName = F.get('space')?.toLowerCase();
  const spaceDim = spaceName !== undefined ? 3 : F.has('space dimension') ? Number(F.get('space dimension')) : 0;
  const spacing = [1, 1, 1];
  const origin = [0, 0, 0];
  const dir = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  if (spaceDim > 0) {
    if (spaceDim !== 3) {
      throw new UnsupportedFormatError('only 3-D NRRD spaces are supported', { file, expected: 'space dimension 3 (e.g. left-posterior-superior)', found: `space dimension ${F.get('space dimension')}` });
    }
    let flips: Vec3 = [1, 1, 1];
    if (spaceName !== undefined) {
      const fl = SPACE_FLIPS.get(spaceName);
      if (!fl) {
        throw new UnsupportedFormatError('unsupported NRRD space', { file, expected: 'left-posterior-superior, right-anterior-superior or left-anterior-superior', found: JSON.stringify(F.get('space')) });
      }
      flips = fl;
    }
    const sd = F.get('space directions');
    if (sd !== undefined) {
      const vecs = splitNrrdVectors(sd, file);
      if (vecs.length !== dimension) {
        throw new CorruptFileError('the NRRD "space directions" field does not match the dimension', { file, expected: `${dimension} vectors`, found: `${vecs.length}` });
      }
      for (let j = 0; j < dimension; j++) {
        const v = vecs[j];
        if (v === null || v.length !== 3) {
          throw new CorruptFileError('a NRRD space direction is missing or has the wrong length', { file, expected: 'one 3-vector per spatial axis', found: JSON.stringify(sd.slice(0, 120)) });
        }
        const norm = Math.hypot(v[0], v[1], v[2]);
        if (!(norm > 0) || !Number.isFinite(norm)) {
          throw new CorruptFileError('a NRRD space direction has zero length', { file, expected: 'non-zero vectors', found: JSON.stringify(sd.slice(0, 120)) });
        }
        spacing[j] = norm;
        for (let i = 0; i < 3; i++) dir[3 * i + j] = (flips[i] * v[i]) / norm + 0; // + 0: no -0
      }
    } else if (F.has('spacings')) {
      readSpacings(F.get('spacings')!, dimension, spacing, file);
    }
    const so = F.get('space origin');
    if (so !== undefined) {
      const o = parseNrrdVector(so, file, 'space origin');
      if (o === null || o.length !== 3) throw new CorruptFileError('the NRRD "space origin" is malformed', { file, expected: 'a 3-vector', found: JSON.stringify(so) });
      for (let i = 0; i < 3; i++) origin[i] = flips[i] * o[i] + 0;
    }
  } else {
    if (F.has('spacings')) readSpacings(F.get('spacings')!, dimension, spacing, file);
    if (F.has('axis mins') || F.has('axismins')) {
      throw new UnsupportedFormatError('NRRD "axis mins" without a space are not supported', {
        file, expected: 'a "space" with "space origin" and "space directions"', found: `axis mins: ${F.get('axis mins') ?? F.get('axismins')}`,
        fix: 'save the image with a world space (e.g. from 3D Slicer or SimpleITK), which writes "space origin".',
      });
    }
  }
  const det = dir[0] * (dir[4] * dir[8] - dir[5] * dir[7]) - dir[1] * (dir[3] * dir[8] - dir[5] * dir[6]) + dir[2] * (dir[3] * dir[7] - dir[4] * dir[6]);
  if (dimension === 3 && Math.abs(det) < 1e-6) {
    throw new CorruptFileError('the NRRD space directions are not independent', { file, expected: 'three linearly independent axes', found: F.get('space directions') });
  }
  return { spacing: spacing as unknown as Vec3, origin: origin as unknown as Vec3, direction: dir as unknown as Mat3 };
}

function readSpacings(text: string, dimension: number, spacing: number[], file: string | undefined): void {
  const parts = text.split(/\s+/).filter((s) => s !== '');
  if (parts.length !== dimension) throw new CorruptFileError('the NRRD "spacings" field does not match the dimension', { file, expected: `${dimension} numbers`, found: JSON.stringify(text) });
  for (let j = 0; j < dimension; j++) {
    const s = Number(parts[j]);
    if (parts[j].toLowerCase() === 'nan') continue; // unknown spacing: ITK keeps 1
    if (!Number.isFinite(s) || s === 0) throw new CorruptFileError('a NRRD spacing is not a non-zero number', { file, expected: 'non-zero spacings', found: JSON.stringify(text) });
    spacing[j] = Math.abs(s);
  }
}

function readData(h: NrrdHeader, bytes: Uint8Array, type: VoxelType, n: number, file: string | undefined, opts: DecodeNrrdOptions): VoxelArray {
  const F = h.fields;
  const encoding = (F.get('encoding') ?? '').toLowerCase();
  const bpv = bytesPerVoxel(type);
  const endian = F.get('endian')?.toLowerCase();
  const binary = encoding !== 'ascii' && encoding !== 'text' && encoding !== 'txt';
  if (binary && bpv > 1 && endian !== 'little' && endian !== 'big') {
    throw new CorruptFileError('the NRRD header has no valid "endian" field', { file, expected: 'endian: little or big', found: JSON.stringify(F.get('endian') ?? null) });
  }
  const littleEndian = endian !== 'big';
  const { payload, byteSkip } = nrrdPayload(h, bytes, file, opts);
  const need = n * bpv;
  switch (encoding) {
    case 'raw':
      return sliceBinary(payload, byteSkip, need, n, type, littleEndian, file, 'raw');
    case 'gzip': case 'gz': {
      if (byteSkip === -1) throw new CorruptFileError('"byte skip: -1" is only allowed with raw encoding', { file });
      const inflated = opts.inflated ?? inflate(payload, file, 'NRRD gzip data', need + byteSkip + 1, need + byteSkip);
      return sliceBinary(inflated, byteSkip, need, n, type, littleEndian, file, 'gzip', true);
    }
    case 'ascii': case 'text': case 'txt':
      return parseAscii(payload, n, type, file);
    case 'bzip2': case 'bz2': case 'hex':
      throw new UnsupportedFormatError(`NRRD encoding "${encoding}" is not supported`, { file, expected: 'raw, gzip or ascii', found: encoding, fix: 'save the image with gzip or raw encoding (ITK, 3D Slicer and pynrrd can).' });
    default:
      throw new CorruptFileError('the NRRD "encoding" field is missing or unknown', { file, expected: 'raw, gzip or ascii', found: JSON.stringify(F.get('encoding') ?? null) });
  }
}

/** The stored data bytes after the header (or of the detached data file), with "line skip" applied, and "byte skip". */
function nrrdPayload(h: NrrdHeader, bytes: Uint8Array, file: string | undefined, opts: DecodeNrrdOptions): { payload: Uint8Array; byteSkip: number } {
  let payload: Uint8Array;
  const F = h.fields;
  const dataFile = F.get('data file') ?? F.get('datafile');
  if (dataFile !== undefined) {
    if (!opts.loadDataFile || /^LIST|%/.test(dataFile) || /\s\d+\s/.test(dataFile)) {
      throw new UnsupportedFormatError('detached NRRD data (a .nhdr header) is not supported here', {
        file, expected: 'data attached to the header (.nrrd), or a single detached data file read through readImage()', found: `data file: ${dataFile}`,
        fix: 'read it with readImage(path) or save it as a single .nrrd file (e.g. in 3D Slicer).',
      });
    }
    payload = opts.loadDataFile(dataFile);
  } else {
    payload = bytes.subarray(h.dataOffset);
  }
  const lineSkip = Number(F.get('line skip') ?? F.get('lineskip') ?? 0);
  const byteSkip = Number(F.get('byte skip') ?? F.get('byteskip') ?? 0);
  if (!Number.isInteger(lineSkip) || lineSkip < 0 || !Number.isInteger(byteSkip) || byteSkip < -1) {
    throw new CorruptFileError('invalid NRRD "line skip" or "byte skip"', { file, expected: 'non-negative integers (byte skip may be -1)', found: `line skip ${F.get('line skip')}, byte skip ${F.get('byte skip')}` });
  }
  for (let l = 0; l < lineSkip; l++) {
    const nl = payload.indexOf(0x0a);
    if (nl < 0) throw new CorruptFileError('the NRRD data has fewer lines than "line skip"', { file, expected: `${lineSkip} lines to skip`, found: `${l}` });
    payload = payload.subarray(nl + 1);
  }
  return { payload, byteSkip };
}

/**
 * {@link decodeNrrdDetailed} with gzip data inflated on libuv's thread pool ({@link inflateAsync}), so that several
 * files decode in parallel. Same result and errors (anything unusual takes the synchronous path, which reports it).
 */
export async function decodeNrrdDetailedAsync(bytes: Uint8Array, file?: string, opts: DecodeNrrdOptions = {}): Promise<DecodedNrrd> {
  let inflated: Uint8Array | undefined;
  try {
    const h = parseNrrdHeader(bytes, file);
    const encoding = (h.fields.get('encoding') ?? '').toLowerCase();
    const sizes = (h.fields.get('sizes') ?? '').split(/\s+/).filter((t) => t !== '').map(Number);
    const n = sizes.reduce((a, b) => a * b, 1);
    if ((encoding === 'gzip' || encoding === 'gz') && Number.isSafeInteger(n) && n > 0) {
      const { payload, byteSkip } = nrrdPayload(h, bytes, file, opts);
      const need = n * bytesPerVoxel(nrrdVoxelType(h.fields.get('type'), file));
      if (byteSkip >= 0) inflated = await inflateAsync(payload, file, 'NRRD gzip data', need + byteSkip + 1, need + byteSkip);
    }
  } catch {
    inflated = undefined; // the synchronous decoder below reports the problem
  }
  return decodeNrrdDetailed(bytes, file, { ...opts, inflated });
}

function sliceBinary(data: Uint8Array, byteSkip: number, need: number, n: number, type: VoxelType, le: boolean, file: string | undefined, enc: string, ownsData = false): VoxelArray {
  const start = byteSkip === -1 ? data.length - need : byteSkip;
  const have = data.length - Math.max(0, start);
  if (start < 0 || have !== need) {
    throw new CorruptFileError(have < need ? 'the NRRD data is shorter than its header says' : 'the NRRD data is longer than its header says', {
      file, expected: `${need} bytes of ${type} voxel data (${enc})`, found: `${Math.max(0, byteSkip === -1 ? data.length : have)} bytes`,
      fix: have < need ? 'the file was cut short; export it again.' : 'the "sizes" field does not describe the data; re-export the image.',
    });
  }
  return decodeVoxels(data, start, n, type, le, { ownsBytes: ownsData });
}

function parseAscii(payload: Uint8Array, n: number, type: VoxelType, file: string | undefined): VoxelArray {
  const text = new TextDecoder('latin1').decode(payload);
  const tokens = text.split(/[\s,]+/).filter((t) => t !== '');
  if (tokens.length !== n) {
    throw new CorruptFileError('the NRRD ascii data does not match its header', { file, expected: `${n} values`, found: `${tokens.length} values` });
  }
  const out = allocateVoxels(type, n);
  for (let i = 0; i < n; i++) {
    const x = Number(tokens[i]);
    if (Number.isNaN(x) && tokens[i].toLowerCase() !== 'nan') throw new CorruptFileError('the NRRD ascii data has a value that is not a number', { file, found: JSON.stringify(tokens[i].slice(0, 20)) });
    out[i] = x;
  }
  return out;
}

/** Options of {@link encodeNrrd}. */
export interface EncodeNrrdOptions {
  /** `gzip` (default, as ITK/3D Slicer) or `raw`. */
  readonly encoding?: 'gzip' | 'raw';
  /** gzip level 1–9. Default 1 (fast). */
  readonly compressionLevel?: number;
}

/**
 * Encodes a Volume as an attached NRRD0004 file in LPS space, with the fields ITK writes
 * (`space directions` = direction columns × spacing, `space origin`, `kinds: domain domain domain`,
 * little endian). Numbers are written with full double precision, so geometry survives a round trip.
 */
export function encodeNrrd(v: Volume, opts: EncodeNrrdOptions = {}): Uint8Array {
  const encoding = opts.encoding ?? 'gzip';
  const type = voxelTypeOf(v.data);
  const vec = (a: readonly number[]): string => `(${a.map(num).join(',')})`;
  const cols = [0, 1, 2].map((j) => [0, 1, 2].map((i) => v.direction[3 * i + j] * v.spacing[j]));
  const header = [
    'NRRD0004',
    '# Complete NRRD file format specification at:',
    '# http://teem.sourceforge.net/nrrd/format.html',
    `type: ${nrrdTypeName(type)}`,
    'dimension: 3',
    'space: left-posterior-superior',
    `sizes: ${v.size.join(' ')}`,
    `space directions: ${cols.map(vec).join(' ')}`,
    'kinds: domain domain domain',
    'endian: little',
    `encoding: ${encoding}`,
    `space origin: ${vec(v.origin)}`,
    '',
    '',
  ].join('\n');
  const head = new TextEncoder().encode(header);
  const raw = encodeVoxels(v.data, true);
  const body = encoding === 'gzip' ? deflateGzip(raw, opts.compressionLevel ?? 1) : raw;
  const out = new Uint8Array(head.length + body.length);
  out.set(head, 0);
  out.set(body, head.length);
  return out;
}

/** Shortest decimal that reads back to the same double (never exponent-free loss). */
function num(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}
