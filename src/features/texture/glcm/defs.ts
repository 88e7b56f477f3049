import type { FeatureDef } from '../../types.js';
import type { GlcmStats } from './stats.js';

/** One GLCM feature: which statistic, its IBSI tag stem and id, and its PyRadiomics name. */
export interface GlcmFeatureRow {
  readonly stat: keyof GlcmStats;
  readonly ibsiTag: string | null;
  readonly ibsiId: string | null;
  /** PyRadiomics name, or null when PyRadiomics computes no value (deprecated duplicates). */
  readonly pyradiomicsName: string | null;
}

/**
 * GLCM features (IBSI 1 §3.6, family id LFYI; PyRadiomics `glcm`). Formulas: see {@link GlcmStats}.
 * PyRadiomics' deprecated Dissimilarity (= DifferenceAverage) and SumVariance (= ClusterTendency) are
 * IBSI-only here; MCC is PyRadiomics-only.
 */
export const GLCM_FEATURES: readonly GlcmFeatureRow[] = [
  { stat: 'jointMax', ibsiTag: 'cm_joint_max', ibsiId: 'GYBY', pyradiomicsName: 'MaximumProbability' },
  { stat: 'jointAvg', ibsiTag: 'cm_joint_avg', ibsiId: '60VM', pyradiomicsName: 'JointAverage' },
  { stat: 'jointVar', ibsiTag: 'cm_joint_var', ibsiId: 'UR99', pyradiomicsName: 'SumSquares' },
  { stat: 'jointEntr', ibsiTag: 'cm_joint_entr', ibsiId: 'TU9B', pyradiomicsName: 'JointEntropy' },
  { stat: 'diffAvg', ibsiTag: 'cm_diff_avg', ibsiId: 'TF7R', pyradiomicsName: 'DifferenceAverage' },
  { stat: 'diffVar', ibsiTag: 'cm_diff_var', ibsiId: 'D3YU', pyradiomicsName: 'DifferenceVariance' },
  { stat: 'diffEntr', ibsiTag: 'cm_diff_entr', ibsiId: 'NTRS', pyradiomicsName: 'DifferenceEntropy' },
  { stat: 'sumAvg', ibsiTag: 'cm_sum_avg', ibsiId: 'ZGXS', pyradiomicsName: 'SumAverage' },
  { stat: 'sumVar', ibsiTag: 'cm_sum_var', ibsiId: 'OEEB', pyradiomicsName: null },
  { stat: 'sumEntr', ibsiTag: 'cm_sum_entr', ibsiId: 'P6QZ', pyradiomicsName: 'SumEntropy' },
  { stat: 'energy', ibsiTag: 'cm_energy', ibsiId: '8ZQL', pyradiomicsName: 'JointEnergy' },
  { stat: 'contrast', ibsiTag: 'cm_contrast', ibsiId: 'ACUI', pyradiomicsName: 'Contrast' },
  { stat: 'dissimilarity', ibsiTag: 'cm_dissimilarity', ibsiId: '8S9J', pyradiomicsName: null },
  { stat: 'invDiff', ibsiTag: 'cm_inv_diff', ibsiId: 'IB1Z', pyradiomicsName: 'Id' },
  { stat: 'invDiffNorm', ibsiTag: 'cm_inv_diff_norm', ibsiId: 'NDRX', pyradiomicsName: 'Idn' },
  { stat: 'invDiffMom', ibsiTag: 'cm_inv_diff_mom', ibsiId: 'WF0Z', pyradiomicsName: 'Idm' },
  { stat: 'invDiffMomNorm', ibsiTag: 'cm_inv_diff_mom_norm', ibsiId: '1QCO', pyradiomicsName: 'Idmn' },
  { stat: 'invVar', ibsiTag: 'cm_inv_var', ibsiId: 'E8JP', pyradiomicsName: 'InverseVariance' },
  { stat: 'corr', ibsiTag: 'cm_corr', ibsiId: 'NI2N', pyradiomicsName: 'Correlation' },
  { stat: 'autoCorr', ibsiTag: 'cm_auto_corr', ibsiId: 'QWB0', pyradiomicsName: 'Autocorrelation' },
  { stat: 'clustTend', ibsiTag: 'cm_clust_tend', ibsiId: 'DG8W', pyradiomicsName: 'ClusterTendency' },
  { stat: 'clustShade', ibsiTag: 'cm_clust_shade', ibsiId: '7NFM', pyradiomicsName: 'ClusterShade' },
  { stat: 'clustProm', ibsiTag: 'cm_clust_prom', ibsiId: 'AE86', pyradiomicsName: 'ClusterProminence' },
  { stat: 'infoCorr1', ibsiTag: 'cm_info_corr1', ibsiId: 'R8DG', pyradiomicsName: 'Imc1' },
  { stat: 'infoCorr2', ibsiTag: 'cm_info_corr2', ibsiId: 'JN9H', pyradiomicsName: 'Imc2' },
  { stat: 'mcc', ibsiTag: null, ibsiId: null, pyradiomicsName: 'MCC' },
];

/** Registry entries of the GLCM family. */
export const GLCM_FEATURE_DEFS: readonly FeatureDef[] = GLCM_FEATURES.map((r) => ({
  family: 'glcm', pyradiomicsName: r.pyradiomicsName, ibsiTag: r.ibsiTag, ibsiId: r.ibsiId,
}));
