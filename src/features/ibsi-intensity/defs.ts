import type { FeatureDef } from '../types.js';

const def = (family: string, ibsiTag: string, ibsiId: string, pyradiomicsName: string | null = null): FeatureDef =>
  Object.freeze({ family, pyradiomicsName, ibsiTag, ibsiId });

/**
 * IBSI intensity families: statistics (`stat_*`, UHIW), intensity histogram (`ih_*`, ZVCW), intensity-volume
 * histogram (`ivh_*`, P88C) and local intensity (`loc_*`, 9ST6), with IBSI 1 ids and the PyRadiomics firstorder
 * name where PyRadiomics computes the same quantity (kurtosis differs by 3). Formulas: {@link ibsiIntensityStats},
 * {@link ibsiIntensityHistogram}, {@link ibsiIntensityVolumeHistogram}, {@link ibsiLocalIntensity}.
 */
export const IBSI_INTENSITY_FEATURES: readonly FeatureDef[] = Object.freeze([
  def('stat', 'stat_mean', 'Q4LE', 'Mean'),
  def('stat', 'stat_var', 'ECT3', 'Variance'),
  def('stat', 'stat_skew', 'KE2A', 'Skewness'),
  def('stat', 'stat_kurt', 'IPH6'),
  def('stat', 'stat_median', 'Y12H', 'Median'),
  def('stat', 'stat_min', '1GSF', 'Minimum'),
  def('stat', 'stat_p10', 'QG58', '10Percentile'),
  def('stat', 'stat_p90', '8DWT', '90Percentile'),
  def('stat', 'stat_max', '84IY', 'Maximum'),
  def('stat', 'stat_iqr', 'SALO', 'InterquartileRange'),
  def('stat', 'stat_range', '2OJQ', 'Range'),
  def('stat', 'stat_mad', '4FUA', 'MeanAbsoluteDeviation'),
  def('stat', 'stat_rmad', '1128', 'RobustMeanAbsoluteDeviation'),
  def('stat', 'stat_medad', 'N72L'),
  def('stat', 'stat_cov', '7TET'),
  def('stat', 'stat_qcod', '9S40'),
  def('stat', 'stat_energy', 'N8CA', 'Energy'),
  def('stat', 'stat_rms', '5ZWQ', 'RootMeanSquared'),
  def('ih', 'ih_mean', 'X6K6'),
  def('ih', 'ih_var', 'CH89'),
  def('ih', 'ih_skew', '88K1'),
  def('ih', 'ih_kurt', 'C3I7'),
  def('ih', 'ih_median', 'WIFQ'),
  def('ih', 'ih_min', '1PR8'),
  def('ih', 'ih_p10', 'GPMT'),
  def('ih', 'ih_p90', 'OZ0C'),
  def('ih', 'ih_max', '3NCY'),
  def('ih', 'ih_mode', 'AMMC'),
  def('ih', 'ih_iqr', 'WR0O'),
  def('ih', 'ih_range', '5Z3W'),
  def('ih', 'ih_mad', 'D2ZX'),
  def('ih', 'ih_rmad', 'WRZB'),
  def('ih', 'ih_medad', '4RNL'),
  def('ih', 'ih_cov', 'CWYJ'),
  def('ih', 'ih_qcod', 'SLWD'),
  def('ih', 'ih_entropy', 'TLU2', 'Entropy'),
  def('ih', 'ih_uniformity', 'BJ5W', 'Uniformity'),
  def('ih', 'ih_max_grad', '12CE'),
  def('ih', 'ih_max_grad_g', '8E6O'),
  def('ih', 'ih_min_grad', 'VQB3'),
  def('ih', 'ih_min_grad_g', 'RHQZ'),
  def('ivh', 'ivh_v10', 'BC2M'),
  def('ivh', 'ivh_v90', 'BC2M'),
  def('ivh', 'ivh_i10', 'GBPN'),
  def('ivh', 'ivh_i90', 'GBPN'),
  def('ivh', 'ivh_diff_v10_v90', 'DDTU'),
  def('ivh', 'ivh_diff_i10_i90', 'CNV2'),
  def('ivh', 'ivh_auc', '9CMM'),
  def('loc', 'loc_peak_loc', 'VJGA'),
  def('loc', 'loc_peak_glob', '0F91'),
]);
