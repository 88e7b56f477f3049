import { UnsupportedFormatError } from '../../core/errors.js';
import type { Volume } from '../../core/volume.js';
import type { ImageFileInfo, ReadImageOptions } from '../read-image.js';

/** Reads a DICOM series from a folder or from one of its files (work in progress). */
export async function readDicomImage(path: string, _opts: ReadImageOptions): Promise<{ volume: Volume; info: ImageFileInfo }> {
  throw new UnsupportedFormatError('DICOM reading is not available yet', { file: path });
}
