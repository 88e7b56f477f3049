/**
 * IBSI intensity families (IBSI 1 §3.2–3.5), keyed by full IBSI tags.
 *
 * Entry points (the extractor composes them; each throws MaskError/InvalidInputError for unusable input):
 * - {@link ibsiIntensityStats}`(roi)` → `stat_*` (18): intensities of `roi.intensityMask`, no discretisation.
 * - {@link ibsiIntensityHistogram}`(grey)` → `ih_*` (23): on an IBSI-discretised ROI (`grey.nLevels` = all bins).
 * - {@link ibsiIntensityVolumeHistogram}`(roi, { discretisation: {kind: 'none'} | {kind: 'fbs', binWidth} |
 *   {kind: 'fbn', binCount}, range? })` → `ivh_*` (7); `range` = the re-segmentation range (sets the total range G).
 *   IBSI configs: A, B, D `none` (+ range for A/B); C `fbs` 2.5 with range [−1000, 400]; E `fbn` 1000.
 * - {@link ibsiLocalIntensity}`(roi, { allowTruncatedNeighbourhood? })` → `loc_peak_loc`, `loc_peak_glob`: needs
 *   `roi.values` on a crop reaching ≥ 6.2 mm ({@link PEAK_SPHERE_RADIUS_MM}) beyond the intensity mask (the
 *   interpolated, not re-segmented image); pass `allowTruncatedNeighbourhood` where the image itself ends.
 * - {@link IBSI_INTENSITY_FEATURES}: FeatureDef list (IBSI tag, id, PyRadiomics name where equivalent).
 */
export { ibsiIntensityStats } from './intensity-statistics.js';
export { ibsiIntensityHistogram } from './intensity-histogram.js';
export { ibsiIntensityVolumeHistogram, type IvhSettings, type IvhDiscretisation } from './intensity-volume-histogram.js';
export { ibsiLocalIntensity, PEAK_SPHERE_RADIUS_MM, type LocalIntensityOptions } from './local-intensity.js';
export { distributionStats, type DistributionStats } from './distribution-stats.js';
export { IBSI_INTENSITY_FEATURES } from './defs.js';
