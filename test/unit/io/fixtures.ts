// Hand-built test inputs for the IO tests, written field by field from the format specifications
// (nifti1.h offsets, the NRRD format page), independently of src/io's encoders.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Fields of a hand-made NIfTI-1 header; everything not given is zero. */
export interface NiftiFields {
  dim: number[];
  datatype: number;
  bitpix: number;
  pixdim: number[];
  voxOffset?: number;
  sclSlope?: number;
  sclInter?: number;
  xyztUnits?: number;
  qformCode?: number;
  sformCode?: number;
  quatern?: [number, number, number];
  qoffset?: [number, number, number];
  srow?: [number[], number[], number[]];
  magic?: string;
  littleEndian?: boolean;
}

/** A single-file NIfTI-1 (.nii) with the given header fields followed by `data` bytes. */
export function niftiBytes(f: NiftiFields, data: Uint8Array): Uint8Array {
  const le = f.littleEndian ?? true;
  const off = f.voxOffset ?? 352;
  const out = new Uint8Array(Math.max(off, 352) + data.length);
  const dv = new DataView(out.buffer);
  dv.setInt32(0, 348, le);
  f.dim.forEach((d, i) => dv.setInt16(40 + 2 * i, d, le));
  dv.setInt16(70, f.datatype, le);
  dv.setInt16(72, f.bitpix, le);
  f.pixdim.forEach((p, i) => dv.setFloat32(76 + 4 * i, p, le));
  dv.setFloat32(108, off, le);
  dv.setFloat32(112, f.sclSlope ?? 0, le);
  dv.setFloat32(116, f.sclInter ?? 0, le);
  out[123] = f.xyztUnits ?? 2;
  dv.setInt16(252, f.qformCode ?? 0, le);
  dv.setInt16(254, f.sformCode ?? 0, le);
  (f.quatern ?? [0, 0, 0]).forEach((q, i) => dv.setFloat32(256 + 4 * i, q, le));
  (f.qoffset ?? [0, 0, 0]).forEach((q, i) => dv.setFloat32(268 + 4 * i, q, le));
  (f.srow ?? [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]).forEach((r, ri) => r.forEach((x, c) => dv.setFloat32(280 + 16 * ri + 4 * c, x, le)));
  const magic = f.magic ?? 'n+1\0';
  for (let i = 0; i < 4; i++) out[344 + i] = magic.charCodeAt(i) || 0;
  out.set(data, Math.max(off, 352));
  return out;
}

/** Little-endian bytes of int16 values. */
export function int16Bytes(values: number[], littleEndian = true): Uint8Array {
  const b = new Uint8Array(values.length * 2);
  const dv = new DataView(b.buffer);
  values.forEach((v, i) => dv.setInt16(2 * i, v, littleEndian));
  return b;
}

/** A NRRD file from header lines (the blank line is added) and data bytes. */
export function nrrdBytes(lines: string[], data: Uint8Array): Uint8Array {
  const head = new TextEncoder().encode(lines.join('\n') + '\n\n');
  const out = new Uint8Array(head.length + data.length);
  out.set(head, 0);
  out.set(data, head.length);
  return out;
}

/** A fresh temporary folder for one test file. */
export function tempDir(prefix = 'dlrn-io-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Asserts two number arrays agree within `tol` (absolute), with a readable message. */
export function close(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, what = 'values'): void {
  if (actual.length !== expected.length) throw new Error(`${what}: length ${actual.length} vs ${expected.length}`);
  for (let i = 0; i < actual.length; i++) {
    if (!(Math.abs(actual[i] - expected[i]) <= tol)) {
      throw new Error(`${what}[${i}]: ${actual[i]} vs expected ${expected[i]} (tolerance ${tol}); actual [${Array.from(actual).join(', ')}]`);
    }
  }
}
