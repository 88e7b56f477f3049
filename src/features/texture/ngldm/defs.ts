import type { FeatureDef } from '../../types.js';
import type { SizeZoneFeatureRow } from '../common/size-zone-stats.js';

/**
 * NGLDM features (IBSI 1 §3.11, family id REK0), PyRadiomics' GLDM (`gldm` class), with j = dependence count
 * (1 + the number of dependent neighbours). Formulas: see `SizeZoneStats` (N_s = N_v = number of voxels).
 * PyRadiomics computes no value for its deprecated GrayLevelNonUniformityNormalized and DependencePercentage,
 * and has no dependence count energy.
 */
export const NGLDM_FEATURES: readonly SizeZoneFeatureRow[] = [
  { stat: 'smallEmphasis', ibsiTag: 'ngl_lde', ibsiId: 'SODN', pyradiomicsName: 'SmallDependenceEmphasis' },
  { stat: 'largeEmphasis', ibsiTag: 'ngl_hde', ibsiId: 'IMOQ', pyradiomicsName: 'LargeDependenceEmphasis' },
  { stat: 'lowGreyEmphasis', ibsiTag: 'ngl_lgce', ibsiId: 'TL9H', pyradiomicsName: 'LowGrayLevelEmphasis' },
  { stat: 'highGreyEmphasis', ibsiTag: 'ngl_hgce', ibsiId: 'OAE7', pyradiomicsName: 'HighGrayLevelEmphasis' },
  { stat: 'smallLowEmphasis', ibsiTag: 'ngl_ldlge', ibsiId: 'EQ3F', pyradiomicsName: 'SmallDependenceLowGrayLevelEmphasis' },
  { stat: 'smallHighEmphasis', ibsiTag: 'ngl_ldhge', ibsiId: 'JA6D', pyradiomicsName: 'SmallDependenceHighGrayLevelEmphasis' },
  { stat: 'largeLowEmphasis', ibsiTag: 'ngl_hdlge', ibsiId: 'NBZI', pyradiomicsName: 'LargeDependenceLowGrayLevelEmphasis' },
  { stat: 'largeHighEmphasis', ibsiTag: 'ngl_hdhge', ibsiId: '9QMG', pyradiomicsName: 'LargeDependenceHighGrayLevelEmphasis' },
  { stat: 'greyNonUniformity', ibsiTag: 'ngl_glnu', ibsiId: 'FP8K', pyradiomicsName: 'GrayLevelNonUniformity' },
  { stat: 'greyNonUniformityNorm', ibsiTag: 'ngl_glnu_norm', ibsiId: '5SPA', pyradiomicsName: null },
  { stat: 'jNonUniformity', ibsiTag: 'ngl_dcnu', ibsiId: 'Z87G', pyradiomicsName: 'DependenceNonUniformity' },
  { stat: 'jNonUniformityNorm', ibsiTag: 'ngl_dcnu_norm', ibsiId: 'OKJI', pyradiomicsName: 'DependenceNonUniformityNormalized' },
  { stat: 'percentage', ibsiTag: 'ngl_dc_perc', ibsiId: '6XV8', pyradiomicsName: null },
  { stat: 'greyVariance', ibsiTag: 'ngl_gl_var', ibsiId: '1PFV', pyradiomicsName: 'GrayLevelVariance' },
  { stat: 'jVariance', ibsiTag: 'ngl_dc_var', ibsiId: 'DNX2', pyradiomicsName: 'DependenceVariance' },
  { stat: 'entropy', ibsiTag: 'ngl_dc_entr', ibsiId: 'FCBV', pyradiomicsName: 'DependenceEntropy' },
  { stat: 'energy', ibsiTag: 'ngl_dc_energy', ibsiId: 'CAS9', pyradiomicsName: null },
];

/** Registry entries of the NGLDM / GLDM family (family id `gldm`, PyRadiomics' class name). */
export const NGLDM_FEATURE_DEFS: readonly FeatureDef[] = NGLDM_FEATURES.map((r) => ({
  family: 'gldm', pyradiomicsName: r.pyradiomicsName, ibsiTag: r.ibsiTag, ibsiId: r.ibsiId,
}));
