import { isGzip } from './bytes.js';
import { looksLikeNifti } from './nifti-header.js';
import { looksLikeNrrd } from './nrrd-header.js';

/** File formats dlrn recognises. */
export type FileFormat = 'nifti' | 'nrrd' | 'dicom' | 'unknown';

/** True when the bytes are a DICOM Part 10 file ("DICM" at byte 128). */
export function looksLikeDicom(bytes: Uint8Array): boolean {
  return bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
}

/**
 * Detects the format from the content (never from the extension alone): NRRD magic, DICOM preamble,
 * or a NIfTI-1 header (possibly gzip-compressed: then `gzip` is true and the caller inflates).
 */
export function sniffFormat(bytes: Uint8Array): { format: FileFormat; gzip: boolean } {
  if (isGzip(bytes)) return { format: 'nifti', gzip: true }; // .nii.gz is the only whole-file gzip format we read
  if (looksLikeNrrd(bytes)) return { format: 'nrrd', gzip: false };
  if (looksLikeDicom(bytes)) return { format: 'dicom', gzip: false };
  if (looksLikeNifti(bytes)) return { format: 'nifti', gzip: false };
  return { format: 'unknown', gzip: false };
}

/** Output format chosen from a file name's extension (case-insensitive). */
export function formatFromExtension(path: string): { format: 'nifti' | 'nrrd'; gzip: boolean } | null {
  const p = path.toLowerCase();
  if (p.endsWith('.nii.gz')) return { format: 'nifti', gzip: true };
  if (p.endsWith('.nii')) return { format: 'nifti', gzip: false };
  if (p.endsWith('.nrrd')) return { format: 'nrrd', gzip: true };
  return null;
}
