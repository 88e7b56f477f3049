import { dirname, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { UnsupportedFormatError, InvalidInputError } from '../core/errors.js';
import type { Volume } from '../core/volume.js';
import { writeFileAtomic } from '../core/atomic.js';
import { bytePreview, fsError, inflateAsync, isDirectory, readInputFile } from './bytes.js';
import { formatFromExtension, sniffFormat } from './format.js';
import { decodeNiftiDetailed, encodeNifti } from './nifti.js';
import { decodeNrrdDetailedAsync, encodeNrrd } from './nrrd.js';

/** Options of {@link readImage}. */
export interface ReadImageOptions {
  /** For a DICOM folder with several series: the SeriesInstanceUID (0020,000E) of the one to read. */
  readonly seriesUid?: string;
}

/** What {@link readImageDetailed} found out about the file besides the voxels. */
export interface ImageFileInfo {
  /** `NIfTI-1`, `NRRD` or `DICOM`. */
  readonly format: 'NIfTI-1' | 'NRRD' | 'DICOM';
  /** Whether the file (NIfTI) or its data (NRRD) is gzip-compressed. */
  readonly compressed: boolean;
  /** Free-form facts for `dlrn info` (e.g. NIfTI transform used, DICOM series UID, slice count). */
  readonly details: Readonly<Record<string, string | number>>;
}

/**
 * Reads an image as SimpleITK's `ReadImage` would: a NIfTI-1 file (`.nii`, `.nii.gz`), a NRRD file
 * (`.nrrd`, or a detached `.nhdr` with its data file), or a DICOM series (a folder, or one file of the
 * series). The format is detected from the content, not from the extension.
 *
 * @throws FileNotFoundError, CorruptFileError, UnsupportedFormatError, DicomSeriesError (typed, naming the file)
 */
export async function readImage(path: string, opts: ReadImageOptions = {}): Promise<Volume> {
  return (await readImageDetailed(path, opts)).volume;
}

/** {@link readImage} plus format facts (used by `dlrn info`). */
export async function readImageDetailed(path: string, opts: ReadImageOptions = {}): Promise<{ volume: Volume; info: ImageFileInfo }> {
  if (await isDirectory(path)) return readDicomImage(path, opts);
  return decodeImageFile(path, await readInputFile(path), opts);
}

/**
 * Decodes the bytes of an image file already read from `path` (internal: shared with readMask). gzip data is inflated
 * on libuv's thread pool, so an image and its mask read together decode in parallel.
 */
export async function decodeImageFile(path: string, bytes: Uint8Array, opts: ReadImageOptions = {}): Promise<{ volume: Volume; info: ImageFileInfo }> {
  const { format, gzip } = sniffFormat(bytes);
  switch (format) {
    case 'nifti': {
      const d = gzip ? decodeNiftiDetailed(await inflateAsync(bytes, path, 'NIfTI file'), path, { ownsBytes: true }) : decodeNiftiDetailed(bytes, path);
      return {
        volume: d.volume,
        info: { format: 'NIfTI-1', compressed: gzip, details: { transform: d.transform, qform_code: d.header.qformCode, sform_code: d.header.sformCode, rescaled: d.rescaled ? 'yes' : 'no' } },
      };
    }
    case 'nrrd': {
      const d = await decodeNrrdDetailedAsync(bytes, path, { loadDataFile: (name) => loadDetached(path, name) });
      const enc = (d.header.fields.get('encoding') ?? '').toLowerCase();
      return { volume: d.volume, info: { format: 'NRRD', compressed: enc === 'gzip' || enc === 'gz', details: { space: d.space, encoding: enc } } };
    }
    case 'dicom':
      return readDicomImage(path, opts);
    default:
      throw new UnsupportedFormatError('unrecognised image format', {
        file: path, expected: 'a NIfTI-1 (.nii/.nii.gz), NRRD (.nrrd) or DICOM file, or a DICOM folder', found: bytePreview(bytes),
        fix: 'convert the image to NIfTI or NRRD (e.g. with 3D Slicer or SimpleITK), or point at the DICOM folder.',
      });
  }
}

/** The DICOM series reader, loaded only for DICOM input. */
async function readDicomImage(path: string, opts: ReadImageOptions): Promise<{ volume: Volume; info: ImageFileInfo }> {
  return (await import('./dicom/read-dicom-image.js')).readDicomImage(path, opts);
}

function loadDetached(headerPath: string, name: string): Uint8Array {
  const p = resolve(dirname(headerPath), name);
  try {
    const b = readFileSync(p);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (e) {
    throw fsError(p, e);
  }
}

/**
 * Writes a Volume atomically, in the format given by the extension: `.nii`, `.nii.gz` (NIfTI-1 as ITK
 * writes it) or `.nrrd` (gzip-encoded NRRD in LPS space).
 *
 * @throws InvalidInputError for another extension.
 */
export async function writeImage(path: string, v: Volume): Promise<void> {
  const f = formatFromExtension(path);
  if (!f) {
    throw new InvalidInputError('unsupported output file extension', { file: path, expected: '.nii, .nii.gz or .nrrd', found: JSON.stringify(path.slice(path.lastIndexOf('.'))), fix: 'name the output file with one of these extensions.' });
  }
  const bytes = f.format === 'nifti' ? encodeNifti(v, { gzip: f.gzip }) : encodeNrrd(v, { encoding: 'gzip' });
  writeFileAtomic(path, bytes);
}
