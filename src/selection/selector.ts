/**
 * The fitted form shared by the feature selectors (variance filters, correlation-redundancy filter, ICC
 * screen, mRMR top-k): the chosen column indices, learnt on training rows, and a `transform` that only
 * picks those columns from any table with the same columns (it never refits).
 */
import { InvalidInputError } from '../core/errors.js';
import { selectMatrixColumns, toColumnMajor, type ColumnMajorMatrix, type MatrixInput } from './matrix.js';

/** A fitted column selector. */
export class FittedSelector {
  /** 0-based indices of the kept columns, ascending. */
  readonly selected: readonly number[];
  /** Number of columns the selector was fitted on. */
  readonly nFeaturesIn: number;
  /** Names of the kept columns when names were given at fit time. */
  readonly selectedNames?: readonly string[];

  constructor(selected: readonly number[], nFeaturesIn: number, names?: readonly string[]) {
    this.selected = Object.freeze([...selected].sort((a, b) => a - b));
    this.nFeaturesIn = nFeaturesIn;
    this.selectedNames = names ? Object.freeze(this.selected.map((j) => names[j])) : undefined;
  }

  /** The kept columns of `x` (which must have the fitted number of columns). */
  transform(x: MatrixInput): ColumnMajorMatrix {
    const m = toColumnMajor(x, 'X', false);
    if (m.ncol !== this.nFeaturesIn) {
      throw new InvalidInputError('the table has a different number of columns than the selector was fitted on', { expected: `${this.nFeaturesIn}`, found: `${m.ncol}` });
    }
    return selectMatrixColumns(m, this.selected);
  }
}
