/**
 * Exact detection of complete and quasi-complete separation in binary logistic regression
 * (Albert & Anderson 1984), by the linear program of Konis (2007, "Linear programming algorithms for
 * detecting separated data in binary logistic regression models", DPhil thesis, Oxford):
 *
 *   maximise Σ_i x̄_iᵀβ  subject to  x̄_iᵀβ ≥ 0 for every i,  -1 ≤ β_j ≤ 1,   with x̄_i = (2y_i - 1)·x_i.
 *
 * The maximum likelihood estimate exists (finite) iff the optimum is 0; a positive optimum gives a
 * direction β along which the likelihood keeps increasing: the coefficients with β_j ≠ 0 are the
 * ones that diverge to ±∞. The program is solved in its dual form (p equality rows, n + 2p columns,
 * a feasible starting basis, Bland's rule), so its size is p × n and it is cheap for clinical models.
 */

/** The outcome of {@link detectSeparation}. */
export interface SeparationResult {
  /** `'none'`, `'quasi-complete'` (some observations lie on the separating hyperplane) or `'complete'`. */
  readonly kind: 'none' | 'quasi-complete' | 'complete';
  /** Direction of recession β (unit max-norm, in the units of the columns); zeros when `kind` is `'none'`. */
  readonly direction: Float64Array;
  /** Columns with a non-zero component in the direction: their estimates diverge (sign = direction). */
  readonly divergentColumns: readonly number[];
  /** Number of observations predicted perfectly along the direction (x̄_iᵀβ > 0). */
  readonly perfectlyPredicted: number;
  /** Optimum of the linear program in scaled units (0 when the MLE exists). */
  readonly objective: number;
}

/**
 * Detects separation for design columns `columns` (each of length n, including the intercept
 * column if the model has one) and binary outcome `y`. Rows with weight 0 are ignored.
 */
export function detectSeparation(columns: readonly ArrayLike<number>[], y: ArrayLike<number>, weights?: ArrayLike<number>): SeparationResult {
  const p = columns.length;
  const rowsAll = y.length;
  const rows: number[] = [];
  for (let i = 0; i < rowsAll; i++) if (!weights || weights[i] > 0) rows.push(i);
  const n = rows.length;
  const none: SeparationResult = { kind: 'none', direction: new Float64Array(p), divergentColumns: [], perfectlyPredicted: 0, objective: 0 };
  if (p === 0 || n === 0) return none;

  // Signed, column-scaled design x̄ (n × p, row-major).
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let m = 0;
    for (const i of rows) m = Math.max(m, Math.abs(columns[j][i]));
    scale[j] = m > 0 ? m : 1;
  }
  const xb = new Float64Array(n * p);
  rows.forEach((i, r) => {
    const s = y[i] > 0.5 ? 1 : -1;
    for (let j = 0; j < p; j++) xb[r * p + j] = (s * columns[j][i]) / scale[j];
  });

  // Dual LP: min Σ(a_j + b_j) s.t. -x̄ᵀλ + a - b = c, λ, a, b ≥ 0, with c = Σ_i x̄_i.
  const N = n + 2 * p;
  const T = new Float64Array(p * (N + 1)); // rows: p; last column: right-hand side
  const W = N + 1;
  const basis = new Int32Array(p);
  for (let j = 0; j < p; j++) {
    let c = 0;
    for (let r = 0; r < n; r++) c += xb[r * p + j];
    const sign = c >= 0 ? 1 : -1;
    for (let r = 0; r < n; r++) T[j * W + r] = -sign * xb[r * p + j];
    T[j * W + n + j] = sign;          // a_j
    T[j * W + n + p + j] = -sign;     // b_j
    T[j * W + N] = sign * c;
    basis[j] = c >= 0 ? n + j : n + p + j;
  }
  const cost = (k: number): number => (k < n ? 0 : 1);
  const d = new Float64Array(N);
  const computeReduced = (): void => {
    for (let k = 0; k < N; k++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += cost(basis[j]) * T[j * W + k];
      d[k] = cost(k) - s;
    }
  };
  computeReduced();
  const tol = 1e-11;
  const maxPivots = 50 * (N + p);
  for (let it = 0; it < maxPivots; it++) {
    let enter = -1;
    for (let k = 0; k < N; k++) if (d[k] < -tol) { enter = k; break; } // Bland: lowest index
    if (enter < 0) break;
    let leave = -1;
    let best = Infinity;
    for (let j = 0; j < p; j++) {
      const a = T[j * W + enter];
      if (a > tol) {
        const ratio = T[j * W + N] / a;
        if (ratio < best - 1e-15 || (Math.abs(ratio - best) <= 1e-15 && leave >= 0 && basis[j] < basis[leave])) {
          best = ratio;
          leave = j;
        }
      }
    }
    if (leave < 0) break; // unbounded dual cannot happen (primal is feasible at 0); stop defensively
    const piv = T[leave * W + enter];
    for (let k = 0; k <= N; k++) T[leave * W + k] /= piv;
    for (let j = 0; j < p; j++) {
      if (j === leave) continue;
      const f = T[j * W + enter];
      if (f !== 0) for (let k = 0; k <= N; k++) T[j * W + k] -= f * T[leave * W + k];
    }
    const f = d[enter];
    for (let k = 0; k < N; k++) d[k] -= f * T[leave * W + k];
    basis[leave] = enter;
  }
  let objective = 0;
  for (let j = 0; j < p; j++) objective += cost(basis[j]) * T[j * W + N];
  if (!(objective > 1e-9 * Math.max(1, n))) return { ...none, objective: Math.max(0, objective) };

  // Primal solution = simplex multipliers: reduced cost of a_j is 1 - β_j.
  const betaScaled = new Float64Array(p);
  for (let j = 0; j < p; j++) betaScaled[j] = Math.abs(1 - d[n + j]) < 1e-10 ? 0 : 1 - d[n + j];
  const direction = new Float64Array(p);
  let maxAbs = 0;
  for (let j = 0; j < p; j++) { direction[j] = betaScaled[j] / scale[j]; maxAbs = Math.max(maxAbs, Math.abs(direction[j])); }
  for (let j = 0; j < p; j++) direction[j] = maxAbs > 0 ? direction[j] / maxAbs : 0;
  const divergentColumns: number[] = [];
  for (let j = 0; j < p; j++) if (Math.abs(betaScaled[j]) > 1e-9) divergentColumns.push(j);
  let positive = 0;
  let allPositive = true;
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += xb[r * p + j] * betaScaled[j];
    if (s > 1e-9) positive++; else allPositive = false;
  }
  return { kind: allPositive ? 'complete' : 'quasi-complete', direction, divergentColumns, perfectlyPredicted: positive, objective };
}
