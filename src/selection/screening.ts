/**
 * Univariate screening of features against a binary outcome on the training rows: for each feature the
 * Mann-Whitney test (with BH and Bonferroni adjustment over features), Welch's t-test and the group
 * medians. The block and field names are those of the reference outputs (`screening_train`).
 */
import { InvalidInputError } from '../core/errors.js';
import { median } from '../math/quantile.js';
import { columnView, toBinaryLabels, toColumnMajor, type MatrixInput } from './matrix.js';
import { pAdjustBH, pAdjustBonferroni } from './p-adjust.js';
import { mannWhitneyTest, welchTTest } from './univariate-tests.js';

/** The `screening_train` block. */
export interface ScreeningBlock {
  readonly features: readonly string[];
  readonly n_group1: number;
  readonly n_group0: number;
  readonly mann_whitney: { readonly W: number[]; readonly p_value: number[]; readonly p_bh: number[]; readonly p_bonferroni: number[] };
  readonly welch_t: { readonly t: number[]; readonly df: number[]; readonly p_value: number[] };
  readonly group_medians: { readonly y1: number[]; readonly y0: number[] };
}

/**
 * Screens every column of `x` against `y` (0/1). `features` names the columns. Throws
 * {@link InvalidInputError} for non-finite cells, a non-binary label, or a feature that is constant in both
 * groups (Welch's t is undefined).
 */
export function screenFeatures(x: MatrixInput, y: ArrayLike<number>, features?: readonly string[]): ScreeningBlock {
  const m = toColumnMajor(x, 'X');
  const yy = toBinaryLabels(y, m.nrow, 'y');
  const names = features ?? Array.from({ length: m.ncol }, (_, j) => `V${j + 1}`);
  if (names.length !== m.ncol) throw new InvalidInputError('feature names do not match the columns', { expected: `${m.ncol} names`, found: `${names.length}` });
  const i1: number[] = [];
  const i0: number[] = [];
  for (let i = 0; i < m.nrow; i++) (yy[i] === 1 ? i1 : i0).push(i);
  const W: number[] = [], pmw: number[] = [], t: number[] = [], df: number[] = [], pt: number[] = [], y1: number[] = [], y0: number[] = [];
  for (let j = 0; j < m.ncol; j++) {
    const col = columnView(m, j);
    const x1 = Float64Array.from(i1, (i) => col[i]);
    const x0 = Float64Array.from(i0, (i) => col[i]);
    const mw = mannWhitneyTest(x1, x0);
    let wt;
    try {
      wt = welchTTest(x1, x0);
    } catch (e) {
      if (e instanceof InvalidInputError) throw new InvalidInputError(`feature "${names[j]}" is constant within both outcome groups`, { fix: 'remove it before screening (it carries no information).' });
      throw e;
    }
    W.push(mw.W); pmw.push(mw.pValue);
    t.push(wt.t); df.push(wt.df); pt.push(wt.pValue);
    y1.push(median(x1)); y0.push(median(x0));
  }
  return {
    features: [...names], n_group1: i1.length, n_group0: i0.length,
    mann_whitney: { W, p_value: pmw, p_bh: Array.from(pAdjustBH(pmw)), p_bonferroni: Array.from(pAdjustBonferroni(pmw)) },
    welch_t: { t, df, p_value: pt },
    group_medians: { y1, y0 },
  };
}
