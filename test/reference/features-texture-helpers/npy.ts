// Minimal reader for the NumPy .npy files of the PyRadiomics baseline (float64, C or Fortran order).
import { readFileSync } from 'node:fs';

/** A float64 array read from a .npy file, with its shape, read in C (row-major) order. */
export interface NpyArray {
  readonly shape: readonly number[];
  /** Values in C order: element (i0, i1, ...) at Σ i_k · stride_k with the last index fastest. */
  readonly data: Float64Array;
}

/**
 * Reads a version 1.x/2.x .npy file holding little-endian float64 (`<f8`) data. Fortran-ordered arrays are
 * transposed to C order, so `at(a, i, j, ...)` indexes them the same way as NumPy does.
 */
export function readNpy(path: string): NpyArray {
  const b = readFileSync(path);
  if (b.toString('latin1', 1, 6) !== 'NUMPY') throw new Error(`${path}: not a .npy file`);
  const major = b[6];
  const headerLen = major === 1 ? b.readUInt16LE(8) : b.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = b.toString('latin1', start, start + headerLen);
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  if (descr !== '<f8') throw new Error(`${path}: unsupported dtype ${descr}`);
  const fortran = /'fortran_order':\s*True/.test(header);
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? '';
  const shape = shapeText.split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  const n = shape.reduce((a, c) => a * c, 1);
  const raw = new Float64Array(n);
  const off = start + headerLen;
  for (let i = 0; i < n; i++) raw[i] = b.readDoubleLE(off + 8 * i);
  if (!fortran || shape.length < 2) return { shape, data: raw };
  // Fortran order: first index fastest. Re-order to C order.
  const data = new Float64Array(n);
  const idx = new Array<number>(shape.length).fill(0);
  for (let f = 0; f < n; f++) {
    let c = 0;
    for (let k = 0; k < shape.length; k++) c = c * shape[k] + idx[k];
    data[c] = raw[f];
    for (let k = 0; k < shape.length; k++) { if (++idx[k] < shape[k]) break; idx[k] = 0; }
  }
  return { shape, data };
}

/** Element of a C-ordered array at the given indices. */
export function at(a: NpyArray, ...index: number[]): number {
  let c = 0;
  for (let k = 0; k < a.shape.length; k++) c = c * a.shape[k] + index[k];
  return a.data[c];
}
