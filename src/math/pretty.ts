/**
 * R's `pretty()` (base R 4.2, `pretty.default` over the C routine `R_pretty`) and the
 * `seq.int(from, to, length.out=)` it uses, reproduced to the last bit so that nomogram axes carry the
 * same values as rms (including binary noise such as 0.6000000000000001).
 *
 * Algorithm (R Core Team, src/appl/pretty.c): the range is divided into about `n` cells; the cell
 * width is rounded to a "nice" unit from {1, 2, 5, 10}·10^k, favouring larger units by the biases
 * `highUBias` (h = 1.5) and `u5Bias` (h5 = 0.5 + 1.5·h); the bounds are rounded outwards to multiples
 * of the unit; the values are `seq.int(lo, up, length.out = ndiv + 1)` with values smaller than
 * 1e-14·unit set to 0.
 */

/** Options of {@link pretty}; defaults are R's. */
export interface PrettyOptions {
  /** Minimal number of intervals (R `min.n`, default `floor(n / 3)`). */
  readonly minN?: number;
  /** Factor by which the scale is shrunk when the range is tiny (R `shrink.sml`, default 0.75). */
  readonly shrinkSml?: number;
  /** Bias towards larger units (R `high.u.bias`, default 1.5). */
  readonly highUBias?: number;
  /** Bias towards a unit of 5 over 2 (R `u5.bias`, default 0.5 + 1.5·highUBias). */
  readonly u5Bias?: number;
  /** R `f.min` (default 2^-20): the smallest cell is f.min · DBL_MIN. */
  readonly fMin?: number;
}

const DBL_EPSILON = 2.220446049250313e-16;
const DBL_MIN = 2.2250738585072014e-308;
const DBL_MAX = Number.MAX_VALUE;
const ROUNDING_EPS = 1e-10;

/** 10^k correctly rounded (V8's `Math.pow(10, -4)` is not, C's pow is). */
function pow10(k: number): number {
  return Number(`1e${k}`);
}

/**
 * R's `seq.int(from, to, length.out = n)` for doubles: the first and last values are exactly `from`
 * and `to`, the others `from + i·by` with `by = (to - from)/(n - 1)`.
 */
export function seqLength(from: number, to: number, lengthOut: number): Float64Array {
  const n = Math.max(0, Math.floor(lengthOut));
  const out = new Float64Array(n);
  if (n > 0) out[0] = from;
  if (n > 1) out[n - 1] = to;
  if (n > 2) {
    const by = (to - from) / (n - 1);
    for (let i = 1; i < n - 1; i++) out[i] = from + i * by;
  }
  return out;
}

/** The bounds and number of intervals chosen by R's `R_pretty` (with `return_bounds = TRUE`). */
export interface PrettyBounds {
  readonly lo: number;
  readonly up: number;
  readonly ndiv: number;
  readonly unit: number;
}

/** R's C routine `R_pretty(lo, up, ndiv, min_n, shrink_sml, c(h, h5, f_min), eps_correction = 0, return_bounds = 1)`. */
export function prettyBounds(loIn: number, upIn: number, ndivIn: number, opts: PrettyOptions = {}): PrettyBounds {
  const h = opts.highUBias ?? 1.5;
  const h5 = opts.u5Bias ?? 0.5 + 1.5 * h;
  const fMin = opts.fMin ?? 2 ** -20;
  const minN = opts.minN ?? Math.floor(ndivIn / 3);
  const shrink = opts.shrinkSml ?? 0.75;
  let ndiv = ndivIn;
  const dx = upIn - loIn;
  let cell: number;
  let iSmall: boolean;
  if (dx === 0 && upIn === 0) {
    cell = 1;
    iSmall = true;
  } else {
    cell = Math.max(Math.abs(loIn), Math.abs(upIn));
    let U = 1 + (h5 >= 1.5 * h + 0.5 ? 1 / (1 + h) : 1.5 / (1 + h5));
    U *= Math.max(1, ndiv) * DBL_EPSILON;
    iSmall = dx < cell * U * 3;
  }
  if (iSmall) {
    if (cell > 10) cell = 9 + cell / 10;
    cell *= shrink;
    if (minN > 1) cell /= minN;
  } else {
    cell = dx;
    if (Number.isFinite(dx)) {
      if (ndiv > 1) cell /= ndiv;
    } else if (ndiv >= 2) {
      cell = upIn / ndiv - loIn / ndiv;
    }
  }
  let subsmall = fMin * DBL_MIN;
  if (subsmall === 0) subsmall = DBL_MIN;
  if (cell < subsmall) cell = subsmall;
  else if (cell > DBL_MAX / 1.25) cell = DBL_MAX / 1.25;

  const base = pow10(Math.floor(Math.log10(cell)));
  let unit = base;
  let U: number;
  if ((U = 2 * base) - cell < h * (cell - unit)) {
    unit = U;
    if ((U = 5 * base) - cell < h5 * (cell - unit)) {
      unit = U;
      if ((U = 10 * base) - cell < h * (cell - unit)) unit = U;
    }
  }
  let ns = Math.floor(loIn / unit + ROUNDING_EPS);
  let nu = Math.ceil(upIn / unit - ROUNDING_EPS);
  let lo = loIn;
  let up = upIn;
  while (ns * unit > lo + ROUNDING_EPS * unit) ns--;
  while (!Number.isFinite(ns * unit)) ns++;
  while (nu * unit < up - ROUNDING_EPS * unit) nu++;
  while (!Number.isFinite(nu * unit)) nu--;
  let k = Math.trunc(0.5 + nu - ns);
  if (k < minN) {
    k = minN - k;
    if (loIn === 0 && ns === 0 && upIn !== 0) nu += k;
    else if (upIn === 0 && nu === 0 && loIn !== 0) ns -= k;
    else if (ns >= 0) {
      nu += Math.trunc(k / 2);
      ns -= Math.trunc(k / 2) + (k % 2);
    } else {
      ns -= Math.trunc(k / 2);
      nu += Math.trunc(k / 2) + (k % 2);
    }
    ndiv = minN;
  } else {
    ndiv = k;
  }
  if (ns * unit < lo) lo = ns * unit;
  if (nu * unit > up) up = nu * unit;
  return { lo, up, ndiv, unit };
}

/**
 * R's `pretty(x, n)`: about `n + 1` equally spaced "round" values covering the finite values of `x`.
 * Returns an empty array when `x` has no finite value.
 *
 * @example pretty([14, 45], 10) → [10, 15, 20, 25, 30, 35, 40, 45]
 */
export function pretty(x: ArrayLike<number>, n = 5, opts: PrettyOptions = {}): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return new Float64Array(0);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`pretty: n must be a non-negative integer, got ${n}`);
  const z = prettyBounds(lo, hi, n, opts);
  const s = seqLength(z.lo, z.up, z.ndiv + 1);
  if (z.ndiv > 0) {
    const delta = z.up / z.ndiv - z.lo / z.ndiv;
    for (let i = 0; i < s.length; i++) if (Math.abs(s[i]) < 1e-14 * delta) s[i] = 0;
  }
  return s;
}
