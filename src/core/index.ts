export * from './errors.js';
export * from './vec.js';
export * from './geometry.js';
export * from './volume.js';
export * from './mask.js';
export * from './rng.js';
export * from './atomic.js';
export * from './module-url.js';
