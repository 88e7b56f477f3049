import type { FeatureDef } from '../../types.js';
import type { SizeZoneFeatureRow } from '../common/size-zone-stats.js';

/**
 * GLDZM features (IBSI 1 §3.9, family id VMDZ), with j = zone distance to the ROI border (≥ 1).
 * PyRadiomics has no GLDZM. Formulas: see `SizeZoneStats` (N_s = number of zones, N_v = number of voxels).
 */
export const GLDZM_FEATURES: readonly SizeZoneFeatureRow[] = [
  { stat: 'smallEmphasis', ibsiTag: 'dzm_sde', ibsiId: '0GBI', pyradiomicsName: null },
  { stat: 'largeEmphasis', ibsiTag: 'dzm_lde', ibsiId: 'MB4I', pyradiomicsName: null },
  { stat: 'lowGreyEmphasis', ibsiTag: 'dzm_lgze', ibsiId: 'S1RA', pyradiomicsName: null },
  { stat: 'highGreyEmphasis', ibsiTag: 'dzm_hgze', ibsiId: 'K26C', pyradiomicsName: null },
  { stat: 'smallLowEmphasis', ibsiTag: 'dzm_sdlge', ibsiId: 'RUVG', pyradiomicsName: null },
  { stat: 'smallHighEmphasis', ibsiTag: 'dzm_sdhge', ibsiId: 'DKNJ', pyradiomicsName: null },
  { stat: 'largeLowEmphasis', ibsiTag: 'dzm_ldlge', ibsiId: 'A7WM', pyradiomicsName: null },
  { stat: 'largeHighEmphasis', ibsiTag: 'dzm_ldhge', ibsiId: 'KLTH', pyradiomicsName: null },
  { stat: 'greyNonUniformity', ibsiTag: 'dzm_glnu', ibsiId: 'VFT7', pyradiomicsName: null },
  { stat: 'greyNonUniformityNorm', ibsiTag: 'dzm_glnu_norm', ibsiId: '7HP3', pyradiomicsName: null },
  { stat: 'jNonUniformity', ibsiTag: 'dzm_zdnu', ibsiId: 'V294', pyradiomicsName: null },
  { stat: 'jNonUniformityNorm', ibsiTag: 'dzm_zdnu_norm', ibsiId: 'IATH', pyradiomicsName: null },
  { stat: 'percentage', ibsiTag: 'dzm_z_perc', ibsiId: 'VIWW', pyradiomicsName: null },
  { stat: 'greyVariance', ibsiTag: 'dzm_gl_var', ibsiId: 'QK93', pyradiomicsName: null },
  { stat: 'jVariance', ibsiTag: 'dzm_zd_var', ibsiId: '7WT1', pyradiomicsName: null },
  { stat: 'entropy', ibsiTag: 'dzm_zd_entr', ibsiId: 'GBDU', pyradiomicsName: null },
];

/** Registry entries of the GLDZM family. */
export const GLDZM_FEATURE_DEFS: readonly FeatureDef[] = GLDZM_FEATURES.map((r) => ({
  family: 'gldzm', pyradiomicsName: r.pyradiomicsName, ibsiTag: r.ibsiTag, ibsiId: r.ibsiId,
}));
