/**
 * The exact LASSO-logistic optimum at one λ, and the accuracy diagnostics of a solution.
 *
 * Objective (glmnet's, α = 1, standardize = TRUE; sd_j = 1/n-denominator SD of column j):
 *   F(a0, β) = -(1/n) Σ_i [y_i η_i - log(1 + e^{η_i})] + λ Σ_j sd_j |β_j|,  η = a0 + Xβ (original scale).
 * KKT conditions on the standardised scale, with g_j = x̃_jᵀ(y - p)/n and x̃_j = (x_j - mean_j)/sd_j:
 *   g_j = λ·sign(β_j) for β_j ≠ 0 and |g_j| ≤ λ for β_j = 0. The relative violation is the largest residual / λ.
 *
 * `polishLasso` finds the optimum by Newton's method on the active set with the coefficient signs fixed
 * (the same method as the reference's `polished_optimum`), dropping a variable whose coefficient reaches
 * zero and adding the worst KKT violator until the KKT conditions hold to rounding: an exact solver that
 * starts from glmnet's (approximate) coordinate-descent solution.
 */
import { InvalidInputError } from '../../core/errors.js';
import { solveSpd } from '../../selection/linalg.js';
import { toBinaryLabels, toColumnMajor, type ColumnMajorMatrix, type MatrixInput } from '../../selection/matrix.js';
import { linearPredictor } from './glmnet-fit.js';

/** Column means and 1/n SDs. */
function moments(x: ColumnMajorMatrix): { mean: Float64Array; sd: Float64Array } {
  const { nrow: n, ncol: p, data } = x;
  const mean = new Float64Array(p);
  const sd = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += data[i + j * n];
    const m = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (data[i + j * n] - m) ** 2;
    mean[j] = m;
    sd[j] = Math.sqrt(ss / n);
  }
  return { mean, sd };
}

/** log(1 + e^η) without overflow. */
function log1pExp(eta: number): number {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}

/** A LASSO solution on the original scale. */
export interface LassoSolution {
  readonly intercept: number;
  readonly beta: ArrayLike<number>;
}

/** glmnet's penalised objective F(a0, β) at λ (α = 1). */
export function lassoObjective(x: MatrixInput, y: ArrayLike<number>, c: LassoSolution, lambda: number): number {
  const X = toColumnMajor(x, 'X');
  const { sd } = moments(X);
  const eta = linearPredictor(X, c);
  let ll = 0;
  for (let i = 0; i < X.nrow; i++) ll += y[i] * eta[i] - log1pExp(eta[i]);
  let pen = 0;
  for (let j = 0; j < X.ncol; j++) pen += Math.abs(c.beta[j]) * sd[j];
  return -ll / X.nrow + lambda * pen;
}

/** Largest KKT residual on the standardised scale divided by λ (0 at the exact optimum). */
export function lassoKktViolation(x: MatrixInput, y: ArrayLike<number>, c: LassoSolution, lambda: number): number {
  const X = toColumnMajor(x, 'X');
  const { sd } = moments(X);
  const n = X.nrow;
  const eta = linearPredictor(X, c);
  const res = Float64Array.from(eta, (e, i) => y[i] - 1 / (1 + Math.exp(-e)));
  let worst = 0;
  for (let j = 0; j < X.ncol; j++) {
    if (sd[j] === 0) continue;
    let g = 0;
    for (let i = 0; i < n; i++) g += X.data[i + j * n] * res[i];
    g = g / n / sd[j];
    const b = c.beta[j];
    const v = b !== 0 ? Math.abs(g - lambda * Math.sign(b)) : Math.max(Math.abs(g) - lambda, 0);
    if (v > worst) worst = v;
  }
  return worst / lambda;
}

/** The result of {@link polishLasso}. */
export interface PolishedLasso extends LassoSolution {
  readonly lambda: number;
  readonly beta: Float64Array;
  /** Objective F at the polished point. */
  readonly objective: number;
  /** KKT relative violation at the polished point (~1e-14 certifies the optimum). */
  readonly kktRelViolation: number;
  /** True when the non-zero set and signs are those of the starting solution. */
  readonly signsUnchanged: boolean;
  /** Newton iterations used (all active-set changes together). */
  readonly newtonIterations: number;
}

/**
 * Polishes a LASSO-logistic solution at λ to the exact optimum (see the module comment). `start` is
 * typically glmnet's solution at that λ (`fit.coefAt(m)`).
 */
export function polishLasso(x: MatrixInput, y: ArrayLike<number>, start: LassoSolution, lambda: number, maxIter = 200): PolishedLasso {
  const X = toColumnMajor(x, 'X');
  const yy = toBinaryLabels(y, X.nrow, 'y');
  if (!(lambda > 0)) throw new InvalidInputError('polishLasso needs λ > 0', { found: String(lambda) });
  const n = X.nrow;
  const p = X.ncol;
  const { mean, sd } = moments(X);
  const startSigns = Int8Array.from({ length: p }, (_, j) => Math.sign(start.beta[j]));
  // standardised parameters: θ0 = a0 + Σ β_j mean_j, θ_j = β_j sd_j
  let active = Array.from({ length: p }, (_, j) => j).filter((j) => start.beta[j] !== 0 && sd[j] > 0);
  const sign = Int8Array.from(startSigns);
  const theta = new Float64Array(p);
  let theta0 = start.intercept;
  for (let j = 0; j < p; j++) {
    theta[j] = start.beta[j] * sd[j];
    theta0 += start.beta[j] * mean[j];
  }
  const ztil = (i: number, j: number): number => (X.data[i + j * n] - mean[j]) / sd[j];
  const eta = new Float64Array(n);
  const computeEta = (): void => {
    eta.fill(theta0);
    for (const j of active) for (let i = 0; i < n; i++) eta[i] += theta[j] * ztil(i, j);
  };
  let iters = 0;
  const fresh = new Set<number>();
  for (let outer = 0; outer < p + 10; outer++) {
    // Newton on the active set with fixed signs
    let prevStep = Infinity;
    for (let it = 0; it < maxIter; it++) {
      iters++;
      computeEta();
      const k = active.length + 1;
      const grad = new Float64Array(k);
      const hess = new Float64Array(k * k);
      const cols = [-1, ...active];
      const zi = new Float64Array(k);
      for (let i = 0; i < n; i++) {
        const pi = 1 / (1 + Math.exp(-eta[i]));
        const wi = pi * (1 - pi);
        const r = yy[i] - pi;
        for (let a = 0; a < k; a++) zi[a] = cols[a] < 0 ? 1 : ztil(i, cols[a]);
        for (let a = 0; a < k; a++) {
          grad[a] -= zi[a] * r;
          for (let b = 0; b <= a; b++) hess[a * k + b] += wi * zi[a] * zi[b];
        }
      }
      for (let a = 0; a < k; a++) {
        grad[a] /= n;
        if (a > 0) grad[a] += lambda * sign[cols[a]];
        for (let b = 0; b <= a; b++) {
          hess[a * k + b] /= n;
          hess[b * k + a] = hess[a * k + b];
        }
      }
      const step = solveSpd(hess, k, grad);
      // largest fraction of the step that keeps every active sign
      let frac = 1;
      let hit = -1;
      for (let a = 1; a < k; a++) {
        const j = cols[a];
        const nv = theta[j] - step[a];
        if (fresh.has(j) && Math.sign(nv) === sign[j]) continue;
        if (Math.sign(nv) !== sign[j] && step[a] !== 0 && theta[j] !== 0) {
          const f = theta[j] / step[a];
          if (f < frac) { frac = f; hit = j; }
        }
      }
      theta0 -= frac * step[0];
      let maxStep = Math.abs(step[0]);
      let maxTheta = Math.max(1, Math.abs(theta0));
      for (let a = 1; a < k; a++) {
        theta[cols[a]] -= frac * step[a];
        maxStep = Math.max(maxStep, Math.abs(step[a]));
        maxTheta = Math.max(maxTheta, Math.abs(theta[cols[a]]));
      }
      fresh.clear();
      for (const j of active) if (Math.sign(theta[j]) !== sign[j] && j !== hit) { theta[j] = 0; sign[j] = 0; }
      if (hit >= 0) { theta[hit] = 0; sign[hit] = 0; }
      const before = active.length;
      active = active.filter((j) => sign[j] !== 0);
      if (active.length !== before) { prevStep = Infinity; continue; }
      if (maxStep < 1e-15 * maxTheta || (maxStep < 1e-10 * maxTheta && maxStep >= prevStep)) break;
      prevStep = maxStep;
    }
    // KKT outside the active set: add the worst violator (its sign is that of its gradient)
    computeEta();
    let worst = -1;
    let worstG = 0;
    let worstVal = lambda * (1 + 1e-12);
    for (let j = 0; j < p; j++) {
      if (sign[j] !== 0 || sd[j] === 0) continue;
      let g = 0;
      for (let i = 0; i < n; i++) g += ztil(i, j) * (yy[i] - 1 / (1 + Math.exp(-eta[i])));
      g /= n;
      if (Math.abs(g) > worstVal) { worstVal = Math.abs(g); worst = j; worstG = g; }
    }
    if (worst < 0) break;
    sign[worst] = worstG > 0 ? 1 : -1;
    theta[worst] = 0;
    fresh.add(worst);
    active = [...active, worst].sort((u, v) => u - v);
  }
  const beta = new Float64Array(p);
  let intercept = theta0;
  for (const j of active) {
    beta[j] = theta[j] / sd[j];
    intercept -= beta[j] * mean[j];
  }
  let signsUnchanged = true;
  for (let j = 0; j < p; j++) if (Math.sign(beta[j]) !== startSigns[j]) signsUnchanged = false;
  const sol = { intercept, beta };
  return {
    lambda, intercept, beta, objective: lassoObjective(X, yy, sol, lambda), kktRelViolation: lassoKktViolation(X, yy, sol, lambda),
    signsUnchanged, newtonIterations: iters,
  };
}
