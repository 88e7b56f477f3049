/**
 * PyRadiomics `firstorder` family.
 *
 * Entry points:
 * - {@link pyradiomicsFirstOrder}`(roi: RoiImage, grey: DiscretisedRoi, { voxelArrayShift })` → FeatureValues keyed
 *   by PyRadiomics name (`Mean`, `10Percentile`, `Entropy`, ...; 19 names including the deprecated
 *   `StandardDeviation`, which PyRadiomics enables only by name: see {@link PYRADIOMICS_FIRSTORDER_DEPRECATED}).
 *   Needs the intensity mask (after re-segmentation) and the PyRadiomics-binned levels of the same grid.
 * - {@link FIRSTORDER_FEATURES}: the FeatureDef list (PyRadiomics name, IBSI tag stem, IBSI id).
 * - Helpers shared with the IBSI families: {@link percentileSorted}, {@link medianSorted} (numpy's linear rule),
 *   {@link maskedValues}, {@link centralMoments}, {@link levelCounts}.
 */
export { pyradiomicsFirstOrder, PYRADIOMICS_FIRSTORDER_DEPRECATED, type PyRadiomicsFirstOrderSettings } from './pyradiomics-firstorder.js';
export { FIRSTORDER_FEATURES } from './defs.js';
export { percentileSorted, medianSorted, sortedCopy } from './percentile.js';
export { maskedValues, centralMoments, robustMeanAbsDev, type CentralMoments } from './masked-values.js';
export { levelCounts } from './level-histogram.js';
