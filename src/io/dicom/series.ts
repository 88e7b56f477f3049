import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CorruptFileError, DicomSeriesError, DlrnError, UnsupportedFormatError } from '../../core/errors.js';
import { allocateVoxels, makeVolume, type Volume } from '../../core/volume.js';
import type { Mat3, Vec3 } from '../../core/vec.js';
import { fsError } from '../bytes.js';
import { looksLikeDicom } from '../format.js';
import type { DicomDataset } from './dataset.js';
import { parseDicom } from './parse.js';
import { assertNativePixelData, decodeFrame, pixelFormat, rescaledType } from './pixels.js';
import { SOP, T } from './tags.js';

/** A DICOM file of a folder, parsed. */
export interface DicomFile {
  readonly path: string;
  readonly ds: DicomDataset;
}

/** Summary of one image series found in a folder. */
export interface DicomSeriesSummary {
  readonly seriesInstanceUid: string;
  readonly modality: string;
  readonly description: string;
  readonly seriesNumber: string;
  readonly files: number;
}

/**
 * Reads and parses every DICOM Part 10 file directly inside `folder` (not in sub-folders). Files without
 * the "DICM" marker are skipped; a damaged DICOM file is an error naming it (a slice is never dropped silently).
 */
export async function scanDicomFolder(folder: string): Promise<DicomFile[]> {
  let names: string[];
  try {
    names = (await readdir(folder, { withFileTypes: true })).filter((d) => d.isFile() || d.isSymbolicLink()).map((d) => d.name).sort();
  } catch (e) {
    throw fsError(folder, e);
  }
  const out: DicomFile[] = [];
  const batch = 32;
  for (let a = 0; a < names.length; a += batch) {
    const chunk = await Promise.all(names.slice(a, a + batch).map(async (name) => {
      const path = join(folder, name);
      let buf: Buffer;
      try {
        buf = await readFile(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EISDIR') return null;
        throw fsError(path, e);
      }
      const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      if (!looksLikeDicom(bytes)) return null;
      return { path, ds: parseDicom(bytes, path) };
    }));
    for (const f of chunk) if (f) out.push(f);
  }
  return out;
}

/** True for datasets that are slices of an image series (pixel data, not SEG/RTSTRUCT/DICOMDIR). */
export function isImageSlice(ds: DicomDataset): boolean {
  const sop = ds.string(T.SOPClassUID) ?? ds.string(T.MediaStorageSOPClassUID) ?? '';
  if (sop === SOP.Segmentation || sop === SOP.RTStructureSet || sop === SOP.MediaStorageDirectory) return false;
  const modality = ds.string(T.Modality) ?? '';
  if (modality === 'SEG' || modality === 'RTSTRUCT') return false;
  return ds.has(T.PixelData);
}

/** Groups image slices by SeriesInstanceUID. */
export function groupSeries(files: readonly DicomFile[]): Map<string, DicomFile[]> {
  const groups = new Map<string, DicomFile[]>();
  for (const f of files) {
    if (!isImageSlice(f.ds)) continue;
    const uid = f.ds.string(T.SeriesInstanceUID) ?? '(no SeriesInstanceUID)';
    const g = groups.get(uid);
    if (g) g.push(f); else groups.set(uid, [f]);
  }
  return groups;
}

/** Summaries of the image series in a folder (for messages and `dlrn info`). */
export function summarizeSeries(groups: ReadonlyMap<string, DicomFile[]>): DicomSeriesSummary[] {
  return [...groups.entries()].map(([uid, fs]) => ({
    seriesInstanceUid: uid,
    modality: fs[0].ds.string(T.Modality) ?? '',
    description: fs[0].ds.string(T.SeriesDescription) ?? '',
    seriesNumber: fs[0].ds.string(T.SeriesNumber) ?? '',
    files: fs.length,
  }));
}

/**
 * Chooses one series: the only one, or the one whose UID is `seriesUid`.
 * @throws DicomSeriesError when there is none, when there are several and none was chosen, or when the UID is absent.
 */
export function chooseSeries(folder: string, groups: ReadonlyMap<string, DicomFile[]>, seriesUid?: string): { uid: string; files: DicomFile[] } {
  const list = summarizeSeries(groups);
  const describe = (): string => list.map((s) => `${s.seriesInstanceUid} (${s.modality || '?'}${s.description ? ` "${s.description}"` : ''}, ${s.files} file${s.files === 1 ? '' : 's'})`).join('; ');
  if (groups.size === 0) {
    throw new DicomSeriesError('no DICOM image series in the folder', {
      file: folder, expected: 'DICOM image files (with pixel data) directly in this folder', found: 'no DICOM image file',
      fix: 'point at the folder that holds the .dcm slices themselves (sub-folders are not searched; files without the DICOM Part 10 "DICM" header are ignored).',
    });
  }
  if (seriesUid !== undefined) {
    const g = groups.get(seriesUid);
    if (!g) throw new DicomSeriesError('the requested series is not in the folder', { file: folder, expected: `SeriesInstanceUID ${seriesUid}`, found: `series ${describe()}`, fix: 'use one of the SeriesInstanceUIDs listed.' });
    return { uid: seriesUid, files: g };
  }
  if (groups.size > 1) {
    throw new DicomSeriesError(`the folder holds ${groups.size} image series`, {
      file: folder, expected: 'one series, or a chosen SeriesInstanceUID', found: `series ${describe()}`,
      fix: 'choose one with --series-uid <SeriesInstanceUID> (API: readImage(path, { seriesUid })), or move each series to its own folder.',
    });
  }
  const [[uid, files]] = [...groups.entries()];
  return { uid, files };
}

/** A slice with its position along the slice normal. */
interface PlacedSlice { readonly f: DicomFile; readonly ipp: Vec3; readonly dist: number }

/**
 * Builds a Volume from the slices of one series, the way ITK's ImageSeriesReader with GDCM does:
 * slices sorted by Image Position (Patient) projected on the normal (row × column direction cosines),
 * origin = position of the first slice, direction columns = row cosines, column cosines, normal,
 * in-plane spacing = Pixel Spacing (column spacing first), slice spacing = |last − first| / (n − 1),
 * values = RescaleSlope·stored + RescaleIntercept in the type GDCM chooses ({@link rescaledType}).
 *
 * Refuses (DicomSeriesError) mixed sizes/orientations/spacings, duplicate positions, irregular slice
 * spacing (missing slices, > 1 % deviation) and tilted stacks, instead of returning a distorted volume.
 */
export function volumeFromSlices(folder: string, files: readonly DicomFile[]): Volume {
  const first = files[0].ds;
  const iop = first.numbers(T.ImageOrientationPatient);
  const ps = first.numbers(T.PixelSpacing);
  if (!iop || iop.length !== 6) throw new DicomSeriesError('the series has no valid Image Orientation (Patient)', { file: files[0].path, expected: '6 direction cosines in (0020,0037)', found: String(iop ?? 'none') });
  if (!ps || ps.length !== 2 || !(ps[0] > 0 && ps[1] > 0)) throw new DicomSeriesError('the series has no valid Pixel Spacing', { file: files[0].path, expected: 'two positive values in (0028,0030)', found: String(ps ?? 'none') });
  const row: Vec3 = unit([iop[0], iop[1], iop[2]]);
  const col: Vec3 = unit([iop[3], iop[4], iop[5]]);
  const normal: Vec3 = unit([row[1] * col[2] - row[2] * col[1], row[2] * col[0] - row[0] * col[2], row[0] * col[1] - row[1] * col[0]]);
  const pf = pixelFormat(first);
  const placed: PlacedSlice[] = files.map((f) => {
    const ds = f.ds;
    const o = ds.numbers(T.ImageOrientationPatient);
    if (!o || o.length !== 6 || o.some((x, i) => Math.abs(x - iop[i]) > 1e-4)) throw new DicomSeriesError('the series mixes slice orientations', { file: f.path, expected: `orientation ${iop.join('\\')}`, found: String(o ?? 'none'), fix: 'remove localizer/scout images from the folder, or choose the axial series.' });
    const s = ds.numbers(T.PixelSpacing);
    if (!s || s.length !== 2 || Math.abs(s[0] - ps[0]) > 1e-6 * ps[0] || Math.abs(s[1] - ps[1]) > 1e-6 * ps[1]) throw new DicomSeriesError('the series mixes pixel spacings', { file: f.path, expected: ps.join('\\'), found: String(s ?? 'none') });
    const p = pixelFormat(ds);
    if (p.rows !== pf.rows || p.columns !== pf.columns || p.bitsAllocated !== pf.bitsAllocated || p.pixelRepresentation !== pf.pixelRepresentation || p.bitsStored !== pf.bitsStored) {
      throw new DicomSeriesError('the series mixes image sizes or pixel formats', { file: f.path, expected: `${pf.columns}×${pf.rows}, ${pf.bitsAllocated} bits`, found: `${p.columns}×${p.rows}, ${p.bitsAllocated} bits` });
    }
    if (p.frames !== 1) throw new UnsupportedFormatError('multi-frame DICOM images in a series are not supported', { file: f.path, expected: 'one frame per file', found: `${p.frames} frames` });
    const ipp = ds.numbers(T.ImagePositionPatient);
    if (!ipp || ipp.length !== 3) throw new DicomSeriesError('a slice has no Image Position (Patient)', { file: f.path, expected: '3 numbers in (0020,0032)', found: String(ipp ?? 'none') });
    return { f, ipp: [ipp[0], ipp[1], ipp[2]], dist: ipp[0] * normal[0] + ipp[1] * normal[1] + ipp[2] * normal[2] };
  });
  placed.sort((a, b) => a.dist - b.dist);
  const n = placed.length;
  let dz = 1;
  if (n > 1) {
    const a = placed[0].ipp;
    const z = placed[n - 1].ipp;
    const d = [z[0] - a[0], z[1] - a[1], z[2] - a[2]];
    const len = Math.hypot(d[0], d[1], d[2]);
    dz = len / (n - 1);
    for (let k = 1; k < n; k++) {
      if (placed[k].dist - placed[k - 1].dist < 1e-3 * Math.max(dz, 1e-3)) {
        throw new DicomSeriesError('two slices of the series have the same position', { file: placed[k].f.path, expected: 'one slice per position', found: `same position as ${placed[k - 1].f.path}`, fix: 'the folder may hold several acquisitions or duplicates of one series; keep one.' });
      }
    }
    const along = (placed[n - 1].dist - placed[0].dist) / len;
    if (Math.abs(along - 1) > 1e-4) {
      throw new UnsupportedFormatError('tilted (sheared) DICOM stacks are not supported', { file: folder, expected: 'slice positions along the slice normal', found: `positions deviate from the normal by ${(Math.acos(Math.min(1, along)) * 180 / Math.PI).toFixed(2)}°`, fix: 'resample the series to an orthogonal grid first (e.g. 3D Slicer "Acquisition geometry regularization").' });
    }
    for (let k = 1; k < n; k++) {
      const gap = placed[k].dist - placed[k - 1].dist;
      if (Math.abs(gap - dz) > 0.01 * dz + 1e-4) {
        throw new DicomSeriesError('the slice spacing of the series is not uniform', { file: folder, expected: `slices every ${dz.toFixed(4)} mm`, found: `a gap of ${gap.toFixed(4)} mm before ${placed[k].f.path}`, fix: 'slices may be missing; check that the whole series was exported.' });
      }
    }
  } else {
    dz = first.number(T.SpacingBetweenSlices) ?? first.number(T.SliceThickness) ?? 1;
    if (!(dz > 0)) dz = 1;
  }
  const rescales = placed.map((p) => ({ slope: p.f.ds.number(T.RescaleSlope, 1)!, intercept: p.f.ds.number(T.RescaleIntercept, 0)! }));
  const type = rescaledType(pf, rescales);
  const sliceN = pf.rows * pf.columns;
  const data = allocateVoxels(type, sliceN * n);
  placed.forEach((p, k) => {
    assertNativePixelData(p.f.ds);
    try {
      decodeFrame(p.f.ds, pf, 0, data, k * sliceN, rescales[k].slope, rescales[k].intercept);
    } catch (e) {
      if (e instanceof DlrnError) throw e;
      throw new CorruptFileError('the DICOM pixel data cannot be decoded', { file: p.f.path, found: (e as Error).message, cause: e });
    }
  });
  const direction: Mat3 = [row[0], col[0], normal[0], row[1], col[1], normal[1], row[2], col[2], normal[2]];
  return makeVolume({ size: [pf.columns, pf.rows, n], spacing: [ps[1], ps[0], dz], origin: placed[0].ipp, direction }, data);
}

function unit(v: readonly number[]): Vec3 {
  const n = Math.hypot(v[0], v[1], v[2]);
  if (!(n > 0)) throw new DicomSeriesError('zero-length direction cosines in Image Orientation (Patient)', { found: v.join('\\') });
  return [v[0] / n, v[1] / n, v[2] / n];
}
