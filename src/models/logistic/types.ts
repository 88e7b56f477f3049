/** Shared types of the logistic-regression module. */

/** A numeric matrix given as rows (n rows of p numbers), e.g. `number[][]` or `Float64Array[]`. */
export type Rows = ArrayLike<ArrayLike<number>>;

/** Options of {@link fitLogistic}. */
export interface LogisticOptions {
  /** Known offset added to the linear predictor (length n), e.g. logit(p) for calibration-in-the-large. Default 0. */
  readonly offset?: ArrayLike<number>;
  /** Prior (case) weights ≥ 0 (length n). Default 1. Rows with weight 0 are ignored. */
  readonly weights?: ArrayLike<number>;
  /** Names of the columns of X (default `x1`, `x2`, …); the intercept is named `(Intercept)`. */
  readonly termNames?: readonly string[];
  /** Add an intercept column (default true, as R's `glm(y ~ ...)`). */
  readonly intercept?: boolean;
  /**
   * Convergence tolerance on the relative deviance change |dev - dev_old|/(|dev| + 0.1)
   * (R's `glm.control(epsilon)`). Default 1e-14 (R's default is 1e-8; 1e-14 gives the MLE to ~1e-12).
   */
  readonly epsilon?: number;
  /** Maximal IRLS iterations (R's `maxit`). Default 100. */
  readonly maxit?: number;
  /**
   * What to do on complete or quasi-complete separation: `'error'` (default) throws a
   * {@link ModelFitError} naming the variables; `'warn'` returns the (non-converging) fit with
   * `separation` set and a `W_SEPARATION` warning; `'skip'` does not check (for hot loops on
   * inputs known to be fine).
   */
  readonly separation?: 'error' | 'warn' | 'skip';
}

/** Complete or quasi-complete separation found in a logistic fit. */
export interface SeparationReport {
  readonly kind: 'complete' | 'quasi-complete';
  /** Terms whose estimates diverge, with the sign of the divergence. */
  readonly terms: readonly { readonly term: string; readonly direction: 1 | -1 }[];
  /** Observations predicted perfectly along the separating direction. */
  readonly perfectlyPredicted: number;
}

/** A table of coefficient-wise intervals. */
export interface Interval {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}
