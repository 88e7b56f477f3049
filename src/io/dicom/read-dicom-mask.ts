import { UnsupportedFormatError } from '../../core/errors.js';
import type { Mask } from '../../core/mask.js';
import type { Volume } from '../../core/volume.js';
import type { ReadMaskOptions } from '../read-mask.js';

/** Reads a DICOM RTSTRUCT or SEG as a mask (work in progress). */
export async function readDicomMask(path: string, _bytes: Uint8Array, _opts: ReadMaskOptions): Promise<{ labelMap: Volume; mask: Mask }> {
  throw new UnsupportedFormatError('DICOM masks are not available yet', { file: path });
}

/** True when a DICOM file is an RTSTRUCT or SEG object (work in progress). */
export async function isDicomMaskFile(_bytes: Uint8Array): Promise<boolean> {
  return false;
}
