import type { FeatureValues, RoiImage } from '../types.js';
import { shapeGeometry, type ShapeGeometry } from './shape-geometry.js';

/**
 * PyRadiomics `shape` (3D) features, keyed by PyRadiomics name, from the morphological mask.
 *
 * With V the marching-cubes mesh volume, A its surface area (mesh over the mask cropped to its bounding box and
 * padded by one voxel, vertices at edge midpoints: the mesh of PyRadiomics' `cshape.c`), N_v the voxel count and
 * λ_least ≤ λ_minor ≤ λ_major the eigenvalues of the voxel-centre covariance (population, mm²):
 *
 * - MeshVolume = V; VoxelVolume = N_v·V_voxel; SurfaceArea = A; SurfaceVolumeRatio = A/V
 * - Sphericity = (36πV²)^{1/3}/A; Compactness1 = V/(√π·A^{3/2}); Compactness2 = 36πV²/A³;
 *   SphericalDisproportion = A/(36πV²)^{1/3} (the last three are deprecated in PyRadiomics: not enabled by default,
 *   see {@link PYRADIOMICS_SHAPE_DEPRECATED})
 * - Maximum3DDiameter: largest distance between mesh vertices; Maximum2DDiameterSlice / Column / Row: the same over
 *   vertex pairs in one axial (equal z) / coronal (equal y) / sagittal (equal x) plane
 * - MajorAxisLength = 4√λ_major, MinorAxisLength = 4√λ_minor, LeastAxisLength = 4√λ_least
 * - Elongation = √(λ_minor/λ_major), Flatness = √(λ_least/λ_major)
 *
 * As in PyRadiomics, an axis length or ratio involving a negative eigenvalue is NaN, and Elongation/Flatness are
 * NaN (0/0) for a single voxel. The diagnostics reason for such NaN is the caller's to record.
 *
 * @param roi - only `morphologicalMask`, `size` and `spacing` are used (the mask before re-segmentation).
 * @param geometry - optional precomputed {@link shapeGeometry} of the same mask (to share work with other families).
 * @throws MaskError when the mask is empty.
 */
export function pyradiomicsShape(roi: Pick<RoiImage, 'morphologicalMask' | 'size' | 'spacing'>, geometry?: ShapeGeometry): FeatureValues {
  const g = geometry ?? shapeGeometry(roi.morphologicalMask, roi.size, roi.spacing);
  const V = g.mesh.volume;
  const A = g.mesh.area;
  const [least, minor, major] = g.pca.eigenvalues;
  const axis = (l: number) => (l < 0 ? NaN : 4 * Math.sqrt(l));
  const ratio = (a: number, b: number) => (a < 0 || b < 0 ? NaN : Math.sqrt(a / b));
  const sphereArea = Math.cbrt(36 * Math.PI * V * V);
  return {
    MeshVolume: V,
    VoxelVolume: g.voxelCount * g.voxelVolume,
    SurfaceArea: A,
    SurfaceVolumeRatio: A / V,
    Sphericity: sphereArea / A,
    Compactness1: V / (Math.sqrt(Math.PI) * A ** 1.5),
    Compactness2: (36 * Math.PI * V * V) / (A * A * A),
    SphericalDisproportion: A / sphereArea,
    Maximum3DDiameter: g.diameters.max3D,
    Maximum2DDiameterSlice: g.diameters.sliceZ,
    Maximum2DDiameterColumn: g.diameters.columnY,
    Maximum2DDiameterRow: g.diameters.rowX,
    MajorAxisLength: axis(major),
    MinorAxisLength: axis(minor),
    LeastAxisLength: axis(least),
    Elongation: ratio(minor, major),
    Flatness: ratio(least, major),
  };
}

/** Shape features PyRadiomics computes only when asked for by name. */
export const PYRADIOMICS_SHAPE_DEPRECATED: readonly string[] = ['Compactness1', 'Compactness2', 'SphericalDisproportion'];
