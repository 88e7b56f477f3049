import { InvalidInputError, MaskError, UnsupportedFormatError } from '../../core/errors.js';
import { maskFromLabelMap, type Mask } from '../../core/mask.js';
import type { Volume } from '../../core/volume.js';
import type { ReadMaskOptions } from '../read-mask.js';
import { parseDicom } from './parse.js';
import { chooseRoi, parseRtStruct, rasterizeRoi } from './rtstruct.js';
import { readSegSegmentOnGrid, segSegments } from './seg-read.js';
import { SOP, T } from './tags.js';
import type { DicomDataset } from './dataset.js';

/** The kind of DICOM mask object a dataset is, or null for other objects. */
export function dicomMaskKind(ds: DicomDataset): 'rtstruct' | 'seg' | null {
  const sop = ds.string(T.SOPClassUID) ?? ds.string(T.MediaStorageSOPClassUID) ?? '';
  const modality = ds.string(T.Modality) ?? '';
  if (sop === SOP.RTStructureSet || modality === 'RTSTRUCT') return 'rtstruct';
  if (sop === SOP.Segmentation || modality === 'SEG') return 'seg';
  return null;
}

/** True when DICOM bytes hold an RTSTRUCT or SEG object. */
export async function isDicomMaskFile(bytes: Uint8Array): Promise<boolean> {
  try {
    return dicomMaskKind(parseDicom(bytes, undefined, { headerOnly: true })) !== null;
  } catch {
    return false;
  }
}

/**
 * Reads a DICOM RTSTRUCT (ROI `opts.roiName` rasterised on `opts.like`) or SEG (segment
 * `opts.segmentNumber ?? opts.label ?? 1` placed on `opts.like`).
 */
export async function readDicomMask(path: string, bytes: Uint8Array, opts: ReadMaskOptions): Promise<{ labelMap: Volume; mask: Mask }> {
  const ds = parseDicom(bytes, path);
  const kind = dicomMaskKind(ds);
  if (kind === null) throw new UnsupportedFormatError('this DICOM file is not a mask', { file: path, expected: 'an RTSTRUCT or SEG object, or a label map', found: `modality ${ds.string(T.Modality) ?? '?'}` });
  if (!opts.like) {
    throw new InvalidInputError(`a DICOM ${kind === 'seg' ? 'SEG' : 'RTSTRUCT'} needs the image grid to be read on`, {
      file: path, expected: 'the geometry of the image (readMask(path, { like: image }))', fix: 'give the image together with the mask (the CLI does this for you).',
    });
  }
  if (kind === 'rtstruct') {
    const roi = chooseRoi(parseRtStruct(ds), opts.roiName, path);
    const mask = rasterizeRoi(roi, opts.like, path);
    return { labelMap: mask, mask };
  }
  const segment = opts.segmentNumber ?? opts.label ?? 1;
  const segments = segSegments(ds);
  if (!segments.some((s) => s.number === segment)) {
    throw new MaskError(`segment ${segment} is not in the DICOM SEG`, {
      file: path, expected: `a segment with SegmentNumber ${segment}`, found: `segments ${segments.map((s) => `${s.number} "${s.label}"`).join(', ') || 'none'}`,
      fix: 'choose one of the segment numbers listed (--segment N, API: segmentNumber).',
    });
  }
  const { labelMap, mask } = readSegSegmentOnGrid(ds, opts.like, segment, path);
  maskFromLabelMap(mask, 1, path); // MaskError when the segment has no voxel on this grid
  return { labelMap, mask };
}
