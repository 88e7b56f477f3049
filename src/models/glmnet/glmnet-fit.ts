/**
 * `fitGlmnet`: the LASSO / elastic-net logistic regression path as R's
 * `glmnet(x, y, family = "binomial")` (glmnet 4.1): same standardisation, same λ sequence (including
 * glmnet's replacement of λ_1 by exp(2·log λ_2 - log λ_3)), same solver and stopping rules, and
 * coefficients returned on the original feature scale.
 *
 * The penalised objective at each λ (standardised coordinates β̃_j = sd_j β_j) is
 *   F(a0, β) = -(1/n) Σ_i [y_i η_i - log(1 + e^{η_i})] + λ Σ_j vp_j [ (1-α)/2 · β̃_j² + α |β̃_j| ].
 */
import { InvalidInputError, ModelFitError, type DlrnWarning } from '../../core/errors.js';
import { toBinaryLabels, toColumnMajor, type ColumnMajorMatrix, type MatrixInput } from '../../selection/matrix.js';
import { eigenSum } from './eigen-reduce.js';
import { resolveGlmnetOptions, type GlmnetOptions, type ResolvedGlmnetOptions } from './glmnet-options.js';
import { lambdaInterp } from './lambda-interp.js';
import { lognetPath } from './lognet-path.js';
import { glmnetStandardize } from './standardize.js';

/** Intercept and coefficients (original feature scale) at one λ. */
export interface GlmnetCoefficients {
  readonly lambda: number;
  readonly intercept: number;
  /** One coefficient per feature, in feature order. */
  readonly beta: Float64Array;
}

/** A fitted glmnet path. Construct with {@link fitGlmnet}; all fields are read-only results. */
export class GlmnetFit {
  /** λ values, decreasing. */
  readonly lambda: Float64Array;
  /** Intercept at each λ. */
  readonly a0: Float64Array;
  /** Coefficients, original scale: `beta[j + m * nvars]` for feature j at λ index m. */
  readonly beta: Float64Array;
  /** Number of non-zero coefficients at each λ. */
  readonly df: Int32Array;
  /** Fraction of null deviance explained at each λ (glmnet's `dev.ratio`). */
  readonly devRatio: Float64Array;
  /** Null deviance, 2·Σ_i -[y_i log ȳ + (1-y_i) log(1-ȳ)]. */
  readonly nulldev: number;
  /** Total coordinate-descent passes over the data (glmnet's `npasses`). */
  readonly npasses: number;
  /** glmnet's error code: 0, or negative for a non-fatal early stop (see `warnings`). */
  readonly jerr: number;
  readonly nobs: number;
  readonly nvars: number;
  readonly featureNames: readonly string[];
  /** Column means and SDs (1/n) used for standardisation (SD = 1 when `standardize` is false). */
  readonly center: Float64Array;
  readonly scale: Float64Array;
  /** Columns excluded because they are constant (their coefficients are 0). */
  readonly excluded: readonly string[];
  readonly options: ResolvedGlmnetOptions;
  readonly warnings: readonly DlrnWarning[];

  /** @internal use {@link fitGlmnet}. */
  constructor(f: Omit<GlmnetFit, 'coefAt' | 'coef' | 'predictLink' | 'predictProba' | 'nonzeroAt' | 'betaRows' | 'length' | 'lambdaIndex'>) {
    this.lambda = f.lambda; this.a0 = f.a0; this.beta = f.beta; this.df = f.df; this.devRatio = f.devRatio;
    this.nulldev = f.nulldev; this.npasses = f.npasses; this.jerr = f.jerr; this.nobs = f.nobs; this.nvars = f.nvars;
    this.featureNames = f.featureNames; this.center = f.center; this.scale = f.scale; this.excluded = f.excluded;
    this.options = f.options; this.warnings = f.warnings;
    Object.freeze(this);
  }

  /** Number of λ values on the path. */
  get length(): number {
    return this.lambda.length;
  }

  /** Coefficients at path index m (0-based). */
  coefAt(m: number): GlmnetCoefficients {
    if (!Number.isInteger(m) || m < 0 || m >= this.lambda.length) {
      throw new InvalidInputError('λ index out of range', { expected: `0..${this.lambda.length - 1}`, found: String(m) });
    }
    return { lambda: this.lambda[m], intercept: this.a0[m], beta: this.beta.slice(m * this.nvars, (m + 1) * this.nvars) };
  }

  /** Index of λ value `s` on the path (exact match), or -1. */
  lambdaIndex(s: number): number {
    return this.lambda.indexOf(s);
  }

  /**
   * Coefficients at any λ = `s` ≥ 0, interpolated linearly between the neighbouring path values as
   * glmnet's `coef(fit, s)` (λ outside the path is clamped to its ends).
   */
  coef(s: number): GlmnetCoefficients {
    if (!(s >= 0) || !Number.isFinite(s)) throw new InvalidInputError('λ must be a finite number >= 0', { found: String(s) });
    const { left, right, frac } = lambdaInterp(this.lambda, s);
    const p = this.nvars;
    const beta = new Float64Array(p);
    for (let j = 0; j < p; j++) beta[j] = this.beta[j + left * p] * frac + this.beta[j + right * p] * (1 - frac);
    return { lambda: s, intercept: this.a0[left] * frac + this.a0[right] * (1 - frac), beta };
  }

  /** Linear predictor (log-odds) a0 + x·β at λ = `s` for each row of `x`. */
  predictLink(x: MatrixInput, s: number): Float64Array {
    const m = toColumnMajor(x, 'X (new data)');
    if (m.ncol !== this.nvars) {
      throw new InvalidInputError('new data has the wrong number of columns', { expected: `${this.nvars} features (${this.featureNames.slice(0, 5).join(', ')}${this.nvars > 5 ? ', ...' : ''})`, found: `${m.ncol}` });
    }
    return linearPredictor(m, this.coef(s));
  }

  /** P(y = 1) at λ = `s` for each row of `x`. */
  predictProba(x: MatrixInput, s: number): Float64Array {
    return this.predictLink(x, s).map((e) => 1 / (1 + Math.exp(-e)));
  }

  /** 0-based indices of the non-zero coefficients at path index m. */
  nonzeroAt(m: number): number[] {
    const out: number[] = [];
    for (let j = 0; j < this.nvars; j++) if (this.beta[j + m * this.nvars] !== 0) out.push(j);
    return out;
  }

  /** The coefficient matrix as rows = features, columns = λ (the layout of R's `fit$beta`). */
  betaRows(): number[][] {
    const L = this.lambda.length;
    return Array.from({ length: this.nvars }, (_, j) => Array.from({ length: L }, (_, m) => this.beta[j + m * this.nvars]));
  }
}

/** η_i = a0 + Σ_j x_ij β_j (features in order). */
export function linearPredictor(x: ColumnMajorMatrix, c: { intercept: number; beta: ArrayLike<number> }): Float64Array {
  const n = x.nrow;
  const eta = new Float64Array(n).fill(c.intercept);
  for (let j = 0; j < x.ncol; j++) {
    const b = c.beta[j];
    if (b === 0) continue;
    const off = j * n;
    for (let i = 0; i < n; i++) eta[i] += x.data[off + i] * b;
  }
  return eta;
}

/**
 * Fits the logistic elastic-net path on an already validated matrix and 0/1 labels (no copies of the
 * checks); used by {@link fitGlmnet} and by cross-validation for each fold.
 */
export function fitGlmnetChecked(x: ColumnMajorMatrix, y: Float64Array, o: ResolvedGlmnetOptions): GlmnetFit {
  const n = x.nrow;
  const p = x.ncol;
  const warnings: DlrnWarning[] = [];
  let ones = 0;
  for (let i = 0; i < n; i++) ones += y[i];
  const minClass = Math.min(ones, n - ones);
  if (minClass <= 1) {
    throw new ModelFitError('one outcome class has 1 or 0 observations', {
      expected: 'at least 2 observations of each class (glmnet refuses fewer)', found: `${ones} events and ${n - ones} non-events`,
      fix: 'use more rows, or check the label and the row filters.',
    });
  }
  if (minClass < 8) warnings.push({ code: 'W_SMALL_CLASS', message: `one outcome class has fewer than 8 observations (${minClass}); dangerous ground (glmnet's warning).` });

  // glmnet's weights: y rows sum to 1, so w_i = 1 / Σ 1 = 1/n
  const ones1 = new Float64Array(n).fill(1);
  const sw = eigenSum(ones1, n);
  const w = new Float64Array(n).fill(1 / sw);
  const st = glmnetStandardize(x, w, o.standardize);
  const excluded: string[] = [];
  for (let j = 0; j < p; j++) if (!st.include[j]) excluded.push(o.featureNames[j]);
  if (excluded.length === p) {
    throw new ModelFitError('every feature is constant', { expected: 'at least one feature that varies', found: `${p} constant column(s)`, fix: 'check the feature table.' });
  }
  if (excluded.length > 0) {
    warnings.push({ code: 'W_CONSTANT_FEATURE', message: `constant feature(s) excluded (coefficient 0, as glmnet does): ${excluded.slice(0, 10).join(', ')}${excluded.length > 10 ? ` and ${excluded.length - 10} more` : ''}` });
  }
  const userLambda = o.lambda !== undefined;
  const nlam = userLambda ? o.lambda!.length : o.nlambda;
  let raw;
  try {
    raw = lognetPath({
      z: st.z, n, p, include: st.include, y, w, vp: o.penaltyFactor, alpha: o.alpha, nlam,
      flmin: userLambda ? 1 : o.lambdaMinRatio, ulam: o.lambda, thresh: o.thresh, maxit: o.maxit,
      ne: o.dfmax, nx: o.pmax, control: o.control,
    });
  } catch (e) {
    const code = (e as { jerr?: number }).jerr;
    if (code !== undefined) {
      throw new ModelFitError('the outcome is (almost) a single class', { expected: `a proportion of events between ${o.control.pmin} and ${1 - o.control.pmin}`, found: `${ones} of ${n}`, fix: 'check the label.' });
    }
    throw e;
  }
  if (raw.jerr < -10000) {
    warnings.push({ code: 'W_PMAX', message: `more than pmax=${o.pmax} features became non-zero at the ${-raw.jerr - 10000}th λ; solutions for larger λ returned.` });
  } else if (raw.jerr < 0) {
    warnings.push({ code: 'W_NO_CONVERGENCE', message: `convergence for the ${-raw.jerr}th λ not reached after maxit=${o.maxit} passes; solutions for larger λ returned.` });
  }
  const L = raw.lmu;
  if (L < 1) throw new ModelFitError('glmnet returned an empty path', { found: `error code ${raw.jerr}`, fix: 'increase maxit or pmax.' });
  const nx = o.pmax;
  const lambda = raw.alm.slice(0, L);
  if (!userLambda && L > 2) lambda[0] = Math.exp(2 * Math.log(lambda[1]) - Math.log(lambda[2]));
  const a0 = new Float64Array(L);
  const beta = new Float64Array(p * L);
  const df = new Int32Array(L);
  for (let m = 0; m < L; m++) {
    const nk = raw.kin[m];
    let a = raw.a0[m];
    for (let l = 0; l < nk; l++) {
      const j = raw.ia[l];
      const c = raw.ca[l + m * nx] / st.sd[j];
      beta[j + m * p] = c;
      if (c !== 0) df[m]++;
      a -= c * st.mean[j];
    }
    a0[m] = a;
  }
  return new GlmnetFit({
    lambda, a0, beta, df, devRatio: raw.dev.slice(0, L), nulldev: raw.dev0 * (2 * sw), npasses: raw.nlp, jerr: raw.jerr,
    nobs: n, nvars: p, featureNames: o.featureNames, center: st.mean, scale: st.sd, excluded, options: o, warnings,
  });
}

/**
 * Fits the LASSO / elastic-net logistic path of `y` (0/1, 1 = event) on `x` (rows = observations) as
 * `glmnet(x, y, family = "binomial", ...)`. Throws {@link InvalidInputError} for non-finite cells, a
 * non-binary label or bad options, and {@link ModelFitError} when a class has fewer than 2 members.
 */
export function fitGlmnet(x: MatrixInput, y: ArrayLike<number>, options: GlmnetOptions = {}): GlmnetFit {
  const m = toColumnMajor(x, 'X');
  if (m.nrow < 2 || m.ncol < 1) throw new InvalidInputError('X is too small for glmnet', { expected: 'at least 2 rows and 1 column', found: `${m.nrow} × ${m.ncol}` });
  const yy = toBinaryLabels(y, m.nrow, 'y');
  return fitGlmnetChecked(m, yy, resolveGlmnetOptions(options, m.nrow, m.ncol));
}

/**
 * The estimator form (scikit-learn protocol): the constructor stores {@link GlmnetOptions};
 * `fit(X, y)` validates and returns a new {@link GlmnetFit}.
 */
export class GlmnetLogistic {
  readonly options: GlmnetOptions;
  constructor(options: GlmnetOptions = {}) {
    this.options = Object.freeze({ ...options });
  }
  fit(x: MatrixInput, y: ArrayLike<number>): GlmnetFit {
    return fitGlmnet(x, y, this.options);
  }
}
