import { dirname } from 'node:path';
import { UnsupportedFormatError } from '../../core/errors.js';
import type { Volume } from '../../core/volume.js';
import type { ImageFileInfo, ReadImageOptions } from '../read-image.js';
import { isDirectory, readInputFile } from '../bytes.js';
import { parseDicom } from './parse.js';
import { chooseSeries, groupSeries, isImageSlice, scanDicomFolder, volumeFromSlices } from './series.js';
import { T } from './tags.js';

/**
 * Reads a DICOM image series: from a folder (the only image series, or `opts.seriesUid`), or from one
 * file of a series (then every file of that series in the same folder is read).
 */
export async function readDicomImage(path: string, opts: ReadImageOptions): Promise<{ volume: Volume; info: ImageFileInfo }> {
  let folder = path;
  let uid = opts.seriesUid;
  if (!(await isDirectory(path))) {
    const ds = parseDicom(await readInputFile(path), path, { headerOnly: true });
    if (!isImageSlice(ds)) {
      const modality = ds.string(T.Modality) ?? '?';
      throw new UnsupportedFormatError(`this DICOM file is not an image (modality ${modality})`, {
        file: path, expected: 'a CT/MR image slice or a folder of slices', found: `modality ${modality}`,
        fix: modality === 'RTSTRUCT' || modality === 'SEG' ? 'read it as a mask (dlrn --mask, or readMask with the image grid as `like`).' : 'point at the image series.',
      });
    }
    folder = dirname(path);
    uid = uid ?? ds.string(T.SeriesInstanceUID);
  }
  const groups = groupSeries(await scanDicomFolder(folder));
  const chosen = chooseSeries(folder, groups, uid);
  const volume = volumeFromSlices(folder, chosen.files);
  const ds = chosen.files[0].ds;
  return {
    volume,
    info: {
      format: 'DICOM',
      compressed: false,
      details: {
        seriesInstanceUid: chosen.uid,
        modality: ds.string(T.Modality) ?? '',
        seriesDescription: ds.string(T.SeriesDescription) ?? '',
        slices: chosen.files.length,
        transferSyntax: ds.transferSyntax ?? '',
        otherSeries: groups.size - 1,
      },
    },
  };
}
