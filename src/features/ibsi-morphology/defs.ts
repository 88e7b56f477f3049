import type { FeatureDef } from '../types.js';

const def = (ibsiTag: string, ibsiId: string, pyradiomicsName: string | null = null): FeatureDef =>
  Object.freeze({ family: 'morph', pyradiomicsName, ibsiTag, ibsiId });

/**
 * IBSI morphological features (IBSI 1 §3.1, HCUG) with their ids and the PyRadiomics shape name where PyRadiomics
 * computes the same quantity. Formulas: {@link ibsiMorphology}.
 */
export const IBSI_MORPHOLOGY_FEATURES: readonly FeatureDef[] = Object.freeze([
  def('morph_volume', 'RNU0', 'MeshVolume'),
  def('morph_vol_approx', 'YEKZ', 'VoxelVolume'),
  def('morph_area_mesh', 'C0JK', 'SurfaceArea'),
  def('morph_av', '2PR5', 'SurfaceVolumeRatio'),
  def('morph_comp_1', 'SKGS', 'Compactness1'),
  def('morph_comp_2', 'BQWJ', 'Compactness2'),
  def('morph_sph_dispr', 'KRCK', 'SphericalDisproportion'),
  def('morph_sphericity', 'QCFX', 'Sphericity'),
  def('morph_asphericity', '25C7'),
  def('morph_com', 'KLMA'),
  def('morph_diam', 'L0JK', 'Maximum3DDiameter'),
  def('morph_pca_maj_axis', 'TDIC', 'MajorAxisLength'),
  def('morph_pca_min_axis', 'P9VJ', 'MinorAxisLength'),
  def('morph_pca_least_axis', '7J51', 'LeastAxisLength'),
  def('morph_pca_elongation', 'Q3CK', 'Elongation'),
  def('morph_pca_flatness', 'N17B', 'Flatness'),
  def('morph_vol_dens_aabb', 'PBX1'),
  def('morph_area_dens_aabb', 'R59B'),
  def('morph_vol_dens_ombb', 'ZH1A'),
  def('morph_area_dens_ombb', 'IQYR'),
  def('morph_vol_dens_aee', '6BDE'),
  def('morph_area_dens_aee', 'RDD2'),
  def('morph_vol_dens_mvee', 'SWZ1'),
  def('morph_area_dens_mvee', 'BRI8'),
  def('morph_vol_dens_conv_hull', 'R3ER'),
  def('morph_area_dens_conv_hull', '7T7F'),
  def('morph_integ_int', '99N0'),
  def('morph_moran_i', 'N365'),
  def('morph_geary_c', 'NPT7'),
]);
