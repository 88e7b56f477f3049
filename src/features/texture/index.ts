/**
 * Texture features: GLCM, GLRLM, GLSZM, GLDZM, NGTDM and NGLDM (PyRadiomics' GLDM), in two modes.
 *
 * Input: a {@link DiscretisedRoi} (grey levels 1..nLevels inside the ROI, 0 outside, x fastest), already
 * discretised with the right convention by `src/preprocess/discretise.ts`. No function mutates its input.
 *
 * **PyRadiomics mode** (values keyed by PyRadiomics feature name, e.g. `Contrast`; the extractor prefixes
 * `original_glcm_`):
 * - `pyradiomicsGlcm(roi, {distances, force2D, force2Ddimension, symmetricalGLCM, weightingNorm})` — 24 features;
 * - `pyradiomicsGlrlm(roi, {force2D, force2Ddimension, weightingNorm})` — 16;
 * - `pyradiomicsGlszm(roi, {force2D, force2Ddimension})` — 16;
 * - `pyradiomicsGldm(roi, {distances, force2D, force2Ddimension, gldm_a})` — 14;
 * - `pyradiomicsNgtdm(roi, {distances, force2D, force2Ddimension})` — 5;
 * - `pyradiomicsTexture(roi, classes, settings)` — several classes on one grid, keys `<class>_<Feature>`;
 * - matrices as PyRadiomics builds them (for checks): `pyradiomicsGlcmMatrices`, `pyradiomicsGlrlmMatrices`,
 *   `pyradiomicsGlszmMatrix`, `pyradiomicsGldmMatrix`, `pyradiomicsNgtdmMatrix`.
 *
 * **IBSI mode** (values keyed by full IBSI tag, e.g. `cm_joint_max_3D_avg`, `szm_sze_2_5D`):
 * - `ibsiGlcm(roi, options)` — `cm_*` × {2D_avg, 2D_comb, 2_5D_avg, 2_5D_comb, 3D_avg, 3D_comb};
 * - `ibsiGlrlm(roi, options)` — `rlm_*` × the same six aggregations;
 * - `ibsiGlszm(roi, options)`, `ibsiNgtdm(roi, options)`, `ibsiNgldm(roi, options)` — `szm_*`, `ngt_*`, `ngl_*` × {2D, 2_5D, 3D};
 * - `ibsiGldzm(roi, morphologicalMask, options)` — `dzm_*` × {2D, 2_5D, 3D}; distances from the morphological mask;
 * - `ibsiTexture(roi, morphologicalMask, options, families)` — all families on one grid.
 * `options`: `{spatial?: ('2D' | '2_5D' | '3D')[], distance?: number, alpha?: number}`; IBSI configs A/B use
 * `spatial: ['2D', '2_5D']`, C–E `['3D']`. 2D means per k-slice (the third array axis).
 *
 * **Registry**: `TEXTURE_FEATURE_DEFS` and per-family `GLCM_FEATURES`, `GLRLM_FEATURES`, ... tables (statistic,
 * IBSI tag stem, IBSI id, PyRadiomics name); formulas are in the TSDoc of `GlcmStats`, `SizeZoneStats`
 * (shared by GLRLM, GLSZM, GLDZM, NGLDM) and `NgtdmStats`.
 *
 * Degenerate inputs: an empty ROI throws `MaskError`; malformed levels throw `InvalidInputError`. A statistic
 * that is undefined (0/0) is NaN in IBSI mode and skipped when averaging; PyRadiomics mode reproduces
 * PyRadiomics' conventional values (e.g. correlation 1, coarseness 10⁶ for flat regions).
 */
export * from './common/aggregate.js';
export { DIRECTIONS_2D, DIRECTIONS_3D, pyradiomicsDirections, ibsiDirections, type Direction } from './common/directions.js';
export type { PyradiomicsTextureSettings, WeightingNorm } from './common/pyradiomics-settings.js';
export type { SizeZoneStats, SizeZoneFeatureRow } from './common/size-zone-stats.js';
export type { SparseCounts } from './common/sparse-counts.js';
export { glcmStats, PYRADIOMICS_EPS, type GlcmStats, type GlcmStatsOptions } from './glcm/stats.js';
export { GLCM_FEATURES, GLCM_FEATURE_DEFS, type GlcmFeatureRow } from './glcm/defs.js';
export { ibsiGlcm } from './glcm/ibsi.js';
export { pyradiomicsGlcm, pyradiomicsGlcmMatrices, GLCM_PYRADIOMICS_NAMES, type GlcmPyradiomicsSettings, type PyradiomicsGlcmMatrices } from './glcm/pyradiomics.js';
export { GLRLM_FEATURES, GLRLM_FEATURE_DEFS } from './glrlm/defs.js';
export { ibsiGlrlm } from './glrlm/ibsi.js';
export { pyradiomicsGlrlm, pyradiomicsGlrlmMatrices, GLRLM_PYRADIOMICS_NAMES, type GlrlmPyradiomicsSettings, type PyradiomicsGlrlmMatrices } from './glrlm/pyradiomics.js';
export { GLSZM_FEATURES, GLSZM_FEATURE_DEFS } from './glszm/defs.js';
export { ibsiGlszm } from './glszm/ibsi.js';
export { pyradiomicsGlszm, pyradiomicsGlszmMatrix, GLSZM_PYRADIOMICS_NAMES, type GlszmPyradiomicsSettings } from './glszm/pyradiomics.js';
export { GLDZM_FEATURES, GLDZM_FEATURE_DEFS } from './gldzm/defs.js';
export { ibsiGldzm } from './gldzm/ibsi.js';
export { NGTDM_FEATURES, NGTDM_FEATURE_DEFS, NGTDM_PYRADIOMICS_NAMES } from './ngtdm/defs.js';
export type { NgtdmStats } from './ngtdm/stats.js';
export type { NgtdmMatrix } from './ngtdm/matrix.js';
export { ibsiNgtdm } from './ngtdm/ibsi.js';
export { pyradiomicsNgtdm, pyradiomicsNgtdmMatrix, type NgtdmPyradiomicsSettings } from './ngtdm/pyradiomics.js';
export { NGLDM_FEATURES, NGLDM_FEATURE_DEFS } from './ngldm/defs.js';
export { ibsiNgldm } from './ngldm/ibsi.js';
export { pyradiomicsGldm, pyradiomicsGldmMatrix, GLDM_PYRADIOMICS_NAMES, type GldmPyradiomicsSettings } from './ngldm/pyradiomics.js';
export { TEXTURE_FEATURE_DEFS } from './defs.js';
export { pyradiomicsTexture, ibsiTexture, type PyradiomicsTextureClass, type IbsiTextureFamily, type PyradiomicsAllTextureSettings } from './all.js';
