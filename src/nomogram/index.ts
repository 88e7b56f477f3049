/** rms-style nomograms of logistic models: axes, points, total points ↔ lp ↔ probability, and SVG drawing. */
export {
  buildNomogram, nomogramPoints,
  type NomogramInput, type NomogramPredictorInput, type NomogramOptions, type NomogramModel, type NomogramAxis, type NomogramPatientPoints,
} from './model.js';
export { nomogramFromFit, nomogramInputFromFit } from './from-fit.js';
export { approxLinear } from './approx.js';
export { nomogramBlock, type NomogramBlock, type NomogramPredictorBlock } from './block.js';
export { renderNomogramSvg, formatTick, type NomogramSvgOptions } from './svg.js';
