export * from './distributions.js';
export * from './special.js';
export { incompleteBeta } from './incomplete-beta.js';
export { incompleteGamma } from './incomplete-gamma.js';
export * from './quantile.js';
export * from './rank.js';
export * from './pretty.js';
