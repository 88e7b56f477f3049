/**
 * PyRadiomics `shape` (3D) and `shape2D` families, and the shared mesh geometry.
 *
 * Entry points:
 * - {@link pyradiomicsShape}`(roi, geometry?)` → FeatureValues keyed by PyRadiomics name (`MeshVolume`,
 *   `Maximum3DDiameter`, ...; 17 names incl. the deprecated Compactness1/2 and SphericalDisproportion, see
 *   {@link PYRADIOMICS_SHAPE_DEPRECATED}). Uses `roi.morphologicalMask` (before re-segmentation), `size`, `spacing`.
 * - {@link pyradiomicsShape2D}`(roi, { force2Ddimension = 0 })` → shape2D features for a single-slice mask (force2D).
 * - {@link shapeGeometry}`(mask, size, spacing)`: the marching-cubes mesh (PyRadiomics' triangulation, see
 *   `marching-cubes-cases.ts`), exact mesh diameters (convex hulls) and PCA moments; pass it to both
 *   {@link pyradiomicsShape} and the IBSI morphology family to compute the mesh once.
 * - {@link SHAPE_FEATURES}, {@link SHAPE2D_FEATURES}: FeatureDef lists.
 */
export { pyradiomicsShape, PYRADIOMICS_SHAPE_DEPRECATED } from './pyradiomics-shape.js';
export { pyradiomicsShape2D, PYRADIOMICS_SHAPE2D_DEPRECATED, type Shape2DSettings } from './pyradiomics-shape2d.js';
export { shapeGeometry, type ShapeGeometry } from './shape-geometry.js';
export { surfaceMesh, type SurfaceMesh } from './surface-mesh.js';
export { meshDiameters, convexHull2D, type MeshDiameters } from './diameters.js';
export { convexHull3D, type ConvexHull3D } from './convex-hull-3d.js';
export { principalMoments3D, symmetricEigenvalues2, symmetricEigenvalues3, type PrincipalMoments } from './principal-axes.js';
export { SHAPE_FEATURES, SHAPE2D_FEATURES } from './defs.js';
