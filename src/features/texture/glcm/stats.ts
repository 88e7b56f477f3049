import { type IntegerCounts, integerCounts } from './integer-counts.js';
import { maximalCorrelation } from './mcc.js';
import { glcmJointEntropyWasm, glcmRowMomentsWasm } from './moments-wasm.js';

/** ε of PyRadiomics (numpy.spacing(1)), added inside its logarithms and some denominators. */
export const PYRADIOMICS_EPS = 2.220446049250313e-16;

/** How a statistic that is 0/0 (e.g. correlation of a single-grey-level matrix) is reported. */
export type GlcmFlatPolicy = 'nan' | 'pyradiomics';

/** Options of {@link glcmStats}. */
export interface GlcmStatsOptions {
  /** N_g used by the normalised inverse differences (IBSI: number of bins; PyRadiomics: largest level in the ROI). */
  readonly normLevels: number;
  /** ε added inside log2 (0 for IBSI, {@link PYRADIOMICS_EPS} for PyRadiomics). Default 0. */
  readonly eps?: number;
  /** 'nan' (IBSI mode, default): undefined statistics are NaN. 'pyradiomics': correlation 1, IMC1 0, IMC2 0 as PyRadiomics does. */
  readonly flat?: GlcmFlatPolicy;
  /** Also compute the maximal correlation coefficient (PyRadiomics MCC); needs an eigenvalue. Default false. */
  readonly mcc?: boolean;
  /** Number of grey levels present in the whole ROI (PyRadiomics returns MCC = 1 when it is 1). Default: levels with p > 0. */
  readonly presentLevels?: number;
  /** The counts are known to be symmetric (a symmetrised GLCM): the MCC skips its symmetry check. Default false. */
  readonly symmetric?: boolean;
}

/**
 * Statistics of one grey level co-occurrence matrix (GLCM). Definitions follow IBSI 1 §3.6 and the
 * PyRadiomics GLCM documentation; ids are IBSI's.
 *
 * Symbols: p_ij = M_ij / Σ M (joint probability, i, j = 1..N_g grey levels); p_x(i) = Σ_j p_ij,
 * p_y(j) = Σ_i p_ij; μ_x = Σ i p_x(i), μ_y = Σ j p_y(j); σ_x² = Σ (i − μ_x)² p_x(i), σ_y² likewise;
 * p_{x−y}(k) = Σ_ij p_ij [|i−j| = k], k = 0..N_g−1; p_{x+y}(k) = Σ_ij p_ij [i+j = k], k = 2..2N_g;
 * HX = −Σ p_x log2(p_x + ε), HY likewise, HXY = −Σ p_ij log2(p_ij + ε),
 * HXY1 = −Σ p_ij log2(p_x(i) p_y(j) + ε), HXY2 = −Σ p_x(i) p_y(j) log2(p_x(i) p_y(j) + ε); 0·log 0 = 0.
 * For a symmetric GLCM (IBSI, PyRadiomics default) μ_x = μ_y = μ and σ_x = σ_y.
 */
export interface GlcmStats {
  /** Joint maximum (GYBY; PyRadiomics MaximumProbability): max p_ij. */
  readonly jointMax: number;
  /** Joint average (60VM; JointAverage): μ_x = Σ i p_ij. */
  readonly jointAvg: number;
  /** Joint variance (UR99; SumSquares): Σ (i − μ_x)² p_ij. */
  readonly jointVar: number;
  /** Joint entropy (TU9B; JointEntropy): HXY. */
  readonly jointEntr: number;
  /** Difference average (TF7R; DifferenceAverage): Σ k p_{x−y}(k). */
  readonly diffAvg: number;
  /** Difference variance (D3YU; DifferenceVariance): Σ (k − diffAvg)² p_{x−y}(k). */
  readonly diffVar: number;
  /** Difference entropy (NTRS; DifferenceEntropy): −Σ p_{x−y}(k) log2(p_{x−y}(k) + ε). */
  readonly diffEntr: number;
  /** Sum average (ZGXS; SumAverage): Σ k p_{x+y}(k). */
  readonly sumAvg: number;
  /** Sum variance (OEEB): Σ (k − sumAvg)² p_{x+y}(k). */
  readonly sumVar: number;
  /** Sum entropy (P6QZ; SumEntropy): −Σ p_{x+y}(k) log2(p_{x+y}(k) + ε). */
  readonly sumEntr: number;
  /** Angular second moment (8ZQL; JointEnergy): Σ p_ij². */
  readonly energy: number;
  /** Contrast (ACUI; Contrast): Σ (i − j)² p_ij. */
  readonly contrast: number;
  /** Dissimilarity (8S9J): Σ |i − j| p_ij (equal to the difference average). */
  readonly dissimilarity: number;
  /** Inverse difference (IB1Z; Id): Σ p_{x−y}(k) / (1 + k). */
  readonly invDiff: number;
  /** Normalised inverse difference (NDRX; Idn): Σ p_{x−y}(k) / (1 + k/N_g). */
  readonly invDiffNorm: number;
  /** Inverse difference moment (WF0Z; Idm): Σ p_{x−y}(k) / (1 + k²). */
  readonly invDiffMom: number;
  /** Normalised inverse difference moment (1QCO; Idmn): Σ p_{x−y}(k) / (1 + (k/N_g)²). */
  readonly invDiffMomNorm: number;
  /** Inverse variance (E8JP; InverseVariance): Σ_{k≥1} p_{x−y}(k) / k². */
  readonly invVar: number;
  /** Correlation (NI2N; Correlation): Σ (i − μ_x)(j − μ_y) p_ij / (σ_x σ_y). */
  readonly corr: number;
  /** Autocorrelation (QWB0; Autocorrelation): Σ i j p_ij. */
  readonly autoCorr: number;
  /** Cluster tendency (DG8W; ClusterTendency): Σ (i + j − μ_x − μ_y)² p_ij. */
  readonly clustTend: number;
  /** Cluster shade (7NFM; ClusterShade): Σ (i + j − μ_x − μ_y)³ p_ij. */
  readonly clustShade: number;
  /** Cluster prominence (AE86; ClusterProminence): Σ (i + j − μ_x − μ_y)⁴ p_ij. */
  readonly clustProm: number;
  /** First information correlation (R8DG; Imc1): (HXY − HXY1) / max(HX, HY). */
  readonly infoCorr1: number;
  /** Second information correlation (JN9H; Imc2): √(1 − exp(−2 (HXY2 − HXY))). */
  readonly infoCorr2: number;
  /**
   * Maximal correlation coefficient (PyRadiomics MCC, no IBSI id): √λ₂, λ₂ the second-largest eigenvalue of
   * Q_ij = Σ_k p_ik p_jk / (p_x(i) p_y(k)). NaN unless requested.
   */
  readonly mcc: number;
}

const NAN_STATS: GlcmStats = Object.freeze({
  jointMax: NaN, jointAvg: NaN, jointVar: NaN, jointEntr: NaN, diffAvg: NaN, diffVar: NaN, diffEntr: NaN,
  sumAvg: NaN, sumVar: NaN, sumEntr: NaN, energy: NaN, contrast: NaN, dissimilarity: NaN, invDiff: NaN,
  invDiffNorm: NaN, invDiffMom: NaN, invDiffMomNorm: NaN, invVar: NaN, corr: NaN, autoCorr: NaN,
  clustTend: NaN, clustShade: NaN, clustProm: NaN, infoCorr1: NaN, infoCorr2: NaN, mcc: NaN,
});

const xlog2 = (p: number, eps: number): number => (p > 0 ? p * Math.log2(p + eps) : 0);

/**
 * Computes {@link GlcmStats} of a co-occurrence count matrix.
 *
 * @param counts - N_g × N_g counts, row-major, `counts[(i−1)·N_g + (j−1)]`; need not be normalised or symmetric.
 *   Integer counts (Int32Array) take a path that sums the marginals as integers and divides once (same values up
 *   to rounding in the last bits; fewer boxed numbers while V8 interprets the code).
 * @param ng - matrix size N_g (grey levels 1..N_g).
 * @param options - normalisation levels, ε, flat-matrix policy, MCC.
 * @returns all-NaN statistics for an empty matrix (no co-occurring pairs).
 */
export function glcmStats(counts: Float64Array | Int32Array, ng: number, options: GlcmStatsOptions): GlcmStats {
  const eps = options.eps ?? 0;
  const pyr = options.flat === 'pyradiomics';
  const integer = counts instanceof Int32Array ? integerCounts(counts, ng) : null;
  const total = integer !== null ? integer.total : sumOfFirst(counts, ng * ng);
  if (!(total > 0)) return NAN_STATS;
  const px = new Float64Array(ng);
  const py = new Float64Array(ng);
  const pDiff = new Float64Array(ng);
  const pSum = new Float64Array(2 * ng + 1);
  // the two passes over the matrix run row by row in small functions (compiled by V8 after a few rows, see
  // rowMarginals); the sums are carried in `acc` in the same order as one loop over all cells
  const acc = new Float64Array(6); // jointMax, μx, μy, autocorrelation, energy, HXY
  if (counts instanceof Int32Array) integerMarginals(integer as IntegerCounts, ng, total, eps, px, py, pDiff, pSum, acc);
  else for (let a = 0; a < ng; a++) rowMarginals(counts, a, ng, total, eps, px, py, pDiff, pSum, acc);
  const jointMax = acc[0], ux = acc[1], uy = acc[2], autoCorr = acc[3], energy = acc[4], hxy = acc[5];
  let varX = 0, varY = 0, hx = 0, hy = 0;
  for (let a = 0; a < ng; a++) {
    const dx = a + 1 - ux;
    const dy = a + 1 - uy;
    varX += dx * dx * px[a];
    varY += dy * dy * py[a];
    hx -= xlog2(px[a], eps);
    hy -= xlog2(py[a], eps);
  }
  const acc2 = new Float64Array(6); // correlation numerator, cluster tendency, shade, prominence, HXY1, HXY2
  // with p_x = p_y (a symmetric matrix), log2(p_x(a) p_y(b) + ε) is the same number for (a, b) and (b, a): each row
  // keeps its logarithms for the later rows, which read them instead of computing them again
  const shareLogs = sameValues(px, py, ng);
  // (a row with p_x = 0 has no count and no p_x p_y > 0: nothing to add; integer counts: in WebAssembly,
  // moments-wasm.ts, with the same operations, order and logarithm)
  if (!(counts instanceof Int32Array && glcmRowMomentsWasm(counts, ng, total, eps, px, py, ux, uy, acc2, shareLogs))) {
    jsRowMoments(counts, ng, total, eps, px, py, ux, uy, acc2, shareLogs);
  }
  const corm = acc2[0], ct = acc2[1], cs = acc2[2], cp = acc2[3], hxy1 = acc2[4], hxy2 = acc2[5];
  let diffAvg = 0, diffEntr = 0, invDiff = 0, invDiffNorm = 0, invDiffMom = 0, invDiffMomNorm = 0, invVar = 0, contrast = 0;
  const nNorm = options.normLevels;
  for (let k = 0; k < ng; k++) {
    const p = pDiff[k];
    if (p === 0) continue;
    diffAvg += k * p;
    contrast += k * k * p;
    diffEntr -= xlog2(p, eps);
    invDiff += p / (1 + k);
    invDiffNorm += p / (1 + k / nNorm);
    invDiffMom += p / (1 + k * k);
    invDiffMomNorm += p / (1 + (k * k) / (nNorm * nNorm));
    if (k > 0) invVar += p / (k * k);
  }
  let diffVar = 0;
  for (let k = 0; k < ng; k++) diffVar += (k - diffAvg) * (k - diffAvg) * pDiff[k];
  let sumAvg = 0, sumEntr = 0;
  for (let k = 2; k <= 2 * ng; k++) {
    const p = pSum[k];
    if (p === 0) continue;
    sumAvg += k * p;
    sumEntr -= xlog2(p, eps);
  }
  let sumVar = 0;
  for (let k = 2; k <= 2 * ng; k++) sumVar += (k - sumAvg) * (k - sumAvg) * pSum[k];

  const sigProd = Math.sqrt(varX) * Math.sqrt(varY);
  let corr: number;
  if (sigProd === 0) corr = pyr ? 1 : NaN;
  else corr = corm / (sigProd + (pyr ? eps : 0));
  const hmax = Math.max(hx, hy);
  let infoCorr1: number;
  if (hmax === 0) infoCorr1 = pyr ? 0 : NaN;
  else infoCorr1 = (hxy - hxy1) / hmax;
  const infoCorr2 = hxy2 === hxy ? 0 : Math.sqrt(1 - Math.exp(-2 * (hxy2 - hxy)));

  return {
    jointMax, jointAvg: ux, jointVar: varX, jointEntr: hxy, diffAvg, diffVar, diffEntr,
    sumAvg, sumVar, sumEntr, energy, contrast, dissimilarity: diffAvg, invDiff, invDiffNorm,
    invDiffMom, invDiffMomNorm, invVar, corr, autoCorr, clustTend: ct, clustShade: cs, clustProm: cp,
    infoCorr1, infoCorr2,
    mcc: options.mcc ? maximalCorrelation(px, py, counts, ng, total, options.presentLevels, options.symmetric === true) : NaN,
  };
}

/** counts[0] + … + counts[n − 1], in that order. */
function sumOfFirst(counts: Float64Array | Int32Array, n: number): number {
  let total = 0;
  for (let t = 0; t < n; t++) total += counts[t];
  return total;
}

/**
 * Row a of the first pass of {@link glcmStats}: adds p_ab = counts_ab / total to the marginals p_x, p_y, p_{x−y},
 * p_{x+y} and to the running sums in `acc` (joint maximum, μ_x, μ_y, autocorrelation, energy, HXY). A small function
 * called once per row: V8 compiles it after a few rows, with no on-stack replacement of a long loop.
 */
function rowMarginals(
  counts: Float64Array, a: number, ng: number, total: number, eps: number,
  px: Float64Array, py: Float64Array, pDiff: Float64Array, pSum: Float64Array, acc: Float64Array,
): void {
  let jointMax = acc[0], ux = acc[1], uy = acc[2], autoCorr = acc[3], energy = acc[4], hxy = acc[5];
  const i = a + 1;
  for (let b = 0; b < ng; b++) {
    const c = counts[a * ng + b];
    if (c === 0) continue;
    const p = c / total;
    const j = b + 1;
    px[a] += p;
    py[b] += p;
    if (p > jointMax) jointMax = p;
    ux += i * p;
    uy += j * p;
    autoCorr += i * j * p;
    energy += p * p;
    hxy -= xlog2(p, eps);
    pDiff[Math.abs(a - b)] += p;
    pSum[i + j] += p;
  }
  acc[0] = jointMax; acc[1] = ux; acc[2] = uy; acc[3] = autoCorr; acc[4] = energy; acc[5] = hxy;
}

/**
 * The first pass of {@link glcmStats} for integer counts, from their {@link IntegerCounts} (summed exactly, divided by
 * the total once); only HXY needs a logarithm per non-zero cell. Writes p_x, p_y, p_{x−y}, p_{x+y} and
 * acc = (joint maximum, μ_x, μ_y, autocorrelation, energy, HXY).
 */
function integerMarginals(
  m: IntegerCounts, ng: number, total: number, eps: number,
  px: Float64Array, py: Float64Array, pDiff: Float64Array, pSum: Float64Array, acc: Float64Array,
): void {
  const { rowC, colC, diffC, sumC, rowJ } = m;
  let ux = 0, uy = 0, auto = 0;
  for (let a = 0; a < ng; a++) {
    px[a] = rowC[a] / total;
    py[a] = colC[a] / total;
    pDiff[a] = diffC[a] / total;
    ux += (a + 1) * rowC[a];
    uy += (a + 1) * colC[a];
    auto += (a + 1) * rowJ[a];
  }
  for (let k = 0; k <= 2 * ng; k++) pSum[k] = sumC[k] / total;
  acc[0] = m.maxCount / total;
  acc[1] = ux / total;
  acc[2] = uy / total;
  acc[3] = auto / total;
  acc[4] = m.sumSquares / (total * total);
  acc[5] = jointEntropy(m.nonZeros, total, eps);
}

/**
 * The second pass of {@link glcmStats} in JavaScript, row by row over the rows with p_x > 0 (exported for the tests
 * that compare it with the WebAssembly pass).
 */
export function jsRowMoments(
  counts: Float64Array | Int32Array, ng: number, total: number, eps: number, px: Float64Array, py: Float64Array,
  ux: number, uy: number, acc: Float64Array, shareLogs: boolean,
): void {
  const logs = shareLogs ? new Float64Array(ng * ng) : null;
  for (let a = 0; a < ng; a++) if (px[a] > 0) rowMoments(counts, a, ng, total, eps, px, py, ux, uy, acc, logs);
}

/** HXY = −Σ p log2(p + ε) over the non-zero counts (p = count / total), in their order. */
function jointEntropy(nonZeros: Int32Array, total: number, eps: number): number {
  const viaWasm = glcmJointEntropyWasm(nonZeros, total, eps); // (moments-wasm.ts: the same sum)
  return viaWasm ?? jsJointEntropy(nonZeros, total, eps);
}

/** {@link jointEntropy} in JavaScript (exported for the tests that compare it with the WebAssembly pass). */
export function jsJointEntropy(nonZeros: Int32Array, total: number, eps: number): number {
  let hxy = 0;
  for (let e = 0; e < nonZeros.length; e++) {
    const p = nonZeros[e] / total;
    hxy -= p * Math.log2(p + eps);
  }
  return hxy;
}

/** x[i] === y[i] for i < n. */
function sameValues(x: Float64Array, y: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * Row a of the second pass of {@link glcmStats}: adds to `acc` the correlation numerator, cluster tendency, shade and
 * prominence sums, HXY1 and HXY2 (HXY2 over every cell with p_x(a)·p_y(b) > 0). With `logs` (only when p_x = p_y),
 * the logarithm of cell (a, b) for b < a is read from logs[b·N_g + a] (p_x(b) p_y(a) = p_x(a) p_y(b) exactly), and
 * those of b ≥ a are stored at logs[a·N_g + b].
 */
function rowMoments(
  counts: Float64Array | Int32Array, a: number, ng: number, total: number, eps: number,
  px: Float64Array, py: Float64Array, ux: number, uy: number, acc: Float64Array, logs: Float64Array | null,
): void {
  let corm = acc[0], ct = acc[1], cs = acc[2], cp = acc[3], hxy1 = acc[4], hxy2 = acc[5];
  const pa = px[a];
  const di = a + 1 - ux;
  for (let b = 0; b < ng; b++) {
    const pxy = pa * py[b];
    const c = counts[a * ng + b];
    // log2(p_x p_y + ε), shared by HXY2 (every cell with p_x p_y > 0) and HXY1 (cells with a count); where p_x p_y = 0
    // (p_x(b) = 0) there is no count either, so the stored 0 of the mirrored cell is never used
    let l: number;
    if (logs !== null && b < a) l = logs[b * ng + a];
    else {
      l = pxy > 0 || c !== 0 ? Math.log2(pxy + eps) : 0;
      if (logs !== null) logs[a * ng + b] = l;
    }
    if (pxy > 0) hxy2 -= pxy * l;
    if (c === 0) continue;
    const p = c / total;
    const dj = b + 1 - uy;
    corm += di * dj * p;
    const s = di + dj;
    const s2 = s * s;
    ct += s2 * p;
    cs += s2 * s * p;
    cp += s2 * s2 * p;
    hxy1 -= p * l;
  }
  acc[0] = corm; acc[1] = ct; acc[2] = cs; acc[3] = cp; acc[4] = hxy1; acc[5] = hxy2;
}
