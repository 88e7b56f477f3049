/**
 * glmnet-style LASSO / elastic-net logistic regression: the path (`fitGlmnet`), cross-validation
 * (`cvGlmnet`), coefficients at any λ, and an exact solver to polish a path point.
 */
export * from './glmnet-options.js';
export * from './glmnet-fit.js';
export * from './cv-glmnet.js';
export * from './cv-measures.js';
export * from './lambda-interp.js';
export { GLMNET_CONTROL_DEFAULTS, type GlmnetControl } from './lognet-path.js';
export * from './lasso-exact.js';
export * from './lasso-classifier.js';
