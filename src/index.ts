/** dlrn: deep learning radiomics nomograms. The library's public entry point. */
export * from './core/index.js';
export * from './table/index.js';
