import { CorruptFileError, UnsupportedFormatError } from '../core/errors.js';
import type { VoxelType } from '../core/volume.js';
import { bytePreview } from './bytes.js';

/**
 * A parsed NRRD header (teem NRRD format, versions NRRD0001–NRRD0005,
 * http://teem.sourceforge.net/nrrd/format.html). Field names are lower-cased, with the optional
 * space after the colon removed; `fields` keeps every field for reporting.
 */
export interface NrrdHeader {
  /** Format version line, e.g. `NRRD0004`. */
  readonly version: string;
  readonly fields: ReadonlyMap<string, string>;
  /** Key/value pairs (`key:=value`). */
  readonly keyValues: ReadonlyMap<string, string>;
  /** Byte offset of the first byte after the header's blank line (start of attached data). */
  readonly dataOffset: number;
}

const MAGIC = /^NRRD000[1-9]$/;

/** True when the bytes start with `NRRD000`. */
export function looksLikeNrrd(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && String.fromCharCode(...bytes.subarray(0, 7)) === 'NRRD000';
}

/** Longest header we accept (protects against binary garbage that starts with the magic). */
const MAX_HEADER_BYTES = 1 << 20;

/** Parses the text header of a NRRD file (attached or detached). */
export function parseNrrdHeader(bytes: Uint8Array, file?: string): NrrdHeader {
  if (!looksLikeNrrd(bytes)) {
    throw new UnsupportedFormatError('not a NRRD file', { file, expected: 'the magic "NRRD000X" at the start', found: bytePreview(bytes) });
  }
  const fields = new Map<string, string>();
  const keyValues = new Map<string, string>();
  let pos = 0;
  let version = '';
  let lineNo = 0;
  while (pos < bytes.length) {
    let end = bytes.indexOf(0x0a, pos);
    if (end < 0) end = bytes.length; // last line of a detached header without a final blank line
    if (end > MAX_HEADER_BYTES) {
      throw new CorruptFileError('the NRRD header does not end', { file, expected: 'a blank line after the header fields', found: `no blank line in the first ${MAX_HEADER_BYTES} bytes` });
    }
    let line = decodeLine(bytes, pos, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    pos = Math.min(end + 1, bytes.length);
    if (lineNo++ === 0) {
      version = line.trim();
      if (!MAGIC.test(version)) throw new UnsupportedFormatError('unknown NRRD version', { file, expected: 'NRRD0001 to NRRD0005', found: JSON.stringify(version.slice(0, 20)) });
      continue;
    }
    if (line.length === 0) break; // blank line: end of header
    handleLine(line);
  }
  return { version, fields, keyValues, dataOffset: pos };

  function handleLine(line: string): void {
    if (line.startsWith('#')) return;
    const kv = line.indexOf(':=');
    const colon = line.indexOf(': ');
    if (kv >= 0 && (colon < 0 || kv < colon)) {
      keyValues.set(line.slice(0, kv), line.slice(kv + 2));
      return;
    }
    if (colon < 0) {
      throw new CorruptFileError('the NRRD header has a malformed line', { file, expected: '"field: value", "key:=value" or a "#" comment', found: JSON.stringify(line.slice(0, 80)) });
    }
    const key = line.slice(0, colon).trim().toLowerCase();
    fields.set(key, line.slice(colon + 2).trim());
  }
}

function decodeLine(bytes: Uint8Array, a: number, b: number): string {
  let s = '';
  for (let i = a; i < b; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** NRRD type names → voxel types (the names listed in the NRRD format spec). */
const NRRD_TYPES: ReadonlyMap<string, VoxelType> = new Map<string, VoxelType>([
  ['signed char', 'int8'], ['int8', 'int8'], ['int8_t', 'int8'],
  ['uchar', 'uint8'], ['unsigned char', 'uint8'], ['uint8', 'uint8'], ['uint8_t', 'uint8'],
  ['short', 'int16'], ['short int', 'int16'], ['signed short', 'int16'], ['signed short int', 'int16'], ['int16', 'int16'], ['int16_t', 'int16'],
  ['ushort', 'uint16'], ['unsigned short', 'uint16'], ['unsigned short int', 'uint16'], ['uint16', 'uint16'], ['uint16_t', 'uint16'],
  ['int', 'int32'], ['signed int', 'int32'], ['int32', 'int32'], ['int32_t', 'int32'],
  ['uint', 'uint32'], ['unsigned int', 'uint32'], ['uint32', 'uint32'], ['uint32_t', 'uint32'],
  ['float', 'float32'], ['double', 'float64'],
]);

/** The voxel type of a NRRD `type` field; throws for 64-bit integers, `block` and unknown names. */
export function nrrdVoxelType(typeField: string | undefined, file?: string): VoxelType {
  if (typeField === undefined) throw new CorruptFileError('the NRRD header has no "type" field', { file, expected: 'a "type:" line (e.g. "type: short")' });
  const t = NRRD_TYPES.get(typeField.trim().toLowerCase().replace(/\s+/g, ' '));
  if (t === undefined) {
    throw new UnsupportedFormatError('unsupported NRRD voxel type', {
      file, expected: 'int8, uint8, int16, uint16, int32, uint32, float or double', found: JSON.stringify(typeField),
      fix: 'convert the image to a supported scalar type (e.g. sitk.Cast to sitkFloat32).',
    });
  }
  return t;
}

/** The NRRD `type` name dlrn writes for a voxel type (the names ITK writes). */
export function nrrdTypeName(t: VoxelType): string {
  switch (t) {
    case 'int8': return 'signed char';
    case 'uint8': return 'unsigned char';
    case 'int16': return 'short';
    case 'uint16': return 'unsigned short';
    case 'int32': return 'int';
    case 'uint32': return 'unsigned int';
    case 'float32': return 'float';
    case 'float64': return 'double';
  }
}

/** Parses a NRRD vector "(x,y,z)"; returns null for "none". Throws on malformed text. */
export function parseNrrdVector(text: string, file?: string, what = 'vector'): number[] | null {
  const t = text.trim();
  if (t === 'none') return null;
  const m = /^\(([^()]*)\)$/.exec(t);
  const nums = m ? m[1].split(',').map((s) => Number(s.trim())) : [];
  if (!m || nums.length === 0 || nums.some((x) => !Number.isFinite(x)) || m[1].split(',').some((s) => s.trim() === '')) {
    throw new CorruptFileError(`the NRRD ${what} is malformed`, { file, expected: 'a vector like (0.5,0,0)', found: JSON.stringify(t.slice(0, 80)) });
  }
  return nums;
}

/** Splits a NRRD "space directions" value into per-axis vectors (null for "none"). */
export function splitNrrdVectors(text: string, file?: string): (number[] | null)[] {
  const parts = text.trim().match(/\([^()]*\)|none/g) ?? [];
  const rest = text.replace(/\([^()]*\)|none/g, '').trim();
  if (rest.length > 0) {
    throw new CorruptFileError('the NRRD "space directions" field is malformed', { file, expected: 'vectors like (0.5,0,0) or "none"', found: JSON.stringify(text.slice(0, 120)) });
  }
  return parts.map((p) => parseNrrdVector(p, file, 'space direction'));
}
