// Synthetic DICOM CT slices for the series-reader tests, written with the explicit-VR encoder of src/io
// (the real IBSI phantom series, read in test/reference/io-*.test.ts, checks the reader independently).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePart10, type DicomItem, type DicomValue } from '../../../src/io/dicom/write-dataset.js';
import { T } from '../../../src/io/dicom/tags.js';

export interface SliceSpec {
  seriesUid: string;
  sopUid: string;
  ipp: [number, number, number];
  iop?: number[];
  pixelSpacing?: [number, number];
  rows: number;
  cols: number;
  /** Stored values, row-major (columns fastest). */
  stored: number[];
  bitsAllocated?: number;
  bitsStored?: number;
  highBit?: number;
  pixelRepresentation?: number;
  slope?: number;
  intercept?: number;
  modality?: string;
  transferSyntax?: string;
}

/** Encodes one CT slice as a DICOM Part 10 file (explicit VR little endian unless told). */
export function ctSliceBytes(s: SliceSpec): Uint8Array {
  const bits = s.bitsAllocated ?? 16;
  const signed = (s.pixelRepresentation ?? 1) === 1;
  const n = s.rows * s.cols;
  const px = new Uint8Array(n * (bits / 8));
  const dv = new DataView(px.buffer);
  s.stored.forEach((v, i) => {
    if (bits === 16) dv.setUint16(2 * i, v & 0xffff, true);
    else if (bits === 8) px[i] = v & 0xff;
    else dv.setUint32(4 * i, v >>> 0, true);
  });
  const e = (vr: string, v: DicomValue): readonly [string, DicomValue] => [vr, v];
  const ds: DicomItem = new Map([
    [T.SOPClassUID, e('UI', '1.2.840.10008.5.1.4.1.1.2')],
    [T.SOPInstanceUID, e('UI', s.sopUid)],
    [T.Modality, e('CS', s.modality ?? 'CT')],
    [T.SeriesInstanceUID, e('UI', s.seriesUid)],
    [T.SeriesDescription, e('LO', `series ${s.seriesUid.slice(-4)}`)],
    [T.ImagePositionPatient, e('DS', s.ipp.join('\\'))],
    [T.ImageOrientationPatient, e('DS', (s.iop ?? [1, 0, 0, 0, 1, 0]).join('\\'))],
    [T.SamplesPerPixel, e('US', [1])],
    [T.PhotometricInterpretation, e('CS', 'MONOCHROME2')],
    [T.Rows, e('US', [s.rows])],
    [T.Columns, e('US', [s.cols])],
    [T.PixelSpacing, e('DS', (s.pixelSpacing ?? [0.5, 0.5]).join('\\'))],
    [T.BitsAllocated, e('US', [bits])],
    [T.BitsStored, e('US', [s.bitsStored ?? bits])],
    [T.HighBit, e('US', [s.highBit ?? (s.bitsStored ?? bits) - 1])],
    [T.PixelRepresentation, e('US', [signed ? 1 : 0])],
    [T.RescaleIntercept, e('DS', String(s.intercept ?? 0))],
    [T.RescaleSlope, e('DS', String(s.slope ?? 1))],
    [T.PixelData, e('OW', px)],
  ]);
  const bytes = encodePart10(ds, '1.2.840.10008.5.1.4.1.1.2', s.sopUid, '1.2.3.4');
  if (s.transferSyntax) return withTransferSyntax(bytes, s.transferSyntax);
  return bytes;
}

/** Rewrites the transfer syntax UID of a file meta group (same length UIDs only; for error tests). */
function withTransferSyntax(bytes: Uint8Array, ts: string): Uint8Array {
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, 400));
  const at = text.indexOf('1.2.840.10008.1.2.1\0');
  const padded = (ts + '\0'.repeat(20)).slice(0, 20);
  const out = bytes.slice();
  for (let i = 0; i < 20; i++) out[at + i] = padded.charCodeAt(i);
  return out;
}

/** Writes a series of `nz` slices of rows×cols into a folder; slice k gets stored values k*100 + p. */
export function writeSeries(dir: string, opts: { seriesUid: string; nz: number; rows?: number; cols?: number; dz?: number; order?: number[]; prefix?: string; extra?: Partial<SliceSpec> }): void {
  const rows = opts.rows ?? 3;
  const cols = opts.cols ?? 4;
  const order = opts.order ?? Array.from({ length: opts.nz }, (_, k) => k);
  for (const k of order) {
    const bytes = ctSliceBytes({
      seriesUid: opts.seriesUid, sopUid: `${opts.seriesUid}.${k + 1}`, ipp: [-10, -20, 5 + k * (opts.dz ?? 2.5)],
      rows, cols, stored: Array.from({ length: rows * cols }, (_, p) => k * 100 + p), ...opts.extra,
    });
    writeFileSync(join(dir, `${opts.prefix ?? 'IMG'}_${String(k).padStart(4, '0')}.dcm`), bytes);
  }
}
