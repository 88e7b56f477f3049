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
 * Solves max cᵀv subject to A v ≥ 0 (n rows) and -1 ≤ v_j ≤ 1 (q columns) through its dual
 * (min Σ(a_j + b_j) s.t. -Aᵀλ + a - b = c, λ, a, b ≥ 0), a p-row tableau with a feasible start,
 * by the simplex method with Bland's rule. Returns the optimum and the primal solution v (the
 * simplex multipliers: the reduced cost of a_j is 1 - v_j). `a` is row-major n × q.
 */
function solveBoxLp(a: Float64Array, n: number, q: number, c: Float64Array): { value: number; v: Float64Array } {
  const N = n + 2 * q;
  const W = N + 1;
  const T = new Float64Array(q * W); // rows: q; last column: right-hand side
  const basis = new Int32Array(q);
  for (let j = 0; j < q; j++) {
    const sign = c[j] >= 0 ? 1 : -1;
    for (let r = 0; r < n; r++) T[j * W + r] = -sign * a[r * q + j];
    T[j * W + n + j] = sign;          // a_j
    T[j * W + n + q + j] = -sign;     // b_j
    T[j * W + N] = sign * c[j];
    basis[j] = c[j] >= 0 ? n + j : n + q + j;
  }
  const cost = (k: number): number => (k < n ? 0 : 1);
  const d = new Float64Array(N);
  for (let k = 0; k < N; k++) {
    let s = 0;
    for (let j = 0; j < q; j++) s += cost(basis[j]) * T[j * W + k];
    d[k] = cost(k) - s;
  }
  const tol = 1e-11;
  const maxPivots = 50 * (N + q);
  for (let it = 0; it < maxPivots; it++) {
    let enter = -1;
    for (let k = 0; k < N; k++) if (d[k] < -tol) { enter = k; break; } // Bland: lowest index
    if (enter < 0) break;
    let leave = -1;
    let best = Infinity;
    for (let j = 0; j < q; j++) {
      const aj = T[j * W + enter];
      if (aj > tol) {
        const ratio = T[j * W + N] / aj;
        if (ratio < best - 1e-15 || (Math.abs(ratio - best) <= 1e-15 && leave >= 0 && basis[j] < basis[leave])) {
          best = ratio;
          leave = j;
        }
      }
    }
    if (leave < 0) break; // the dual cannot be unbounded (v = 0 is primal feasible); stop defensively
    const piv = T[leave * W + enter];
    for (let k = 0; k <= N; k++) T[leave * W + k] /= piv;
    for (let j = 0; j < q; j++) {
      if (j === leave) continue;
      const f = T[j * W + enter];
      if (f !== 0) for (let k = 0; k <= N; k++) T[j * W + k] -= f * T[leave * W + k];
    }
    const f = d[enter];
    for (let k = 0; k < N; k++) d[k] -= f * T[leave * W + k];
    basis[leave] = enter;
  }
  let value = 0;
  for (let j = 0; j < q; j++) value += cost(basis[j]) * T[j * W + N];
  const v = new Float64Array(q);
  for (let j = 0; j < q; j++) v[j] = Math.abs(1 - d[n + j]) < 1e-10 ? 0 : 1 - d[n + j];
  return { value, v };
}

/**
 * Detects separation for design columns `columns` (each of length n, including the intercept
 * column if the model has one) and binary outcome `y`. Rows with weight 0 are ignored.
 * A second program (max t s.t. x̄_iᵀβ ≥ t) tells complete from quasi-complete separation.
 */
export function detectSeparation(columns: readonly ArrayLike<number>[], y: ArrayLike<number>, weights?: ArrayLike<number>): SeparationResult {
  const p = columns.length;
  const rows: number[] = [];
  for (let i = 0; i < y.length; i++) if (!weights || weights[i] > 0) rows.push(i);
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
  const c = new Float64Array(p);
  for (let r = 0; r < n; r++) for (let j = 0; j < p; j++) c[j] += xb[r * p + j];
  const lp1 = solveBoxLp(xb, n, p, c);
  const threshold = 1e-9 * Math.max(1, n);
  if (!(lp1.value > threshold)) return { ...none, objective: Math.max(0, lp1.value) };

  // Complete separation: is there β with x̄_iᵀβ ≥ t > 0 for every i?  Variables (β, t), t ≤ 1.
  const q = p + 1;
  const a2 = new Float64Array(n * q);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < p; j++) a2[r * q + j] = xb[r * p + j];
    a2[r * q + p] = -1;
  }
  const c2 = new Float64Array(q);
  c2[p] = 1;
  const lp2 = solveBoxLp(a2, n, q, c2);
  const complete = lp2.v[p] > 1e-9;
  const betaScaled = complete ? lp2.v.slice(0, p) : lp1.v;

  const direction = new Float64Array(p);
  let maxAbs = 0;
  for (let j = 0; j < p; j++) { direction[j] = betaScaled[j] / scale[j]; maxAbs = Math.max(maxAbs, Math.abs(direction[j])); }
  for (let j = 0; j < p; j++) direction[j] = maxAbs > 0 ? direction[j] / maxAbs : 0;
  const divergentColumns: number[] = [];
  for (let j = 0; j < p; j++) if (Math.abs(betaScaled[j]) > 1e-9) divergentColumns.push(j);
  let positive = 0;
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += xb[r * p + j] * betaScaled[j];
    if (s > 1e-9) positive++;
  }
  return { kind: complete ? 'complete' : 'quasi-complete', direction, divergentColumns, perfectlyPredicted: positive, objective: lp1.value };
}
