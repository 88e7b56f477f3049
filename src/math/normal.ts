/**
 * The standard normal distribution: density, distribution function and quantile function with R's
 * accuracy (≈1e-15 relative, also in the far tails and on the log scale).
 *
 * `pnorm`: for |x| < 1.25 the series Φ(x) = 1/2 + φ(x)·Σ_k x^{2k+1}/(2k+1)!! (A&S 26.2.10, all
 * terms positive); beyond, the smaller tail is φ(t) times Mills' ratio from Laplace's continued
 * fraction (A&S 26.2.14), evaluated backwards. exp(-t²/2) is evaluated
 * with t split as t₁ + (t - t₁), t₁ = ⌊16t⌋/16 (t₁² is exact), as W. J. Cody's and R's pnorm do,
 * so that it keeps full relative accuracy up to the underflow limit.
 *
 * `qnorm`: Wichura's algorithm AS 241 (PPND16), Applied Statistics 37 (1988) 477–484, as R uses it.
 *
 * @packageDocumentation
 */
import { LN_SQRT_2PI, SQRT_2PI } from './special.js';

/** exp(-t²/2) with full relative accuracy (t >= 0). */
function expHalfSquare(t: number): number {
  const t1 = Math.floor(t * 16) / 16;
  const d = (t - t1) * (t + t1);
  return Math.exp(-0.5 * t1 * t1) * Math.exp(-0.5 * d);
}

/** Standard normal density φ(x) = exp(-x²/2)/sqrt(2π). */
export function dnorm(x: number, log = false): number {
  if (log) return -0.5 * x * x - LN_SQRT_2PI;
  const t = Math.abs(x);
  if (t > 40) return 0;
  return expHalfSquare(t) / SQRT_2PI;
}

/** Σ_k t^{2k+1}/(2k+1)!!, so that Φ(t) - 1/2 = φ(t)·sum. */
function centralSeries(t: number): number {
  const t2 = t * t;
  let term = t;
  let sum = t;
  for (let k = 1; k < 500; k++) {
    term *= t2 / (2 * k + 1);
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return sum;
}

/**
 * Mills' ratio Φ(-t)/φ(t) for t >= 1 by Laplace's continued fraction
 * 1/(t + 1/(t + 2/(t + 3/(t + ...)))) (A&S 26.2.14), evaluated backwards from a depth that makes the
 * truncation error negligible (backward evaluation is numerically stable).
 */
function millsRatio(t: number): number {
  const depth = Math.min(20000, Math.ceil(900 / (t * t)) + 30);
  let f = t;
  for (let k = depth; k >= 1; k--) f = t + k / f;
  return 1 / f;
}

const SERIES_LIMIT = 1.25;

/**
 * Standard normal distribution function, as R's `pnorm(x, lower.tail, log.p)`.
 * @param x quantile (±Infinity allowed; NaN gives NaN)
 * @param lowerTail P(X <= x) when true (default), P(X > x) otherwise
 * @param logP return the natural log of the probability (accurate far beyond underflow)
 */
export function pnorm(x: number, lowerTail = true, logP = false): number {
  if (Number.isNaN(x)) return NaN;
  // s > 0 ⇔ the requested tail is the upper part of the distribution (the "big" one for x > 0).
  const s = lowerTail ? x : -x;
  const t = Math.abs(x);
  if (t === Infinity) return s > 0 ? (logP ? 0 : 1) : (logP ? -Infinity : 0);
  let small: number; // the tail beyond t: Φ(-t)
  if (t < SERIES_LIMIT) {
    const half = dnorm(t) * centralSeries(t);
    if (s >= 0) return logP ? Math.log(0.5 + half) : 0.5 + half;
    small = 0.5 - half;
    return logP ? Math.log(small) : small;
  }
  const m = millsRatio(t);
  if (logP) {
    if (s < 0) return t < 37 ? Math.log(m * dnorm(t)) : Math.log(m) - 0.5 * t * t - LN_SQRT_2PI;
    return t < 37 ? Math.log1p(-m * dnorm(t)) : -Math.exp(Math.log(m) - 0.5 * t * t - LN_SQRT_2PI);
  }
  // R returns exactly 0 beyond its underflow limit 37.5193 (no subnormal results).
  small = t > 37.5193 ? 0 : m * dnorm(t);
  return s < 0 ? small : 1 - small;
}

// AS 241 (Wichura 1988) coefficients: central region |q| <= 0.425 ...
const A = [3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727];
const B = [1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077,
  21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852854561];
// ... intermediate region r = sqrt(-ln p) <= 5 ...
const C = [1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4];
const D = [1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455,
  0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9];
// ... and the far tail r > 5.
const E = [6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7];
const F = [1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525,
  7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15];

function ratio(num: readonly number[], den: readonly number[], r: number): number {
  let n = 0;
  let d = 0;
  for (let i = 7; i >= 0; i--) {
    n = n * r + num[i];
    d = d * r + den[i];
  }
  return n / d;
}

/**
 * Standard normal quantile function, as R's `qnorm(p, lower.tail)` (Wichura's AS 241, ~1e-16).
 * @param p probability in [0, 1] (0 and 1 give ∓Infinity; outside gives a RangeError)
 * @param lowerTail p = P(X <= x) when true (default), P(X > x) otherwise
 */
export function qnorm(p: number, lowerTail = true): number {
  if (Number.isNaN(p)) return NaN;
  if (p < 0 || p > 1) throw new RangeError(`qnorm needs 0 <= p <= 1, got ${p}`);
  if (p === 0) return lowerTail ? -Infinity : Infinity;
  if (p === 1) return lowerTail ? Infinity : -Infinity;
  const pLower = lowerTail ? p : 0.5 - p + 0.5;
  const q = pLower - 0.5;
  if (Math.abs(q) <= 0.425) {
    return q * ratio(A, B, 0.180625 - q * q);
  }
  // r = the smaller tail probability, taken without subtraction when possible.
  let r = q < 0 ? (lowerTail ? p : 0.5 - p + 0.5) : (lowerTail ? 0.5 - p + 0.5 : p);
  r = Math.sqrt(-Math.log(r));
  const val = r <= 5 ? ratio(C, D, r - 1.6) : ratio(E, F, r - 5);
  return q < 0 ? -val : val;
}
