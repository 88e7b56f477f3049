/**
 * `cvGlmnet`: K-fold cross-validation of the logistic elastic-net path as R's
 * `cv.glmnet(x, y, family = "binomial", foldid = ..., type.measure = ...)` (glmnet 4.1): the path is fitted
 * on all rows; each fold's model is fitted on the other folds' rows on the same λ sequence
 * (standardising within those rows); held-out predictions give the deviance or AUC curve, λ_min and λ_1se.
 *
 * Fold ids can be given (1..K, e.g. R's own `foldid`); otherwise they are drawn from a seeded {@link Rng}
 * as a random permutation of rep(1:K, length = n) (the same scheme as R's `sample()`, but not R's random
 * numbers, so the folds differ from R's for the same seed).
 */
import { InvalidInputError, ModelFitError, type DlrnWarning } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { selectMatrixRows, toBinaryLabels, toColumnMajor, type MatrixInput } from '../../selection/matrix.js';
import { aucOfScores, cvDevianceTerm, cvOptimum, cvStats, weightedMean } from './cv-measures.js';
import { fitGlmnetChecked, linearPredictor, type GlmnetCoefficients, type GlmnetFit } from './glmnet-fit.js';
import { resolveGlmnetOptions, type GlmnetOptions } from './glmnet-options.js';

/** Options of {@link cvGlmnet}: the {@link GlmnetOptions} plus the cross-validation settings. */
export interface CvGlmnetOptions extends GlmnetOptions {
  /** Fold of each row, integers 1..K (K = max); every fold must be non-empty. Overrides `nfolds`. */
  readonly foldid?: ArrayLike<number>;
  /** Number of folds when `foldid` is not given (default 10; at least 3). */
  readonly nfolds?: number;
  /** Seed of the fold assignment when `foldid` is not given (default 1). Ignored when `rng` is given. */
  readonly seed?: number | string;
  /** Random stream for the fold assignment (its child "folds" is used). */
  readonly rng?: Rng;
  /** `"deviance"` (default) or `"auc"`. */
  readonly typeMeasure?: 'deviance' | 'auc';
  /** Average within folds first (default true; glmnet's `grouped`). Not used for AUC. */
  readonly grouped?: boolean;
  /** Keep the held-out linear predictors (`fitPreval`, rows × λ). Default false. */
  readonly keep?: boolean;
}

/** Which λ to read coefficients or predictions at. */
export type LambdaChoice = 'lambda.min' | 'lambda.1se' | number;

/** The result of {@link cvGlmnet}. */
export interface CvGlmnetResult {
  /** `"deviance"` or `"auc"` (after glmnet's fallback to deviance with fewer than 10 rows per fold). */
  readonly typeMeasure: 'deviance' | 'auc';
  /** glmnet's name of the measure: `"Binomial Deviance"` or `"AUC"`. */
  readonly name: string;
  readonly lambda: Float64Array;
  readonly cvm: Float64Array;
  readonly cvsd: Float64Array;
  readonly cvup: Float64Array;
  readonly cvlo: Float64Array;
  /** Non-zero coefficients of the full-data fit at each λ. */
  readonly nzero: Int32Array;
  readonly lambdaMin: number;
  readonly lambda1se: number;
  /** 0-based indices of λ_min and λ_1se (R's `index` is 1-based). */
  readonly indexMin: number;
  readonly index1se: number;
  /** The path fitted on all rows. */
  readonly fit: GlmnetFit;
  /** Fold of each row (1..K) and K. */
  readonly foldid: Int32Array;
  readonly nfolds: number;
  /** Held-out linear predictors, rows × λ (row-major per row: `fitPreval[i * L + m]`), with `keep`. */
  readonly fitPreval?: Float64Array;
  readonly warnings: readonly DlrnWarning[];
  /** Coefficients at λ_min, λ_1se (glmnet's default for `coef.cv.glmnet`) or any λ. */
  coef(s?: LambdaChoice): GlmnetCoefficients;
  /** Linear predictor (rad-score) at the chosen λ. */
  predictLink(x: MatrixInput, s?: LambdaChoice): Float64Array;
  /** P(y = 1) at the chosen λ. */
  predictProba(x: MatrixInput, s?: LambdaChoice): Float64Array;
}

/** Checks user fold ids: length n, integers ≥ 1, K = max ≥ 3, no empty fold. */
export function checkFoldIds(foldid: ArrayLike<number>, n: number): { foldid: Int32Array; nfolds: number } {
  if (foldid.length !== n) {
    throw new InvalidInputError('the fold ids do not match the rows', {
      expected: `${n} fold ids (one per training row)`, found: `${foldid.length} fold ids`,
      fix: 'give one fold id per training row, in the order of the training rows.',
    });
  }
  const f = new Int32Array(n);
  let K = 0;
  for (let i = 0; i < n; i++) {
    const v = foldid[i];
    if (!Number.isInteger(v) || v < 1) {
      throw new InvalidInputError('fold ids must be integers 1..K', { found: `${v} at position ${i + 1}` });
    }
    f[i] = v;
    if (v > K) K = v;
  }
  if (K < 3) throw new InvalidInputError('too few folds', { expected: 'at least 3 folds (10 recommended), as glmnet', found: `${K}` });
  const counts = new Int32Array(K + 1);
  for (let i = 0; i < n; i++) counts[f[i]]++;
  const empty: number[] = [];
  for (let k = 1; k <= K; k++) if (counts[k] === 0) empty.push(k);
  if (empty.length > 0) {
    throw new InvalidInputError('some folds are empty', { expected: `every fold 1..${K} used by at least one row`, found: `no rows in fold(s) ${empty.join(', ')}`, fix: 'renumber the folds 1..K.' });
  }
  return { foldid: f, nfolds: K };
}

/** A random fold assignment: a seeded permutation of rep(1:K, length = n). */
export function randomFoldIds(n: number, nfolds: number, rng: Rng): Int32Array {
  if (!Number.isInteger(nfolds) || nfolds < 3) throw new InvalidInputError('too few folds', { expected: 'nfolds >= 3 (10 recommended)', found: String(nfolds) });
  if (nfolds > n) throw new InvalidInputError('more folds than rows', { expected: `nfolds <= ${n}`, found: String(nfolds) });
  const base = Array.from({ length: n }, (_, i) => (i % nfolds) + 1);
  return Int32Array.from(rng.shuffle(base));
}

/** Fold fits shared by several CV measures: the full fit and the held-out linear predictors. */
interface CvPrepared {
  readonly fit: GlmnetFit;
  readonly y: Float64Array;
  readonly foldid: Int32Array;
  readonly nfolds: number;
  /** Held-out linear predictors, `preval[i * L + m]`. */
  readonly preval: Float64Array;
  readonly warnings: readonly DlrnWarning[];
}

function prepareCv(x: MatrixInput, y: ArrayLike<number>, options: CvGlmnetOptions): CvPrepared {
  const X = toColumnMajor(x, 'X');
  const n = X.nrow;
  const p = X.ncol;
  const yy = toBinaryLabels(y, n, 'y');
  const warnings: DlrnWarning[] = [];
  let foldid: Int32Array;
  let nfolds: number;
  if (options.foldid !== undefined) {
    ({ foldid, nfolds } = checkFoldIds(options.foldid, n));
  } else {
    nfolds = options.nfolds ?? 10;
    const rng = (options.rng ?? Rng.fromSeed(options.seed ?? 1)).child('folds');
    foldid = randomFoldIds(n, nfolds, rng);
  }
  const fit = fitGlmnetChecked(X, yy, resolveGlmnetOptions(options, n, p));
  warnings.push(...fit.warnings);
  const L = fit.length;
  // Each fold is fitted on its own automatic λ sequence (cv.glmnet passes lambda = NULL to the fold fits)
  // and predicted at the full-data λ values by glmnet's interpolation.
  const preval = new Float64Array(n * L);
  for (let k = 1; k <= nfolds; k++) {
    const trainRows: number[] = [];
    const testRows: number[] = [];
    for (let i = 0; i < n; i++) (foldid[i] === k ? testRows : trainRows).push(i);
    const Xtr = selectMatrixRows(X, trainRows);
    const ytr = Float64Array.from(trainRows, (i) => yy[i]);
    let foldFit: GlmnetFit;
    try {
      foldFit = fitGlmnetChecked(Xtr, ytr, resolveGlmnetOptions(options, Xtr.nrow, p));
    } catch (e) {
      if (e instanceof ModelFitError) {
        throw new ModelFitError(`cross-validation fold ${k} cannot be fitted: ${e.message}`, { fix: 'use fewer folds or a stratified fold assignment.' });
      }
      throw e;
    }
    for (const w of foldFit.warnings) if (w.code !== 'W_CONSTANT_FEATURE') warnings.push({ code: w.code, message: `fold ${k}: ${w.message}` });
    const Xte = selectMatrixRows(X, testRows);
    for (let m = 0; m < L; m++) {
      const eta = linearPredictor(Xte, foldFit.coef(fit.lambda[m]));
      testRows.forEach((i, t) => { preval[i * L + m] = eta[t]; });
    }
  }
  return { fit, y: yy, foldid, nfolds, preval, warnings };
}

function summarizeCv(prep: CvPrepared, measure: 'deviance' | 'auc', groupedOption: boolean, keep: boolean): CvGlmnetResult {
  const { fit, y: yy, foldid, nfolds, preval } = prep;
  const warnings = [...prep.warnings];
  const n = yy.length;
  const L = fit.length;
  let typeMeasure = measure;
  let grouped = groupedOption;
  if (typeMeasure !== 'deviance' && typeMeasure !== 'auc') {
    throw new InvalidInputError('unknown type.measure', { expected: '"deviance" or "auc"', found: JSON.stringify(typeMeasure) });
  }
  if (typeMeasure === 'auc' && n / nfolds < 10) {
    warnings.push({ code: 'W_AUC_FEW_ROWS', message: "too few (< 10) observations per fold for type.measure='auc'; changed to type.measure='deviance' (glmnet's rule). Alternatively, use fewer folds." });
    typeMeasure = 'deviance';
  }
  if (typeMeasure === 'deviance' && n / nfolds < 3 && grouped) {
    warnings.push({ code: 'W_UNGROUPED', message: 'option grouped=FALSE enforced, since < 3 observations per fold (glmnet\'s rule).' });
    grouped = false;
  }

  const foldSizes = new Float64Array(nfolds);
  for (let i = 0; i < n; i++) foldSizes[foldid[i] - 1]++;
  let stats;
  if (typeMeasure === 'auc') {
    const perFold: Float64Array[] = [];
    for (let k = 1; k <= nfolds; k++) {
      const rows: number[] = [];
      for (let i = 0; i < n; i++) if (foldid[i] === k) rows.push(i);
      const yk = rows.map((i) => yy[i]);
      const vals = new Float64Array(L);
      for (let m = 0; m < L; m++) {
        const pk = rows.map((i) => 1 / (1 + Math.exp(-preval[i * L + m])));
        const n1 = yk.reduce((a, b) => a + b, 0);
        vals[m] = n1 === 0 || n1 === yk.length ? NaN : aucOfScores(yk, pk);
      }
      perFold.push(vals);
    }
    stats = cvStats(perFold, foldSizes);
  } else {
    const raw = new Float64Array(n * L);
    for (let i = 0; i < n; i++) {
      for (let m = 0; m < L; m++) raw[i * L + m] = cvDevianceTerm(yy[i], 1 / (1 + Math.exp(-preval[i * L + m])));
    }
    if (grouped) {
      const perFold: Float64Array[] = [];
      for (let k = 1; k <= nfolds; k++) {
        const rows: number[] = [];
        for (let i = 0; i < n; i++) if (foldid[i] === k) rows.push(i);
        const ones = rows.map(() => 1);
        perFold.push(Float64Array.from({ length: L }, (_, m) => weightedMean(rows.map((i) => raw[i * L + m]), ones)));
      }
      stats = cvStats(perFold, foldSizes);
    } else {
      const perRow = Array.from({ length: n }, (_, i) => raw.subarray(i * L, (i + 1) * L));
      stats = cvStats(perRow, new Float64Array(n).fill(1));
    }
  }
  const opt = cvOptimum(fit.lambda, stats.cvm, stats.cvsd, typeMeasure === 'auc');
  const nzero = Int32Array.from(fit.df);
  const pick = (s: LambdaChoice = 'lambda.1se'): number => {
    if (s === 'lambda.min') return opt.lambdaMin;
    if (s === 'lambda.1se') return opt.lambda1se;
    if (typeof s === 'number') return s;
    throw new InvalidInputError('unknown λ choice', { expected: '"lambda.min", "lambda.1se" or a number', found: JSON.stringify(s) });
  };
  const result: CvGlmnetResult = {
    typeMeasure, name: typeMeasure === 'auc' ? 'AUC' : 'Binomial Deviance',
    lambda: fit.lambda, ...stats, nzero, ...opt, fit, foldid, nfolds,
    fitPreval: keep ? preval : undefined, warnings,
    coef: (s?: LambdaChoice) => fit.coef(pick(s)),
    predictLink: (xx: MatrixInput, s?: LambdaChoice) => fit.predictLink(xx, pick(s)),
    predictProba: (xx: MatrixInput, s?: LambdaChoice) => fit.predictProba(xx, pick(s)),
  };
  return Object.freeze(result);
}

/**
 * Cross-validates the logistic elastic-net path (see the module comment). Throws
 * {@link InvalidInputError} for bad input or fold ids, {@link ModelFitError} when a fold cannot be fitted.
 */
export function cvGlmnet(x: MatrixInput, y: ArrayLike<number>, options: CvGlmnetOptions = {}): CvGlmnetResult {
  return summarizeCv(prepareCv(x, y, options), options.typeMeasure ?? 'deviance', options.grouped ?? true, options.keep ?? false);
}

/**
 * Several measures from one set of fold fits (the fits do not depend on the measure): e.g.
 * `cvGlmnetMeasures(X, y, opts, ['deviance', 'auc'])` equals two `cvGlmnet` calls at half the cost.
 */
export function cvGlmnetMeasures<M extends 'deviance' | 'auc'>(x: MatrixInput, y: ArrayLike<number>, options: CvGlmnetOptions, measures: readonly M[]): Record<M, CvGlmnetResult> {
  const prep = prepareCv(x, y, options);
  const out = {} as Record<M, CvGlmnetResult>;
  for (const m of measures) out[m] = summarizeCv(prep, m, options.grouped ?? true, options.keep ?? false);
  return out;
}
