/**
 * dlrn: deep learning radiomics nomograms. The library's public entry point: every area's barrel,
 * flat (`import { readImage, extractCaseFiles, fitLogistic, runStudy } from 'dlrn'`).
 */
export * from './core/index.js';
export * from './table/index.js';
export * from './io/index.js';
export * from './preprocess/index.js';
export * from './features/index.js';
export * from './deep/index.js';
export * from './math/index.js';
export * from './selection/index.js';
export * from './models/logistic/index.js';
export * from './models/design/index.js';
export * from './models/glmnet/index.js';
export * from './models/classifiers/index.js';
export * from './evaluation/index.js';
export * from './nomogram/index.js';
export * from './synthetic/index.js';
export * from './study/index.js';
export * from './report/index.js';
