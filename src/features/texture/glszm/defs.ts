import type { FeatureDef } from '../../types.js';
import type { SizeZoneFeatureRow } from '../common/size-zone-stats.js';

/**
 * GLSZM features (IBSI 1 §3.8, family id 9SAK; PyRadiomics `glszm`), with j = zone size (voxels).
 * Formulas: see `SizeZoneStats` (N_s = number of zones, N_v = number of voxels).
 */
export const GLSZM_FEATURES: readonly SizeZoneFeatureRow[] = [
  { stat: 'smallEmphasis', ibsiTag: 'szm_sze', ibsiId: '5QRC', pyradiomicsName: 'SmallAreaEmphasis' },
  { stat: 'largeEmphasis', ibsiTag: 'szm_lze', ibsiId: '48P8', pyradiomicsName: 'LargeAreaEmphasis' },
  { stat: 'lowGreyEmphasis', ibsiTag: 'szm_lgze', ibsiId: 'XMSY', pyradiomicsName: 'LowGrayLevelZoneEmphasis' },
  { stat: 'highGreyEmphasis', ibsiTag: 'szm_hgze', ibsiId: '5GN9', pyradiomicsName: 'HighGrayLevelZoneEmphasis' },
  { stat: 'smallLowEmphasis', ibsiTag: 'szm_szlge', ibsiId: '5RAI', pyradiomicsName: 'SmallAreaLowGrayLevelEmphasis' },
  { stat: 'smallHighEmphasis', ibsiTag: 'szm_szhge', ibsiId: 'HW1V', pyradiomicsName: 'SmallAreaHighGrayLevelEmphasis' },
  { stat: 'largeLowEmphasis', ibsiTag: 'szm_lzlge', ibsiId: 'YH51', pyradiomicsName: 'LargeAreaLowGrayLevelEmphasis' },
  { stat: 'largeHighEmphasis', ibsiTag: 'szm_lzhge', ibsiId: 'J17V', pyradiomicsName: 'LargeAreaHighGrayLevelEmphasis' },
  { stat: 'greyNonUniformity', ibsiTag: 'szm_glnu', ibsiId: 'JNSA', pyradiomicsName: 'GrayLevelNonUniformity' },
  { stat: 'greyNonUniformityNorm', ibsiTag: 'szm_glnu_norm', ibsiId: 'Y1RO', pyradiomicsName: 'GrayLevelNonUniformityNormalized' },
  { stat: 'jNonUniformity', ibsiTag: 'szm_zsnu', ibsiId: '4JP3', pyradiomicsName: 'SizeZoneNonUniformity' },
  { stat: 'jNonUniformityNorm', ibsiTag: 'szm_zsnu_norm', ibsiId: 'VB3A', pyradiomicsName: 'SizeZoneNonUniformityNormalized' },
  { stat: 'percentage', ibsiTag: 'szm_z_perc', ibsiId: 'P30P', pyradiomicsName: 'ZonePercentage' },
  { stat: 'greyVariance', ibsiTag: 'szm_gl_var', ibsiId: 'BYLV', pyradiomicsName: 'GrayLevelVariance' },
  { stat: 'jVariance', ibsiTag: 'szm_zs_var', ibsiId: '3NSA', pyradiomicsName: 'ZoneVariance' },
  { stat: 'entropy', ibsiTag: 'szm_zs_entr', ibsiId: 'GU8N', pyradiomicsName: 'ZoneEntropy' },
];

/** Registry entries of the GLSZM family. */
export const GLSZM_FEATURE_DEFS: readonly FeatureDef[] = GLSZM_FEATURES.map((r) => ({
  family: 'glszm', pyradiomicsName: r.pyradiomicsName, ibsiTag: r.ibsiTag, ibsiId: r.ibsiId,
}));
