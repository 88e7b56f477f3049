/**
 * Coefficients at any λ by linear interpolation between the path's λ values, as glmnet's
 * `lambda.interp` (R/lambda.interp.R, glmnet 4.1): λ is mapped to the fraction
 * f(λ) = (λ_1 - λ)/(λ_1 - λ_K) of the path; the fractional position between the two neighbouring path
 * points gives the weights. Values outside the path are clamped to its ends.
 */

/** Left/right path indices (0-based) and the weight `frac` of the left one. */
export interface LambdaInterp {
  readonly left: number;
  readonly right: number;
  /** coef(s) = frac · coef[left] + (1 - frac) · coef[right]. */
  readonly frac: number;
}

/** R's `approx(x, y = 1..n, xout)` for increasing x (linear, rule 1 within range). */
function approxIndex(x: Float64Array, v: number): number {
  let i = 0;
  let j = x.length - 1;
  while (i < j - 1) {
    const ij = (i + j) >> 1;
    if (v < x[ij]) j = ij; else i = ij;
  }
  if (v === x[j]) return j + 1;
  if (v === x[i]) return i + 1;
  return i + 1 + ((v - x[i]) / (x[j] - x[i]));
}

/** glmnet's interpolation weights for λ = `s` on the (decreasing) path `lambda`. */
export function lambdaInterp(lambda: ArrayLike<number>, s: number): LambdaInterp {
  const k = lambda.length;
  if (k === 1) return { left: 0, right: 0, frac: 1 };
  const l1 = lambda[0];
  const span = l1 - lambda[k - 1];
  let sfrac = (l1 - s) / span;
  const norm = new Float64Array(k);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < k; i++) {
    norm[i] = (l1 - lambda[i]) / span;
    if (norm[i] < lo) lo = norm[i];
    if (norm[i] > hi) hi = norm[i];
  }
  if (sfrac < lo) sfrac = lo;
  if (sfrac > hi) sfrac = hi;
  const coord = approxIndex(norm, sfrac);
  const left = Math.floor(coord);
  const right = Math.ceil(coord);
  let frac = (sfrac - norm[right - 1]) / (norm[left - 1] - norm[right - 1]);
  if (left === right) frac = 1;
  if (Math.abs(norm[left - 1] - norm[right - 1]) < Number.EPSILON) frac = 1;
  return { left: left - 1, right: right - 1, frac };
}
