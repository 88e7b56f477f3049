import type { FeatureDef } from '../../types.js';
import type { SizeZoneFeatureRow } from '../common/size-zone-stats.js';

/**
 * GLRLM features (IBSI 1 §3.7, family id TP0I; PyRadiomics `glrlm`), with j = run length.
 * Formulas: see `SizeZoneStats` (N_s = number of runs, N_v = voxels covered by the runs).
 */
export const GLRLM_FEATURES: readonly SizeZoneFeatureRow[] = [
  { stat: 'smallEmphasis', ibsiTag: 'rlm_sre', ibsiId: '22OV', pyradiomicsName: 'ShortRunEmphasis' },
  { stat: 'largeEmphasis', ibsiTag: 'rlm_lre', ibsiId: 'W4KF', pyradiomicsName: 'LongRunEmphasis' },
  { stat: 'lowGreyEmphasis', ibsiTag: 'rlm_lgre', ibsiId: 'V3SW', pyradiomicsName: 'LowGrayLevelRunEmphasis' },
  { stat: 'highGreyEmphasis', ibsiTag: 'rlm_hgre', ibsiId: 'G3QZ', pyradiomicsName: 'HighGrayLevelRunEmphasis' },
  { stat: 'smallLowEmphasis', ibsiTag: 'rlm_srlge', ibsiId: 'HTZT', pyradiomicsName: 'ShortRunLowGrayLevelEmphasis' },
  { stat: 'smallHighEmphasis', ibsiTag: 'rlm_srhge', ibsiId: 'GD3A', pyradiomicsName: 'ShortRunHighGrayLevelEmphasis' },
  { stat: 'largeLowEmphasis', ibsiTag: 'rlm_lrlge', ibsiId: 'IVPO', pyradiomicsName: 'LongRunLowGrayLevelEmphasis' },
  { stat: 'largeHighEmphasis', ibsiTag: 'rlm_lrhge', ibsiId: '3KUM', pyradiomicsName: 'LongRunHighGrayLevelEmphasis' },
  { stat: 'greyNonUniformity', ibsiTag: 'rlm_glnu', ibsiId: 'R5YN', pyradiomicsName: 'GrayLevelNonUniformity' },
  { stat: 'greyNonUniformityNorm', ibsiTag: 'rlm_glnu_norm', ibsiId: 'OVBL', pyradiomicsName: 'GrayLevelNonUniformityNormalized' },
  { stat: 'jNonUniformity', ibsiTag: 'rlm_rlnu', ibsiId: 'W92Y', pyradiomicsName: 'RunLengthNonUniformity' },
  { stat: 'jNonUniformityNorm', ibsiTag: 'rlm_rlnu_norm', ibsiId: 'IC23', pyradiomicsName: 'RunLengthNonUniformityNormalized' },
  { stat: 'percentage', ibsiTag: 'rlm_r_perc', ibsiId: '9ZK5', pyradiomicsName: 'RunPercentage' },
  { stat: 'greyVariance', ibsiTag: 'rlm_gl_var', ibsiId: '8CE5', pyradiomicsName: 'GrayLevelVariance' },
  { stat: 'jVariance', ibsiTag: 'rlm_rl_var', ibsiId: 'SXLW', pyradiomicsName: 'RunVariance' },
  { stat: 'entropy', ibsiTag: 'rlm_rl_entr', ibsiId: 'HJ9O', pyradiomicsName: 'RunEntropy' },
];

/** Registry entries of the GLRLM family. */
export const GLRLM_FEATURE_DEFS: readonly FeatureDef[] = GLRLM_FEATURES.map((r) => ({
  family: 'glrlm', pyradiomicsName: r.pyradiomicsName, ibsiTag: r.ibsiTag, ibsiId: r.ibsiId,
}));
