/**
 * Design matrices from tables, coded as R's `model.matrix` with treatment contrasts: a numeric
 * predictor gives one column; a categorical predictor with levels L1 (reference), L2, …, Lk gives
 * k - 1 indicator columns named as R names them (`raceblack`) and as rms names them (`race=black`).
 * The coding is learned once (levels, reference) and then applied unchanged to new rows, so
 * validation data never influence it.
 */
import { InvalidInputError } from '../../core/errors.js';

/** How one predictor enters the model. */
export type PredictorSpec =
  | { readonly name: string; readonly kind: 'numeric' }
  | {
    readonly name: string;
    readonly kind: 'categorical';
    /** Reference level (default: the first level, as R's `factor`). */
    readonly reference?: string;
    /** All levels in order (default: the sorted distinct values, numerically when all are numbers). */
    readonly levels?: readonly string[];
  };

/** Columns of a table by name (the shape of a `dlrn stats` cohort). */
export interface PredictorData {
  readonly numeric: ReadonlyMap<string, ArrayLike<number>>;
  readonly text: ReadonlyMap<string, readonly string[]>;
}

/** One column of the design matrix (the intercept is not listed). */
export interface DesignTerm {
  /** R's `glm` name: the predictor name, or predictor + level for an indicator (`raceblack`). */
  readonly term: string;
  /** rms's name: the predictor name, or `predictor=level` (`race=black`). */
  readonly rmsName: string;
  /** The predictor it comes from. */
  readonly predictor: string;
  /** The level this indicator is 1 for (categorical only). */
  readonly level?: string;
}

/** The learned coding of one predictor. */
export type PredictorCoding =
  | { readonly name: string; readonly kind: 'numeric' }
  | { readonly name: string; readonly kind: 'categorical'; readonly levels: readonly string[]; readonly reference: string };

/** A design matrix with its coding. */
export interface Design {
  readonly coding: readonly PredictorCoding[];
  readonly terms: readonly DesignTerm[];
  /** n rows × terms.length columns (no intercept column). */
  readonly rows: readonly Float64Array[];
}

function numericLike(s: string): boolean {
  return s.trim() !== '' && Number.isFinite(Number(s));
}

/** Sorted distinct levels: numerically when every level is a number, else alphabetically (en). */
export function sortLevels(values: Iterable<string>): string[] {
  const distinct = [...new Set(values)];
  if (distinct.every(numericLike)) return distinct.sort((a, b) => Number(a) - Number(b));
  return distinct.sort((a, b) => a.localeCompare(b, 'en'));
}

function textColumn(data: PredictorData, name: string): readonly string[] {
  const t = data.text.get(name);
  if (t) return t;
  const v = data.numeric.get(name);
  if (v) return Array.from(v, (x) => String(x));
  throw new InvalidInputError(`predictor "${name}" not found in the data`, { expected: `a column named "${name}"` });
}

function numericColumn(data: PredictorData, name: string): ArrayLike<number> {
  const v = data.numeric.get(name);
  if (v) return v;
  if (data.text.has(name)) {
    throw new InvalidInputError(`predictor "${name}" is text, not numeric`, { fix: `declare it categorical (--categorical ${name}).` });
  }
  throw new InvalidInputError(`predictor "${name}" not found in the data`, { expected: `a column named "${name}"` });
}

/** Learns the coding of each predictor from (training) data. */
export function learnCoding(data: PredictorData, specs: readonly PredictorSpec[]): PredictorCoding[] {
  const seen = new Set<string>();
  return specs.map((s) => {
    if (seen.has(s.name)) throw new InvalidInputError(`predictor "${s.name}" is listed twice`);
    seen.add(s.name);
    if (s.kind === 'numeric') {
      numericColumn(data, s.name);
      return { name: s.name, kind: 'numeric' };
    }
    const col = textColumn(data, s.name);
    const observed = sortLevels(col);
    let levels = s.levels ? [...s.levels] : observed;
    if (s.levels) {
      const unknown = observed.filter((l) => !levels.includes(l));
      if (unknown.length) throw new InvalidInputError(`predictor "${s.name}" has values outside its given levels`, { expected: `levels ${levels.join(', ')}`, found: `values ${unknown.join(', ')}` });
    }
    const reference = s.reference ?? levels[0];
    if (!levels.includes(reference)) {
      throw new InvalidInputError(`reference level "${reference}" of "${s.name}" does not occur in the data`, {
        expected: `one of ${levels.join(', ')}`, fix: `use --categorical ${s.name}:LEVEL with an existing level.`,
      });
    }
    levels = [reference, ...levels.filter((l) => l !== reference)];
    if (levels.length < 2) {
      throw new InvalidInputError(`categorical predictor "${s.name}" has a single level`, { found: `only "${levels[0]}"`, fix: 'remove it from the predictors.' });
    }
    return { name: s.name, kind: 'categorical', levels, reference };
  });
}

/** The design terms (columns) of a coding, in order. */
export function designTerms(coding: readonly PredictorCoding[]): DesignTerm[] {
  return coding.flatMap((c): DesignTerm[] =>
    c.kind === 'numeric'
      ? [{ term: c.name, rmsName: c.name, predictor: c.name }]
      : c.levels.slice(1).map((l) => ({ term: `${c.name}${l}`, rmsName: `${c.name}=${l}`, predictor: c.name, level: l })));
}

/**
 * Applies a learned coding to data (training or new rows). A level not seen when the coding was
 * learned is an {@link InvalidInputError} naming the row.
 */
export function encodeRows(coding: readonly PredictorCoding[], data: PredictorData, n: number): Float64Array[] {
  const terms = designTerms(coding);
  const rows = Array.from({ length: n }, () => new Float64Array(terms.length));
  let j = 0;
  for (const c of coding) {
    if (c.kind === 'numeric') {
      const v = numericColumn(data, c.name);
      if (v.length !== n) throw new InvalidInputError(`column "${c.name}" has the wrong length`, { expected: String(n), found: String(v.length) });
      for (let i = 0; i < n; i++) rows[i][j] = v[i];
      j++;
      continue;
    }
    const t = textColumn(data, c.name);
    if (t.length !== n) throw new InvalidInputError(`column "${c.name}" has the wrong length`, { expected: String(n), found: String(t.length) });
    const index = new Map(c.levels.map((l, k) => [l, k]));
    for (let i = 0; i < n; i++) {
      const k = index.get(t[i]);
      if (k === undefined) {
        throw new InvalidInputError(`unknown level "${t[i]}" of "${c.name}" in row ${i + 1}`, {
          expected: `one of the training levels ${c.levels.join(', ')}`, fix: 'recode the value or drop the row.',
        });
      }
      if (k > 0) rows[i][j + k - 1] = 1;
    }
    j += c.levels.length - 1;
  }
  return rows;
}

/** Learns the coding from `data` (n rows) and builds its design matrix. */
export function buildDesign(data: PredictorData, specs: readonly PredictorSpec[], n: number): Design {
  const coding = learnCoding(data, specs);
  return { coding, terms: designTerms(coding), rows: encodeRows(coding, data, n) };
}
