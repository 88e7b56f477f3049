/**
 * Dense numeric matrices for the statistics code: column-major `Float64Array` storage (the layout of
 * R and of glmnet's solver, so a feature column is one contiguous slice), plus conversion from the
 * row arrays users usually hold, with typed errors for ragged or non-finite input.
 */
import { InvalidInputError } from '../core/errors.js';

/** A dense matrix stored column by column: element (i, j) is `data[i + j * nrow]`. */
export interface ColumnMajorMatrix {
  /** Number of rows (observations). */
  readonly nrow: number;
  /** Number of columns (features). */
  readonly ncol: number;
  /** `nrow * ncol` values, column-major. */
  readonly data: Float64Array;
}

/** What the estimators accept: a {@link ColumnMajorMatrix}, or an array of rows (each `ncol` numbers). */
export type MatrixInput = ColumnMajorMatrix | readonly ArrayLike<number>[];

/** True when `x` is a {@link ColumnMajorMatrix}. */
export function isColumnMajorMatrix(x: unknown): x is ColumnMajorMatrix {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && (x as ColumnMajorMatrix).data instanceof Float64Array
    && Number.isInteger((x as ColumnMajorMatrix).nrow) && Number.isInteger((x as ColumnMajorMatrix).ncol);
}

/**
 * Converts to a {@link ColumnMajorMatrix} (a {@link ColumnMajorMatrix} is returned as is after its
 * shape is checked). Throws {@link InvalidInputError} for ragged rows or a wrong data length;
 * with `requireFinite` (default) also for NaN/±Inf, naming the first bad cell (1-based row and column).
 */
export function toColumnMajor(x: MatrixInput, what = 'X', requireFinite = true): ColumnMajorMatrix {
  let m: ColumnMajorMatrix;
  if (isColumnMajorMatrix(x)) {
    if (x.data.length !== x.nrow * x.ncol) {
      throw new InvalidInputError(`${what}: matrix data has the wrong length`, { expected: `${x.nrow} × ${x.ncol} = ${x.nrow * x.ncol} values`, found: `${x.data.length}` });
    }
    m = x;
  } else {
    const rows = x as readonly ArrayLike<number>[];
    const nrow = rows.length;
    const ncol = nrow > 0 ? rows[0].length : 0;
    const data = new Float64Array(nrow * ncol);
    for (let i = 0; i < nrow; i++) {
      const r = rows[i];
      if (r.length !== ncol) {
        throw new InvalidInputError(`${what}: rows have different lengths`, { expected: `${ncol} values per row (as row 1)`, found: `${r.length} values in row ${i + 1}` });
      }
      for (let j = 0; j < ncol; j++) data[i + j * nrow] = r[j];
    }
    m = { nrow, ncol, data };
  }
  if (requireFinite) assertFiniteMatrix(m, what);
  return m;
}

/** Throws {@link InvalidInputError} naming the first non-finite cell (1-based row, column). */
export function assertFiniteMatrix(m: ColumnMajorMatrix, what = 'X', columnNames?: readonly string[]): void {
  const { nrow, ncol, data } = m;
  for (let j = 0; j < ncol; j++) {
    for (let i = 0; i < nrow; i++) {
      const v = data[i + j * nrow];
      if (!Number.isFinite(v)) {
        let count = 0;
        for (let k = 0; k < data.length; k++) if (!Number.isFinite(data[k])) count++;
        const col = columnNames?.[j] ?? `column ${j + 1}`;
        throw new InvalidInputError(`${what} holds missing or non-finite values`, {
          expected: 'finite numbers in every cell',
          found: `${count} non-finite cell(s), the first ${v} at row ${i + 1}, ${col}`,
          fix: 'impute or drop the rows with missing values before fitting (CLI: --na-drop).',
        });
      }
    }
  }
}

/** Builds a matrix from columns (each of the same length). */
export function matrixFromColumns(columns: readonly ArrayLike<number>[], what = 'X'): ColumnMajorMatrix {
  const ncol = columns.length;
  const nrow = ncol > 0 ? columns[0].length : 0;
  const data = new Float64Array(nrow * ncol);
  columns.forEach((c, j) => {
    if (c.length !== nrow) {
      throw new InvalidInputError(`${what}: columns have different lengths`, { expected: `${nrow} values (as column 1)`, found: `${c.length} values in column ${j + 1}` });
    }
    for (let i = 0; i < nrow; i++) data[i + j * nrow] = c[i];
  });
  return { nrow, ncol, data };
}

/** Column `j` as a view (no copy) into the matrix storage. Do not write to it. */
export function columnView(m: ColumnMajorMatrix, j: number): Float64Array {
  return m.data.subarray(j * m.nrow, (j + 1) * m.nrow);
}

/** The sub-matrix of the given rows (0-based, in the given order), all columns. */
export function selectMatrixRows(m: ColumnMajorMatrix, rows: ArrayLike<number>): ColumnMajorMatrix {
  const n = rows.length;
  const data = new Float64Array(n * m.ncol);
  for (let j = 0; j < m.ncol; j++) {
    const off = j * m.nrow;
    const o = j * n;
    for (let i = 0; i < n; i++) data[o + i] = m.data[off + rows[i]];
  }
  return { nrow: n, ncol: m.ncol, data };
}

/** The sub-matrix of the given columns (0-based, in the given order), all rows. */
export function selectMatrixColumns(m: ColumnMajorMatrix, cols: ArrayLike<number>): ColumnMajorMatrix {
  const k = cols.length;
  const data = new Float64Array(m.nrow * k);
  for (let c = 0; c < k; c++) data.set(columnView(m, cols[c]), c * m.nrow);
  return { nrow: m.nrow, ncol: k, data };
}

/** Row `i` as a new array. */
export function matrixRow(m: ColumnMajorMatrix, i: number): Float64Array {
  const out = new Float64Array(m.ncol);
  for (let j = 0; j < m.ncol; j++) out[j] = m.data[i + j * m.nrow];
  return out;
}

/**
 * Checks a binary outcome vector (values 0 and 1, both present unless `allowOneClass`) of length `n`
 * and returns it as a `Float64Array`. Throws {@link InvalidInputError} otherwise.
 */
export function toBinaryLabels(y: ArrayLike<number>, n: number, what = 'y', allowOneClass = false): Float64Array {
  if (y.length !== n) {
    throw new InvalidInputError(`${what} has the wrong length`, { expected: `${n} labels (one per row of X)`, found: `${y.length}` });
  }
  const out = new Float64Array(n);
  let ones = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (v !== 0 && v !== 1) {
      throw new InvalidInputError(`${what} is not a binary 0/1 outcome`, { expected: 'values 0 and 1 (1 = event)', found: `${v} at position ${i + 1}`, fix: 'recode the outcome to 0/1.' });
    }
    out[i] = v;
    ones += v;
  }
  if (!allowOneClass && (ones === 0 || ones === n)) {
    throw new InvalidInputError(`${what} holds a single class`, { expected: 'both 0 and 1', found: `${n} rows, ${ones} ones`, fix: 'check the rows used for fitting.' });
  }
  return out;
}
