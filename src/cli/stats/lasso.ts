/**
 * `dlrn stats lasso`: the glmnet LASSO / elastic-net logistic path with cross-validation over a CSV
 * table (R's `glmnet` + `cv.glmnet`, family "binomial"). This file only parses options and formats
 * output; the work is done by `src/models/glmnet`.
 */
import { InvalidInputError, type DlrnWarning } from '../../core/errors.js';
import { readCsv, columnIndex, parseNumberField } from '../../table/csv.js';
import { parseOptions } from '../args.js';
import { matrixFromColumns } from '../../selection/matrix.js';
import { cvGlmnet, polishLasso, type CvGlmnetResult, type LambdaChoice } from '../../models/glmnet/index.js';
import { DATA_OPTIONS, DATA_OPTIONS_HELP, dataSpecFromOptions, emitResult, isMissingCell, loadStatsData, splitList, type Cohort, type OptionValues } from './data.js';
import { numberArg } from './common-eval.js';

/** Help text of `dlrn stats lasso`. */
export const help = `Usage: dlrn stats lasso --data F.csv --label COL [--features A,B,...] [options]

LASSO (alpha = 1) or elastic-net logistic regression path with K-fold cross-validation, as R's
glmnet(x, y, family = "binomial") and cv.glmnet(): glmnet's standardisation, lambda sequence, solver
and stopping rules (the same numbers as glmnet 4.1), lambda.min and lambda.1se, coefficients on the
original feature scale. Fitted on the training rows only.

Data options:
${DATA_OPTIONS_HELP}

Features:
  --features A,B,...         feature columns (repeatable, comma-separated); default: every other column
                             whose training cells are all numbers (minus --exclude and filter columns)
  --exclude A,B,...          columns never used as features (e.g. a patient id)
  Constant features are excluded with a warning (coefficient 0), as glmnet does.

Cross-validation:
  --foldid F.csv[:COLUMN]    fold of each training row (integers 1..K, in training-row order); COLUMN
                             defaults to "foldid", or to the only column. A wrong length is an error.
  --nfolds K                 folds when --foldid is not given (default 10), assigned at random
  --seed S                   seed of that random assignment (default 1)
  --measure deviance|auc     cv type.measure (default deviance; auc needs >= 10 rows per fold)

Model:
  --alpha A                  elastic-net mixing in [0, 1] (default 1 = LASSO)
  --thresh T                 coordinate-descent convergence threshold (default 1e-7)
  --nlambda N                number of lambda values (default 100)
  --lambda-min-ratio R       smallest lambda / lambda_max (default 1e-4, or 0.01 when n < p)
  --maxit N                  maximum passes over the data (default 100000)
  --exact                    add the exact optimum (Newton on glmnet's active set, KKT-certified) at
                             lambda.min and lambda.1se (block "exact"; LASSO only)

JSON: {features, path: {lambda, a0, beta, df, dev_ratio, nulldev, npasses}, cv: {type_measure, lambda,
cvm, cvsd, cvup, cvlo, nzero, lambda_min, lambda_1se, index_min, index_1se, coef_lambda_min: {all,
nonzero}, coef_lambda_1se: {all, nonzero}}}, plus radscore {train, test} (the linear predictor at
lambda.min) with validation rows, settings, data and warnings (see docs/stats.md).
`;

const OPTIONS = {
  ...DATA_OPTIONS,
  features: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  foldid: { type: 'string' },
  nfolds: { type: 'string' },
  seed: { type: 'string' },
  measure: { type: 'string' },
  alpha: { type: 'string' },
  thresh: { type: 'string' },
  nlambda: { type: 'string' },
  'lambda-min-ratio': { type: 'string' },
  maxit: { type: 'string' },
  exact: { type: 'boolean' },
} as const;

function filterColumns(values: OptionValues): string[] {
  const out: string[] = [];
  for (const k of ['where', 'validate-where']) {
    const v = values[k];
    if (Array.isArray(v)) for (const s of v as string[]) { const i = s.indexOf('='); if (i > 0) out.push(s.slice(0, i).trim()); }
  }
  return out;
}

/** The features: given, or every other all-numeric column. */
export function resolveFeatures(analysis: string, values: OptionValues, label: string): string[] {
  const given = splitList(values.features);
  const exclude = new Set([label, ...splitList(values.exclude), ...filterColumns(values)]);
  if (given.length > 0) {
    const bad = given.filter((f) => exclude.has(f));
    if (bad.length) throw new InvalidInputError(`dlrn stats ${analysis}: --features includes excluded columns`, { found: bad.join(', ') });
    return given;
  }
  const file = values.data as string;
  const t = readCsv(file);
  const feats = t.header.filter((h) => {
    if (exclude.has(h)) return false;
    const j = t.header.indexOf(h);
    return t.rows.every((r) => isMissingCell(r[j]) || Number.isFinite(parseNumberField(r[j])));
  });
  if (feats.length === 0) {
    throw new InvalidInputError(`dlrn stats ${analysis}: no numeric feature columns`, { file, fix: 'name them with --features A,B,...' });
  }
  return feats;
}

/** Reads `F.csv[:COLUMN]` fold ids and checks their number against the training rows. */
export function readFoldIds(spec: string, nTrain: number): number[] {
  let file = spec;
  let column: string | undefined;
  const i = spec.lastIndexOf(':');
  if (i > 0 && !/^[A-Za-z]:[\\/]/.test(spec.slice(i - 1))) {
    file = spec.slice(0, i);
    column = spec.slice(i + 1);
  }
  const t = readCsv(file);
  let j: number;
  if (column !== undefined) j = columnIndex(t, column, file);
  else if (t.header.includes('foldid')) j = t.header.indexOf('foldid');
  else if (t.header.length === 1) j = 0;
  else throw new InvalidInputError('--foldid: which column holds the fold ids?', { file, found: `columns ${t.header.join(', ')}`, fix: 'name it: --foldid F.csv:COLUMN' });
  const ids = t.rows.map((r, k) => {
    const v = Number(r[j]);
    if (!Number.isInteger(v) || v < 1) throw new InvalidInputError('--foldid: fold ids must be integers 1..K', { file, found: `${JSON.stringify(r[j])} on data row ${k + 1}` });
    return v;
  });
  if (ids.length !== nTrain) {
    throw new InvalidInputError('--foldid: the number of fold ids does not match the training rows', {
      file, expected: `${nTrain} fold ids (one per training row, in training-row order)`, found: `${ids.length} fold ids`,
      fix: 'write one fold id per training row (after --where / --validate-where / --na-drop), in the same order.',
    });
  }
  return ids;
}

function coefBlock(cv: CvGlmnetResult, s: LambdaChoice, features: readonly string[]): Record<string, unknown> {
  const c = cv.coef(s);
  const all: Record<string, number> = { '(Intercept)': c.intercept };
  features.forEach((f, j) => { all[f] = c.beta[j]; });
  const nonzero = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== 0));
  return { all, nonzero, n_nonzero_features: Object.keys(nonzero).length - ('(Intercept)' in nonzero ? 1 : 0) };
}

function matrixOf(c: Cohort, features: readonly string[]): ReturnType<typeof matrixFromColumns> {
  return matrixFromColumns(features.map((f) => c.numeric.get(f)!), 'features');
}

/** Runs `dlrn stats lasso`. */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions('stats lasso', argv, OPTIONS);
  const label = typeof values.label === 'string' ? values.label : '';
  if (typeof values.data !== 'string' || label === '') dataSpecFromOptions('lasso', values, {}); // throws the usual "required" error
  const features = resolveFeatures('lasso', values, label);
  const measure = values.measure === undefined ? 'deviance' : String(values.measure);
  if (measure !== 'deviance' && measure !== 'auc') throw new InvalidInputError('dlrn stats lasso: --measure must be deviance or auc', { found: measure });
  const alpha = numberArg('lasso', values, 'alpha', 1, (x) => x >= 0 && x <= 1, 'a number in [0, 1]');
  const thresh = numberArg('lasso', values, 'thresh', 1e-7, (x) => x > 0, 'a positive number');
  const nlambda = numberArg('lasso', values, 'nlambda', 100, (x) => Number.isInteger(x) && x >= 1, 'a positive integer');
  const maxit = numberArg('lasso', values, 'maxit', 1e5, (x) => Number.isInteger(x) && x >= 1, 'a positive integer');
  const nfolds = numberArg('lasso', values, 'nfolds', 10, (x) => Number.isInteger(x) && x >= 3, 'an integer >= 3');
  const lmr = values['lambda-min-ratio'] === undefined ? undefined : numberArg('lasso', values, 'lambda-min-ratio', 1e-4, (x) => x > 0 && x < 1, 'a number in (0, 1)');
  const seed = typeof values.seed === 'string' ? values.seed : '1';
  if (values.exact === true && alpha !== 1) throw new InvalidInputError('dlrn stats lasso: --exact needs --alpha 1 (LASSO)', { found: `alpha ${alpha}` });

  const spec = dataSpecFromOptions('lasso', values, { numeric: features, constant: 'warn', epvVariables: features.length });
  const data = loadStatsData(spec);
  const warnings: DlrnWarning[] = data.warnings.filter((w) => w.code !== 'W_LOW_EPV' && w.code !== 'W_CONSTANT_COLUMN');
  const X = matrixOf(data.train, features);
  const foldid = typeof values.foldid === 'string' ? readFoldIds(values.foldid, data.train.n) : undefined;
  const cv = cvGlmnet(X, data.train.y, {
    alpha, thresh, nlambda, maxit, lambdaMinRatio: lmr, featureNames: features,
    typeMeasure: measure, foldid, nfolds, seed: Number.isFinite(Number(seed)) ? Number(seed) : seed,
  });
  warnings.push(...cv.warnings);
  const fit = cv.fit;
  const result: Record<string, unknown> = {
    data: { file: spec.file, label, n_train: data.train.n, events_train: data.train.events, ...(data.validation ? { n_test: data.validation.n, events_test: data.validation.events } : {}), na_dropped: data.naDropped },
    warnings,
    settings: {
      family: 'binomial', alpha, standardize: true, intercept: true, nlambda, lambda_min_ratio: fit.options.lambdaMinRatio, thresh, maxit,
      type_logistic: 'Newton', nfolds: cv.nfolds, foldid: foldid ? 'given' : `random (seed ${seed})`, grouped: true,
      excluded_constant_features: fit.excluded,
    },
    features,
    path: { lambda: fit.lambda, a0: fit.a0, beta: fit.betaRows(), df: fit.df, dev_ratio: fit.devRatio, nulldev: fit.nulldev, npasses: fit.npasses },
    cv: {
      type_measure: cv.name, lambda: cv.lambda, cvm: cv.cvm, cvsd: cv.cvsd, cvup: cv.cvup, cvlo: cv.cvlo, nzero: cv.nzero,
      lambda_min: cv.lambdaMin, lambda_1se: cv.lambda1se, index_min: cv.indexMin + 1, index_1se: cv.index1se + 1,
      coef_lambda_min: coefBlock(cv, 'lambda.min', features), coef_lambda_1se: coefBlock(cv, 'lambda.1se', features),
    },
  };
  if (data.validation) {
    result.radscore = {
      note: 'rad-score = linear predictor (intercept + sum beta*x, original scale) at cv lambda.min',
      train: cv.predictLink(X, 'lambda.min'),
      test: cv.predictLink(matrixOf(data.validation, features), 'lambda.min'),
    };
  }
  if (values.exact === true) {
    const exact: Record<string, unknown> = {};
    for (const [name, s] of [['lambda_min', cv.lambdaMin], ['lambda_1se', cv.lambda1se]] as const) {
      const m = fit.lambdaIndex(s);
      const pl = polishLasso(X, data.train.y, fit.coefAt(m), s);
      exact[name] = {
        lambda: s, lambda_index: m + 1, intercept: pl.intercept,
        coefficients: Object.fromEntries(features.map((f, j) => [f, pl.beta[j]]).filter(([, v]) => v !== 0)),
        objective: pl.objective, kkt_rel_violation: pl.kktRelViolation, signs_unchanged: pl.signsUnchanged, newton_iterations: pl.newtonIterations,
      };
    }
    result.exact = exact;
  }
  emitResult('lasso', values, result, () => summary(cv, features), warnings);
  return 0;
}

function summary(cv: CvGlmnetResult, features: readonly string[]): string {
  const lines = [
    `glmnet ${cv.fit.options.alpha === 1 ? 'LASSO' : `elastic net (alpha ${cv.fit.options.alpha})`} logistic path: ${cv.lambda.length} lambda values, ${features.length} features, ${cv.fit.nobs} training rows`,
    `cross-validation (${cv.nfolds} folds, ${cv.name}): lambda.min = ${cv.lambdaMin.toPrecision(6)} (index ${cv.indexMin + 1}), lambda.1se = ${cv.lambda1se.toPrecision(6)} (index ${cv.index1se + 1})`,
  ];
  for (const [name, s] of [['lambda.min', 'lambda.min'], ['lambda.1se', 'lambda.1se']] as const) {
    const c = cv.coef(s);
    const nz = features.map((f, j) => [f, c.beta[j]] as const).filter(([, v]) => v !== 0);
    lines.push(`${name}: intercept ${c.intercept.toPrecision(6)}, ${nz.length} non-zero: ${nz.map(([f, v]) => `${f} ${v.toPrecision(4)}`).join(', ') || '(none)'}`);
  }
  lines.push('Use --json for the full path and CV curves.');
  return lines.join('\n');
}
