/**
 * The cross-validated LASSO logistic model as a {@link Classifier}: `fit(X, y)` runs {@link cvGlmnet} on
 * the training rows and keeps the coefficients at λ_min (default) or λ_1se; `predictProba` /
 * `decisionFunction` (the rad-score, i.e. the linear predictor) apply them to any rows. The selected
 * features are the non-zero coefficients.
 */
import type { Classifier, FittedClassifier } from '../classifiers/classifier.js';
import { toColumnMajor, type MatrixInput } from '../../selection/matrix.js';
import { InvalidInputError } from '../../core/errors.js';
import { cvGlmnet, type CvGlmnetOptions, type CvGlmnetResult } from './cv-glmnet.js';
import { linearPredictor, type GlmnetCoefficients } from './glmnet-fit.js';

/** Options: those of {@link cvGlmnet} plus the λ rule. */
export interface LassoLogisticCVOptions extends CvGlmnetOptions {
  /** `"lambda.min"` (default) or `"lambda.1se"` (sparser). */
  readonly s?: 'lambda.min' | 'lambda.1se';
}

/** A fitted cross-validated LASSO logistic model. */
export class FittedLassoLogisticCV implements FittedClassifier {
  readonly name = 'lasso-logistic';
  readonly nFeatures: number;
  readonly cv: CvGlmnetResult;
  readonly coefficients: GlmnetCoefficients;
  /** 0-based indices of the features with a non-zero coefficient. */
  readonly selected: readonly number[];

  constructor(cv: CvGlmnetResult, s: 'lambda.min' | 'lambda.1se') {
    this.cv = cv;
    this.coefficients = cv.coef(s);
    this.nFeatures = this.coefficients.beta.length;
    this.selected = Object.freeze(Array.from(this.coefficients.beta).flatMap((b, j) => (b !== 0 ? [j] : [])));
  }

  /** The rad-score: intercept + Σ β_j x_j. */
  decisionFunction(x: MatrixInput): Float64Array {
    const m = toColumnMajor(x, 'X');
    if (m.ncol !== this.nFeatures) throw new InvalidInputError('new data has the wrong number of columns', { expected: `${this.nFeatures}`, found: `${m.ncol}` });
    return linearPredictor(m, this.coefficients);
  }

  predictProba(x: MatrixInput): Float64Array {
    return this.decisionFunction(x).map((e) => 1 / (1 + Math.exp(-e)));
  }
}

/** Cross-validated LASSO logistic regression behind the {@link Classifier} protocol. */
export class LassoLogisticCV implements Classifier<FittedLassoLogisticCV> {
  readonly name = 'lasso-logistic';
  readonly options: LassoLogisticCVOptions;
  constructor(options: LassoLogisticCVOptions = {}) {
    this.options = Object.freeze({ ...options });
  }
  fit(x: MatrixInput, y: ArrayLike<number>): FittedLassoLogisticCV {
    return new FittedLassoLogisticCV(cvGlmnet(x, y, this.options), this.options.s ?? 'lambda.min');
  }
}
