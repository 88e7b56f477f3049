import { inflateRawSync } from 'node:zlib';
import { CorruptFileError, UnsupportedFormatError } from '../../core/errors.js';
import { DicomDataset, type DicomElement } from './dataset.js';
import { IMPLICIT_VR, LONG_VRS, T, TS, tagString } from './tags.js';

/** Options of {@link parseDicom}. */
export interface ParseDicomOptions {
  /** Stop before the pixel data (for folder scans): its element is recorded but not validated. Default false. */
  readonly headerOnly?: boolean;
}

const UNDEFINED = 0xffffffff;
const MAX_DEPTH = 32;

/** Names of common compressed transfer syntaxes, for error messages. */
const COMPRESSED_NAMES: ReadonlyArray<[RegExp, string]> = [
  [/^1\.2\.840\.10008\.1\.2\.4\.(50|51|57|70|14)$/, 'JPEG'],
  [/^1\.2\.840\.10008\.1\.2\.4\.(80|81)$/, 'JPEG-LS'],
  [/^1\.2\.840\.10008\.1\.2\.4\.(90|91|92|93)$/, 'JPEG 2000'],
  [/^1\.2\.840\.10008\.1\.2\.4\.20[1-3]$/, 'HTJ2K'],
  [/^1\.2\.840\.10008\.1\.2\.5$/, 'RLE Lossless'],
  [/^1\.2\.840\.10008\.1\.2\.4\.10[0-8]$/, 'MPEG/HEVC video'],
];

/**
 * Parses a DICOM Part 10 file (128-byte preamble, "DICM", file meta group in explicit VR little endian)
 * into a {@link DicomDataset}. Transfer syntaxes: implicit VR little endian, explicit VR little/big endian and
 * deflated explicit VR little endian. Encapsulated (compressed) pixel data is recorded as fragments;
 * decoding it is refused later with an {@link UnsupportedFormatError} naming the syntax.
 *
 * Sequences (defined or undefined length) are parsed recursively; in implicit VR, an element is a
 * sequence when the dictionary says so or when its value starts with an item tag.
 *
 * @throws CorruptFileError for truncated or inconsistent files, UnsupportedFormatError for a missing "DICM".
 */
export function parseDicom(bytes: Uint8Array, file?: string, opts: ParseDicomOptions = {}): DicomDataset {
  if (bytes.length < 132 || String.fromCharCode(bytes[128], bytes[129], bytes[130], bytes[131]) !== 'DICM') {
    throw new UnsupportedFormatError('not a DICOM Part 10 file', { file, expected: '"DICM" at byte 128', found: bytes.length < 132 ? `${bytes.length} bytes` : 'no DICM marker', fix: 'export the images as DICOM files (Part 10) or convert them with dcmtk/gdcm.' });
  }
  // File meta information: always explicit VR little endian.
  const meta = new Parser(bytes, file, true, true, opts);
  const metaEls = new Map<number, DicomElement>();
  let pos = 132;
  while (pos + 8 <= bytes.length && readU16(bytes, pos, true) === 0x0002) {
    const el = meta.readElement(pos, 0);
    metaEls.set(el.tag, el);
    pos = el.end;
  }
  const metaSet = new DicomDataset(bytes, true, metaEls, file);
  const ts = (metaSet.string(T.TransferSyntaxUID) ?? TS.ImplicitLittle).replace(/\0/g, '').trim();
  let body = bytes;
  let start = pos;
  let explicit: boolean;
  let little: boolean;
  switch (ts) {
    case TS.ImplicitLittle: explicit = false; little = true; break;
    case TS.ExplicitBig: explicit = true; little = false; break;
    case TS.DeflatedExplicitLittle:
      try {
        const inflated = inflateRawSync(bytes.subarray(pos));
        body = new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength);
      } catch (e) {
        throw new CorruptFileError('the deflated DICOM dataset cannot be decompressed', { file, found: (e as Error).message, cause: e });
      }
      start = 0; explicit = true; little = true;
      break;
    default:
      // explicit VR little endian and every encapsulated (compressed) syntax, whose dataset is explicit VR LE
      explicit = true; little = true;
  }
  const p = new Parser(body, file, explicit, little, opts);
  const elements = p.readDataset(start, body.length, 0, false).elements;
  for (const [k, v] of metaEls) elements.set(k, v);
  const ds = new DicomDataset(body, little, elements, file, ts, bytes);
  return ds;
}

/** The name of a compressed transfer syntax, or null when it is one dlrn decodes. */
export function compressedSyntaxName(ts: string): string | null {
  if (ts === TS.ImplicitLittle || ts === TS.ExplicitLittle || ts === TS.ExplicitBig || ts === TS.DeflatedExplicitLittle) return null;
  for (const [re, name] of COMPRESSED_NAMES) if (re.test(ts)) return name;
  return `transfer syntax ${ts}`;
}

function readU16(b: Uint8Array, p: number, little: boolean): number {
  return little ? b[p] | (b[p + 1] << 8) : (b[p] << 8) | b[p + 1];
}

function readU32(b: Uint8Array, p: number, little: boolean): number {
  return little
    ? (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0
    : ((b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]) >>> 0;
}

class Parser {
  constructor(
    private readonly b: Uint8Array,
    private readonly file: string | undefined,
    private readonly explicit: boolean,
    private readonly little: boolean,
    private readonly opts: ParseDicomOptions,
  ) {}

  private corrupt(what: string, at: number): CorruptFileError {
    return new CorruptFileError(`the DICOM file is damaged: ${what}`, { file: this.file, found: `at byte ${at} of ${this.b.length}`, fix: 'the file may be truncated; copy or export it again.' });
  }

  private tagAt(p: number): number {
    if (p + 4 > this.b.length) throw this.corrupt('truncated element tag', p);
    return ((readU16(this.b, p, this.little) << 16) | readU16(this.b, p + 2, this.little)) >>> 0;
  }

  /** Reads elements from `start` up to `end` (or to an item delimitation when `inItem` with undefined length). */
  readDataset(start: number, end: number, depth: number, untilDelimiter: boolean): { elements: Map<number, DicomElement>; end: number } {
    if (depth > MAX_DEPTH) throw this.corrupt('sequences nested too deeply', start);
    const elements = new Map<number, DicomElement>();
    let pos = start;
    while (pos < end) {
      if (pos + 8 > this.b.length) {
        if (!untilDelimiter && depth === 0 && this.b.length - pos < 8 && this.b.subarray(pos).every((x) => x === 0)) break; // trailing padding
        throw this.corrupt('truncated element', pos);
      }
      const tag = this.tagAt(pos);
      if (tag === T.ItemDelimitation) {
        if (!untilDelimiter) throw this.corrupt('unexpected item delimiter', pos);
        return { elements, end: pos + 8 };
      }
      const el = this.readElement(pos, depth);
      elements.set(el.tag, el);
      pos = el.end;
      if (this.opts.headerOnly && depth === 0 && el.tag === T.PixelData) break;
    }
    if (untilDelimiter) throw this.corrupt('missing item delimiter', pos);
    if (pos > end) throw this.corrupt('element runs past the end of its container', pos);
    return { elements, end: pos };
  }

  readElement(pos: number, depth: number): DicomElement & { end: number } {
    const b = this.b;
    const tag = this.tagAt(pos);
    let vr: string;
    let length: number;
    let valueStart: number;
    const group = tag >>> 16;
    const explicit = group === 0x0002 ? true : this.explicit;
    if (tag === T.Item || tag === T.ItemDelimitation || tag === T.SequenceDelimitation) throw this.corrupt(`unexpected ${tagString(tag)}`, pos);
    if (explicit) {
      if (pos + 8 > b.length) throw this.corrupt('truncated element header', pos);
      vr = String.fromCharCode(b[pos + 4], b[pos + 5]);
      if (!/^[A-Z]{2}$/.test(vr)) throw this.corrupt(`invalid value representation for ${tagString(tag)}`, pos);
      if (LONG_VRS.has(vr)) {
        if (pos + 12 > b.length) throw this.corrupt('truncated element header', pos);
        length = readU32(b, pos + 8, group === 0x0002 ? true : this.little);
        valueStart = pos + 12;
      } else {
        length = readU16(b, pos + 6, group === 0x0002 ? true : this.little);
        valueStart = pos + 8;
      }
    } else {
      length = readU32(b, pos + 4, this.little);
      valueStart = pos + 8;
      vr = IMPLICIT_VR.get(tag) ?? ((tag & 0xffff) === 0 ? 'UL' : 'UN');
    }
    if (length === UNDEFINED) {
      if (tag === T.PixelData || vr === 'OB' || vr === 'OW' || (vr === 'UN' && tag === T.PixelData)) {
        if (tag !== T.PixelData) throw this.corrupt(`undefined length for ${tagString(tag)}`, pos);
        return this.readEncapsulated(tag, vr, valueStart);
      }
      // sequence of undefined length (SQ, or UN/implicit holding a sequence)
      const { items, end } = this.readItems(valueStart, Infinity, depth);
      return { tag, vr: 'SQ', offset: valueStart, length: end - valueStart, items, end };
    }
    const end = valueStart + length;
    if (end > b.length) {
      if (tag === T.PixelData && this.opts.headerOnly) return { tag, vr, offset: valueStart, length, end: b.length };
      throw this.corrupt(`${tagString(tag)} claims ${length} bytes but the file ends`, pos);
    }
    if (vr === 'SQ') {
      const { items } = this.readItems(valueStart, end, depth);
      return { tag, vr: 'SQ', offset: valueStart, length, items, end };
    }
    if ((!explicit || vr === 'UN') && length >= 8 && this.tagAt(valueStart) === T.Item) {
      // implicit VR or UN holding a sequence that the dictionary does not know: parse it if it is one
      try {
        const { items } = this.readItems(valueStart, end, depth);
        return { tag, vr: 'SQ', offset: valueStart, length, items, end };
      } catch {
        // not a sequence after all: keep the raw bytes
      }
    }
    return { tag, vr, offset: valueStart, length, end };
  }

  private readItems(start: number, limit: number, depth: number): { items: DicomDataset[]; end: number } {
    const items: DicomDataset[] = [];
    let pos = start;
    for (;;) {
      if (limit !== Infinity && pos >= limit) {
        if (pos > limit) throw this.corrupt('sequence item runs past its sequence', pos);
        return { items, end: pos };
      }
      const tag = this.tagAt(pos);
      if (pos + 8 > this.b.length) throw this.corrupt('truncated sequence item', pos);
      const len = readU32(this.b, pos + 4, this.little);
      if (tag === T.SequenceDelimitation) {
        if (limit !== Infinity) throw this.corrupt('sequence delimiter in a sequence of defined length', pos);
        return { items, end: pos + 8 };
      }
      if (tag !== T.Item) throw this.corrupt(`expected a sequence item, found ${tagString(tag)}`, pos);
      if (items.length > 1_000_000) throw this.corrupt('too many sequence items', pos);
      if (len === UNDEFINED) {
        const r = this.readDataset(pos + 8, Infinity, depth + 1, true);
        items.push(new DicomDataset(this.b, this.little, r.elements, this.file));
        pos = r.end;
      } else {
        const itemEnd = pos + 8 + len;
        if (itemEnd > this.b.length || itemEnd > limit) throw this.corrupt('sequence item runs past the end', pos);
        const r = this.readDataset(pos + 8, itemEnd, depth + 1, false);
        items.push(new DicomDataset(this.b, this.little, r.elements, this.file));
        pos = itemEnd;
      }
    }
  }

  private readEncapsulated(tag: number, vr: string, start: number): DicomElement & { end: number } {
    const fragments: { offset: number; length: number }[] = [];
    let pos = start;
    for (;;) {
      const t = this.tagAt(pos);
      if (pos + 8 > this.b.length) throw this.corrupt('truncated pixel data fragment', pos);
      const len = readU32(this.b, pos + 4, this.little);
      if (t === T.SequenceDelimitation) { pos += 8; break; }
      if (t !== T.Item || len === UNDEFINED || pos + 8 + len > this.b.length) throw this.corrupt('invalid encapsulated pixel data', pos);
      fragments.push({ offset: pos + 8, length: len });
      pos += 8 + len;
    }
    return { tag, vr, offset: start, length: pos - start, fragments, end: pos };
  }
}
