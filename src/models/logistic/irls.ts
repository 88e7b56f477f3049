/**
 * Iteratively reweighted least squares for the binomial GLM with logit link, step for step as R's
 * `glm.fit` (R 4.2, src/library/stats/R/glm.R): start from mu = (w·y + 0.5)/(w + 1), eta = logit(mu);
 * each iteration solves the weighted least-squares problem of the working response
 * z = eta - offset + (y - mu)/mu.eta with weights w·mu.eta²/(mu(1-mu)) (by QR), then stops when
 * |dev - dev_old| / (|dev| + 0.1) < epsilon. Step halving is used when the deviance becomes
 * non-finite, as in glm.fit.
 */
import { ModelFitError } from '../../core/errors.js';
import { binomialDevianceResidual, logit, logitInverse, logitMuEta } from './link.js';
import { householderQr } from './qr.js';

/** Inputs of {@link irls}: a column-major design (n × p), outcome, prior weights and offset. */
export interface IrlsProblem {
  readonly n: number;
  readonly p: number;
  /** Column-major design, n·p values. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly weights: Float64Array;
  readonly offset: Float64Array;
  /** Term names, for error messages. */
  readonly terms: readonly string[];
}

/** Convergence settings (R's `glm.control`). */
export interface IrlsControl {
  /** Relative deviance change that stops the iterations (R default 1e-8). */
  readonly epsilon: number;
  /** Maximal number of IRLS iterations (R default 25). */
  readonly maxit: number;
  /** Starting coefficients (warm start); default R's mustart rule. */
  readonly start?: Float64Array;
  /**
   * Halve the step while the deviance increases (a safeguard R's glm.fit does not have; used for
   * warm-started refits such as likelihood profiles). Default false (R's behaviour).
   */
  readonly halveOnIncrease?: boolean;
}

/** The state of a finished IRLS run. */
export interface IrlsResult {
  readonly coefficients: Float64Array;
  /** Upper-triangular R of the weighted QR of the last iteration (row-major p × p), as R's fit$qr. */
  readonly r: Float64Array;
  readonly eta: Float64Array;
  readonly mu: Float64Array;
  readonly deviance: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** True when step halving had to be used (R's `boundary`). */
  readonly boundary: boolean;
}

function deviance(y: Float64Array, mu: Float64Array, w: Float64Array): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) d += binomialDevianceResidual(y[i], mu[i], w[i]);
  return d;
}

function linearPredictor(x: Float64Array, beta: Float64Array, offset: Float64Array, n: number, p: number): Float64Array {
  const eta = Float64Array.from(offset);
  for (let j = 0; j < p; j++) {
    const b = beta[j];
    const c = j * n;
    for (let i = 0; i < n; i++) eta[i] += x[c + i] * b;
  }
  return eta;
}

/**
 * Runs IRLS. Throws {@link ModelFitError} when a design column is a linear combination of the
 * previous ones (aliased) or when the deviance cannot be made finite.
 */
export function irls(problem: IrlsProblem, control: IrlsControl): IrlsResult {
  const { n, p, x, y, weights, offset } = problem;
  let eta: Float64Array;
  let mu = new Float64Array(n);
  if (control.start) {
    eta = linearPredictor(x, control.start, offset, n, p);
    for (let i = 0; i < n; i++) mu[i] = logitInverse(eta[i]);
  } else {
    eta = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      mu[i] = (weights[i] * y[i] + 0.5) / (weights[i] + 1);
      eta[i] = logit(mu[i]);
    }
  }
  let devOld = deviance(y, mu, weights);
  let coefOld: Float64Array | undefined = control.start ? Float64Array.from(control.start) : undefined;
  let coef: Float64Array = new Float64Array(p);
  let r: Float64Array = new Float64Array(p * p);
  let converged = false;
  let boundary = false;
  let dev = devOld;
  let iter = 0;
  const a = new Float64Array(n * p);
  const z = new Float64Array(n);
  for (iter = 1; iter <= control.maxit; iter++) {
    for (let i = 0; i < n; i++) {
      const me = logitMuEta(eta[i]);
      const varmu = mu[i] * (1 - mu[i]);
      const good = weights[i] > 0;
      const w = good ? Math.sqrt((weights[i] * me * me) / varmu) : 0;
      z[i] = good ? (eta[i] - offset[i] + (y[i] - mu[i]) / me) * w : 0;
      for (let j = 0; j < p; j++) a[j * n + i] = x[j * n + i] * w;
    }
    const fit = householderQr(a, z, n, p, 1e-7, true); // a and z are rebuilt every iteration
    if (fit.deficientColumn >= 0) {
      const term = problem.terms[fit.deficientColumn] ?? `column ${fit.deficientColumn + 1}`;
      throw new ModelFitError('the design matrix is rank-deficient (collinear predictors)', {
        expected: 'linearly independent predictor columns',
        found: `"${term}" is (numerically) a linear combination of ${problem.terms.slice(0, fit.deficientColumn).map((t) => `"${t}"`).join(', ') || 'nothing (an all-zero column)'}`,
        fix: `remove "${term}" or a predictor it duplicates (R would report its coefficient as NA).`,
      });
    }
    let start: Float64Array = fit.x;
    r = fit.r;
    eta = linearPredictor(x, start, offset, n, p);
    mu = new Float64Array(n);
    for (let i = 0; i < n; i++) mu[i] = logitInverse(eta[i]);
    dev = deviance(y, mu, weights);
    boundary = false;
    if (!Number.isFinite(dev)) {
      if (!coefOld) {
        throw new ModelFitError('no valid set of coefficients has been found', { fix: 'supply starting values or check the predictors for extreme values.' });
      }
      let ii = 1;
      while (!Number.isFinite(dev)) {
        if (ii > control.maxit) throw new ModelFitError('IRLS step halving failed to give a finite deviance', { fix: 'check the predictors for extreme values.' });
        ii++;
        const half = new Float64Array(p);
        for (let j = 0; j < p; j++) half[j] = (start[j] + coefOld[j]) / 2;
        start = half;
        eta = linearPredictor(x, start, offset, n, p);
        for (let i = 0; i < n; i++) mu[i] = logitInverse(eta[i]);
        dev = deviance(y, mu, weights);
      }
      boundary = true;
    }
    if (control.halveOnIncrease && coefOld && dev > devOld * (1 + 1e-15)) {
      for (let h = 0; h < 60 && dev > devOld * (1 + 1e-15); h++) {
        const half = new Float64Array(p);
        for (let j = 0; j < p; j++) half[j] = (start[j] + coefOld[j]) / 2;
        start = half;
        eta = linearPredictor(x, start, offset, n, p);
        for (let i = 0; i < n; i++) mu[i] = logitInverse(eta[i]);
        dev = deviance(y, mu, weights);
      }
      boundary = true;
    }
    coef = start;
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < control.epsilon) {
      converged = true;
      break;
    }
    devOld = dev;
    coefOld = start;
  }
  return { coefficients: coef, r, eta, mu, deviance: dev, iterations: Math.min(iter, control.maxit), converged, boundary };
}
