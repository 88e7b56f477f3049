import type { FeatureDef } from '../types.js';

const def = (pyradiomicsName: string, ibsiTag: string | null, ibsiId: string | null): FeatureDef =>
  Object.freeze({ family: 'firstorder', pyradiomicsName, ibsiTag, ibsiId });

/**
 * PyRadiomics `firstorder` features with their IBSI counterparts (IBSI ids from the IBSI 1 manual and PyRadiomics'
 * `featuresDict_IBSIv7.tsv`). Formulas: {@link pyradiomicsFirstOrder}. Kurtosis maps to IBSI `stat_kurt` (IPH6)
 * up to the −3 of excess kurtosis; Entropy and Uniformity are IBSI intensity-histogram features. TotalEnergy and
 * StandardDeviation have no IBSI counterpart.
 */
export const FIRSTORDER_FEATURES: readonly FeatureDef[] = Object.freeze([
  def('Energy', 'stat_energy', 'N8CA'),
  def('TotalEnergy', null, null),
  def('Entropy', 'ih_entropy', 'TLU2'),
  def('Minimum', 'stat_min', '1GSF'),
  def('10Percentile', 'stat_p10', 'QG58'),
  def('90Percentile', 'stat_p90', '8DWT'),
  def('Maximum', 'stat_max', '84IY'),
  def('Mean', 'stat_mean', 'Q4LE'),
  def('Median', 'stat_median', 'Y12H'),
  def('InterquartileRange', 'stat_iqr', 'SALO'),
  def('Range', 'stat_range', '2OJQ'),
  def('MeanAbsoluteDeviation', 'stat_mad', '4FUA'),
  def('RobustMeanAbsoluteDeviation', 'stat_rmad', '1128'),
  def('RootMeanSquared', 'stat_rms', '5ZWQ'),
  def('StandardDeviation', null, null),
  def('Skewness', 'stat_skew', 'KE2A'),
  def('Kurtosis', 'stat_kurt', 'IPH6'),
  def('Variance', 'stat_var', 'ECT3'),
  def('Uniformity', 'ih_uniformity', 'BJ5W'),
]);
