import { PASS_BLOCK } from './pass-kernels.js';
import type { SparseCounts } from './sparse-counts.js';

/**
 * The sixteen (+1) statistics shared by the run-length (GLRLM), size-zone (GLSZM), distance-zone (GLDZM) and
 * dependence (NGLDM / PyRadiomics GLDM) matrices. IBSI 1 defines each of these families from the same
 * formulas; only the meaning of `j` changes (run length, zone size, zone distance, dependence count).
 *
 * Symbols (IBSI 1, section 3.7; PyRadiomics glrlm/glszm/gldm docs):
 * - m_ij: count of objects with grey level i and value j; N_s = Σ_ij m_ij (number of runs/zones/neighbourhoods);
 * - m_i. = Σ_j m_ij, m_.j = Σ_i m_ij; p_ij = m_ij / N_s;
 * - N_v: number of voxels the matrix describes (summed over merged matrices).
 */
export interface SizeZoneStats {
  /** Small j emphasis: (1/N_s) Σ_j m_.j / j². */
  readonly smallEmphasis: number;
  /** Large j emphasis: (1/N_s) Σ_j j² m_.j. */
  readonly largeEmphasis: number;
  /** Low grey level emphasis: (1/N_s) Σ_i m_i. / i². */
  readonly lowGreyEmphasis: number;
  /** High grey level emphasis: (1/N_s) Σ_i i² m_i.. */
  readonly highGreyEmphasis: number;
  /** Small j low grey level emphasis: (1/N_s) Σ_ij m_ij / (i² j²). */
  readonly smallLowEmphasis: number;
  /** Small j high grey level emphasis: (1/N_s) Σ_ij i² m_ij / j². */
  readonly smallHighEmphasis: number;
  /** Large j low grey level emphasis: (1/N_s) Σ_ij j² m_ij / i². */
  readonly largeLowEmphasis: number;
  /** Large j high grey level emphasis: (1/N_s) Σ_ij i² j² m_ij. */
  readonly largeHighEmphasis: number;
  /** Grey level non-uniformity: (1/N_s) Σ_i m_i.². */
  readonly greyNonUniformity: number;
  /** Normalised grey level non-uniformity: (1/N_s²) Σ_i m_i.². */
  readonly greyNonUniformityNorm: number;
  /** j non-uniformity: (1/N_s) Σ_j m_.j². */
  readonly jNonUniformity: number;
  /** Normalised j non-uniformity: (1/N_s²) Σ_j m_.j². */
  readonly jNonUniformityNorm: number;
  /** Percentage: N_s / N_v. */
  readonly percentage: number;
  /** Grey level variance: Σ_ij (i − μ_i)² p_ij, μ_i = Σ_ij i p_ij. */
  readonly greyVariance: number;
  /** j variance: Σ_ij (j − μ_j)² p_ij, μ_j = Σ_ij j p_ij. */
  readonly jVariance: number;
  /** Entropy: −Σ_ij p_ij log2(p_ij + ε) (ε = 0 for IBSI, 2.2e-16 for PyRadiomics; 0·log 0 = 0). */
  readonly entropy: number;
  /** Energy: Σ_ij p_ij² (IBSI NGLDM dependence count energy). */
  readonly energy: number;
  /** N_s, the total count. */
  readonly total: number;
}

/** All statistics NaN (an empty matrix: no runs/zones). */
export const NAN_SIZE_ZONE_STATS: SizeZoneStats = Object.freeze({
  smallEmphasis: NaN, largeEmphasis: NaN, lowGreyEmphasis: NaN, highGreyEmphasis: NaN,
  smallLowEmphasis: NaN, smallHighEmphasis: NaN, largeLowEmphasis: NaN, largeHighEmphasis: NaN,
  greyNonUniformity: NaN, greyNonUniformityNorm: NaN, jNonUniformity: NaN, jNonUniformityNorm: NaN,
  percentage: NaN, greyVariance: NaN, jVariance: NaN, entropy: NaN, energy: NaN, total: 0,
});

/**
 * Computes {@link SizeZoneStats} of a sparse grey-level × j matrix.
 *
 * @param m - the matrix (levels and j are the actual 1-based values).
 * @param nVoxels - N_v for the percentage feature.
 * @param eps - ε added inside log2 of the entropy (0 for IBSI, `2.220446049250313e-16` for PyRadiomics).
 * @returns NaN statistics when the matrix is empty.
 */
export function sizeZoneStats(m: SparseCounts, nVoxels: number, eps = 0): SizeZoneStats {
  const n = m.length;
  // the loops over the entries run block by block in small functions (compiled once by V8, see pass-kernels.ts);
  // the sums are carried in `acc`/`lim` in the same order as one loop over all entries
  const lim = new Int32Array(3); // largest level, largest j, number of distinct j
  const acc = new Float64Array(7); // N_s, then Σ m/(i²j²), Σ m i²/j², Σ m j²/i², Σ m i²j², entropy, energy
  for (let b = 0; b < n; b += PASS_BLOCK) totalBlock(m, b, Math.min(b + PASS_BLOCK, n), lim, acc);
  const ns = acc[0];
  if (!(ns > 0)) return NAN_SIZE_ZONE_STATS;
  const maxL = lim[0];
  const maxJ = lim[1];
  const rowSum = new Float64Array(maxL + 1);
  const colSum = new Float64Array(maxJ + 1);
  const seen = new Uint8Array(maxJ + 1);
  const touched = new Int32Array(n);
  // j as doubles: i²·j² exceeds 2³¹ for large zones, and V8 would otherwise compile integer products first and
  // de-optimise on the first overflow
  const jd = new Float64Array(m.j);
  for (let b = 0; b < n; b += PASS_BLOCK) entryBlock(m, jd, b, Math.min(b + PASS_BLOCK, n), ns, eps, rowSum, colSum, seen, touched, lim, acc);
  const sSL = acc[1], sSH = acc[2], sLL = acc[3], sLH = acc[4], entr = acc[5], energy = acc[6];
  let sLow = 0, sHigh = 0, glnu = 0, muI = 0;
  for (let i = 1; i <= maxL; i++) {
    const r = rowSum[i];
    if (r === 0) continue;
    glnu += r * r;
    sLow += r / (i * i);
    sHigh += r * i * i;
    muI += i * r;
  }
  muI /= ns;
  // the j marginal over the j values that occur, in increasing order (a zone size can be as large as the ROI)
  const js = new Float64Array(touched.subarray(0, lim[2]).sort()); // doubles: j² can exceed 2³¹
  const jacc = new Float64Array(5); // Σ m_.j², Σ m_.j / j², Σ j² m_.j, Σ j m_.j, Σ (j − μ_j)² m_.j
  for (let b = 0; b < js.length; b += PASS_BLOCK) columnBlock(js, b, Math.min(b + PASS_BLOCK, js.length), colSum, jacc);
  const jnu = jacc[0], sSmall = jacc[1], sLarge = jacc[2];
  const muJ = jacc[3] / ns;
  // variances from the marginals: Σ_i (i − μ_i)² m_i. / N_s and Σ_j (j − μ_j)² m_.j / N_s
  let varI = 0;
  for (let i = 1; i <= maxL; i++) if (rowSum[i] !== 0) varI += (i - muI) * (i - muI) * rowSum[i];
  for (let b = 0; b < js.length; b += PASS_BLOCK) columnVarianceBlock(js, b, Math.min(b + PASS_BLOCK, js.length), colSum, muJ, jacc);
  varI /= ns;
  const varJ = jacc[4] / ns;
  return {
    smallEmphasis: sSmall / ns,
    largeEmphasis: sLarge / ns,
    lowGreyEmphasis: sLow / ns,
    highGreyEmphasis: sHigh / ns,
    smallLowEmphasis: sSL / ns,
    smallHighEmphasis: sSH / ns,
    largeLowEmphasis: sLL / ns,
    largeHighEmphasis: sLH / ns,
    greyNonUniformity: glnu / ns,
    greyNonUniformityNorm: glnu / (ns * ns),
    jNonUniformity: jnu / ns,
    jNonUniformityNorm: jnu / (ns * ns),
    percentage: ns / nVoxels,
    greyVariance: varI,
    jVariance: varJ,
    entropy: entr,
    energy,
    total: ns,
  };
}

/** Entries [from, to) of m: adds their counts to acc[0] (N_s) and tracks the largest level (lim[0]) and j (lim[1]). */
function totalBlock(m: SparseCounts, from: number, to: number, lim: Int32Array, acc: Float64Array): void {
  const level = m.level, jv = m.j, count = m.count;
  let ns = acc[0], maxL = lim[0], maxJ = lim[1];
  for (let e = from; e < to; e++) {
    ns += count[e];
    if (level[e] > maxL) maxL = level[e];
    if (jv[e] > maxJ) maxJ = jv[e];
  }
  acc[0] = ns; lim[0] = maxL; lim[1] = maxJ;
}

/**
 * Entries [from, to) of m (j values as doubles in `jv`): the marginals m_i. (rowSum) and m_.j (colSum; each new j
 * appended to `touched`, their number in lim[2]) and the per-entry sums acc[1..6] (joint emphases, entropy, energy)
 * with p = m_ij / N_s.
 */
function entryBlock(
  m: SparseCounts, jv: Float64Array, from: number, to: number, ns: number, eps: number,
  rowSum: Float64Array, colSum: Float64Array, seen: Uint8Array, touched: Int32Array, lim: Int32Array, acc: Float64Array,
): void {
  const level = m.level, count = m.count;
  let sSL = acc[1], sSH = acc[2], sLL = acc[3], sLH = acc[4], entr = acc[5], energy = acc[6];
  let nt = lim[2];
  for (let e = from; e < to; e++) {
    const c = count[e];
    const i = level[e];
    const j = jv[e];
    const i2 = i * i;
    const j2 = j * j;
    rowSum[i] += c;
    colSum[j] += c;
    if (seen[j] === 0) { seen[j] = 1; touched[nt++] = j; }
    sSL += c / (i2 * j2);
    sSH += (c * i2) / j2;
    sLL += (c * j2) / i2;
    sLH += c * i2 * j2;
    const p = c / ns;
    if (p > 0) entr -= p * Math.log2(p + eps);
    energy += p * p;
  }
  acc[1] = sSL; acc[2] = sSH; acc[3] = sLL; acc[4] = sLH; acc[5] = entr; acc[6] = energy;
  lim[2] = nt;
}

/** j values js[from..to) (increasing): adds Σ m_.j², Σ m_.j / j², Σ j² m_.j and Σ j m_.j to jacc[0..3]. */
function columnBlock(js: Float64Array, from: number, to: number, colSum: Float64Array, jacc: Float64Array): void {
  let jnu = jacc[0], sSmall = jacc[1], sLarge = jacc[2], muJ = jacc[3];
  for (let t = from; t < to; t++) {
    const j = js[t];
    const c = colSum[j];
    if (c === 0) continue;
    jnu += c * c;
    sSmall += c / (j * j);
    sLarge += c * j * j;
    muJ += j * c;
  }
  jacc[0] = jnu; jacc[1] = sSmall; jacc[2] = sLarge; jacc[3] = muJ;
}

/** j values js[from..to): adds Σ (j − μ_j)² m_.j to jacc[4]. */
function columnVarianceBlock(js: Float64Array, from: number, to: number, colSum: Float64Array, muJ: number, jacc: Float64Array): void {
  let varJ = jacc[4];
  for (let t = from; t < to; t++) {
    const j = js[t];
    if (colSum[j] !== 0) varJ += (j - muJ) * (j - muJ) * colSum[j];
  }
  jacc[4] = varJ;
}

/** One feature of a run/zone/dependence family: which statistic, its IBSI tag stem and id, its PyRadiomics name. */
export interface SizeZoneFeatureRow {
  readonly stat: keyof SizeZoneStats;
  readonly ibsiTag: string | null;
  readonly ibsiId: string | null;
  /** PyRadiomics name, or null when PyRadiomics computes no value for it. */
  readonly pyradiomicsName: string | null;
}

/** The statistics to average for a feature table (those that map to an IBSI tag or a PyRadiomics name). */
export function statKeys(rows: readonly SizeZoneFeatureRow[], mode: 'ibsi' | 'pyradiomics'): (keyof SizeZoneStats)[] {
  return rows.filter((r) => (mode === 'ibsi' ? r.ibsiTag : r.pyradiomicsName) !== null).map((r) => r.stat);
}

/** Writes PyRadiomics-named values of `stats` into a new record. */
export function pyradiomicsValues(rows: readonly SizeZoneFeatureRow[], stats: Record<keyof SizeZoneStats, number> | SizeZoneStats): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) if (r.pyradiomicsName !== null) out[r.pyradiomicsName] = (stats as Record<keyof SizeZoneStats, number>)[r.stat];
  return out;
}
