/**
 * Feature tables of a study: patients (ids) × named numeric features, stored column-major (the layout of the
 * selection and glmnet code). Also reads user-supplied tables (e.g. a PyRadiomics batch CSV).
 */
import { InvalidInputError } from '../core/errors.js';
import { columnIndex, parseNumberField, readCsv } from '../table/csv.js';
import { matrixFromColumns, selectMatrixRows, type ColumnMajorMatrix } from '../selection/matrix.js';

/** Patients × features. `matrix.data[i + j·n]` = feature j of patient i. */
export interface FeatureTable {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly matrix: ColumnMajorMatrix;
}

/** The rows of `table` for the given ids, in that order (an error names ids that are absent). */
export function tableRowsFor(table: FeatureTable, ids: readonly string[], what = 'feature table'): FeatureTable {
  const pos = new Map(table.ids.map((id, i) => [id, i]));
  const missing = ids.filter((id) => !pos.has(id));
  if (missing.length) {
    throw new InvalidInputError(`the ${what} has no row for ${missing.length} patient(s)`, {
      expected: 'one row per patient of the manifest', found: `missing ${missing.slice(0, 8).join(', ')}${missing.length > 8 ? ', ...' : ''}`,
      fix: 'extract features for these patients or remove them from the manifest.',
    });
  }
  const rows = ids.map((id) => pos.get(id) as number);
  return { ids: [...ids], names: table.names, matrix: selectMatrixRows(table.matrix, rows) };
}

/** Columns of `a` then `b` for the same patients (ids must agree; names must not collide). */
export function concatColumns(a: FeatureTable, b: FeatureTable): FeatureTable {
  if (a.ids.length !== b.ids.length || a.ids.some((id, i) => b.ids[i] !== id)) {
    throw new InvalidInputError('cannot join two feature tables of different patients');
  }
  const dup = b.names.find((n) => a.names.includes(n));
  if (dup) throw new InvalidInputError(`feature "${dup}" is in both tables`, { fix: 'rename one of the features.' });
  const n = a.ids.length;
  const data = new Float64Array(n * (a.names.length + b.names.length));
  data.set(a.matrix.data, 0);
  data.set(b.matrix.data, a.matrix.data.length);
  return { ids: a.ids, names: [...a.names, ...b.names], matrix: { nrow: n, ncol: a.names.length + b.names.length, data } };
}

/** Builds a table from per-patient records (name → value); names in the given order, absent values NaN. */
export function tableFromRecords(ids: readonly string[], names: readonly string[], values: readonly ArrayLike<number>[]): FeatureTable {
  const cols = names.map((_, j) => Float64Array.from(values, (v) => v[j]));
  return { ids: [...ids], names: [...names], matrix: matrixFromColumns(cols, 'features') };
}

/** Column names that are never features in a user table. */
const NON_FEATURE = /^(diagnostics_|image$|mask$|label$|mask_label$|error$|Image$|Mask$|Label$)/;

/**
 * Reads a user feature table: the `idColumn` plus every other column that is numeric in all rows (text
 * columns and `diagnostics_*`/image/mask/label/error columns are skipped). Empty cells and `nan` are NaN.
 */
export function readFeatureTableCsv(path: string, idColumn: string): FeatureTable {
  const t = readCsv(path);
  const iId = columnIndex(t, idColumn, path);
  const names: string[] = [];
  const cols: Float64Array[] = [];
  t.header.forEach((h, j) => {
    if (j === iId || NON_FEATURE.test(h)) return;
    const v = Float64Array.from(t.rows, (r) => parseNumberField(r[j]));
    const numeric = t.rows.every((r, i) => !Number.isNaN(v[i]) || r[j].trim() === '' || r[j].trim().toLowerCase() === 'nan' || r[j].trim() === 'NA');
    if (!numeric) return;
    names.push(h);
    cols.push(v);
  });
  if (names.length === 0) throw new InvalidInputError('the feature table has no numeric feature columns', { file: path, found: `columns ${t.header.join(', ')}` });
  const ids = t.rows.map((r) => r[iId].trim());
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new InvalidInputError(`patient "${dup}" has two rows in the feature table`, { file: path });
  return { ids, names, matrix: matrixFromColumns(cols, 'features') };
}
