/**
 * Preprocessing of an image and its region of interest before feature extraction (IBSI 1 chapter 2; PyRadiomics
 * `imageoperations`): cropping, resampling, rounding, re-segmentation, normalisation, discretisation, ROI checks.
 */
export * from './crop.js';
export * from './discretise.js';
export * from './resegment.js';
export * from './round.js';
export * from './normalise.js';
export * from './roi-checks.js';
export * from './bspline-coefficients.js';
export * from './interpolate.js';
export * from './resample.js';
