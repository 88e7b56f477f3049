/** Design matrices from tables: numeric and treatment-coded categorical predictors with R and rms term names. */
export {
  buildDesign, learnCoding, encodeRows, designTerms, sortLevels,
  type PredictorSpec, type PredictorData, type DesignTerm, type PredictorCoding, type Design,
} from './design.js';
