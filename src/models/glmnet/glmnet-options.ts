/**
 * Options of the glmnet-style logistic elastic net, their defaults (glmnet 4.1's) and their checks.
 * Options only store hyperparameters; they are validated when a fit starts.
 */
import { InvalidInputError } from '../../core/errors.js';
import { GLMNET_CONTROL_DEFAULTS, type GlmnetControl } from './lognet-path.js';

/** Hyperparameters of {@link fitGlmnet} (names follow glmnet's arguments). */
export interface GlmnetOptions {
  /** Elastic-net mixing α in [0, 1]: 1 = LASSO (default), 0 = ridge. Out of range is an error, not a clamp. */
  readonly alpha?: number;
  /** Number of λ values of the automatic sequence (default 100). */
  readonly nlambda?: number;
  /** Smallest λ as a fraction of λ_max (default 1e-4 when n ≥ p, 0.01 when n < p). */
  readonly lambdaMinRatio?: number;
  /** User λ values (any order; used in decreasing order). Replaces the automatic sequence. */
  readonly lambda?: readonly number[];
  /** Standardise the columns before fitting (default true); coefficients are always returned on the original scale. */
  readonly standardize?: boolean;
  /** Coordinate-descent convergence threshold, relative to the null deviance (default 1e-7). */
  readonly thresh?: number;
  /** Maximum total number of coordinate-descent passes (default 1e5). */
  readonly maxit?: number;
  /** Stop the path when more than `dfmax` features are non-zero (default p + 1). */
  readonly dfmax?: number;
  /** Maximum number of features ever non-zero (default min(2·dfmax + 20, p)). */
  readonly pmax?: number;
  /** Per-feature penalty factors (default all 1; 0 = unpenalised). Rescaled to sum to p, as glmnet does. */
  readonly penaltyFactor?: readonly number[];
  /** glmnet.control() values (fdev, devmax, eps, big, mnlam, pmin); defaults as glmnet 4.1. */
  readonly control?: Partial<GlmnetControl>;
  /** Feature names (default V1..Vp), used in coefficient tables and messages. */
  readonly featureNames?: readonly string[];
}

/** Options after defaults were applied for a given n × p problem. */
export interface ResolvedGlmnetOptions {
  readonly alpha: number;
  readonly nlambda: number;
  readonly lambdaMinRatio: number;
  readonly lambda?: Float64Array;
  readonly standardize: boolean;
  readonly thresh: number;
  readonly maxit: number;
  readonly dfmax: number;
  readonly pmax: number;
  readonly penaltyFactor: Float64Array;
  readonly control: GlmnetControl;
  readonly featureNames: readonly string[];
}

function bad(name: string, expected: string, found: unknown): never {
  throw new InvalidInputError(`glmnet option ${name} is out of range`, { expected, found: JSON.stringify(found) });
}

/** Applies glmnet's defaults for an n × p problem and checks every option (throws {@link InvalidInputError}). */
export function resolveGlmnetOptions(o: GlmnetOptions, n: number, p: number): ResolvedGlmnetOptions {
  const alpha = o.alpha ?? 1;
  if (!(alpha >= 0 && alpha <= 1)) bad('alpha', 'a number in [0, 1] (1 = LASSO)', alpha);
  const nlambda = o.nlambda ?? 100;
  if (!Number.isInteger(nlambda) || nlambda < 1) bad('nlambda', 'an integer >= 1', nlambda);
  const lambdaMinRatio = o.lambdaMinRatio ?? (n < p ? 0.01 : 1e-4);
  if (!(lambdaMinRatio > 0 && lambdaMinRatio < 1)) bad('lambdaMinRatio', 'a number in (0, 1)', lambdaMinRatio);
  let lambda: Float64Array | undefined;
  if (o.lambda !== undefined) {
    if (o.lambda.length < 1 || o.lambda.some((l) => !(l >= 0) || !Number.isFinite(l))) bad('lambda', 'one or more finite values >= 0', o.lambda);
    lambda = Float64Array.from(o.lambda).sort().reverse();
  }
  const standardize = o.standardize ?? true;
  const thresh = o.thresh ?? 1e-7;
  if (!(thresh > 0 && Number.isFinite(thresh))) bad('thresh', 'a positive number (default 1e-7)', thresh);
  const maxit = o.maxit ?? 1e5;
  if (!Number.isInteger(maxit) || maxit < 1) bad('maxit', 'an integer >= 1', maxit);
  const dfmax = o.dfmax ?? p + 1;
  if (!Number.isInteger(dfmax) || dfmax < 0) bad('dfmax', 'an integer >= 0', dfmax);
  const pmax = o.pmax ?? Math.min(dfmax * 2 + 20, p);
  if (!Number.isInteger(pmax) || pmax < 1) bad('pmax', 'an integer >= 1', pmax);
  const pf = o.penaltyFactor ?? new Array<number>(p).fill(1);
  if (pf.length !== p) bad('penaltyFactor', `${p} values (one per feature)`, `${pf.length} values`);
  if (pf.some((v) => !(v >= 0) || !Number.isFinite(v)) || pf.every((v) => v === 0)) bad('penaltyFactor', 'finite values >= 0, not all 0', pf);
  const control = { ...GLMNET_CONTROL_DEFAULTS, ...o.control };
  const names = o.featureNames ?? Array.from({ length: p }, (_, j) => `V${j + 1}`);
  if (names.length !== p) bad('featureNames', `${p} names`, `${names.length} names`);
  // glmnet's normalisation: vq = max(0, vp) · p / Σ vq
  let s = 0;
  for (const v of pf) s += Math.max(0, v);
  const penaltyFactor = Float64Array.from(pf, (v) => (Math.max(0, v) * p) / s);
  return { alpha, nlambda, lambdaMinRatio, lambda, standardize, thresh, maxit, dfmax, pmax, penaltyFactor, control, featureNames: names };
}
