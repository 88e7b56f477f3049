import type { Mat3, Vec3 } from '../core/vec.js';
import { voxelTypeOf, type Volume, type VoxelType } from '../core/volume.js';
import { isDirectory, readInputFile } from './bytes.js';
import { looksLikeDicom } from './format.js';
import { decodeImageFile, readImageDetailed, type ImageFileInfo } from './read-image.js';
import { parseDicom } from './dicom/parse.js';
import { dicomMaskKind } from './dicom/read-dicom-mask.js';
import { parseRtStruct } from './dicom/rtstruct.js';
import { segSegments } from './dicom/seg-read.js';
import { T } from './dicom/tags.js';

/** One label of a mask and its voxel count. */
export interface LabelCount {
  readonly value: number;
  readonly voxels: number;
}

/**
 * What `dlrn info` reports (the `--json` output). Geometry fields are in LPS millimetres exactly as
 * SimpleITK reports them; they are absent for DICOM RTSTRUCT/SEG files, which have no grid of their own.
 */
export interface ImageDescription {
  /** The path as given. */
  readonly path: string;
  /** `NIfTI-1`, `NRRD`, `DICOM`, `DICOM RTSTRUCT` or `DICOM SEG`. */
  readonly format: string;
  /** gzip-compressed file (NIfTI) or data (NRRD). */
  readonly compressed: boolean;
  /** Voxels along x, y, z (i, j, k). */
  readonly size?: Vec3;
  /** Voxel size along x, y, z in mm. */
  readonly spacing?: Vec3;
  /** Physical position (LPS, mm) of the centre of voxel (0, 0, 0). */
  readonly origin?: Vec3;
  /** Direction cosines, 9 numbers row-major (columns are the x, y, z axis directions). */
  readonly direction?: Mat3;
  /** Voxel data type after reading (`int16`, `float32`, ...). */
  readonly dataType?: VoxelType;
  /** Smallest and largest voxel value (NaN skipped). */
  readonly min?: number;
  readonly max?: number;
  /** True when treated as a mask (forced, or integer values with at most 16 distinct non-negative values). */
  readonly isMask: boolean;
  /** For a mask: every non-zero value and its voxel count, ascending. */
  readonly labels?: readonly LabelCount[];
  /** For a mask: number of voxels equal to 0. */
  readonly backgroundVoxels?: number;
  /** RTSTRUCT: the ROIs, with their number of contours. */
  readonly rois?: readonly { number: number; name: string; contours: number }[];
  /** SEG: the segments. */
  readonly segments?: readonly { number: number; label: string }[];
  /** Format-specific facts (NIfTI transform used, NRRD space, DICOM series UID and slice count...). */
  readonly details: Readonly<Record<string, string | number>>;
}

/** Options of {@link describeImage}. */
export interface DescribeOptions {
  /** Report labels and counts even if the image does not look like a mask. */
  readonly mask?: boolean;
  /** DICOM folder with several series: the one to describe. */
  readonly seriesUid?: string;
}

/** Largest number of distinct values for an image to be taken as a mask automatically. */
export const MASK_MAX_LABELS = 16;

/** Describes an image, mask, DICOM folder, RTSTRUCT or SEG file (the library side of `dlrn info`). */
export async function describeImage(path: string, opts: DescribeOptions = {}): Promise<ImageDescription> {
  if (!(await isDirectory(path))) {
    const bytes = await readInputFile(path);
    if (looksLikeDicom(bytes)) {
      const ds = parseDicom(bytes, path);
      const kind = dicomMaskKind(ds);
      if (kind === 'rtstruct') {
        const rois = parseRtStruct(ds).map((r) => ({ number: r.number, name: r.name, contours: r.contours.length }));
        return { path, format: 'DICOM RTSTRUCT', compressed: false, isMask: true, rois, details: dicomDetails(ds) };
      }
      if (kind === 'seg') {
        return { path, format: 'DICOM SEG', compressed: false, isMask: true, segments: segSegments(ds), details: { ...dicomDetails(ds), frames: ds.number(T.NumberOfFrames, 1)!, segmentationType: ds.string(T.SegmentationType) ?? '' } };
      }
    }
    const r = looksLikeDicom(bytes) ? await readImageDetailed(path, opts) : await decodeImageFile(path, bytes, opts);
    return describeVolume(path, r.volume, r.info, opts.mask ?? false);
  }
  const r = await readImageDetailed(path, opts);
  return describeVolume(path, r.volume, r.info, opts.mask ?? false);
}

function dicomDetails(ds: ReturnType<typeof parseDicom>): Record<string, string> {
  return {
    sopClassUid: ds.string(T.SOPClassUID) ?? '',
    seriesInstanceUid: ds.string(T.SeriesInstanceUID) ?? '',
    frameOfReferenceUid: ds.string(T.FrameOfReferenceUID) ?? '',
    transferSyntax: ds.transferSyntax ?? '',
  };
}

/** Describes an already-read volume. */
export function describeVolume(path: string, v: Volume, info: ImageFileInfo, forceMask: boolean): ImageDescription {
  const d = v.data;
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  const counts = new Map<number, number>();
  let tooMany = false;
  for (let i = 0; i < d.length; i++) {
    const x = d[i];
    if (x < min) min = x;
    if (x > max) max = x;
    if (integral && !Number.isInteger(x) && !Number.isNaN(x)) integral = false;
    if (!tooMany) {
      counts.set(x, (counts.get(x) ?? 0) + 1);
      if (counts.size > MASK_MAX_LABELS + 1 && !forceMask) tooMany = true;
    }
  }
  const isMask = forceMask || (!tooMany && integral && min >= 0 && counts.size <= MASK_MAX_LABELS + 1 && d.length > 0);
  const base: ImageDescription = {
    path, format: info.format, compressed: info.compressed,
    size: v.size, spacing: v.spacing, origin: v.origin, direction: v.direction,
    dataType: voxelTypeOf(d), min: min === Infinity ? NaN : min, max: max === -Infinity ? NaN : max,
    isMask, details: info.details,
  };
  if (!isMask) return base;
  const labels = [...counts.entries()].filter(([value]) => value !== 0 && !Number.isNaN(value)).sort((a, b) => a[0] - b[0]).map(([value, voxels]) => ({ value, voxels }));
  return { ...base, labels, backgroundVoxels: counts.get(0) ?? 0 };
}
