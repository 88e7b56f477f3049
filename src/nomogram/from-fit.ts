/**
 * Builds a nomogram directly from a fitted logistic regression and the design coding it was
 * fitted with (numeric terms and treatment-coded factors; no interactions or splines).
 */
import { InvalidInputError } from '../core/errors.js';
import type { LogisticFit } from '../models/logistic/index.js';
import type { PredictorCoding, PredictorData } from '../models/design/index.js';
import { buildNomogram, type NomogramInput, type NomogramModel, type NomogramOptions, type NomogramPredictorInput } from './model.js';

/**
 * The {@link NomogramInput} of a fit: one predictor per coded predictor, with its coefficient(s)
 * taken by R term name (`age`, `raceblack`) and its training values from `training`.
 */
export function nomogramInputFromFit(fit: LogisticFit, coding: readonly PredictorCoding[], training: PredictorData): NomogramInput {
  if (!fit.hasIntercept) throw new InvalidInputError('a nomogram needs a model with an intercept');
  const predictors: NomogramPredictorInput[] = coding.map((c) => {
    if (c.kind === 'numeric') {
      const values = training.numeric.get(c.name);
      if (!values) throw new InvalidInputError(`training values of "${c.name}" are missing`);
      return { name: c.name, kind: 'numeric', coefficient: fit.coefficient(c.name), trainingValues: values };
    }
    return { name: c.name, kind: 'categorical', levels: c.levels, coefficients: c.levels.map((l, k) => (k === 0 ? 0 : fit.coefficient(`${c.name}${l}`))) };
  });
  return { intercept: fit.coefficients[0], predictors, trainingLinearPredictors: fit.linearPredictors };
}

/** {@link buildNomogram} for a fitted logistic regression (see {@link nomogramInputFromFit}). */
export function nomogramFromFit(fit: LogisticFit, coding: readonly PredictorCoding[], training: PredictorData, opts: NomogramOptions = {}): NomogramModel {
  return buildNomogram(nomogramInputFromFit(fit, coding, training), opts);
}
