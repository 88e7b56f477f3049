/**
 * Profile-likelihood confidence intervals of logistic-regression coefficients (Venables & Ripley,
 * MASS `confint.glm`): for coefficient j the limits are the values b where the signed root deviance
 * z(b) = sign(b - β̂_j)·sqrt(D_j(b) - D̂) equals ±qnorm(1 - (1 - level)/2), D_j(b) being the deviance
 * minimised over the other coefficients with β_j fixed at b (fitted by IRLS with x_j·b as an offset).
 *
 * The roots are found exactly (Brent's method to ~1e-10·SE). MASS instead interpolates a spline
 * through a grid of profile points, so its limits differ from the exact ones by ~1e-5 relative.
 */
import { brentRoot } from '../../math/root.js';
import { qnorm } from '../../math/distributions.js';
import { InvalidInputError } from '../../core/errors.js';
import { binomialDevianceResidual, logitInverse } from './link.js';
import { irls } from './irls.js';
import type { LogisticFit } from './fit.js';
import type { Interval } from './types.js';

/** Deviance with coefficient j fixed at b, the others refitted (warm-started). */
function profileDeviance(fit: LogisticFit, j: number, b: number, warm: { start?: Float64Array }): number {
  const n = fit.y.length;
  const p = fit.coefficients.length;
  const x = fit.designColumnMajor;
  const offset = new Float64Array(n);
  for (let i = 0; i < n; i++) offset[i] = fit.offset[i] + x[j * n + i] * b;
  if (p === 1) {
    let d = 0;
    for (let i = 0; i < n; i++) d += binomialDevianceResidual(fit.y[i], logitInverse(offset[i]), fit.weights[i]);
    return d;
  }
  const xr = new Float64Array(n * (p - 1));
  let k = 0;
  for (let c = 0; c < p; c++) {
    if (c === j) continue;
    xr.set(x.subarray(c * n, (c + 1) * n), k * n);
    k++;
  }
  const terms = fit.terms.filter((_, c) => c !== j);
  const res = irls({ n, p: p - 1, x: xr, y: fit.y, weights: fit.weights, offset, terms }, { epsilon: fit.control.epsilon, maxit: fit.control.maxit, start: warm.start, halveOnIncrease: true });
  warm.start = res.coefficients;
  return res.deviance;
}

/**
 * Profile-likelihood confidence intervals for every coefficient of `fit` (R's `confint(glm_fit)`).
 * A limit is ±Infinity when the profile never reaches the cut-off (e.g. near separation).
 */
export function profileConfint(fit: LogisticFit, level = 0.95): Interval {
  if (!(level > 0 && level < 1)) throw new InvalidInputError('confidence level must lie in (0, 1)', { found: String(level) });
  const zc = qnorm(1 - (1 - level) / 2);
  const p = fit.coefficients.length;
  const lower = new Float64Array(p);
  const upper = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const bhat = fit.coefficients[j];
    const se = fit.stdErrors[j];
    for (const side of [-1, 1] as const) {
      const warm: { start?: Float64Array } = { start: Float64Array.from(fit.coefficients.filter((_, c) => c !== j)) };
      // g(b) = z(b)·side - zc: negative at the estimate, increasing away from it.
      const g = (b: number): number => {
        const d = profileDeviance(fit, j, b, warm) - fit.deviance;
        return Math.sqrt(Math.max(d, 0)) - zc;
      };
      let inner = bhat;
      let outer = bhat + side * zc * se;
      let gOuter = g(outer);
      let steps = 0;
      while (gOuter < 0 && steps < 60) {
        inner = outer;
        outer = bhat + side * zc * se * (1 + 0.5 * ++steps);
        gOuter = g(outer);
      }
      const limit = gOuter < 0 ? side * Infinity : brentRoot(g, inner, outer, 1e-10 * se);
      if (side < 0) lower[j] = limit; else upper[j] = limit;
    }
  }
  return { lower, upper };
}
