/**
 * Support vector classifier (C-SVC) with RBF or linear kernel, following scikit-learn's `SVC` (libsvm):
 * the dual is solved by libsvm's SMO (see smo-solver.ts) on the rows grouped by class (class 0 first, as
 * scikit-learn's libsvm sorts the labels; class 0 is +1 inside the solver), tolerance `tol` = 1e-3,
 * shrinking on. `gamma: "scale"` = 1/(p·Var(X)) with the variance over all training cells (numpy's
 * pairwise summation order), `"auto"` = 1/p.
 *
 * decision(x) = Σ_k dual_coef_k K(sv_k, x) + intercept, positive for class 1 (scikit-learn's sign), with
 * K(a, b) = exp(-γ Σ_j (a_j - b_j)²) or a·b.
 *
 * Probabilities (`predictProba`): Platt scaling P(y=1|f) = 1/(1 + exp(A·f + B)) fitted by the
 * Lin-Lin-Weng (2007) Newton method to decision values of an internal stratification-free K-fold
 * cross-validation (default 5 folds, seeded by `seed`), as libsvm's `-b 1`; the folds come from dlrn's
 * seeded `Rng`, so the probabilities differ slightly from scikit-learn's (whose folds use libsvm's own
 * random numbers). With `probability: "none"` `predictProba` throws.
 */
import { InvalidInputError, ModelFitError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { toBinaryLabels, toColumnMajor, type MatrixInput } from '../../selection/matrix.js';
import type { Classifier, FittedClassifier } from './classifier.js';
import { solveSmo, type QRows } from './smo-solver.js';

/** Options of {@link SVC}. */
export interface SvcOptions {
  /** Box constraint (default 1). */
  readonly C?: number;
  /** `"rbf"` (default) or `"linear"`. */
  readonly kernel?: 'rbf' | 'linear';
  /** RBF width: `"scale"` (default), `"auto"` or a positive number. */
  readonly gamma?: 'scale' | 'auto' | number;
  /** Stopping tolerance of the SMO (default 1e-3). */
  readonly tol?: number;
  /** libsvm shrinking heuristic (default true). */
  readonly shrinking?: boolean;
  /** Iteration limit (default 10⁷). */
  readonly maxIter?: number;
  /** `"platt"` (default): Platt-scaled probabilities from internal CV; `"none"`: no probabilities. */
  readonly probability?: 'platt' | 'none';
  /** Folds of the internal Platt cross-validation (default 5). */
  readonly plattFolds?: number;
  /** Seed of the Platt folds (default 0). */
  readonly seed?: number | string;
  /** Memory budget of the kernel cache in MB (default 256). */
  readonly cacheMB?: number;
}

/** numpy's pairwise summation (the order of `np.sum` over a contiguous array). */
export function pairwiseSum(a: ArrayLike<number>, start = 0, n = a.length - start): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i];
    return res;
  }
  if (n <= 128) {
    const r = [a[start], a[start + 1], a[start + 2], a[start + 3], a[start + 4], a[start + 5], a[start + 6], a[start + 7]];
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let k = 0; k < 8; k++) r[k] += a[start + i + k];
    let res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) res += a[start + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, start, n2) + pairwiseSum(a, start + n2, n - n2);
}

/** gamma = "scale": 1/(p · var(all cells)), the variance as numpy's `X.var()` on row-major cells. */
export function gammaScale(rows: readonly ArrayLike<number>[]): number {
  const p = rows[0].length;
  const flat = new Float64Array(rows.length * p);
  rows.forEach((r, i) => flat.set(r as ArrayLike<number>, i * p));
  const mean = pairwiseSum(flat) / flat.length;
  const sq = flat.map((v) => (v - mean) * (v - mean));
  const v = pairwiseSum(sq) / flat.length;
  return v > 0 ? 1 / (p * v) : 1;
}

function dotRows(a: Float64Array, ao: number, b: Float64Array, bo: number, p: number): number {
  let s = 0;
  for (let k = 0; k < p; k++) s += a[ao + k] * b[bo + k];
  return s;
}

/** Kernel rows Q_i· (single precision, libsvm's formulas) with an LRU cache under a memory budget. */
class KernelQ implements QRows {
  readonly diag: Float64Array;
  private readonly cache = new Map<number, Float32Array>();
  private readonly xsq: Float64Array;
  private readonly maxRows: number;
  constructor(private readonly x: Float64Array, private readonly l: number, private readonly p: number, private readonly y: Int8Array,
    private readonly kernel: 'rbf' | 'linear', private readonly gamma: number, cacheMB: number) {
    this.xsq = Float64Array.from({ length: l }, (_, i) => dotRows(x, i * p, x, i * p, p));
    this.diag = Float64Array.from({ length: l }, (_, i) => this.k(i, i));
    this.maxRows = Math.max(2, Math.floor((cacheMB * 1048576) / (4 * l)));
  }
  private k(i: number, j: number): number {
    const d = dotRows(this.x, i * this.p, this.x, j * this.p, this.p);
    return this.kernel === 'linear' ? d : Math.exp(-this.gamma * (this.xsq[i] + this.xsq[j] - 2 * d));
  }
  row(i: number): Float32Array {
    const hit = this.cache.get(i);
    if (hit) {
      this.cache.delete(i);
      this.cache.set(i, hit);
      return hit;
    }
    const r = new Float32Array(this.l);
    const yi = this.y[i];
    for (let j = 0; j < this.l; j++) r[j] = yi * this.y[j] * this.k(i, j);
    if (this.cache.size >= this.maxRows) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(i, r);
    return r;
  }
}

/** A fitted SVC. */
export class FittedSVC implements FittedClassifier {
  readonly name: string;
  readonly nFeatures: number;
  /** Support vectors (row-major, one per row) and their training-row indices (0-based; class 0 first). */
  readonly supportVectors: Float64Array;
  readonly support: Int32Array;
  /** Support vectors per class [class 0, class 1]. */
  readonly nSupport: [number, number];
  /** α_k·(±1), positive for class 1 (scikit-learn's `dual_coef_`). */
  readonly dualCoef: Float64Array;
  /** scikit-learn's `intercept_` (= libsvm's ρ). */
  readonly intercept: number;
  readonly gamma: number;
  readonly kernel: 'rbf' | 'linear';
  readonly iterations: number;
  /** Platt sigmoid parameters (A, B), or undefined without probabilities. */
  readonly platt?: { readonly A: number; readonly B: number };

  constructor(f: Omit<FittedSVC, 'decisionFunction' | 'predictProba' | 'coef' | 'name'>) {
    this.name = f.kernel === 'rbf' ? 'svc-rbf' : 'svc-linear';
    this.nFeatures = f.nFeatures; this.supportVectors = f.supportVectors; this.support = f.support; this.nSupport = f.nSupport;
    this.dualCoef = f.dualCoef; this.intercept = f.intercept; this.gamma = f.gamma; this.kernel = f.kernel; this.iterations = f.iterations;
    this.platt = f.platt;
  }

  /** Primal weights w = Σ dual_coef_k sv_k (linear kernel only). */
  coef(): Float64Array {
    if (this.kernel !== 'linear') throw new InvalidInputError('coef() exists for the linear kernel only', { found: this.kernel });
    const p = this.nFeatures;
    const w = new Float64Array(p);
    for (let k = 0; k < this.dualCoef.length; k++) for (let j = 0; j < p; j++) w[j] += this.dualCoef[k] * this.supportVectors[k * p + j];
    return w;
  }

  /** Σ_k dual_coef_k K(sv_k, x) + intercept (libsvm's summation order, sign of scikit-learn). */
  decisionFunction(x: MatrixInput): Float64Array {
    const m = toColumnMajor(x, 'X');
    const p = this.nFeatures;
    if (m.ncol !== p) throw new InvalidInputError('new data has the wrong number of columns', { expected: `${p}`, found: `${m.ncol}` });
    const out = new Float64Array(m.nrow);
    const row = new Float64Array(p);
    const nsv = this.dualCoef.length;
    for (let i = 0; i < m.nrow; i++) {
      for (let j = 0; j < p; j++) row[j] = m.data[i + j * m.nrow];
      let s = 0;
      for (let k = 0; k < nsv; k++) {
        let kv: number;
        if (this.kernel === 'rbf') {
          let d2 = 0;
          for (let j = 0; j < p; j++) {
            const d = row[j] - this.supportVectors[k * p + j];
            d2 += d * d;
          }
          kv = Math.exp(-this.gamma * d2);
        } else kv = dotRows(row, 0, this.supportVectors, k * p, p);
        s += -this.dualCoef[k] * kv; // libsvm's coefficient (class 0 positive)
      }
      out[i] = -(s - this.intercept);
    }
    return out;
  }

  /** Platt-scaled P(y = 1). */
  predictProba(x: MatrixInput): Float64Array {
    if (!this.platt) throw new InvalidInputError('this SVC was fitted without probabilities', { fix: 'fit with probability: "platt" (the default).' });
    const { A, B } = this.platt;
    return this.decisionFunction(x).map((f) => plattProbability(f, A, B));
  }
}

/** P = 1/(1 + exp(A f + B)), evaluated without overflow (libsvm's form). */
export function plattProbability(f: number, A: number, B: number): number {
  const fApB = f * A + B;
  return fApB >= 0 ? Math.exp(-fApB) / (1 + Math.exp(-fApB)) : 1 / (1 + Math.exp(fApB));
}

/**
 * Platt's sigmoid fit on decision values `f` with labels `y` (1 = positive), by the Newton method with
 * backtracking of Lin, Lin & Weng (2007, Machine Learning 68:267), with Platt's smoothed targets.
 */
export function fitPlatt(f: ArrayLike<number>, y: ArrayLike<number>): { A: number; B: number } {
  const n = f.length;
  let prior1 = 0;
  for (let i = 0; i < n; i++) prior1 += y[i];
  const prior0 = n - prior1;
  const hiTarget = (prior1 + 1) / (prior1 + 2);
  const loTarget = 1 / (prior0 + 2);
  const t = Float64Array.from({ length: n }, (_, i) => (y[i] === 1 ? hiTarget : loTarget));
  let A = 0;
  let B = Math.log((prior0 + 1) / (prior1 + 1));
  const objective = (a: number, b: number): number => {
    let fv = 0;
    for (let i = 0; i < n; i++) {
      const fApB = f[i] * a + b;
      fv += fApB >= 0 ? t[i] * fApB + Math.log1p(Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
    }
    return fv;
  };
  let fval = objective(A, B);
  const sigma = 1e-12;
  for (let it = 0; it < 100; it++) {
    let h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
    for (let i = 0; i < n; i++) {
      const fApB = f[i] * A + B;
      let p: number, q: number;
      if (fApB >= 0) { p = Math.exp(-fApB) / (1 + Math.exp(-fApB)); q = 1 / (1 + Math.exp(-fApB)); } else { p = 1 / (1 + Math.exp(fApB)); q = Math.exp(fApB) / (1 + Math.exp(fApB)); }
      const d2 = p * q;
      h11 += f[i] * f[i] * d2;
      h22 += d2;
      h21 += f[i] * d2;
      const d1 = t[i] - p;
      g1 += f[i] * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) break;
    const det = h11 * h22 - h21 * h21;
    const dA = -(h22 * g1 - h21 * g2) / det;
    const dB = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * dA + g2 * dB;
    let step = 1;
    while (step >= 1e-10) {
      const nA = A + step * dA;
      const nB = B + step * dB;
      const nf = objective(nA, nB);
      if (nf < fval + 0.0001 * step * gd) { A = nA; B = nB; fval = nf; break; }
      step /= 2;
    }
    if (step < 1e-10) break;
  }
  return { A, B };
}

/** The C-SVC estimator (see the module comment). */
export class SVC implements Classifier<FittedSVC> {
  readonly name: string;
  readonly options: SvcOptions;
  constructor(options: SvcOptions = {}) {
    this.options = Object.freeze({ ...options });
    this.name = (options.kernel ?? 'rbf') === 'rbf' ? 'svc-rbf' : 'svc-linear';
  }

  fit(x: MatrixInput, y: ArrayLike<number>): FittedSVC {
    const o = this.options;
    const C = o.C ?? 1;
    const kernel = o.kernel ?? 'rbf';
    const tol = o.tol ?? 1e-3;
    if (!(C > 0)) throw new InvalidInputError('C must be > 0', { found: String(C) });
    if (kernel !== 'rbf' && kernel !== 'linear') throw new InvalidInputError('unknown kernel', { expected: '"rbf" or "linear"', found: JSON.stringify(kernel) });
    if (!(tol > 0)) throw new InvalidInputError('tol must be > 0', { found: String(tol) });
    const m = toColumnMajor(x, 'X');
    const yy = toBinaryLabels(y, m.nrow, 'y');
    const fitted = fitSvcCore(m.nrow, m.ncol, (i, j) => m.data[i + j * m.nrow], yy, { ...o, C, kernel, tol });
    if (o.probability === 'none') return fitted;
    const folds = o.plattFolds ?? 5;
    const rng = Rng.fromSeed(o.seed ?? 0).child('platt-folds');
    const perm = rng.permutation(m.nrow);
    const dec = new Float64Array(m.nrow);
    for (let k = 0; k < folds; k++) {
      const test: number[] = [];
      const train: number[] = [];
      perm.forEach((r, pos) => (pos % folds === k ? test : train).push(r));
      const ytr = Float64Array.from(train, (r) => yy[r]);
      let ones = 0;
      for (const v of ytr) ones += v;
      if (ones === 0 || ones === ytr.length) {
        for (const r of test) dec[r] = ones === 0 ? -1 : 1; // libsvm's rule for a one-class fold
        continue;
      }
      const sub = fitSvcCore(train.length, m.ncol, (i, j) => m.data[train[i] + j * m.nrow], ytr, { ...o, C, kernel, tol });
      const te = sub.decisionFunction(test.map((r) => Array.from({ length: m.ncol }, (_, j) => m.data[r + j * m.nrow])));
      test.forEach((r, t) => { dec[r] = te[t]; });
    }
    const platt = fitPlatt(dec, yy);
    return new FittedSVC({ ...fitted, platt });
  }
}

function fitSvcCore(n: number, p: number, at: (i: number, j: number) => number, yy: Float64Array, o: SvcOptions & { C: number; kernel: 'rbf' | 'linear'; tol: number }): FittedSVC {
  // rows grouped by class: class 0 first (solver label +1), then class 1 (-1), each in data order
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (yy[i] === 0) order.push(i);
  const n0 = order.length;
  for (let i = 0; i < n; i++) if (yy[i] === 1) order.push(i);
  if (n0 === 0 || n0 === n) throw new ModelFitError('the SVC needs both classes', { found: `${n} rows, ${n - n0} of class 1` });
  const xg = new Float64Array(n * p);
  order.forEach((r, i) => { for (let j = 0; j < p; j++) xg[i * p + j] = at(r, j); });
  const rowsForGamma = Array.from({ length: n }, (_, r) => Float64Array.from({ length: p }, (_, j) => at(r, j)));
  let gamma: number;
  const g = o.gamma ?? 'scale';
  if (g === 'scale') gamma = gammaScale(rowsForGamma);
  else if (g === 'auto') gamma = 1 / p;
  else if (typeof g === 'number' && g > 0) gamma = g;
  else throw new InvalidInputError('gamma must be "scale", "auto" or a positive number', { found: JSON.stringify(g) });
  const ySolver = Int8Array.from({ length: n }, (_, i) => (i < n0 ? 1 : -1));
  const Q = new KernelQ(xg, n, p, ySolver, o.kernel, gamma, o.cacheMB ?? 256);
  const res = solveSmo(n, Q, ySolver, o.C, o.tol, o.shrinking ?? true, o.maxIter ?? 1e7);
  if (res.hitMaxIter) throw new ModelFitError('the SVC solver did not converge', { found: `${res.iterations} iterations`, fix: 'scale the features, lower C, or raise maxIter.' });
  const svIdx: number[] = [];
  for (let i = 0; i < n; i++) if (res.alpha[i] > 0) svIdx.push(i);
  const supportVectors = new Float64Array(svIdx.length * p);
  svIdx.forEach((i, k) => supportVectors.set(xg.subarray(i * p, (i + 1) * p), k * p));
  return new FittedSVC({
    nFeatures: p,
    supportVectors,
    support: Int32Array.from(svIdx, (i) => order[i]),
    nSupport: [svIdx.filter((i) => i < n0).length, svIdx.filter((i) => i >= n0).length],
    dualCoef: Float64Array.from(svIdx, (i) => -ySolver[i] * res.alpha[i]),
    intercept: res.rho,
    gamma,
    kernel: o.kernel,
    iterations: res.iterations,
  });
}
