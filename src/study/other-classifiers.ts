/**
 * Penalised and non-linear models of a feature set, from src/models/classifiers: L2 logistic regression
 * (scikit-learn's `LogisticRegression(C = 1)`), C-SVC with an RBF kernel and Platt probabilities (libsvm), and
 * a seeded random forest (500 trees, √p features per split). All use the classifiers' defaults and are seeded
 * from the study seed.
 */
import type { Rng } from '../core/rng.js';
import { LogisticRegressionL2, RandomForest, SVC, type FittedClassifier } from '../models/classifiers/index.js';
import type { ColumnMajorMatrix } from '../selection/matrix.js';
import type { FittedModel } from './classifier.js';

/** Fits `l2_logistic`, `svm` or `random_forest` on the selected features. */
export function otherClassifier(id: 'l2_logistic' | 'svm' | 'random_forest', x: ColumnMajorMatrix, y: Float64Array, names: readonly string[], rng: Rng): FittedModel {
  let fitted: FittedClassifier;
  if (id === 'l2_logistic') fitted = new LogisticRegressionL2().fit(x, y);
  else if (id === 'svm') fitted = new SVC({ kernel: 'rbf', probability: 'platt', seed: rng.seedPath }).fit(x, y);
  else fitted = new RandomForest({ rng }).fit(x, y);
  return { classifier: id, inputs: [...names], predict: (xx) => fitted.predictProba(xx) };
}
