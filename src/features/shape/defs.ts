import type { FeatureDef } from '../types.js';

const def = (pyradiomicsName: string, ibsiTag: string | null, ibsiId: string | null): FeatureDef =>
  Object.freeze({ family: 'shape', pyradiomicsName, ibsiTag, ibsiId });

/**
 * PyRadiomics `shape` (3D) features and their IBSI counterparts (IBSI 1 manual ids; PyRadiomics
 * `featuresDict_IBSIv7.tsv`). Formulas: {@link pyradiomicsShape}. The 2D diameters have no IBSI counterpart.
 */
export const SHAPE_FEATURES: readonly FeatureDef[] = Object.freeze([
  def('MeshVolume', 'morph_volume', 'RNU0'),
  def('VoxelVolume', 'morph_vol_approx', 'YEKZ'),
  def('SurfaceArea', 'morph_area_mesh', 'C0JK'),
  def('SurfaceVolumeRatio', 'morph_av', '2PR5'),
  def('Sphericity', 'morph_sphericity', 'QCFX'),
  def('Compactness1', 'morph_comp_1', 'SKGS'),
  def('Compactness2', 'morph_comp_2', 'BQWJ'),
  def('SphericalDisproportion', 'morph_sph_dispr', 'KRCK'),
  def('Maximum3DDiameter', 'morph_diam', 'L0JK'),
  def('Maximum2DDiameterSlice', null, null),
  def('Maximum2DDiameterColumn', null, null),
  def('Maximum2DDiameterRow', null, null),
  def('MajorAxisLength', 'morph_pca_maj_axis', 'TDIC'),
  def('MinorAxisLength', 'morph_pca_min_axis', 'P9VJ'),
  def('LeastAxisLength', 'morph_pca_least_axis', '7J51'),
  def('Elongation', 'morph_pca_elongation', 'Q3CK'),
  def('Flatness', 'morph_pca_flatness', 'N17B'),
]);

const def2 = (pyradiomicsName: string): FeatureDef => Object.freeze({ family: 'shape2D', pyradiomicsName, ibsiTag: null, ibsiId: null });

/** PyRadiomics `shape2D` features (force2D); IBSI defines morphology in 3D only, so none has an IBSI id. */
export const SHAPE2D_FEATURES: readonly FeatureDef[] = Object.freeze([
  def2('MeshSurface'), def2('PixelSurface'), def2('Perimeter'), def2('PerimeterSurfaceRatio'), def2('Sphericity'),
  def2('SphericalDisproportion'), def2('MaximumDiameter'), def2('MajorAxisLength'), def2('MinorAxisLength'), def2('Elongation'),
]);
