/**
 * IBSI morphology family (IBSI 1 §3.1), keyed by full IBSI tags (`morph_volume`, ..., 29 features).
 *
 * Entry points:
 * - {@link ibsiMorphology}`(roi, { geometry?, autocorrelation?, mveeTolerance? })` → FeatureValues. Uses
 *   `roi.morphologicalMask` (mesh, voxel count, PCA, geometric centre of mass) and `roi.intensityMask` with
 *   `roi.values` (integrated intensity, intensity-weighted centre of mass, Moran's I, Geary's C). Pass the
 *   {@link shapeGeometry} already computed for the PyRadiomics shape family to share the mesh.
 * - Building blocks: {@link spatialAutocorrelation} (exact Moran's I / Geary's C, FFT for large ROIs),
 *   {@link ellipsoidSurfaceArea}, {@link minimumVolumeEnclosingEllipsoid}, {@link axisAlignedBox},
 *   {@link orientedMinimumBox}, {@link minimumAreaRectangle}, {@link fft3d}.
 * - {@link IBSI_MORPHOLOGY_FEATURES}: FeatureDef list.
 */
export { ibsiMorphology, type IbsiMorphologyOptions } from './morphology.js';
export { spatialAutocorrelation, type SpatialAutocorrelation, type SpatialAutocorrelationOptions } from './spatial-autocorrelation.js';
export { ellipsoidSurfaceArea, minimumVolumeEnclosingEllipsoid, type EnclosingEllipsoid } from './ellipsoid.js';
export { axisAlignedBox, orientedMinimumBox, minimumAreaRectangle, type Box } from './bounding-boxes.js';
export { fft1d, fft3d, fftSize } from './fft.js';
export { IBSI_MORPHOLOGY_FEATURES } from './defs.js';
export { shapeGeometry, type ShapeGeometry } from '../shape/shape-geometry.js';
