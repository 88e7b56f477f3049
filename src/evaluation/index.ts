export * from './validate.js';
export * from './direction.js';
export * from './placements.js';
export * from './roc-curve.js';
export * from './delong.js';
export * from './bootstrap.js';
export * from './roc.js';
export * from './nri-idi.js';
