/**
 * The radiomics extraction pipeline: PyRadiomics-compatible mode (parameter files, `original_<class>_<Feature>`
 * columns, `diagnostics_*`) and IBSI mode (configurations A–E, IBSI tags), single cases and batches.
 */
export * from './pyradiomics-settings.js';
export * from './params-file.js';
export * from './naming.js';
export * from './ibsi-configs.js';
export * from './python-format.js';
export * from './mask-stats.js';
export * from './pyradiomics-diagnostics.js';
export * from './provenance.js';
export * from './pyradiomics-extract.js';
export * from './ibsi-diagnostics.js';
export * from './ibsi-extract.js';
export * from './ibsi-families.js';
export * from './extract-case.js';
export * from './batch.js';
export * from './conformance.js';
