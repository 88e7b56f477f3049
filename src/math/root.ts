/**
 * Root finding for monotone functions: bracket expansion and Brent's method (R. P. Brent, 1973,
 * "Algorithms for Minimization without Derivatives", ch. 4: inverse quadratic interpolation with
 * bisection safeguard). Used by the quantile functions.
 *
 * @packageDocumentation
 */

/**
 * A root of `f` in [a, b] where f(a) and f(b) have opposite signs (or one is 0), to within
 * 2·eps·|x| + `absTol`. Non-finite function values (e.g. log 0 = -Infinity) are allowed at the ends
 * and make the step a bisection.
 */
export function brentRoot(f: (x: number) => number, a: number, b: number, absTol = 0, maxIter = 500): number {
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (Math.sign(fa) === Math.sign(fb)) throw new RangeError(`brentRoot: f(${a}) and f(${b}) have the same sign`);
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let it = 0; it < maxIter; it++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a; fc = fa; d = b - a; e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b; b = c; c = a;
      fa = fb; fb = fc; fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + absTol + 1e-300;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    const finite = Number.isFinite(fa) && Number.isFinite(fb) && Number.isFinite(fc);
    if (finite && Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m; e = m;
      }
    } else {
      d = m; e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : (m > 0 ? tol : -tol);
    fb = f(b);
  }
  return b;
}

/**
 * The x > 0 where an increasing (`increasing` = true) or decreasing function `g` crosses 0, found by
 * expanding a bracket geometrically from `guess` (> 0) and then {@link brentRoot}.
 */
export function positiveRoot(g: (x: number) => number, guess: number, increasing: boolean): number {
  let x = guess > 0 && Number.isFinite(guess) ? guess : 1;
  const gx = g(x);
  if (gx === 0) return x;
  const tooSmall = increasing ? gx < 0 : gx > 0; // the root is above x
  let other = x;
  for (let k = 0; k < 2200; k++) {
    other = tooSmall ? other * 2 : other / 2;
    if (other === 0 || other === Infinity) return other;
    const go = g(other);
    if (go === 0) return other;
    if (Math.sign(go) !== Math.sign(gx)) break;
    x = other;
  }
  return tooSmall ? brentRoot(g, x, other) : brentRoot(g, other, x);
}
