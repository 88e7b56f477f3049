/**
 * Binary logistic regression by IRLS, with the numbers of R's `glm(y ~ ., family = binomial)` and
 * `summary.glm`: coefficients, standard errors, z and p values, Wald intervals, odds ratios,
 * covariance, deviance, null deviance, AIC and log-likelihood.
 */
import { InvalidInputError, ModelFitError, type DlrnWarning } from '../../core/errors.js';
import { pnorm, qnorm } from '../../math/distributions.js';
import { DBL_EPSILON, binomialDevianceResidual, logitInverse } from './link.js';
import { chol2inv } from './qr.js';
import { irls, type IrlsProblem } from './irls.js';
import { detectSeparation } from './separation.js';
import type { Interval, LogisticOptions, Rows, SeparationReport } from './types.js';

/** Name R gives the intercept term. */
export const INTERCEPT_TERM = '(Intercept)';

/** The data fields of a {@link LogisticFit}. */
export type LogisticFitInit = Omit<LogisticFit, 'confint' | 'oddsRatios' | 'predict' | 'coefficient'>;

/** A fitted binary logistic regression (immutable). Create it with {@link fitLogistic}. */
export class LogisticFit {
  /** Term names: `(Intercept)` first when the model has one, then the columns of X. */
  declare readonly terms: readonly string[];
  /** True when the model has an intercept. */
  declare readonly hasIntercept: boolean;
  /** Maximum-likelihood coefficients, in `terms` order. */
  declare readonly coefficients: Float64Array;
  /** Standard errors sqrt(diag(vcov)) (dispersion 1). */
  declare readonly stdErrors: Float64Array;
  /** Wald z = estimate / SE. */
  declare readonly zValues: Float64Array;
  /** Two-sided Wald p = 2·pnorm(-|z|). */
  declare readonly pValues: Float64Array;
  /** Covariance matrix of the coefficients (rows, `terms` order): (XᵀWX)⁻¹ from the last IRLS step. */
  declare readonly vcov: readonly Float64Array[];
  /** Residual deviance -2·loglik (for 0/1 outcomes). */
  declare readonly deviance: number;
  /** Deviance of the intercept-only model (with the offset, if any), as R's `null.deviance`. */
  declare readonly nullDeviance: number;
  /** n - rank (rows with positive weight). */
  declare readonly dfResidual: number;
  /** n - 1 with an intercept, n without. */
  declare readonly dfNull: number;
  /** AIC = -2·loglik + 2·rank. */
  declare readonly aic: number;
  /** Log-likelihood Σ w_i [y_i log mu_i + (1-y_i) log(1-mu_i)]. */
  declare readonly logLik: number;
  /** IRLS iterations used (R's `iter`). */
  declare readonly iterations: number;
  /** True when the deviance criterion was met within `maxit` iterations. */
  declare readonly converged: boolean;
  /** Number of observations (rows with positive weight). */
  declare readonly nObs: number;
  /** Training linear predictor (including the offset). */
  declare readonly linearPredictors: Float64Array;
  /** Training fitted probabilities. */
  declare readonly fittedValues: Float64Array;
  /** Training outcome (0/1). */
  declare readonly y: Float64Array;
  /** Prior weights used. */
  declare readonly weights: Float64Array;
  /** Offset used (zeros when none). */
  declare readonly offset: Float64Array;
  /** Separation found (only with `separation: 'warn'`). */
  declare readonly separation?: SeparationReport;
  /** Non-fatal problems (not converged, fitted probabilities 0 or 1, separation in warn mode). */
  declare readonly warnings: readonly DlrnWarning[];
  /** The settings used (epsilon, maxit). */
  declare readonly control: { readonly epsilon: number; readonly maxit: number };
  /** @internal column-major design including the intercept column, for profiling. */
  declare readonly designColumnMajor: Float64Array;

  /** @internal use {@link fitLogistic}. */
  constructor(init: LogisticFitInit) {
    Object.assign(this, init);
    Object.freeze(this);
  }

  /** The coefficient of one term (throws for an unknown term). */
  coefficient(term: string): number {
    const j = this.terms.indexOf(term);
    if (j < 0) throw new InvalidInputError(`unknown term "${term}"`, { expected: `one of ${this.terms.join(', ')}` });
    return this.coefficients[j];
  }

  /** Wald confidence intervals estimate ± qnorm(1 - (1-level)/2)·SE (default level 0.95). */
  confint(level = 0.95): Interval {
    checkLevel(level);
    const z = qnorm(1 - (1 - level) / 2);
    const lower = this.coefficients.map((b, j) => b - z * this.stdErrors[j]);
    const upper = this.coefficients.map((b, j) => b + z * this.stdErrors[j]);
    return { lower, upper };
  }

  /** Odds ratios exp(estimate) with exp of the Wald limits. */
  oddsRatios(level = 0.95): { readonly oddsRatio: Float64Array } & Interval {
    const ci = this.confint(level);
    return { oddsRatio: this.coefficients.map(Math.exp), lower: ci.lower.map(Math.exp), upper: ci.upper.map(Math.exp) };
  }

  /**
   * Predictions for new rows X (same columns as the fit, without the intercept column):
   * `'link'` = linear predictor (+ offset), `'response'` = probability (R's `predict.glm`).
   */
  predict(X: Rows, type: 'link' | 'response' = 'response', offset?: ArrayLike<number>): Float64Array {
    const p = this.coefficients.length;
    const k = this.hasIntercept ? 1 : 0;
    const n = X.length;
    if (offset && offset.length !== n) throw new InvalidInputError('offset has the wrong length', { expected: `${n} values`, found: `${offset.length}` });
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const row = X[i];
      if (row.length !== p - k) {
        throw new InvalidInputError('a row of X has the wrong number of columns', { expected: `${p - k} columns (${this.terms.slice(k).join(', ')})`, found: `${row.length} in row ${i + 1}` });
      }
      let eta = (offset ? offset[i] : 0) + (k ? this.coefficients[0] : 0);
      for (let j = k; j < p; j++) eta += this.coefficients[j] * row[j - k];
      out[i] = type === 'link' ? eta : logitInverse(eta);
    }
    return out;
  }
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new InvalidInputError('confidence level must lie in (0, 1)', { found: String(level) });
}

/** Column-major design with optional intercept column first, validated. */
function buildDesign(X: Rows, n: number, intercept: boolean): { x: Float64Array; p: number } {
  if (X.length !== n) throw new InvalidInputError('X and y have different numbers of rows', { expected: `${n} rows (length of y)`, found: `${X.length} rows` });
  const q = n > 0 ? X[0].length : 0;
  const k = intercept ? 1 : 0;
  const p = q + k;
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const row = X[i];
    if (row.length !== q) throw new InvalidInputError('X is ragged', { expected: `${q} columns in every row`, found: `${row.length} columns in row ${i + 1}` });
    if (intercept) x[i] = 1;
    for (let j = 0; j < q; j++) {
      const v = row[j];
      if (!Number.isFinite(v)) throw new InvalidInputError('X holds a missing or non-finite value', { found: `${v} in row ${i + 1}, column ${j + 1}`, fix: 'remove or impute missing values before fitting.' });
      x[(j + k) * n + i] = v;
    }
  }
  return { x, p };
}

function vectorOption(v: ArrayLike<number> | undefined, n: number, name: string, fill: number): Float64Array {
  if (v === undefined) return new Float64Array(n).fill(fill);
  if (v.length !== n) throw new InvalidInputError(`${name} has the wrong length`, { expected: `${n} values (one per row)`, found: `${v.length}` });
  const out = Float64Array.from(v);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(out[i])) throw new InvalidInputError(`${name} holds a non-finite value`, { found: `${out[i]} at row ${i + 1}` });
    if (name === 'weights' && out[i] < 0) throw new InvalidInputError('weights must be ≥ 0', { found: `${out[i]} at row ${i + 1}` });
  }
  return out;
}

function separationError(rep: SeparationReport): ModelFitError {
  const vars = rep.terms.map((t) => `${t.term} (${t.direction > 0 ? '+' : '-'}∞)`).join(', ');
  return new ModelFitError(`${rep.kind} separation: the maximum-likelihood estimates do not exist`, {
    expected: 'outcome classes that overlap in predictor space',
    found: `${rep.perfectlyPredicted} observations are predicted perfectly along a direction involving ${vars}`,
    fix: 'remove or merge the separating predictor(s) or categories, collect more data, or use penalised regression (dlrn stats lasso / Firth).',
  });
}

/**
 * Fits a binary logistic regression of y (0/1) on the columns of X (rows × columns, no intercept
 * column: it is added unless `intercept: false`) by IRLS, converging like R's `glm` (see
 * {@link LogisticOptions}). Separation is checked exactly (linear programming) whenever the fit shows
 * its signs (fitted probabilities within ~epsilon·deviance of 0 or 1, or no convergence).
 *
 * Calibration-in-the-large (R `glm(y ~ 1, offset = logit(p))`):
 * `fitLogistic(y.map(() => []), y, { offset: logitP })`.
 *
 * @throws InvalidInputError for bad shapes, non-binary y, non-finite values.
 * @throws ModelFitError on separation (unless `separation: 'warn'`), collinear columns, or a deviance that cannot be made finite.
 */
export function fitLogistic(X: Rows, y: ArrayLike<number>, opts: LogisticOptions = {}): LogisticFit {
  const n = y.length;
  const intercept = opts.intercept ?? true;
  const epsilon = opts.epsilon ?? 1e-14;
  const maxit = opts.maxit ?? 100;
  if (!(epsilon > 0)) throw new InvalidInputError('epsilon must be > 0', { found: String(epsilon) });
  if (!(Number.isInteger(maxit) && maxit >= 1)) throw new InvalidInputError('maxit must be a positive integer', { found: String(maxit) });
  const yy = Float64Array.from(y);
  for (let i = 0; i < n; i++) {
    if (yy[i] !== 0 && yy[i] !== 1) throw new InvalidInputError('the outcome is not binary', { expected: 'values 0 and 1', found: `${y[i]} at row ${i + 1}` });
  }
  const weights = vectorOption(opts.weights, n, 'weights', 1);
  const offset = vectorOption(opts.offset, n, 'offset', 0);
  const { x, p } = buildDesign(X, n, intercept);
  const q = p - (intercept ? 1 : 0);
  const names = opts.termNames ?? Array.from({ length: q }, (_, j) => `x${j + 1}`);
  if (names.length !== q) throw new InvalidInputError('termNames has the wrong length', { expected: `${q} names`, found: `${names.length}` });
  const terms = intercept ? [INTERCEPT_TERM, ...names] : [...names];
  let nObs = 0;
  let events = 0;
  for (let i = 0; i < n; i++) if (weights[i] > 0) { nObs++; events += yy[i]; }
  if (nObs === 0) throw new InvalidInputError('no observations with positive weight');
  if (nObs <= p) {
    throw new ModelFitError('too few observations for the number of coefficients', { expected: `more than ${p} observations`, found: `${nObs}` });
  }

  const warnings: DlrnWarning[] = [];
  const problem: IrlsProblem = { n, p, x, y: yy, weights, offset, terms };
  const res = irls(problem, { epsilon, maxit });

  // Separation drives some fitted probabilities towards 0 or 1: IRLS stops (relative deviance change
  // < epsilon) only once those are below ~epsilon·(deviance + 0.1). The exact linear-programming check
  // runs whenever a fitted probability is that close to 0 or 1, or IRLS did not converge.
  let separation: SeparationReport | undefined;
  const mode = opts.separation ?? 'error';
  if (mode !== 'skip') {
    const thr = Math.min(0.01, Math.max(1e-6, 100 * epsilon * (res.deviance + 0.1)));
    let suspicious = !res.converged;
    for (let i = 0; i < n && !suspicious; i++) if (weights[i] > 0 && (res.mu[i] < thr || res.mu[i] > 1 - thr)) suspicious = true;
    if (suspicious) {
      const cols = Array.from({ length: p }, (_, j) => x.subarray(j * n, (j + 1) * n));
      const s = detectSeparation(cols, yy, weights);
      if (s.kind !== 'none') {
        separation = {
          kind: s.kind,
          terms: s.divergentColumns.map((j) => ({ term: terms[j], direction: (s.direction[j] > 0 ? 1 : -1) as 1 | -1 })),
          perfectlyPredicted: s.perfectlyPredicted,
        };
        if (mode === 'error') throw separationError(separation);
        warnings.push({ code: 'W_SEPARATION', message: separationError(separation).message });
      }
    }
  }

  if (!res.converged) warnings.push({ code: 'W_NOT_CONVERGED', message: `IRLS did not converge in ${maxit} iterations (relative deviance change still ≥ ${epsilon}).` });
  const eps10 = 10 * DBL_EPSILON;
  let extreme = 0;
  for (let i = 0; i < n; i++) if (weights[i] > 0 && (res.mu[i] > 1 - eps10 || res.mu[i] < eps10)) extreme++;
  if (extreme > 0) warnings.push({ code: 'W_FITTED_0_OR_1', message: `fitted probabilities numerically 0 or 1 occurred (${extreme} observations).` });

  const cov = chol2inv(res.r, p);
  const vcov = Array.from({ length: p }, (_, i) => cov.slice(i * p, (i + 1) * p));
  const se = new Float64Array(p).map((_, j) => Math.sqrt(cov[j * p + j]));
  const z = res.coefficients.map((b, j) => b / se[j]);
  const pv = z.map((t) => 2 * pnorm(-Math.abs(t)));

  let logLik = 0;
  for (let i = 0; i < n; i++) {
    if (weights[i] === 0) continue;
    logLik += weights[i] * (yy[i] === 1 ? Math.log(res.mu[i]) : Math.log(1 - res.mu[i]));
  }
  const nullDeviance = computeNullDeviance(yy, weights, offset, intercept, epsilon, maxit);
  return new LogisticFit({
    terms, hasIntercept: intercept, coefficients: res.coefficients, stdErrors: se, zValues: z, pValues: pv, vcov,
    deviance: res.deviance, nullDeviance, dfResidual: nObs - p, dfNull: nObs - (intercept ? 1 : 0),
    aic: -2 * logLik + 2 * p, logLik, iterations: res.iterations, converged: res.converged, nObs,
    linearPredictors: res.eta, fittedValues: res.mu, y: yy, weights, offset, separation, warnings,
    control: { epsilon, maxit }, designColumnMajor: x,
  });
}

function computeNullDeviance(y: Float64Array, w: Float64Array, offset: Float64Array, intercept: boolean, epsilon: number, maxit: number): number {
  const n = y.length;
  const hasOffset = offset.some((o) => o !== 0);
  let d = 0;
  if (intercept && !hasOffset) {
    let sw = 0;
    let swy = 0;
    for (let i = 0; i < n; i++) { sw += w[i]; swy += w[i] * y[i]; }
    const mu = swy / sw;
    for (let i = 0; i < n; i++) d += binomialDevianceResidual(y[i], mu, w[i]);
    return d;
  }
  if (!intercept) {
    for (let i = 0; i < n; i++) d += binomialDevianceResidual(y[i], logitInverse(offset[i]), w[i]);
    return d;
  }
  const ones = new Float64Array(n).fill(1);
  return irls({ n, p: 1, x: ones, y, weights: w, offset, terms: [INTERCEPT_TERM] }, { epsilon, maxit }).deviance;
}
