import type { FeatureDef } from '../types.js';
import { GLCM_FEATURE_DEFS } from './glcm/defs.js';
import { GLDZM_FEATURE_DEFS } from './gldzm/defs.js';
import { GLRLM_FEATURE_DEFS } from './glrlm/defs.js';
import { GLSZM_FEATURE_DEFS } from './glszm/defs.js';
import { NGLDM_FEATURE_DEFS } from './ngldm/defs.js';
import { NGTDM_FEATURE_DEFS } from './ngtdm/defs.js';

/**
 * Registry entries of every texture feature (96: GLCM 26, GLRLM 16, GLSZM 16, GLDZM 16, NGTDM 5, NGLDM/GLDM 17):
 * family, PyRadiomics name (null if PyRadiomics has no value), IBSI tag stem (without the aggregation
 * suffix; null for MCC) and IBSI id.
 */
export const TEXTURE_FEATURE_DEFS: readonly FeatureDef[] = [
  ...GLCM_FEATURE_DEFS, ...GLRLM_FEATURE_DEFS, ...GLSZM_FEATURE_DEFS,
  ...GLDZM_FEATURE_DEFS, ...NGTDM_FEATURE_DEFS, ...NGLDM_FEATURE_DEFS,
];
