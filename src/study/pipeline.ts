/**
 * A `Pipeline` of feature steps with scikit-learn's protocol: `pipeline.fit(Xtrain, ytrain)` fits each step
 * on the training rows only (each on the output of the previous one) and returns a {@link FittedPipeline}
 * whose `transform` applies the learnt steps unchanged to any rows (training, test cohorts, a new patient);
 * nothing is ever refitted on test data. Every fitted step serialises to plain JSON (for the model bundle) and
 * is rebuilt from it with {@link fittedStepFromJSON}, so a bundle applies exactly the same arithmetic.
 */
import { InvalidInputError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import { FittedPCA } from '../selection/pca.js';
import { FittedStandardScaler } from '../selection/scaler.js';
import { selectMatrixColumns, type ColumnMajorMatrix } from '../selection/matrix.js';
import type { LassoSummary, SelectionStep } from './results.js';
import type { FeatureTable } from './feature-table.js';

/** A fitted step serialised as plain JSON. */
export type SerializedStep =
  | { readonly kind: 'select'; readonly step: string; readonly names_in: readonly string[]; readonly keep: readonly number[] }
  | { readonly kind: 'nonfinite'; readonly names_in: readonly string[]; readonly keep: readonly number[]; readonly fill: readonly number[] }
  | { readonly kind: 'scaler'; readonly names_in: readonly string[]; readonly mean: readonly number[]; readonly scale: readonly number[]; readonly variance: readonly number[]; readonly n: number }
  | {
    readonly kind: 'pca'; readonly names_in: readonly string[]; readonly names_out: readonly string[]; readonly mean: readonly number[]; readonly scale: readonly number[];
    readonly components: readonly number[]; readonly explained_variance: readonly number[]; readonly explained_variance_ratio: readonly number[]; readonly singular_values: readonly number[];
  }
  | { readonly kind: 'lasso'; readonly names_in: readonly string[]; readonly keep: readonly number[]; readonly intercept: number; readonly beta: readonly number[]; readonly lambda: number };

/** A fitted step: a pure transform of matrices with `namesIn.length` columns. */
export interface FittedStep {
  readonly kind: SerializedStep['kind'];
  readonly namesIn: readonly string[];
  readonly namesOut: readonly string[];
  /** What the step did (for results.json and the run log). */
  readonly summary: SelectionStep;
  /** Applies the learnt step (never refits). */
  transform(x: ColumnMajorMatrix): ColumnMajorMatrix;
  toJSON(): SerializedStep;
}

/** What a step sees while fitting, besides the training matrix and outcome. */
export interface StepContext {
  /** Training patient ids (rows of the matrix). */
  readonly ids: readonly string[];
  /** Random stream of this pipeline. */
  readonly rng: Rng;
  /** Appends a line to the run log. */
  readonly log: (line: string) => void;
  /** Retest features (raw, by feature name) for the ICC step. */
  readonly retest?: FeatureTable;
}

/** An unfitted step: hyperparameters only; `fit` returns a new fitted step. */
export interface StepSpec {
  readonly name: string;
  fit(x: ColumnMajorMatrix, y: Float64Array, names: readonly string[], ctx: StepContext): FittedStep;
}

function checkColumns(step: string, expected: number, x: ColumnMajorMatrix): void {
  if (x.ncol !== expected) {
    throw new InvalidInputError(`${step}: the table has a different number of features than at fit time`, { expected: `${expected} columns`, found: `${x.ncol}` });
  }
}

/** A column selection (variance, ICC, Mann-Whitney, correlation, mRMR). */
export class SelectStep implements FittedStep {
  readonly kind = 'select' as const;
  readonly namesOut: readonly string[];
  constructor(readonly step: string, readonly namesIn: readonly string[], readonly keep: readonly number[], readonly summary: SelectionStep) {
    this.namesOut = keep.map((j) => namesIn[j]);
    Object.freeze(this);
  }
  transform(x: ColumnMajorMatrix): ColumnMajorMatrix {
    checkColumns(this.step, this.namesIn.length, x);
    return selectMatrixColumns(x, this.keep);
  }
  toJSON(): SerializedStep {
    return { kind: 'select', step: this.step, names_in: this.namesIn, keep: this.keep };
  }
}

/**
 * Keeps the features that are finite for every training patient; in other rows a non-finite value of a kept
 * feature is replaced by its training median (learnt at fit time).
 */
export class NonFiniteStep implements FittedStep {
  readonly kind = 'nonfinite' as const;
  readonly namesOut: readonly string[];
  constructor(readonly namesIn: readonly string[], readonly keep: readonly number[], readonly fill: readonly number[], readonly summary: SelectionStep) {
    this.namesOut = keep.map((j) => namesIn[j]);
    Object.freeze(this);
  }
  transform(x: ColumnMajorMatrix): ColumnMajorMatrix {
    checkColumns('non-finite filter', this.namesIn.length, x);
    const out = selectMatrixColumns(x, this.keep);
    const n = out.nrow;
    for (let c = 0; c < out.ncol; c++) {
      for (let i = 0; i < n; i++) if (!Number.isFinite(out.data[c * n + i])) out.data[c * n + i] = this.fill[c];
    }
    return out;
  }
  toJSON(): SerializedStep {
    return { kind: 'nonfinite', names_in: this.namesIn, keep: this.keep, fill: this.fill };
  }
}

/** z-score scaling with the training means and SDs (src/selection StandardScaler). */
export class ScalerStep implements FittedStep {
  readonly kind = 'scaler' as const;
  readonly namesOut: readonly string[];
  constructor(readonly namesIn: readonly string[], readonly scaler: FittedStandardScaler, readonly summary: SelectionStep) {
    this.namesOut = namesIn;
    Object.freeze(this);
  }
  transform(x: ColumnMajorMatrix): ColumnMajorMatrix {
    checkColumns('z-score scaler', this.namesIn.length, x);
    return this.scaler.transform(x);
  }
  toJSON(): SerializedStep {
    const s = this.scaler;
    return { kind: 'scaler', names_in: this.namesIn, mean: Array.from(s.mean), scale: Array.from(s.scale), variance: Array.from(s.variance), n: s.nSamples };
  }
}

/** Principal components (src/selection PCA) of the training rows. */
export class PcaStep implements FittedStep {
  readonly kind = 'pca' as const;
  constructor(readonly namesIn: readonly string[], readonly namesOut: readonly string[], readonly pca: FittedPCA, readonly summary: SelectionStep) {
    Object.freeze(this);
  }
  transform(x: ColumnMajorMatrix): ColumnMajorMatrix {
    checkColumns('PCA', this.namesIn.length, x);
    return this.pca.transform(x);
  }
  toJSON(): SerializedStep {
    const p = this.pca;
    return {
      kind: 'pca', names_in: this.namesIn, names_out: this.namesOut, mean: Array.from(p.mean), scale: Array.from(p.scale), components: Array.from(p.components),
      explained_variance: Array.from(p.explainedVariance), explained_variance_ratio: Array.from(p.explainedVarianceRatio), singular_values: Array.from(p.singularValues),
    };
  }
}

/** The LASSO step: keeps the features with non-zero coefficients; carries the linear predictor (the signature). */
export class LassoStep implements FittedStep {
  readonly kind = 'lasso' as const;
  readonly namesOut: readonly string[];
  constructor(
    readonly namesIn: readonly string[],
    readonly keep: readonly number[],
    /** Intercept and coefficients over `namesIn` at the chosen λ. */
    readonly intercept: number,
    readonly beta: readonly number[],
    readonly lambda: number,
    readonly summary: SelectionStep,
    /** The cross-validation and path details (only right after fitting; not serialised). */
    readonly details?: LassoSummary,
  ) {
    this.namesOut = keep.map((j) => namesIn[j]);
    Object.freeze(this);
  }
  transform(x: ColumnMajorMatrix): ColumnMajorMatrix {
    checkColumns('LASSO', this.namesIn.length, x);
    return selectMatrixColumns(x, this.keep);
  }
  /**
   * The signature (LASSO linear predictor) of each row of `x` (columns = `namesIn`):
   * intercept + Σ_j β_j x_j, summed in feature order.
   */
  signature(x: ColumnMajorMatrix): Float64Array {
    checkColumns('LASSO signature', this.namesIn.length, x);
    const n = x.nrow;
    const out = new Float64Array(n).fill(this.intercept);
    for (let j = 0; j < x.ncol; j++) {
      const b = this.beta[j];
      if (b === 0) continue;
      for (let i = 0; i < n; i++) out[i] += x.data[j * n + i] * b;
    }
    return out;
  }
  toJSON(): SerializedStep {
    return { kind: 'lasso', names_in: this.namesIn, keep: this.keep, intercept: this.intercept, beta: this.beta, lambda: this.lambda };
  }
}

/** Rebuilds a fitted step from its JSON (model bundles). */
export function fittedStepFromJSON(s: SerializedStep): FittedStep {
  const p = s.names_in.length;
  const summary = (step: string, nOut: number): SelectionStep => ({ step, settings: {}, n_in: p, n_out: nOut });
  const checkLen = (what: string, v: readonly unknown[], len: number): void => {
    if (v.length !== len) throw new InvalidInputError(`a serialised ${s.kind} step has ${v.length} ${what}, expected ${len}`);
  };
  switch (s.kind) {
    case 'select':
      return new SelectStep(s.step, s.names_in, s.keep, summary(s.step, s.keep.length));
    case 'nonfinite':
      checkLen('fill values', s.fill, s.keep.length);
      return new NonFiniteStep(s.names_in, s.keep, s.fill, summary('nonfinite', s.keep.length));
    case 'scaler':
      checkLen('means', s.mean, p);
      checkLen('scales', s.scale, p);
      return new ScalerStep(s.names_in, new FittedStandardScaler(Float64Array.from(s.mean), Float64Array.from(s.scale), Float64Array.from(s.variance), s.n), summary('zscore', p));
    case 'pca': {
      const k = s.names_out.length;
      checkLen('loadings', s.components, k * p);
      const pca = new FittedPCA({
        mean: Float64Array.from(s.mean), scale: Float64Array.from(s.scale), components: Float64Array.from(s.components),
        explainedVariance: Float64Array.from(s.explained_variance), explainedVarianceRatio: Float64Array.from(s.explained_variance_ratio),
        singularValues: Float64Array.from(s.singular_values), nComponents: k, nFeatures: p,
      });
      return new PcaStep(s.names_in, s.names_out, pca, summary('pca', k));
    }
    case 'lasso':
      checkLen('coefficients', s.beta, p);
      return new LassoStep(s.names_in, s.keep, s.intercept, s.beta, s.lambda, summary('lasso', s.keep.length));
    default:
      throw new InvalidInputError(`unknown pipeline step kind "${(s as { kind: string }).kind}"`);
  }
}

/** A fitted pipeline: its steps in order. */
export class FittedPipeline {
  readonly namesIn: readonly string[];
  readonly namesOut: readonly string[];
  constructor(readonly steps: readonly FittedStep[], namesIn: readonly string[]) {
    this.namesIn = namesIn;
    this.namesOut = steps.length ? steps[steps.length - 1].namesOut : namesIn;
    for (let k = 1; k < steps.length; k++) {
      if (steps[k].namesIn.length !== steps[k - 1].namesOut.length) throw new InvalidInputError('pipeline steps do not fit together');
    }
    Object.freeze(this);
  }

  /** Applies every step in order. */
  transform(x: ColumnMajorMatrix): ColumnMajorMatrix {
    let m = x;
    for (const s of this.steps) m = s.transform(m);
    return m;
  }

  /** Applies the steps to a table (same patients, new feature names). */
  transformTable(t: FeatureTable): FeatureTable {
    if (t.names.length !== this.namesIn.length || t.names.some((n, i) => n !== this.namesIn[i])) {
      throw new InvalidInputError('the feature table does not have the features the pipeline was fitted on', {
        expected: `${this.namesIn.length} features (${this.namesIn.slice(0, 3).join(', ')}, ...)`, found: `${t.names.length} features`,
      });
    }
    return { ids: t.ids, names: this.namesOut, matrix: this.transform(t.matrix) };
  }

  /** The LASSO step, if the pipeline has one. */
  lassoStep(): LassoStep | undefined {
    return this.steps.find((s): s is LassoStep => s instanceof LassoStep);
  }

  /** The PCA step, if the pipeline has one. */
  pcaStep(): PcaStep | undefined {
    return this.steps.find((s): s is PcaStep => s instanceof PcaStep);
  }

  toJSON(): { names_in: readonly string[]; steps: SerializedStep[] } {
    return { names_in: this.namesIn, steps: this.steps.map((s) => s.toJSON()) };
  }

  static fromJSON(j: { names_in: readonly string[]; steps: readonly SerializedStep[] }): FittedPipeline {
    return new FittedPipeline(j.steps.map(fittedStepFromJSON), j.names_in);
  }
}

/** A sequence of unfitted steps. */
export class Pipeline {
  constructor(readonly steps: readonly StepSpec[]) {
    Object.freeze(this);
  }

  /** Fits every step on the training rows `x` (outcome `y`) in order and returns the fitted pipeline. */
  fit(train: FeatureTable, y: Float64Array, ctx: StepContext): FittedPipeline {
    if (train.matrix.nrow !== y.length) throw new InvalidInputError('features and outcome have different numbers of rows', { expected: `${train.matrix.nrow}`, found: `${y.length}` });
    let m = train.matrix;
    let names = train.names;
    const fitted: FittedStep[] = [];
    for (const s of this.steps) {
      const f = s.fit(m, y, names, ctx);
      fitted.push(f);
      m = f.transform(m);
      names = f.namesOut;
    }
    return new FittedPipeline(fitted, train.names);
  }
}
