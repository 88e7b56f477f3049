/**
 * L2-penalised logistic regression as scikit-learn's `LogisticRegression(penalty="l2", C)` (default C = 1):
 * it minimises  ½‖w‖² + C Σ_i log(1 + exp(-s_i (w·x_i + b))),  s_i = 2y_i - 1, intercept b not penalised.
 * scikit-learn's lbfgs stops early (gradient ~1e-4); here the objective is minimised exactly by Newton's
 * method with step halving, to a gradient of ~1e-13 relative, so the coefficients are the true minimiser
 * (the reference's `polished_optimum`). Scale the features first (see `StandardScaler`) as in the study.
 */
import { InvalidInputError, ModelFitError } from '../../core/errors.js';
import { solveSpd } from '../../selection/linalg.js';
import { toBinaryLabels, toColumnMajor, type ColumnMajorMatrix, type MatrixInput } from '../../selection/matrix.js';
import type { Classifier, FittedClassifier } from './classifier.js';

/** Options of {@link LogisticRegressionL2}. */
export interface LogisticL2Options {
  /** Inverse regularisation strength (default 1, scikit-learn's). */
  readonly C?: number;
  /** Fit an unpenalised intercept (default true). */
  readonly fitIntercept?: boolean;
  /** Maximum Newton iterations (default 100). */
  readonly maxIter?: number;
}

function log1pExp(t: number): number {
  return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
}

/** A fitted L2 logistic regression. */
export class FittedLogisticL2 implements FittedClassifier {
  readonly name = 'logistic-l2';
  readonly coef: Float64Array;
  readonly intercept: number;
  /** Objective value at the solution and the largest |gradient| component. */
  readonly objective: number;
  readonly gradientMaxAbs: number;
  readonly iterations: number;
  readonly nFeatures: number;

  constructor(coef: Float64Array, intercept: number, objective: number, gradientMaxAbs: number, iterations: number) {
    this.coef = coef;
    this.intercept = intercept;
    this.objective = objective;
    this.gradientMaxAbs = gradientMaxAbs;
    this.iterations = iterations;
    this.nFeatures = coef.length;
  }

  /** w·x + b (log-odds). */
  decisionFunction(x: MatrixInput): Float64Array {
    const m = toColumnMajor(x, 'X');
    if (m.ncol !== this.nFeatures) throw new InvalidInputError('new data has the wrong number of columns', { expected: `${this.nFeatures}`, found: `${m.ncol}` });
    return linear(m, this.coef, this.intercept);
  }

  predictProba(x: MatrixInput): Float64Array {
    return this.decisionFunction(x).map((e) => 1 / (1 + Math.exp(-e)));
  }
}

function linear(m: ColumnMajorMatrix, w: Float64Array, b: number): Float64Array {
  const eta = new Float64Array(m.nrow).fill(b);
  for (let j = 0; j < m.ncol; j++) {
    const wj = w[j];
    const off = j * m.nrow;
    for (let i = 0; i < m.nrow; i++) eta[i] += m.data[off + i] * wj;
  }
  return eta;
}

/** L2 logistic regression estimator (see the module comment). */
export class LogisticRegressionL2 implements Classifier<FittedLogisticL2> {
  readonly name = 'logistic-l2';
  readonly options: Required<LogisticL2Options>;
  constructor(options: LogisticL2Options = {}) {
    this.options = Object.freeze({ C: options.C ?? 1, fitIntercept: options.fitIntercept ?? true, maxIter: options.maxIter ?? 100 });
  }

  fit(x: MatrixInput, y: ArrayLike<number>): FittedLogisticL2 {
    const { C, fitIntercept, maxIter } = this.options;
    if (!(C > 0 && Number.isFinite(C))) throw new InvalidInputError('C must be a positive number', { found: String(C) });
    const m = toColumnMajor(x, 'X');
    const yy = toBinaryLabels(y, m.nrow, 'y');
    const n = m.nrow;
    const p = m.ncol;
    const k = p + (fitIntercept ? 1 : 0); // parameters: w_0..w_{p-1}, then b
    const theta = new Float64Array(k);
    const objective = (th: Float64Array): number => {
      const eta = linear(m, th.subarray(0, p), fitIntercept ? th[p] : 0);
      let s = 0;
      for (let i = 0; i < n; i++) s += log1pExp(-(2 * yy[i] - 1) * eta[i]);
      let w2 = 0;
      for (let j = 0; j < p; j++) w2 += th[j] * th[j];
      return 0.5 * w2 + C * s;
    };
    const gradHess = (th: Float64Array): { g: Float64Array; h: Float64Array } => {
      const eta = linear(m, th.subarray(0, p), fitIntercept ? th[p] : 0);
      const g = new Float64Array(k);
      const h = new Float64Array(k * k);
      const r = new Float64Array(n);
      const wgt = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const pi = 1 / (1 + Math.exp(-eta[i]));
        r[i] = pi - yy[i];
        wgt[i] = pi * (1 - pi);
      }
      for (let a = 0; a < k; a++) {
        const ca = a < p ? m.data.subarray(a * n, (a + 1) * n) : null;
        let s = 0;
        for (let i = 0; i < n; i++) s += (ca ? ca[i] : 1) * r[i];
        g[a] = C * s + (a < p ? th[a] : 0);
        for (let b = 0; b <= a; b++) {
          const cb = b < p ? m.data.subarray(b * n, (b + 1) * n) : null;
          let t = 0;
          for (let i = 0; i < n; i++) t += (ca ? ca[i] : 1) * (cb ? cb[i] : 1) * wgt[i];
          h[a * k + b] = h[b * k + a] = C * t + (a === b && a < p ? 1 : 0);
        }
      }
      return { g, h };
    };
    let f = objective(theta);
    let it = 0;
    let gmax = Infinity;
    for (; it < maxIter; it++) {
      const { g, h } = gradHess(theta);
      gmax = 0;
      for (const v of g) gmax = Math.max(gmax, Math.abs(v));
      const step = solveSpd(h, k, g);
      let t = 1;
      let next = new Float64Array(k);
      let fn = Infinity;
      for (let half = 0; half < 60; half++) {
        for (let a = 0; a < k; a++) next[a] = theta[a] - t * step[a];
        fn = objective(next);
        if (fn <= f) break;
        t /= 2;
      }
      let maxStep = 0;
      let maxTheta = 1;
      for (let a = 0; a < k; a++) {
        maxStep = Math.max(maxStep, Math.abs(theta[a] - next[a]));
        maxTheta = Math.max(maxTheta, Math.abs(next[a]));
      }
      if (fn > f) break; // no descent possible: at the optimum up to rounding
      theta.set(next);
      f = fn;
      if (maxStep < 1e-15 * maxTheta) { it++; break; }
      next = new Float64Array(k);
    }
    const { g } = gradHess(theta);
    gmax = 0;
    for (const v of g) gmax = Math.max(gmax, Math.abs(v));
    if (!Number.isFinite(f)) throw new ModelFitError('the logistic fit diverged', { found: `objective ${f}`, fix: 'check the features for non-finite or extreme values.' });
    return new FittedLogisticL2(theta.slice(0, p), fitIntercept ? theta[p] : 0, f, gmax, it);
  }
}
