/**
 * LOWESS scatterplot smoother with the exact arithmetic of R's `stats::lowess` (the `clowess`
 * routine of W. S. Cleveland, JASA 1979, as shipped in R): local linear fits with tricube weights over
 * the ns = max(2, min(n, ⌊f·n + 1e-7⌋)) nearest neighbours, points closer than `delta` to the last
 * fitted point interpolated linearly, ties in x sharing the fitted value, and `iter` robustness
 * iterations with bisquare weights of the residuals (6·median |residual| scale).
 * Written independently from the published algorithm; the order of floating-point operations follows
 * R so that results agree to ~1e-15.
 */
import { InvalidInputError } from '../core/errors.js';

/** Options of {@link lowess} (R's defaults). */
export interface LowessOptions {
  /** Smoother span: the fraction of points in each local fit (default 2/3). */
  readonly f?: number;
  /** Robustness iterations (default 3; `val.prob` uses 0). */
  readonly iter?: number;
  /** Points within `delta` of the last fitted x are interpolated (default 0.01·(max x - min x)). */
  readonly delta?: number;
}

/** The smoothed curve: x sorted ascending (stable) and the fitted values. */
export interface LowessCurve {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

const cube = (t: number): number => t * t * t;

/**
 * Weighted local linear fit at xs using points nleft..nright (1-based, arrays with an unused slot 0);
 * returns NaN when all weights are 0.
 */
function localFit(x: Float64Array, y: Float64Array, n: number, xs: number, nleft: number, nright: number,
  w: Float64Array, rw: Float64Array | null): number {
  const range = x[n] - x[1];
  const h = Math.max(xs - x[nleft], x[nright] - xs);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let a = 0;
  let j = nleft;
  while (j <= n) {
    w[j] = 0;
    const r = Math.abs(x[j] - xs);
    if (r <= h9) {
      w[j] = r <= h1 ? 1 : cube(1 - cube(r / h));
      if (rw) w[j] *= rw[j];
      a += w[j];
    } else if (x[j] > xs) {
      break;
    }
    j++;
  }
  const nrt = j - 1; // rightmost point used (beyond nright when x ties)
  if (a <= 0) return NaN;
  for (j = nleft; j <= nrt; j++) w[j] /= a;
  if (h > 0) {
    a = 0;
    for (j = nleft; j <= nrt; j++) a += w[j] * x[j];
    let b = xs - a;
    let c = 0;
    for (j = nleft; j <= nrt; j++) c += w[j] * ((x[j] - a) * (x[j] - a));
    if (Math.sqrt(c) > 0.001 * range) {
      b /= c;
      for (j = nleft; j <= nrt; j++) w[j] *= b * (x[j] - a) + 1;
    }
  }
  let ys = 0;
  for (j = nleft; j <= nrt; j++) ys += w[j] * y[j];
  return ys;
}

function medianOf(v: Float64Array): number {
  const s = Float64Array.from(v).sort();
  const n = s.length;
  const m1 = Math.floor(n / 2);
  return n % 2 === 0 ? (s[m1] + s[n - m1 - 1]) / 2 : s[m1];
}

/**
 * R's `lowess(x, y, f, iter, delta)`: returns x sorted (stable order) and the smoothed y.
 * @throws InvalidInputError for unequal lengths, an empty or non-finite input, f <= 0, iter < 0, delta < 0
 */
export function lowess(xIn: ArrayLike<number>, yIn: ArrayLike<number>, opts: LowessOptions = {}): LowessCurve {
  const n = xIn.length;
  if (yIn.length !== n) throw new InvalidInputError('lowess: x and y differ in length', { found: `${n} and ${yIn.length}` });
  if (n === 0) throw new InvalidInputError('lowess: x is empty');
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(xIn[i]) || !Number.isFinite(yIn[i])) throw new InvalidInputError('lowess: x and y must be finite', { found: `position ${i + 1}` });
  }
  const f = opts.f ?? 2 / 3;
  const nsteps = opts.iter ?? 3;
  if (!(f > 0 && Number.isFinite(f))) throw new InvalidInputError("lowess: 'f' must be finite and > 0", { found: String(f) });
  if (!(Number.isInteger(nsteps) && nsteps >= 0)) throw new InvalidInputError("lowess: 'iter' must be an integer >= 0", { found: String(nsteps) });
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => xIn[a] - xIn[b] || a - b);
  // 1-based working arrays (slot 0 unused), as in the published algorithm.
  const x = new Float64Array(n + 1);
  const y = new Float64Array(n + 1);
  order.forEach((o, k) => { x[k + 1] = xIn[o]; y[k + 1] = yIn[o]; });
  const delta = opts.delta ?? 0.01 * (x[n] - x[1]);
  if (!(delta >= 0 && Number.isFinite(delta))) throw new InvalidInputError("lowess: 'delta' must be finite and >= 0", { found: String(delta) });
  const ys = new Float64Array(n + 1);
  if (n < 2) return { x: x.slice(1), y: y.slice(1) };
  const w = new Float64Array(n + 1);
  const rw = new Float64Array(n + 1);
  const ns = Math.max(2, Math.min(n, Math.trunc(f * n + 1e-7)));

  for (let iter = 1; iter <= nsteps + 1; iter++) {
    let nleft = 1;
    let nright = ns;
    let last = 0;
    let i = 1;
    for (;;) {
      if (nright < n) {
        const d1 = x[i] - x[nleft];
        const d2 = x[nright + 1] - x[i];
        if (d1 > d2) {
          nleft++;
          nright++;
          continue;
        }
      }
      const fit = localFit(x, y, n, x[i], nleft, nright, w, iter > 1 ? rw : null);
      ys[i] = Number.isNaN(fit) ? y[i] : fit;
      if (last < i - 1) {
        const denom = x[i] - x[last];
        for (let j = last + 1; j < i; j++) {
          const alpha = (x[j] - x[last]) / denom;
          ys[j] = alpha * ys[i] + (1 - alpha) * ys[last];
        }
      }
      last = i;
      const cut = x[last] + delta;
      for (i = last + 1; i <= n; i++) {
        if (x[i] > cut) break;
        if (x[i] === x[last]) {
          ys[i] = ys[last];
          last = i;
        }
      }
      i = Math.max(last + 1, i - 1);
      if (last >= n) break;
    }
    if (iter > nsteps) break;
    // Robustness weights: bisquare of residual / (6·median |residual|).
    const res = new Float64Array(n);
    let sc = 0;
    for (let k = 0; k < n; k++) {
      res[k] = Math.abs(y[k + 1] - ys[k + 1]);
      sc += res[k];
    }
    sc /= n;
    const cmad = 6 * medianOf(res);
    if (cmad < 1e-7 * sc) break;
    const c9 = 0.999 * cmad;
    const c1 = 0.001 * cmad;
    for (let k = 0; k < n; k++) {
      const r = res[k];
      const t = 1 - (r / cmad) * (r / cmad);
      rw[k + 1] = r <= c1 ? 1 : r <= c9 ? t * t : 0;
    }
  }
  return { x: x.slice(1), y: ys.slice(1) };
}

/**
 * The smoothed value at each original x, as R's `approx(lowess(...), xout = x, ties = mean)$y`
 * (the fitted values of tied x are averaged; they are equal in lowess output).
 */
export function lowessAt(curve: LowessCurve, xout: ArrayLike<number>): Float64Array {
  const ux: number[] = [];
  const uy: number[] = [];
  let i = 0;
  while (i < curve.x.length) {
    let j = i;
    let s = 0;
    while (j < curve.x.length && curve.x[j] === curve.x[i]) s += curve.y[j++];
    ux.push(curve.x[i]);
    uy.push(s / (j - i));
    i = j;
  }
  const out = new Float64Array(xout.length);
  for (let k = 0; k < xout.length; k++) {
    const v = xout[k];
    let lo = 0;
    let hi = ux.length - 1;
    if (v < ux[lo] || v > ux[hi]) { out[k] = NaN; continue; }
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (v < ux[mid]) hi = mid; else lo = mid;
    }
    if (v === ux[hi]) out[k] = uy[hi];
    else if (v === ux[lo]) out[k] = uy[lo];
    else out[k] = uy[lo] + ((uy[hi] - uy[lo]) * (v - ux[lo])) / (ux[hi] - ux[lo]);
  }
  return out;
}
