/**
 * Regularized incomplete beta function I_x(a, b) and its complement, both tails at full relative
 * accuracy of the smaller one.
 *
 * Method: the continued fraction of A&S 26.5.8 evaluated by the modified Lentz algorithm, applied to
 * (x; a, b) when x < (a+1)/(a+b+2) and to (1-x; b, a) otherwise (where it converges fast). The
 * prefactor x^a (1-x)^b / (a·B(a,b)) is computed as b/(a+b) · dbinom(a; a+b, x) with Loader's
 * saddle-point binomial density ({@link dbinomRaw}), which keeps full accuracy for large a, b.
 * The caller passes y = 1 - x separately so that arguments close to 1 are not rounded.
 *
 * Accuracy: ~1e-15 relative for moderate parameters. Near the switch point with one large parameter
 * the fraction's leading terms cancel and the relative error grows like ~max(a, b)·1e-16 (measured
 * against 40-digit values for the t distribution: 4e-15 at df = 300, 5e-14 at 1000, 3e-13 at 1e4,
 * 8e-12 at 1e5). R uses TOMS 708 (Didonato & Morris 1992) with asymptotic expansions there.
 *
 * @packageDocumentation
 */
import { dbinomRaw } from './special.js';
import type { Tails } from './incomplete-gamma.js';

const TINY = 1e-300;
const MAX_ITER = 1_000_000;

/** Continued fraction of I_x(a,b) · a·B(a,b) / (x^a y^b) (A&S 26.5.8), modified Lentz. */
function betaContinuedFraction(x: number, y: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  // 1 - (a+b)x/(a+1), written as (1 - b + (a+b)y)/(a+1) when that cancels less (x near the switch point).
  let d = Math.abs(b - 1) < qap ? (1 - b + qab * y) / qap : 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const deltaEven = d * c;
    h *= deltaEven;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    // Both half-steps must have stopped changing h (one alone can be ≈1 by accident).
    if (Math.abs(delta - 1) <= 3e-16 && Math.abs(deltaEven - 1) <= 3e-16) break;
  }
  return h;
}

/**
 * I_x(a, b) (lower) and 1 - I_x(a, b) (upper) for a, b > 0, 0 <= x <= 1, with y = 1 - x given
 * accurately by the caller (defaults to 1 - x).
 */
export function incompleteBeta(x: number, a: number, b: number, y: number = 1 - x): Tails {
  if (!(a > 0 && b > 0)) throw new RangeError(`incompleteBeta needs a, b > 0, got a=${a}, b=${b}`);
  if (Number.isNaN(x) || Number.isNaN(y)) throw new RangeError('incompleteBeta: x is NaN');
  if (x <= 0) return { lower: 0, upper: 1 };
  if (y <= 0) return { lower: 1, upper: 0 };
  if (x < (a + 1) / (a + b + 2)) {
    const lower = ((b / (a + b)) * dbinomRaw(a, a + b, x, y) * betaContinuedFraction(x, y, a, b));
    return { lower, upper: 1 - lower };
  }
  const upper = (a / (a + b)) * dbinomRaw(b, a + b, y, x) * betaContinuedFraction(y, x, b, a);
  return { lower: 1 - upper, upper };
}
