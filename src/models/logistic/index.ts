/**
 * Binary logistic regression with R's numbers: `glm(binomial)` by IRLS (coefficients, SE, z, p,
 * Wald and profile-likelihood intervals, odds ratios, covariance, deviance, AIC), exact separation
 * detection, and rms `lrm` statistics.
 */
export { fitLogistic, LogisticFit, INTERCEPT_TERM, type LogisticFitInit } from './fit.js';
export type { LogisticOptions, Rows, SeparationReport, Interval } from './types.js';
export { detectSeparation, type SeparationResult } from './separation.js';
export { logit, plogis, logitInverse, logitMuEta, binomialDevianceResidual } from './link.js';
export { profileConfint } from './profile.js';
export { lrmStatistics, lrmStatsRecord, formatRounded1, type LrmStatistics } from './lrm-stats.js';
export { concordanceCounts, binnedConcordanceCounts, giniMeanDifference, type ConcordanceCounts } from './concordance.js';
export { glmBlock, lrmBlock, type GlmBlock, type LrmBlock } from './blocks.js';
