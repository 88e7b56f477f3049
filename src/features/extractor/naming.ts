/**
 * The one place that builds output column names.
 *
 * - PyRadiomics mode: `<imageType>_<class>_<Feature>` (PyRadiomics `featureextractor`: e.g. `original_glcm_Contrast`;
 *   filtered images will be named like `log-sigma-1-0-mm-3D` and `wavelet-LLH`) and `diagnostics_<Group>_<Item>`
 *   (`diagnostics_Image-original_Mean`, `diagnostics_Mask-interpolated_VoxelNum`).
 * - IBSI mode: the full IBSI tag as returned by the family (`morph_volume`, `cm_joint_max_2D_avg`), and diagnostics by
 *   their IBSI tags (`img_dim_x_init_img`, `int_mask_vox_count_reseg_roi`), prefixed by nothing.
 */

/** PyRadiomics image type name of the unfiltered image. */
export const ORIGINAL_IMAGE = 'original';

/** `original_glcm_Contrast`-style name of a PyRadiomics feature. */
export function pyradiomicsFeatureName(imageType: string, featureClass: string, feature: string): string {
  return `${imageType}_${featureClass}_${feature}`;
}

/** Splits a PyRadiomics feature column name into its parts (null when it is not one). */
export function parsePyradiomicsFeatureName(column: string): { imageType: string; featureClass: string; feature: string } | null {
  const m = /^([^_]+)_([^_]+)_(.+)$/.exec(column);
  if (!m || m[1] === 'diagnostics') return null;
  return { imageType: m[1], featureClass: m[2], feature: m[3] };
}

/** `diagnostics_<group>_<item>` (e.g. group `Image-original`, item `Mean`). */
export function diagnosticsName(group: string, item: string): string {
  return `diagnostics_${group}_${item}`;
}

/** True for a diagnostics (non-feature) column in either mode. */
export function isDiagnosticsColumn(column: string): boolean {
  return column.startsWith('diagnostics_');
}

/**
 * `diagnostics_dlrn_NaNFeatures`: the features whose value is NaN and why (a one-grey-level ROI makes many texture
 * statistics 0/0), or nothing when every value is defined.
 */
export function nanDiagnostics(features: Readonly<Record<string, number>>, nLevels: number): Record<string, string> {
  const names = Object.keys(features).filter((k) => Number.isNaN(features[k]));
  if (names.length === 0) return {};
  const why = nLevels === 1 ? 'undefined for this ROI: one grey level (flat intensities)' : 'undefined for this ROI (0/0)';
  return { [diagnosticsName('dlrn', 'NaNFeatures')]: `${names.join(' ')} (${why})` };
}
