/**
 * The SMO solver of libsvm for the C-SVC dual (Chang & Lin, LIBSVM, ACM TIST 2011; working-set selection
 * WSS3 of Fan, Chen & Lin, JMLR 6:1889, 2005), written from the published algorithm and libsvm's documented
 * behaviour so that its iterates follow scikit-learn's bundled libsvm:
 *
 *   min ½ αᵀQα - eᵀα   subject to   yᵀα = 0,  0 ≤ α_i ≤ C,   Q_ij = y_i y_j K(x_i, x_j)
 *
 * - i = argmax_{t ∈ I_up} -y_t ∇f_t; j = argmin over t ∈ I_low with -y_t ∇f_t < -y_i ∇f_i of
 *   -(b_it²)/a_it (second-order gain, a ≤ 0 replaced by τ = 1e-12); stop when m(α) - M(α) < eps (tol);
 * - the two-variable sub-problem is solved analytically and clipped to the box;
 * - Q values are held in single precision (libsvm's `Qfloat`), gradients in double;
 * - shrinking (every min(l, 1000) iterations variables that cannot move are set aside, with gradient
 *   reconstruction from Ḡ; all variables are restored once when m - M ≤ 10·eps);
 * - ρ = mean of y_i ∇f_i over free variables (or the midpoint of the feasible interval).
 */

/** Row access to Q (single precision): `row(i)` returns Q_i· over all l variables (original order). */
export interface QRows {
  row(i: number): Float32Array;
  /** K(x_i, x_i) in double precision (libsvm's QD). */
  readonly diag: Float64Array;
}

/** Result of {@link solveSmo}. */
export interface SmoResult {
  /** α in the original variable order. */
  readonly alpha: Float64Array;
  readonly rho: number;
  readonly iterations: number;
  /** Dual objective value. */
  readonly objective: number;
  /** True when the iteration limit stopped the solver. */
  readonly hitMaxIter: boolean;
}

const TAU = 1e-12;
const LOWER = 0;
const UPPER = 1;
const FREE = 2;

/** Solves the C-SVC dual (see the module comment). `y` holds ±1 per variable. */
export function solveSmo(l: number, Q: QRows, y: Int8Array, C: number, eps: number, shrinking: boolean, maxIter: number): SmoResult {
  const perm = Int32Array.from({ length: l }, (_, i) => i); // position → original variable
  const yy = Int8Array.from(y);
  const alpha = new Float64Array(l);
  const status = new Uint8Array(l).fill(LOWER);
  const G = new Float64Array(l).fill(-1);
  const Gbar = new Float64Array(l);
  const p = new Float64Array(l).fill(-1);
  const QD = Q.diag;
  let activeSize = l;
  let unshrink = false;

  const isUpper = (i: number): boolean => status[i] === UPPER;
  const isLower = (i: number): boolean => status[i] === LOWER;
  const isFree = (i: number): boolean => status[i] === FREE;
  const updateStatus = (i: number): void => {
    status[i] = alpha[i] >= C ? UPPER : alpha[i] <= 0 ? LOWER : FREE;
  };
  const swap = (a: number, b: number): void => {
    if (a === b) return;
    let t: number;
    t = perm[a]; perm[a] = perm[b]; perm[b] = t;
    t = yy[a]; yy[a] = yy[b]; yy[b] = t;
    t = G[a]; G[a] = G[b]; G[b] = t;
    t = status[a]; status[a] = status[b]; status[b] = t;
    t = alpha[a]; alpha[a] = alpha[b]; alpha[b] = t;
    t = p[a]; p[a] = p[b]; p[b] = t;
    t = Gbar[a]; Gbar[a] = Gbar[b]; Gbar[b] = t;
  };
  const reconstructGradient = (): void => {
    if (activeSize === l) return;
    for (let j = activeSize; j < l; j++) G[j] = Gbar[j] + p[j];
    let nrFree = 0;
    for (let j = 0; j < activeSize; j++) if (isFree(j)) nrFree++;
    if (nrFree * l > 2 * activeSize * (l - activeSize)) {
      for (let i = activeSize; i < l; i++) {
        const Qi = Q.row(perm[i]);
        for (let j = 0; j < activeSize; j++) if (isFree(j)) G[i] += alpha[j] * Qi[perm[j]];
      }
    } else {
      for (let i = 0; i < activeSize; i++) {
        if (!isFree(i)) continue;
        const Qi = Q.row(perm[i]);
        const ai = alpha[i];
        for (let j = activeSize; j < l; j++) G[j] += ai * Qi[perm[j]];
      }
    }
  };
  let outI = -1;
  let outJ = -1;
  const selectWorkingSet = (): boolean => {
    let gmax = -Infinity;
    let gmax2 = -Infinity;
    let gmaxIdx = -1;
    let gminIdx = -1;
    let objDiffMin = Infinity;
    for (let t = 0; t < activeSize; t++) {
      if (yy[t] === 1) {
        if (!isUpper(t) && -G[t] >= gmax) { gmax = -G[t]; gmaxIdx = t; }
      } else if (!isLower(t) && G[t] >= gmax) { gmax = G[t]; gmaxIdx = t; }
    }
    const i = gmaxIdx;
    const Qi = i !== -1 ? Q.row(perm[i]) : null;
    for (let j = 0; j < activeSize; j++) {
      if (yy[j] === 1) {
        if (!isLower(j)) {
          const gradDiff = gmax + G[j];
          if (G[j] >= gmax2) gmax2 = G[j];
          if (gradDiff > 0) {
            const quad = QD[perm[i]] + QD[perm[j]] - 2.0 * yy[i] * Qi![perm[j]];
            const objDiff = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / TAU;
            if (objDiff <= objDiffMin) { gminIdx = j; objDiffMin = objDiff; }
          }
        }
      } else if (!isUpper(j)) {
        const gradDiff = gmax - G[j];
        if (-G[j] >= gmax2) gmax2 = -G[j];
        if (gradDiff > 0) {
          const quad = QD[perm[i]] + QD[perm[j]] + 2.0 * yy[i] * Qi![perm[j]];
          const objDiff = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / TAU;
          if (objDiff <= objDiffMin) { gminIdx = j; objDiffMin = objDiff; }
        }
      }
    }
    if (gmax + gmax2 < eps || gminIdx === -1) return true;
    outI = gmaxIdx;
    outJ = gminIdx;
    return false;
  };
  const beShrunk = (i: number, gmax1: number, gmax2: number): boolean => {
    if (isUpper(i)) return yy[i] === 1 ? -G[i] > gmax1 : -G[i] > gmax2;
    if (isLower(i)) return yy[i] === 1 ? G[i] > gmax2 : G[i] > gmax1;
    return false;
  };
  const doShrinking = (): void => {
    let gmax1 = -Infinity;
    let gmax2 = -Infinity;
    for (let i = 0; i < activeSize; i++) {
      if (yy[i] === 1) {
        if (!isUpper(i) && -G[i] >= gmax1) gmax1 = -G[i];
        if (!isLower(i) && G[i] >= gmax2) gmax2 = G[i];
      } else {
        if (!isUpper(i) && -G[i] >= gmax2) gmax2 = -G[i];
        if (!isLower(i) && G[i] >= gmax1) gmax1 = G[i];
      }
    }
    if (!unshrink && gmax1 + gmax2 <= eps * 10) {
      unshrink = true;
      reconstructGradient();
      activeSize = l;
    }
    for (let i = 0; i < activeSize; i++) {
      if (!beShrunk(i, gmax1, gmax2)) continue;
      activeSize--;
      while (activeSize > i) {
        if (!beShrunk(activeSize, gmax1, gmax2)) { swap(i, activeSize); break; }
        activeSize--;
      }
    }
  };

  let iter = 0;
  let counter = Math.min(l, 1000) + 1;
  let hitMaxIter = false;
  for (;;) {
    if (iter >= maxIter) { hitMaxIter = true; break; }
    if (--counter === 0) {
      counter = Math.min(l, 1000);
      if (shrinking) doShrinking();
    }
    if (selectWorkingSet()) {
      reconstructGradient();
      activeSize = l;
      if (selectWorkingSet()) break;
      counter = 1;
    }
    iter++;
    const i = outI;
    const j = outJ;
    const Qi = Q.row(perm[i]);
    const Qj = Q.row(perm[j]);
    const oldAi = alpha[i];
    const oldAj = alpha[j];
    if (yy[i] !== yy[j]) {
      let quad = QD[perm[i]] + QD[perm[j]] + 2 * Qi[perm[j]];
      if (quad <= 0) quad = TAU;
      const delta = (-G[i] - G[j]) / quad;
      const diff = alpha[i] - alpha[j];
      alpha[i] += delta;
      alpha[j] += delta;
      if (diff > 0) {
        if (alpha[j] < 0) { alpha[j] = 0; alpha[i] = diff; }
      } else if (alpha[i] < 0) { alpha[i] = 0; alpha[j] = -diff; }
      if (diff > 0) {
        if (alpha[i] > C) { alpha[i] = C; alpha[j] = C - diff; }
      } else if (alpha[j] > C) { alpha[j] = C; alpha[i] = C + diff; }
    } else {
      let quad = QD[perm[i]] + QD[perm[j]] - 2 * Qi[perm[j]];
      if (quad <= 0) quad = TAU;
      const delta = (G[i] - G[j]) / quad;
      const sum = alpha[i] + alpha[j];
      alpha[i] -= delta;
      alpha[j] += delta;
      if (sum > C) {
        if (alpha[i] > C) { alpha[i] = C; alpha[j] = sum - C; }
      } else if (alpha[j] < 0) { alpha[j] = 0; alpha[i] = sum; }
      if (sum > C) {
        if (alpha[j] > C) { alpha[j] = C; alpha[i] = sum - C; }
      } else if (alpha[i] < 0) { alpha[i] = 0; alpha[j] = sum; }
    }
    const dai = alpha[i] - oldAi;
    const daj = alpha[j] - oldAj;
    for (let k = 0; k < activeSize; k++) G[k] += Qi[perm[k]] * dai + Qj[perm[k]] * daj;
    const ui = isUpper(i);
    const uj = isUpper(j);
    updateStatus(i);
    updateStatus(j);
    if (ui !== isUpper(i)) {
      if (ui) for (let k = 0; k < l; k++) Gbar[k] -= C * Qi[perm[k]];
      else for (let k = 0; k < l; k++) Gbar[k] += C * Qi[perm[k]];
    }
    if (uj !== isUpper(j)) {
      if (uj) for (let k = 0; k < l; k++) Gbar[k] -= C * Qj[perm[k]];
      else for (let k = 0; k < l; k++) Gbar[k] += C * Qj[perm[k]];
    }
  }
  if (hitMaxIter) { reconstructGradient(); activeSize = l; }

  // ρ
  let nrFree = 0;
  let ub = Infinity;
  let lb = -Infinity;
  let sumFree = 0;
  for (let i = 0; i < activeSize; i++) {
    const yG = yy[i] * G[i];
    if (isUpper(i)) {
      if (yy[i] === -1) ub = Math.min(ub, yG); else lb = Math.max(lb, yG);
    } else if (isLower(i)) {
      if (yy[i] === 1) ub = Math.min(ub, yG); else lb = Math.max(lb, yG);
    } else {
      nrFree++;
      sumFree += yG;
    }
  }
  const rho = nrFree > 0 ? sumFree / nrFree : (ub + lb) / 2;
  let v = 0;
  for (let i = 0; i < l; i++) v += alpha[i] * (G[i] + p[i]);
  const out = new Float64Array(l);
  for (let i = 0; i < l; i++) out[perm[i]] = alpha[i];
  return { alpha: out, rho, iterations: iter, objective: v / 2, hitMaxIter };
}
