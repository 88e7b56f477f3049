/**
 * Classifiers of the Rad, DL and DLR models, fitted on the training patients' LASSO-selected features:
 * - `logistic`: R's glm (src/models/logistic) on the selected features;
 * - `signature`: glm on the LASSO linear predictor alone (a recalibrated rad-score);
 * - `l2_logistic`, `svm`, `random_forest`: src/models/classifiers (scikit-learn-style L2 logistic regression,
 *   RBF C-SVC with Platt probabilities, seeded random forest).
 */
import { InvalidInputError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import { fitLogistic } from '../models/logistic/index.js';
import { matrixRow, type ColumnMajorMatrix } from '../selection/matrix.js';
import { coefficientRows } from './clinical.js';
import type { ClassifierId } from './config-schema.js';
import type { CoefficientRow } from './results.js';
import { otherClassifier } from './other-classifiers.js';

/** A fitted model of a feature set. */
export interface FittedModel {
  readonly classifier: ClassifierId;
  /** Input variables (feature names, or `signature`). */
  readonly inputs: readonly string[];
  readonly coefficients?: readonly CoefficientRow[];
  /**
   * P(y = 1) of patients given their selected features (columns = the fitted inputs, for `signature` unused)
   * and their signature values.
   */
  predict(x: ColumnMajorMatrix, signature: Float64Array): Float64Array;
}

/** Rows of a column-major matrix. */
export function matrixRows(x: ColumnMajorMatrix): Float64Array[] {
  return Array.from({ length: x.nrow }, (_, i) => matrixRow(x, i));
}

/**
 * Fits classifier `id` on training rows `x` (selected features named `names`) with outcome `y`; `signature`
 * is the training LASSO linear predictor.
 * @throws ModelFitError when a glm cannot be fitted (e.g. separation), InvalidInputError for an unknown id.
 */
export function fitClassifier(id: ClassifierId, x: ColumnMajorMatrix, y: Float64Array, names: readonly string[], signature: Float64Array, rng: Rng): FittedModel {
  switch (id) {
    case 'logistic': {
      const fit = fitLogistic(matrixRows(x), y, { termNames: names });
      return { classifier: id, inputs: [...names], coefficients: coefficientRows(fit), predict: (xx) => fit.predict(matrixRows(xx)) };
    }
    case 'signature': {
      const fit = fitLogistic(Array.from(signature, (s) => [s]), y, { termNames: ['signature'] });
      return { classifier: id, inputs: ['signature'], coefficients: coefficientRows(fit), predict: (_xx, sig) => fit.predict(Array.from(sig, (s) => [s])) };
    }
    case 'l2_logistic':
    case 'svm':
    case 'random_forest':
      return otherClassifier(id, x, y, names, rng);
    default:
      throw new InvalidInputError(`unknown classifier "${String(id)}"`);
  }
}
