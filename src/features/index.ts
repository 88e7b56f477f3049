/** Radiomics features: shared types, the registry and the extraction pipeline. */
export * from './types.js';
export * from './registry.js';
export * from './extractor/index.js';
