import { assertSameGeometry, type Geometry } from '../core/geometry.js';
import { maskFromLabelMap, type Mask } from '../core/mask.js';
import type { Volume } from '../core/volume.js';
import { InvalidInputError } from '../core/errors.js';
import { decodeImageFile, readImage } from './read-image.js';
import { isDirectory, readInputFile } from './bytes.js';
import { looksLikeDicom } from './format.js';
import { isDicomMaskFile, readDicomMask } from './dicom/read-dicom-mask.js';

/** Options of {@link readMask}. */
export interface ReadMaskOptions {
  /** Label value of the region in a label map (default 1, as PyRadiomics). For DICOM SEG, the segment number if `segmentNumber` is absent. */
  readonly label?: number;
  /**
   * The image grid. When given, the mask must lie on it (GeometryMismatchError otherwise);
   * an RTSTRUCT is rasterised on it and a DICOM SEG placed on it (both need it).
   */
  readonly like?: Geometry;
  /** RTSTRUCT: name of the ROI (StructureSetROI ROIName, e.g. "GTV-1"). Needed when there are several ROIs. */
  readonly roiName?: string;
  /** DICOM SEG: the SegmentNumber (0062,0004) to read. Default: `label`, else 1. */
  readonly segmentNumber?: number;
}

/**
 * Reads a region of interest: a label map (NIfTI/NRRD, any integer or float type: voxels equal to `label`),
 * a DICOM RTSTRUCT (the named ROI rasterised on `like`) or a DICOM SEG (a segment placed on `like`).
 *
 * Returns the label map as stored (for RTSTRUCT: the rasterised ROI as 0/1 uint8; for SEG: segment
 * numbers, uint16) and the binary mask of the chosen label.
 *
 * @throws GeometryMismatchError when `like` is given and the grids differ; MaskError when the label is
 *   absent; FileNotFoundError / CorruptFileError / UnsupportedFormatError for unreadable files.
 */
export async function readMask(path: string, opts: ReadMaskOptions = {}): Promise<{ labelMap: Volume; mask: Mask }> {
  if (opts.label !== undefined && !Number.isFinite(opts.label)) {
    throw new InvalidInputError('the mask label must be a number', { file: path, found: String(opts.label) });
  }
  let labelMap: Volume;
  if (await isDirectory(path)) {
    labelMap = await readImage(path);
  } else {
    const bytes = await readInputFile(path);
    if (looksLikeDicom(bytes) && (await isDicomMaskFile(bytes))) return readDicomMask(path, bytes, opts);
    labelMap = (await decodeImageFile(path, bytes)).volume;
  }
  if (opts.like) assertSameGeometry(opts.like, labelMap, 'image and mask', undefined, path);
  return { labelMap, mask: maskFromLabelMap(labelMap, opts.label ?? 1, path) };
}
