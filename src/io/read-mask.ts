import { assertSameGeometry, type Geometry } from '../core/geometry.js';
import { labelAbsentError, maskFromLabelMap, type Mask } from '../core/mask.js';
import type { Volume } from '../core/volume.js';
import { InvalidInputError } from '../core/errors.js';
import { decodeImageFile, readImage } from './read-image.js';
import { isDirectory, readInputFile } from './bytes.js';
import { looksLikeDicom } from './format.js';

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
  checkLabel(path, opts.label);
  const { labelMap, dicomMask } = await readMaskFile(path, opts);
  if (dicomMask) return { labelMap, mask: dicomMask };
  return { labelMap, mask: maskFromLabelMap(labelMap, opts.label ?? 1, path) };
}

/**
 * {@link readMask} without building the binary mask: the label map as stored (for RTSTRUCT: the rasterised ROI as
 * 0/1 uint8; for SEG: segment numbers), for callers that crop the region first. Throws the same errors as
 * {@link readMask}, including the MaskError of an absent label (found with a native scan).
 */
export async function readLabelMap(path: string, opts: ReadMaskOptions = {}): Promise<Volume> {
  checkLabel(path, opts.label);
  const { labelMap, dicomMask } = await readMaskFile(path, opts);
  const label = opts.label ?? 1;
  if (!dicomMask && labelMap.data.indexOf(label) < 0) throw labelAbsentError(labelMap, label, path);
  return labelMap;
}

function checkLabel(path: string, label: number | undefined): void {
  if (label !== undefined && !Number.isFinite(label)) {
    throw new InvalidInputError('the mask label must be a number', { file: path, found: String(label) });
  }
}

/** The label map of a mask file or folder (geometry checked against `like`), or a DICOM mask already binarised. */
async function readMaskFile(path: string, opts: ReadMaskOptions): Promise<{ labelMap: Volume; dicomMask?: Mask }> {
  let labelMap: Volume;
  if (await isDirectory(path)) {
    labelMap = await readImage(path);
  } else {
    const bytes = await readInputFile(path);
    if (looksLikeDicom(bytes)) {
      // DICOM readers load only for DICOM input
      const { isDicomMaskFile, readDicomMask } = await import('./dicom/read-dicom-mask.js');
      if (await isDicomMaskFile(bytes)) {
        const r = await readDicomMask(path, bytes, opts);
        return { labelMap: r.labelMap, dicomMask: r.mask };
      }
    }
    labelMap = (await decodeImageFile(path, bytes)).volume;
  }
  if (opts.like) assertSameGeometry(opts.like, labelMap, 'image and mask', undefined, path);
  return { labelMap };
}
