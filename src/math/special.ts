/**
 * Special functions behind the distribution functions: the Stirling-series error, Loader's deviance
 * term `bd0`, log-gamma, log-beta and the saddle-point Poisson / binomial densities.
 *
 * The saddle-point densities follow C. Loader (2000), "Fast and accurate computation of binomial
 * probabilities", the approach R's nmath uses, so the prefactors of the incomplete gamma and beta
 * functions keep full relative accuracy even where x^a e^-x or x^a (1-x)^b under/overflow.
 *
 * @packageDocumentation
 */

/** ln(sqrt(2π)). */
export const LN_SQRT_2PI = 0.918938533204672741780329736406;
/** ln(2π). */
export const LN_2PI = 1.83787706640934548356065947281;
/** sqrt(2π). */
export const SQRT_2PI = 2.50662827463100050241576528481;

// Asymptotic Stirling series coefficients B_{2k} / (2k (2k-1)), k = 1..8 (Bernoulli numbers).
const STIRLING = [
  1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400,
];

/**
 * δ(n) - δ(n+1) where δ is {@link stirlerr}: (n + 1/2)·ln(1 + 1/n) - 1.
 * For n >= 1 it is summed as Σ_{k>=1} u^{2k}/(2k+1) with u = 1/(2n+1) (since
 * (n+1/2)·ln((n+1)/n) = atanh(u)/u), which avoids the cancellation of the direct formula.
 */
function stirlerrStep(n: number): number {
  if (n < 1) return (n + 0.5) * Math.log1p(1 / n) - 1;
  const u = 1 / (2 * n + 1);
  const u2 = u * u;
  let pow = u2;
  let sum = 0;
  for (let k = 1; k < 60; k++) {
    const term = pow / (2 * k + 1);
    const next = sum + term;
    if (next === sum) break;
    sum = next;
    pow *= u2;
  }
  return sum;
}

/**
 * Error of Stirling's approximation: δ(n) = ln Γ(n+1) - [(n + 1/2) ln n - n + ln sqrt(2π)], n > 0.
 * For n >= 10 the asymptotic series (8 Bernoulli terms, truncation error < 1e-19); below that the
 * exact recursion δ(n) = δ(n+1) + (n+1/2) ln(1+1/n) - 1.
 */
export function stirlerr(n: number): number {
  if (!(n > 0)) throw new RangeError(`stirlerr needs n > 0, got ${n}`);
  let acc = 0;
  let m = n;
  while (m < 10) {
    acc += stirlerrStep(m);
    m += 1;
  }
  const r = 1 / m;
  const r2 = r * r;
  let s = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) s = s * r2 + STIRLING[k];
  return acc + s * r;
}

/**
 * Loader's deviance term bd0(x, np) = x ln(x/np) + np - x (>= 0), computed by a series in
 * v = (x-np)/(x+np) when x is close to np so that no cancellation occurs.
 */
export function bd0(x: number, np: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(np) || np === 0) {
    throw new RangeError(`bd0 needs finite x and np > 0, got ${x}, ${np}`);
  }
  const d = x - np;
  if (Math.abs(d) < 0.1 * (x + np)) {
    const v = d / (x + np);
    let s = d * v;
    let ej = 2 * x * v;
    const v2 = v * v;
    for (let j = 1; j < 1000; j++) {
      ej *= v2;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / np) + np - x;
}

/** ln Γ(x) for x > 0 (absolute accuracy ~1e-15 near the zeros at 1 and 2, relative elsewhere). */
export function lgamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) throw new RangeError(`lgamma is implemented for x > 0, got ${x}`);
  if (x === Infinity) return Infinity;
  if (x >= 10) return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlerr(x);
  // ln Γ(x) = ln Γ(x + k) - ln(x (x+1) ... (x+k-1)), with x + k >= 10.
  let prod = 1;
  let m = x;
  while (m < 10) {
    prod *= m;
    m += 1;
  }
  return (m - 0.5) * Math.log(m) - m + LN_SQRT_2PI + stirlerr(m) - Math.log(prod);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a+b), a, b > 0. */
export function lbeta(a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`lbeta needs a, b > 0, got ${a}, ${b}`);
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    // All three by Stirling: the large (p, q) terms cancel analytically.
    const corr = stirlerr(p) + stirlerr(q) - stirlerr(p + q);
    return -0.5 * Math.log(q) + LN_SQRT_2PI + corr + (p - 0.5) * Math.log(p / (p + q)) + q * Math.log1p(-p / (p + q));
  }
  return lgamma(p) + lgamma(q) - lgamma(p + q);
}

/**
 * Saddle-point Poisson density λ^x e^{-λ} / Γ(x+1) for real x >= 0, λ >= 0 (Loader 2000).
 * Relative accuracy ~1e-15 away from under/overflow.
 */
export function dpoisRaw(x: number, lambda: number): number {
  if (lambda === 0) return x === 0 ? 1 : 0;
  if (x === 0) return Math.exp(-lambda);
  if (!Number.isFinite(lambda)) return 0;
  return Math.exp(-stirlerr(x) - bd0(x, lambda)) / Math.sqrt(2 * Math.PI * x);
}

/**
 * Saddle-point binomial density Γ(n+1)/(Γ(x+1)Γ(n-x+1)) p^x q^{n-x} for real 0 <= x <= n,
 * with q = 1 - p given separately so that it carries full precision (Loader 2000).
 */
export function dbinomRaw(x: number, n: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 1 : 0;
  if (q === 0) return x === n ? 1 : 0;
  if (x === 0) return n === 0 ? 1 : Math.exp(n * Math.log1p(-p));
  if (x === n) return Math.exp(n * Math.log(p));
  if (x < 0 || x > n) return 0;
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  const lf = LN_2PI + Math.log(x) + Math.log(n - x) - Math.log(n);
  return Math.exp(lc - 0.5 * lf);
}
