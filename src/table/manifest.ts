import { dirname, isAbsolute, resolve } from 'node:path';
import { InvalidInputError } from '../core/errors.js';
import { readCsv, parseNumberField } from './csv.js';

/** One case of a manifest: an image, its mask and the other columns of its row. */
export interface ManifestCase {
  /** Case id (the `id` column; else the image file name; made unique). */
  readonly id: string;
  /** Absolute image path (relative paths are resolved from the manifest's folder). */
  readonly image: string;
  /** Absolute mask path. */
  readonly mask: string;
  /** Mask label value to use (default 1). */
  readonly maskLabel: number;
  /** Every column of the row (raw strings), including id/image/mask. */
  readonly row: Readonly<Record<string, string>>;
  /** 1-based data row number in the file (for messages). */
  readonly rowNumber: number;
}

export interface Manifest {
  readonly path: string;
  readonly columns: readonly string[];
  readonly cases: readonly ManifestCase[];
  /** The column the mask label was read from, if any. */
  readonly maskLabelColumn: string | null;
}

/**
 * Reads a case manifest (CSV). Image and mask columns: `image`/`mask` or PyRadiomics' `Image`/`Mask`.
 * Mask label column, in this order: `maskLabelColumn` when given; `mask_label`; PyRadiomics' `Label`;
 * `label` only when the manifest has exactly the columns `id,image,mask,label` (the extraction form). In a
 * study manifest (more columns, e.g. the synthetic cohort's `id,image,mask,label,centre,...`), `label` is the
 * outcome, not the mask label, and the mask label is 1 unless `mask_label` says otherwise.
 */
export function readManifest(path: string, opts: { maskLabelColumn?: string } = {}): Manifest {
  const t = readCsv(path);
  const cols = t.header;
  const find = (...names: string[]) => names.map((n) => cols.indexOf(n)).find((i) => i >= 0) ?? -1;
  const iImage = find('image', 'Image');
  const iMask = find('mask', 'Mask');
  if (iImage < 0 || iMask < 0) {
    throw new InvalidInputError('the manifest has no image/mask columns', {
      file: path, expected: 'columns `id,image,mask[,label]` (or PyRadiomics `Image,Mask[,Label]`)', found: `columns ${cols.join(', ')}`,
    });
  }
  const iId = find('id', 'ID', 'Id', 'case', 'case_id');
  let labelCol: string | null = null;
  if (opts.maskLabelColumn) {
    if (!cols.includes(opts.maskLabelColumn)) throw new InvalidInputError(`mask-label column "${opts.maskLabelColumn}" not found`, { file: path, found: `columns ${cols.join(', ')}` });
    labelCol = opts.maskLabelColumn;
  } else if (cols.includes('mask_label')) labelCol = 'mask_label';
  else if (cols.includes('Label')) labelCol = 'Label';
  else if (cols.length === 4 && cols.includes('label') && iId >= 0) labelCol = 'label';
  const iLabel = labelCol ? cols.indexOf(labelCol) : -1;
  const base = dirname(resolve(path));
  const seen = new Map<string, number>();
  const cases = t.rows.map((r, k) => {
    const rowNumber = k + 1;
    const row: Record<string, string> = {};
    cols.forEach((c, j) => (row[c] = r[j]));
    const image = r[iImage].trim();
    const mask = r[iMask].trim();
    if (!image || !mask) {
      throw new InvalidInputError(`manifest row ${rowNumber} has an empty image or mask path`, { file: path, fix: 'fill in both paths or remove the row.' });
    }
    let maskLabel = 1;
    if (iLabel >= 0 && r[iLabel].trim() !== '') {
      maskLabel = parseNumberField(r[iLabel]);
      if (!Number.isInteger(maskLabel)) {
        throw new InvalidInputError(`manifest row ${rowNumber}: the mask label is not an integer`, { file: path, found: JSON.stringify(r[iLabel]) });
      }
    }
    let id = iId >= 0 && r[iId].trim() ? r[iId].trim() : image.replace(/^.*[\\/]/, '').replace(/\.(nii\.gz|nii|nrrd|nhdr)$/i, '');
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    if (n > 0) id = `${id}_${n + 1}`;
    return {
      id,
      image: isAbsolute(image) ? image : resolve(base, image),
      mask: isAbsolute(mask) ? mask : resolve(base, mask),
      maskLabel,
      row,
      rowNumber,
    };
  });
  if (cases.length === 0) throw new InvalidInputError('the manifest has no cases', { file: path, expected: 'at least one data row' });
  return { path, columns: cols, cases, maskLabelColumn: labelCol };
}
