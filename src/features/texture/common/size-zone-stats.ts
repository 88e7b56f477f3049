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
  let ns = 0;
  let maxL = 0;
  let maxJ = 0;
  for (let e = 0; e < m.length; e++) {
    ns += m.count[e];
    if (m.level[e] > maxL) maxL = m.level[e];
    if (m.j[e] > maxJ) maxJ = m.j[e];
  }
  if (!(ns > 0)) return NAN_SIZE_ZONE_STATS;
  const rowSum = new Float64Array(maxL + 1);
  const colSum = new Float64Array(maxJ + 1);
  let sLow = 0, sHigh = 0, sSmall = 0, sLarge = 0, sSL = 0, sSH = 0, sLL = 0, sLH = 0;
  let entr = 0, energy = 0;
  for (let e = 0; e < m.length; e++) {
    const c = m.count[e];
    const i = m.level[e];
    const j = m.j[e];
    const i2 = i * i;
    const j2 = j * j;
    rowSum[i] += c;
    colSum[j] += c;
    sSL += c / (i2 * j2);
    sSH += (c * i2) / j2;
    sLL += (c * j2) / i2;
    sLH += c * i2 * j2;
    const p = c / ns;
    if (p > 0) entr -= p * Math.log2(p + eps);
    energy += p * p;
  }
  let glnu = 0, muI = 0;
  for (let i = 1; i <= maxL; i++) {
    const r = rowSum[i];
    if (r === 0) continue;
    glnu += r * r;
    sLow += r / (i * i);
    sHigh += r * i * i;
    muI += i * r;
  }
  muI /= ns;
  let jnu = 0, muJ = 0;
  for (let j = 1; j <= maxJ; j++) {
    const c = colSum[j];
    if (c === 0) continue;
    jnu += c * c;
    sSmall += c / (j * j);
    sLarge += c * j * j;
    muJ += j * c;
  }
  muJ /= ns;
  // variances from the marginals: Σ_i (i − μ_i)² m_i. / N_s and Σ_j (j − μ_j)² m_.j / N_s
  let varI = 0, varJ = 0;
  for (let i = 1; i <= maxL; i++) if (rowSum[i] !== 0) varI += (i - muI) * (i - muI) * rowSum[i];
  for (let j = 1; j <= maxJ; j++) if (colSum[j] !== 0) varJ += (j - muJ) * (j - muJ) * colSum[j];
  varI /= ns;
  varJ /= ns;
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
