import type { FeatureValues, RoiImage } from '../types.js';
import { maskedValues } from '../firstorder/masked-values.js';
import { distributionStats, taggedStats } from './distribution-stats.js';

/**
 * IBSI intensity-based statistical features (IBSI 1 §3.3, family UHIW), keyed by IBSI tag, on the intensities X of
 * the intensity mask (`roi.values` where `roi.intensityMask` = 1; no discretisation):
 *
 * `stat_mean` (Q4LE), `stat_var` (ECT3), `stat_skew` (KE2A), `stat_kurt` (IPH6, excess kurtosis), `stat_median`
 * (Y12H), `stat_min` (1GSF), `stat_p10` (QG58), `stat_p90` (8DWT), `stat_max` (84IY), `stat_iqr` (SALO),
 * `stat_range` (2OJQ), `stat_mad` (4FUA), `stat_rmad` (1128), `stat_medad` (N72L), `stat_cov` (7TET),
 * `stat_qcod` (9S40) — formulas in {@link distributionStats} — plus `stat_energy` (N8CA) = Σ X² and `stat_rms`
 * (5ZWQ) = √(Σ X²/N).
 *
 * @throws MaskError for an empty intensity mask; InvalidInputError for non-finite intensities.
 */
export function ibsiIntensityStats(roi: Pick<RoiImage, 'values' | 'intensityMask'>): FeatureValues {
  const x = maskedValues(roi.values, roi.intensityMask);
  let energy = 0;
  for (let i = 0; i < x.length; i++) energy += x[i] * x[i];
  return { ...taggedStats('stat', distributionStats(x)), stat_energy: energy, stat_rms: Math.sqrt(energy / x.length) };
}
