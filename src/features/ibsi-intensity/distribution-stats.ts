import { centralMoments, robustMeanAbsDev } from '../firstorder/masked-values.js';
import { medianSorted, percentileSorted, sortedCopy } from '../firstorder/percentile.js';

/**
 * The statistics that IBSI defines identically for intensities (`stat_*`, IBSI 1 §3.3) and discretised intensities
 * (`ih_*`, §3.4), on a sample X of N values (percentiles P_q by numpy's linear rule, μ the mean):
 * mean μ; variance m_2 = (1/N)Σ(X−μ)² (no bias correction); skewness m_3/m_2^{3/2} and excess kurtosis
 * m_4/m_2² − 3 (both 0 when m_2 = 0); median; minimum; P10; P90; maximum; interquartile range P75 − P25;
 * range max − min; mean absolute deviation (1/N)Σ|X − μ|; robust mean absolute deviation (the same over
 * P10 ≤ X ≤ P90 about their own mean); median absolute deviation (1/N)Σ|X − median|; coefficient of variation
 * √m_2/μ; quartile coefficient of dispersion (P75 − P25)/(P75 + P25).
 */
export interface DistributionStats {
  readonly mean: number;
  readonly var: number;
  readonly skew: number;
  readonly kurt: number;
  readonly median: number;
  readonly min: number;
  readonly p10: number;
  readonly p90: number;
  readonly max: number;
  readonly iqr: number;
  readonly range: number;
  readonly mad: number;
  readonly rmad: number;
  readonly medad: number;
  readonly cov: number;
  readonly qcod: number;
}

/** {@link DistributionStats} of a non-empty sample (the input is not modified). */
export function distributionStats(x: Float64Array): DistributionStats {
  const n = x.length;
  const m = centralMoments(x);
  const sorted = sortedCopy(x);
  const median = medianSorted(sorted);
  const p10 = percentileSorted(sorted, 10);
  const p25 = percentileSorted(sorted, 25);
  const p75 = percentileSorted(sorted, 75);
  const p90 = percentileSorted(sorted, 90);
  let medad = 0;
  for (let i = 0; i < n; i++) medad += Math.abs(x[i] - median);
  const flat = m.m2 === 0;
  return {
    mean: m.mean,
    var: m.m2,
    skew: flat ? 0 : m.m3 / m.m2 ** 1.5,
    kurt: flat ? 0 : m.m4 / (m.m2 * m.m2) - 3,
    median,
    min: sorted[0],
    p10,
    p90,
    max: sorted[n - 1],
    iqr: p75 - p25,
    range: sorted[n - 1] - sorted[0],
    mad: m.meanAbsDev,
    rmad: robustMeanAbsDev(sorted, p10, p90),
    medad: medad / n,
    cov: Math.sqrt(m.m2) / m.mean,
    qcod: (p75 - p25) / (p75 + p25),
  };
}

/** Prefixes the keys of {@link DistributionStats} with a family tag stem (`stat` or `ih`). */
export function taggedStats(prefix: string, s: DistributionStats): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(s)) out[`${prefix}_${k}`] = v;
  return out;
}
