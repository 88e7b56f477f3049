/**
 * The DLRN study: a config → cohorts → cached radiomics and DL features → leakage-free pipelines (scaling,
 * filters, PCA, Mann-Whitney, correlation, mRMR, LASSO-CV) → Rad, DL, DLR, clinical and DLRN models →
 * evaluation (ROC/DeLong, threshold metrics, calibration, decision curves) → DIR/results.json, the nomogram and
 * the model bundle; and `predictPatient` for one new patient.
 */
export * from './results.js';
export * from './schema.js';
export * from './config-schema.js';
export * from './config.js';
export * from './stratify.js';
export * from './cohorts.js';
export * from './feature-table.js';
export * from './feature-cache.js';
export * from './radiomics-features.js';
export * from './deep-features.js';
export * from './case-features.js';
export * from './pipeline.js';
export * from './steps.js';
export * from './clinical.js';
export * from './contingency.js';
export * from './cohort-table.js';
export * from './classifier.js';
export * from './evaluate.js';
export * from './fit-study.js';
export * from './build-results.js';
export * from './bundle.js';
export * from './predict.js';
export * from './summary.js';
export * from './run-study.js';
export * from './demo.js';
