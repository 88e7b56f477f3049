import type { FeatureDef } from '../../types.js';
import type { NgtdmStats } from './stats.js';

/** NGTDM features (IBSI 1 §3.10, family id IPET; PyRadiomics `ngtdm`). Formulas: see {@link NgtdmStats}. */
export const NGTDM_FEATURES: readonly { readonly stat: keyof NgtdmStats; readonly ibsiTag: string; readonly ibsiId: string; readonly pyradiomicsName: string }[] = [
  { stat: 'coarseness', ibsiTag: 'ngt_coarseness', ibsiId: 'QCDE', pyradiomicsName: 'Coarseness' },
  { stat: 'contrast', ibsiTag: 'ngt_contrast', ibsiId: '65HE', pyradiomicsName: 'Contrast' },
  { stat: 'busyness', ibsiTag: 'ngt_busyness', ibsiId: 'NQ30', pyradiomicsName: 'Busyness' },
  { stat: 'complexity', ibsiTag: 'ngt_complexity', ibsiId: 'HDEZ', pyradiomicsName: 'Complexity' },
  { stat: 'strength', ibsiTag: 'ngt_strength', ibsiId: '1X9X', pyradiomicsName: 'Strength' },
];

/** PyRadiomics' NGTDM feature names (5). */
export const NGTDM_PYRADIOMICS_NAMES: readonly string[] = NGTDM_FEATURES.map((r) => r.pyradiomicsName);

/** Registry entries of the NGTDM family. */
export const NGTDM_FEATURE_DEFS: readonly FeatureDef[] = NGTDM_FEATURES.map((r) => ({
  family: 'ngtdm', pyradiomicsName: r.pyradiomicsName, ibsiTag: r.ibsiTag, ibsiId: r.ibsiId,
}));
