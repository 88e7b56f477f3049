/**
 * Clinical variables of a study: parsing (numeric, binary 0/1, categorical), imputation learnt on training
 * patients only (median / most frequent value), treatment coding (src/models/design), and the selection of
 * the clinical predictors: univariate logistic regression of each variable on training, then the significant
 * ones in one multivariable model; those still significant form the clinical model and join the DLRN.
 *
 * A variable's p-value is the Wald p of its coefficient; for a categorical variable with several indicator
 * terms it is the likelihood-ratio test of the variable (deviance difference, df = levels - 1).
 */
import { InvalidInputError, ModelFitError } from '../core/errors.js';
import { pchisq } from '../math/distributions.js';
import { median } from '../math/quantile.js';
import { encodeRows, learnCoding, sortLevels, type PredictorCoding, type PredictorData } from '../models/design/index.js';
import { fitLogistic, type LogisticFit } from '../models/logistic/index.js';
import { parseNumberField } from '../table/csv.js';
import type { ClinicalVariableDoc } from './config-schema.js';
import type { CoefficientRow } from './results.js';

/** A clinical variable with what was learnt on training patients: its fill value and coding. */
export interface ClinicalVariable {
  readonly name: string;
  readonly label: string;
  readonly type: 'numeric' | 'binary' | 'categorical';
  /** Value used for a missing entry (training median or most frequent value), as text. */
  readonly fill: string;
  /** Treatment coding (levels with the reference first) for categorical variables. */
  readonly coding: PredictorCoding;
}

/** Raw text of a clinical value: '' and NA are missing. */
export function isMissing(s: string | undefined): boolean {
  return s === undefined || s.trim() === '' || s.trim() === 'NA' || s.trim().toLowerCase() === 'nan';
}

/** Checks one raw value of a variable; returns the normalised text. */
export function normaliseClinicalValue(v: Pick<ClinicalVariableDoc, 'name' | 'type'>, raw: string, where: string): string {
  const s = raw.trim();
  if (v.type === 'numeric') {
    const x = parseNumberField(s);
    if (!Number.isFinite(x)) throw new InvalidInputError(`clinical variable "${v.name}" is not a number ${where}`, { found: JSON.stringify(raw) });
    return String(x);
  }
  if (v.type === 'binary') {
    const x = parseNumberField(s);
    if (x !== 0 && x !== 1) throw new InvalidInputError(`clinical variable "${v.name}" is not binary ${where}`, { expected: '0 or 1', found: JSON.stringify(raw), fix: `recode it to 0/1 or declare it categorical.` });
    return String(x);
  }
  return s;
}

/** Learns fill values and codings on the training rows (raw text per variable). */
export function learnClinicalVariables(docs: readonly ClinicalVariableDoc[], trainingRows: readonly Readonly<Record<string, string>>[]): ClinicalVariable[] {
  return docs.map((d) => {
    const present = trainingRows.map((r) => r[d.name]).filter((s) => !isMissing(s)).map((s, i) => normaliseClinicalValue(d, s, `(training row ${i + 1})`));
    if (present.length === 0) throw new InvalidInputError(`clinical variable "${d.name}" has no value in the training patients`);
    let fill: string;
    if (d.type === 'numeric') fill = String(median(present.map(Number)));
    else {
      const counts = new Map<string, number>();
      for (const s of present) counts.set(s, (counts.get(s) ?? 0) + 1);
      const levels = sortLevels(counts.keys());
      fill = levels.reduce((best, l) => ((counts.get(l) as number) > (counts.get(best) as number) ? l : best), levels[0]);
    }
    let coding: PredictorCoding = { name: d.name, kind: 'numeric' };
    if (d.type === 'categorical') {
      const data: PredictorData = { numeric: new Map(), text: new Map([[d.name, present]]) };
      coding = learnCoding(data, [{ name: d.name, kind: 'categorical', reference: d.reference ?? undefined }])[0];
    }
    return { name: d.name, label: d.label ?? d.name, type: d.type, fill, coding };
  });
}

/** R's term names of the variables, in design order (`age`, `sexM`, ...). */
export function clinicalTermNames(vars: readonly ClinicalVariable[]): string[] {
  return vars.flatMap((v) => (v.coding.kind === 'numeric' ? [v.name] : v.coding.levels.slice(1).map((l) => `${v.name}${l}`)));
}

/**
 * Design rows of patients (raw text per variable), missing values filled with the training values.
 * Returns the rows and how many values were filled.
 */
export function encodeClinical(vars: readonly ClinicalVariable[], rows: readonly Readonly<Record<string, string>>[], ids?: readonly string[]): { rows: Float64Array[]; filled: number } {
  let filled = 0;
  const numeric = new Map<string, Float64Array>();
  const text = new Map<string, string[]>();
  for (const v of vars) {
    const vals = rows.map((r, i) => {
      const raw = r[v.name];
      if (isMissing(raw)) { filled++; return v.fill; }
      return normaliseClinicalValue(v, raw, ids ? `(patient ${ids[i]})` : `(row ${i + 1})`);
    });
    if (v.coding.kind === 'numeric') numeric.set(v.name, Float64Array.from(vals, Number));
    else text.set(v.name, vals);
  }
  return { rows: encodeRows(vars.map((v) => v.coding), { numeric, text }, rows.length), filled };
}

/** Coefficient rows of a logistic fit (intercept included), with Wald CIs and odds ratios. */
export function coefficientRows(fit: LogisticFit): CoefficientRow[] {
  const or = fit.oddsRatios(0.95);
  return fit.terms.map((term, j) => ({
    term, estimate: fit.coefficients[j], std_error: fit.stdErrors[j], z: fit.zValues[j], p_value: fit.pValues[j],
    odds_ratio: or.oddsRatio[j], or_ci_lower: or.lower[j], or_ci_upper: or.upper[j],
  }));
}

/** The p-value of one variable in a fit (Wald for one term, likelihood ratio for several). */
function variableP(fit: LogisticFit, v: ClinicalVariable, rows: readonly ArrayLike<number>[], y: Float64Array, allVars: readonly ClinicalVariable[]): number {
  const terms = clinicalTermNames([v]);
  if (terms.length === 1) return fit.pValues[fit.terms.indexOf(terms[0])];
  const keepCols: number[] = [];
  let col = 0;
  for (const w of allVars) {
    const k = clinicalTermNames([w]).length;
    if (w !== v) for (let c = 0; c < k; c++) keepCols.push(col + c);
    col += k;
  }
  const reduced = fitLogistic(rows.map((r) => keepCols.map((c) => r[c])), y, { separation: 'skip' });
  return pchisq(reduced.deviance - fit.deviance, terms.length, false);
}

/** Result of the clinical analysis. */
export interface ClinicalAnalysis {
  readonly univariate: readonly (CoefficientRow & { readonly variable: string })[];
  /** Variable p-values: univariate and (for the variables that entered it) multivariable. */
  readonly pUnivariate: Readonly<Record<string, number | null>>;
  readonly pMultivariable: Readonly<Record<string, number>>;
  /** Variables kept (multivariable p below the threshold), in config order. */
  readonly selected: readonly string[];
  readonly notes: readonly string[];
}

/**
 * Univariate then multivariable selection of clinical variables on the training patients (see the module
 * comment). A variable whose univariate fit fails (e.g. separation) is reported and not selected.
 */
export function analyseClinical(vars: readonly ClinicalVariable[], trainingRows: readonly Float64Array[], y: Float64Array, pUni: number, pMulti: number): ClinicalAnalysis {
  const notes: string[] = [];
  const univariate: (CoefficientRow & { variable: string })[] = [];
  const pUnivariate: Record<string, number | null> = {};
  let col = 0;
  const entered: ClinicalVariable[] = [];
  const enteredCols: number[][] = [];
  for (const v of vars) {
    const k = clinicalTermNames([v]).length;
    const cols = Array.from({ length: k }, (_, c) => col + c);
    col += k;
    try {
      const fit = fitLogistic(trainingRows.map((r) => cols.map((c) => r[c])), y, { termNames: clinicalTermNames([v]) });
      for (const row of coefficientRows(fit).slice(1)) univariate.push({ ...row, variable: v.name });
      const p = variableP(fit, v, trainingRows.map((r) => cols.map((c) => r[c])), y, [v]);
      pUnivariate[v.name] = p;
      if (p < pUni) { entered.push(v); enteredCols.push(cols); }
    } catch (e) {
      if (!(e instanceof ModelFitError) && !(e instanceof InvalidInputError)) throw e;
      pUnivariate[v.name] = null;
      notes.push(`clinical variable ${v.name}: univariate logistic regression failed (${e.message.split('.')[0]}); not selected.`);
    }
  }
  const pMultivariable: Record<string, number> = {};
  let selected: string[] = [];
  if (entered.length > 0) {
    const flat = enteredCols.flat();
    const rows = trainingRows.map((r) => Float64Array.from(flat, (c) => r[c]));
    try {
      const fit = fitLogistic(rows, y, { termNames: clinicalTermNames(entered) });
      for (const v of entered) pMultivariable[v.name] = variableP(fit, v, rows, y, entered);
      selected = entered.filter((v) => pMultivariable[v.name] < pMulti).map((v) => v.name);
    } catch (e) {
      if (!(e instanceof ModelFitError)) throw e;
      notes.push(`the multivariable clinical model failed (${e.message.split('.')[0]}); no clinical variable selected.`);
    }
  }
  return { univariate, pUnivariate, pMultivariable, selected, notes };
}
