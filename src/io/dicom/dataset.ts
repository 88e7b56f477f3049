import { CorruptFileError } from '../../core/errors.js';
import { tagString } from './tags.js';

/** One data element: where its value lies in the dataset's byte buffer, or its sequence items / fragments. */
export interface DicomElement {
  readonly tag: number;
  /** Value representation (from the file for explicit VR, from the dictionary for implicit VR, `UN` if unknown). */
  readonly vr: string;
  /** Byte offset of the value in the buffer. */
  readonly offset: number;
  /** Length of the value in bytes. */
  readonly length: number;
  /** Items of a sequence (VR SQ). */
  readonly items?: readonly DicomDataset[];
  /** Fragments of encapsulated (compressed) pixel data, the basic offset table first. */
  readonly fragments?: readonly { offset: number; length: number }[];
}

const latin1 = new TextDecoder('latin1');

/**
 * A parsed DICOM dataset with typed accessors. Values are decoded on demand from the file buffer.
 * Accessors return `undefined` for absent attributes; numeric accessors throw a {@link CorruptFileError}
 * when a present value is not a number.
 */
export class DicomDataset {
  constructor(
    /** The buffer the element offsets refer to (the inflated dataset for deflated syntaxes). */
    readonly bytes: Uint8Array,
    readonly littleEndian: boolean,
    readonly elements: ReadonlyMap<number, DicomElement>,
    readonly file?: string,
    /** Transfer syntax UID (top-level dataset only). */
    readonly transferSyntax?: string,
    /** The whole original file (top-level dataset only). */
    readonly fileBytes?: Uint8Array,
  ) {}

  has(tag: number): boolean {
    return this.elements.has(tag);
  }

  /** Raw value bytes (a view into the buffer). */
  raw(tag: number): Uint8Array | undefined {
    const e = this.elements.get(tag);
    return e && !e.items ? this.bytes.subarray(e.offset, e.offset + e.length) : undefined;
  }

  /** The value as text, with trailing spaces and NULs removed (undefined when absent or empty). */
  string(tag: number): string | undefined {
    const r = this.raw(tag);
    if (!r) return undefined;
    const s = latin1.decode(r).replace(/[\0 ]+$/, '').replace(/^ +/, '');
    return s === '' ? undefined : s;
  }

  /** Backslash-separated text values. */
  strings(tag: number): string[] | undefined {
    const s = this.string(tag);
    return s === undefined ? undefined : s.split('\\').map((x) => x.trim());
  }

  /**
   * Numeric values: decimal/integer strings (DS, IS) split at backslashes, or binary values for
   * US, SS, UL, SL, FL, FD (and for `UN` values of known-binary tags given `binaryVr`).
   */
  numbers(tag: number, binaryVr?: string): number[] | undefined {
    const e = this.elements.get(tag);
    if (!e || e.items) return undefined;
    const vr = e.vr === 'UN' && binaryVr ? binaryVr : e.vr;
    const r = this.bytes.subarray(e.offset, e.offset + e.length);
    const dv = new DataView(r.buffer, r.byteOffset, r.byteLength);
    const le = this.littleEndian;
    const bin = (w: number, get: (o: number) => number): number[] => {
      const out: number[] = [];
      for (let o = 0; o + w <= r.length; o += w) out.push(get(o));
      return out;
    };
    switch (vr) {
      case 'US': return bin(2, (o) => dv.getUint16(o, le));
      case 'SS': return bin(2, (o) => dv.getInt16(o, le));
      case 'UL': return bin(4, (o) => dv.getUint32(o, le));
      case 'SL': return bin(4, (o) => dv.getInt32(o, le));
      case 'FL': return bin(4, (o) => dv.getFloat32(o, le));
      case 'FD': return bin(8, (o) => dv.getFloat64(o, le));
      default: {
        const parts = this.strings(tag);
        if (!parts) return undefined;
        return parts.map((p) => {
          const x = Number(p);
          if (p === '' || !Number.isFinite(x)) {
            throw new CorruptFileError(`DICOM attribute ${tagString(tag)} is not a number`, { file: this.file, expected: 'a decimal number', found: JSON.stringify(p.slice(0, 40)) });
          }
          return x;
        });
      }
    }
  }

  /** The first numeric value, or `fallback` when absent. */
  number(tag: number, fallback?: number, binaryVr?: string): number | undefined {
    const v = this.numbers(tag, binaryVr);
    return v && v.length > 0 ? v[0] : fallback;
  }

  /** Items of a sequence (empty array when absent). */
  seq(tag: number): readonly DicomDataset[] {
    return this.elements.get(tag)?.items ?? [];
  }

  /** The element itself. */
  element(tag: number): DicomElement | undefined {
    return this.elements.get(tag);
  }
}
