/**
 * The common classifier protocol (scikit-learn's): an unfitted estimator only stores hyperparameters;
 * `fit(X, y)` validates the training data (rows = observations, y = 0/1 with 1 = event) and returns a
 * new fitted model. Fitted models predict P(y = 1) and, where the model has one, a decision function
 * (a score whose sign gives the class; larger = more likely class 1).
 */
import type { MatrixInput } from '../../selection/matrix.js';

/** A fitted binary classifier. */
export interface FittedClassifier {
  /** Short model name, e.g. `"logistic-l2"`, `"svc-rbf"`, `"random-forest"`. */
  readonly name: string;
  /** Number of features the model was fitted on. */
  readonly nFeatures: number;
  /** P(y = 1 | x) for each row of `x`. */
  predictProba(x: MatrixInput): Float64Array;
  /** The model's raw score (log-odds, SVM margin, ...) when it has one. */
  decisionFunction?(x: MatrixInput): Float64Array;
}

/** An unfitted binary classifier. */
export interface Classifier<F extends FittedClassifier = FittedClassifier> {
  readonly name: string;
  fit(x: MatrixInput, y: ArrayLike<number>): F;
}
