import { LONG_VRS, T, TS } from './tags.js';

/** A value to encode: text (string VRs), numbers (binary VRs), bytes, or sequence items. */
export type DicomValue = string | readonly number[] | Uint8Array | readonly DicomItem[];

/** A dataset to write: tag → [VR, value]. Order does not matter (elements are sorted by tag). */
export type DicomItem = ReadonlyMap<number, readonly [string, DicomValue]>;

const enc = new TextEncoder();

/**
 * Encodes a dataset in explicit VR little endian (PS3.5 §7.1.2): elements sorted by tag, values padded to
 * even length (UI with NUL, other text with a space, bytes with NUL), sequences and items with defined
 * lengths. Binary VRs (US, SS, UL, SL, FL, FD) take arrays of numbers.
 */
export function encodeDataset(item: DicomItem): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const tag of [...item.keys()].sort((a, b) => a - b)) {
    const [vr, value] = item.get(tag)!;
    parts.push(encodeElement(tag, vr, value));
  }
  return concat(parts);
}

function encodeElement(tag: number, vr: string, value: DicomValue): Uint8Array {
  let body: Uint8Array;
  if (vr === 'SQ') {
    const items = (value as readonly DicomItem[]).map((it) => {
      const content = encodeDataset(it);
      const head = new Uint8Array(8);
      const dv = new DataView(head.buffer);
      dv.setUint16(0, 0xfffe, true);
      dv.setUint16(2, 0xe000, true);
      dv.setUint32(4, content.length, true);
      return concat([head, content]);
    });
    body = concat(items);
  } else if (value instanceof Uint8Array) {
    body = value.length % 2 ? concat([value, new Uint8Array(1)]) : value;
  } else if (typeof value === 'string') {
    const b = enc.encode(value);
    body = b.length % 2 ? concat([b, new Uint8Array([vr === 'UI' ? 0 : 0x20])]) : b;
  } else {
    body = encodeBinary(vr, value as readonly number[]);
  }
  const long = LONG_VRS.has(vr);
  const head = new Uint8Array(long ? 12 : 8);
  const dv = new DataView(head.buffer);
  dv.setUint16(0, tag >>> 16, true);
  dv.setUint16(2, tag & 0xffff, true);
  head[4] = vr.charCodeAt(0);
  head[5] = vr.charCodeAt(1);
  if (long) dv.setUint32(8, body.length, true);
  else {
    if (body.length > 0xffff) throw new RangeError(`value of ${vr} element too long for a 16-bit length`);
    dv.setUint16(6, body.length, true);
  }
  return concat([head, body]);
}

function encodeBinary(vr: string, v: readonly number[]): Uint8Array {
  const w = vr === 'US' || vr === 'SS' ? 2 : vr === 'FD' ? 8 : 4;
  const out = new Uint8Array(v.length * w);
  const dv = new DataView(out.buffer);
  v.forEach((x, i) => {
    switch (vr) {
      case 'US': dv.setUint16(i * w, x, true); break;
      case 'SS': dv.setInt16(i * w, x, true); break;
      case 'UL': dv.setUint32(i * w, x, true); break;
      case 'SL': dv.setInt32(i * w, x, true); break;
      case 'FL': dv.setFloat32(i * w, x, true); break;
      case 'FD': dv.setFloat64(i * w, x, true); break;
      case 'AT': dv.setUint16(i * w, x >>> 16, true); dv.setUint16(i * w + 2, x & 0xffff, true); break;
      default: throw new RangeError(`cannot encode numbers as VR ${vr}`);
    }
  });
  return out;
}

/**
 * A complete DICOM Part 10 file: 128-byte preamble, "DICM", file meta group (explicit VR little endian
 * transfer syntax) and the dataset.
 */
export function encodePart10(dataset: DicomItem, sopClassUid: string, sopInstanceUid: string, implementationUid: string): Uint8Array {
  const meta = encodeDataset(new Map<number, readonly [string, DicomValue]>([
    [T.FileMetaInformationVersion, ['OB', new Uint8Array([0, 1])]],
    [T.MediaStorageSOPClassUID, ['UI', sopClassUid]],
    [T.MediaStorageSOPInstanceUID, ['UI', sopInstanceUid]],
    [T.TransferSyntaxUID, ['UI', TS.ExplicitLittle]],
    [T.ImplementationClassUID, ['UI', implementationUid]],
    [T.ImplementationVersionName, ['SH', 'DLRN']],
  ]));
  const groupLength = encodeDataset(new Map([[T.FileMetaInformationGroupLength, ['UL', [meta.length]] as const]]));
  const pre = new Uint8Array(132);
  pre.set([0x44, 0x49, 0x43, 0x4d], 128);
  return concat([pre, groupLength, meta, encodeDataset(dataset)]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}
