/**
 * Feature screening and selection for radiomics: scaling, univariate tests, multiple-testing
 * adjustment, correlation matrices and redundancy filtering, ICC stability screening, mRMR ranking,
 * PCA and variance filters. Every estimator is fitted on training rows only and returns a new fitted
 * object whose `transform` never refits.
 */
export * from './matrix.js';
export * from './linalg.js';
export * from './sums.js';
export * from './scaler.js';
export * from './univariate-tests.js';
export * from './p-adjust.js';
export * from './screening.js';
export * from './correlation.js';
export * from './selector.js';
export * from './redundancy-filter.js';
export * from './variance-filter.js';
export * from './icc.js';
export * from './mrmr.js';
export * from './pca.js';
