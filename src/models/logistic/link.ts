/**
 * The logit link of R's `binomial()` family, with R's thresholds (src/library/stats/src/family.c):
 * the inverse link clamps eta to [-30, 30] (mu = eps/(1+eps) below, 1/(1+eps) above, eps = DBL_EPSILON)
 * and d mu / d eta is DBL_EPSILON outside that range, so IRLS weights never vanish.
 */

/** Machine epsilon (R's `DBL_EPSILON`). */
export const DBL_EPSILON = 2.220446049250313e-16;
const THRESH = 30;
const MTHRESH = -30;
const INVEPS = 1 / DBL_EPSILON;

/** Inverse logit as R's `binomial()$linkinv` (eta clamped to ±30). */
export function logitInverse(eta: number): number {
  const t = eta < MTHRESH ? DBL_EPSILON : eta > THRESH ? INVEPS : Math.exp(eta);
  return t / (1 + t);
}

/** d mu / d eta of the logit link as R's `binomial()$mu.eta`. */
export function logitMuEta(eta: number): number {
  if (eta > THRESH || eta < MTHRESH) return DBL_EPSILON;
  const e = Math.exp(eta);
  const o = 1 + e;
  return e / (o * o);
}

/** logit(p) = log(p / (1 - p)) (R's `qlogis`, `binomial()$linkfun`). */
export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/** plogis(x) = 1 / (1 + exp(-x)) without clamping (R's `plogis`). */
export function plogis(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Binomial deviance contribution of one observation with prior weight w (R's `binomial()$dev.resids`):
 * 2·w·(y·log(y/mu) + (1-y)·log((1-y)/(1-mu))), with 0·log(0) = 0.
 */
export function binomialDevianceResidual(y: number, mu: number, w: number): number {
  const a = y !== 0 ? y * Math.log(y / mu) : 0;
  const b = y !== 1 ? (1 - y) * Math.log((1 - y) / (1 - mu)) : 0;
  return 2 * w * (a + b);
}
