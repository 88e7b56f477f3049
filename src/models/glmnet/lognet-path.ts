/**
 * The two-class logistic elastic-net path on standardised columns: glmnet's `lognet2n` algorithm
 * (Friedman, Hastie & Tibshirani 2010, J Stat Softw 33(1), §3; as implemented in glmnet 4.1's C++
 * port), written from its published description:
 *
 * - λ sequence: λ_1 = `big` (a fit at "infinity"), λ_2 = α⁻¹·max_j |g_j|/vp_j with g_j = Σ_i w_i (y_i - p_i) z_ij
 *   at that fit, then λ_{k+1} = λ_k · r with r = max(eps, λ.min.ratio)^(1/(nlambda-1)) by repeated multiplication;
 *   or the user's λ values (`ulam`).
 * - At each λ: sequential strong rule (feature k joins the strong set when |g_k| > α(2λ - λ_prev)·vp_k), then a
 *   Newton (IRLS) outer loop whose weighted least-squares problem is solved by coordinate descent: a full
 *   pass over the strong set, then passes over the active set until the largest weighted squared change
 *   max(v_k·Δβ_k²) falls below `thr` (= thresh × null deviance per observation), then again a full pass.
 *   The outer loop stops when every coordinate's weighted squared change since the last Newton step is at
 *   most `thr`, and the KKT conditions hold for every feature outside the strong set (violators join it).
 * - Warm starts: each λ starts from the solution at the previous λ.
 * - The path stops early (automatic λ only, from the `mnlam`-th λ on) when the deviance ratio grows by less
 *   than `fdev`, exceeds `devmax`, or more than `ne` features are non-zero.
 *
 * Everything is in standardised coordinates: `z` holds the centred, scaled columns and the intercept is
 * that of the standardised problem.
 */
import { createCdKernels, type CdKernels } from './cd-kernels.js';

/** glmnet's internal constants (`glmnet.control()`), with glmnet's defaults. */
export interface GlmnetControl {
  /** Minimum fractional change in deviance ratio to continue the path (default 1e-5). */
  readonly fdev: number;
  /** Maximum deviance ratio before the path stops (default 0.999). */
  readonly devmax: number;
  /** Smallest allowed λ.min.ratio (default 1e-6). */
  readonly eps: number;
  /** "Infinity" used as the first λ of an automatic sequence (default 9.9e35). */
  readonly big: number;
  /** Minimum number of path points before early stopping (default 5). */
  readonly mnlam: number;
  /** Probabilities are kept in [pmin, 1-pmin] for the deviance (default 1e-9). */
  readonly pmin: number;
}

/** glmnet 4.1's `glmnet.control()` defaults. */
export const GLMNET_CONTROL_DEFAULTS: GlmnetControl = Object.freeze({ fdev: 1e-5, devmax: 0.999, eps: 1e-6, big: 9.9e35, mnlam: 5, pmin: 1e-9 });

/** Inputs of {@link lognetPath}. */
export interface LognetPathInput {
  /** Standardised predictors, column-major n × p (columns with `include[j] = 0` are ignored). */
  readonly z: Float64Array;
  readonly n: number;
  readonly p: number;
  /** 1 = feature may enter, 0 = excluded (constant column). */
  readonly include: Uint8Array;
  /** Outcome, 0/1 (the class modelled as "1"). */
  readonly y: Float64Array;
  /** Observation weights summing to 1. */
  readonly w: Float64Array;
  /** Penalty factors (normalised to sum to the number of features). */
  readonly vp: Float64Array;
  /** Elastic-net mixing α in [0, 1] (1 = LASSO). */
  readonly alpha: number;
  /** Number of λ values. */
  readonly nlam: number;
  /** λ.min.ratio (< 1) for an automatic sequence; ignored when `ulam` is given. */
  readonly flmin: number;
  /** User λ values in decreasing order (then no early stopping). */
  readonly ulam?: Float64Array;
  /** Convergence threshold relative to the null deviance (glmnet's `thresh`). */
  readonly thresh: number;
  /** Maximum total number of coordinate-descent passes. */
  readonly maxit: number;
  /** Maximum number of non-zero features before the path stops (glmnet's `dfmax`). */
  readonly ne: number;
  /** Maximum number of features ever active (glmnet's `pmax`). */
  readonly nx: number;
  readonly control: GlmnetControl;
  /** Numeric kernels (default: a shared WebAssembly-SIMD instance, or JavaScript). */
  readonly kernels?: CdKernels;
}

let sharedKernels: CdKernels | undefined;

/** Outputs of {@link lognetPath} (standardised scale). */
export interface LognetPathRaw {
  /** Number of λ values fitted. */
  readonly lmu: number;
  /** λ values (the first is `big` for an automatic sequence). */
  readonly alm: Float64Array;
  /** Intercepts (standardised scale). */
  readonly a0: Float64Array;
  /** Compressed coefficients: `ca[l + m * nx]` is the coefficient of feature `ia[l]` at λ index m. */
  readonly ca: Float64Array;
  /** Features in the order they became active (0-based). */
  readonly ia: Int32Array;
  /** Number of active features at each λ. */
  readonly kin: Int32Array;
  /** Deviance ratio at each λ. */
  readonly dev: Float64Array;
  /** Null deviance per unit weight (glmnet multiplies by 2·Σw). */
  readonly dev0: number;
  /** Total coordinate-descent passes. */
  readonly nlp: number;
  /** 0, or glmnet's negative error code: -(m+1) = no convergence at λ index m; -10000-(m+1) = pmax exceeded. */
  readonly jerr: number;
}

class MaxitReached extends Error {}

class MaxActiveReached extends Error {}

/**
 * Fits the whole path. Throws a plain `Error` with a `jerr` code only for the two fatal glmnet
 * conditions (the outcome mean is within `pmin` of 0 or 1); non-fatal problems are reported in `jerr`.
 */
export function lognetPath(inp: LognetPathInput): LognetPathRaw {
  const { z, n, p, include: ju, y, w, vp, alpha: beta, nlam, flmin, ulam, maxit, ne, nx, control } = inp;
  const userLambda = ulam !== undefined;
  const { fdev: sml, devmax: rsqmax, eps, big, mnlam, pmin } = control;
  const omb = 1 - beta;
  const alf = userLambda ? 1 : Math.pow(Math.max(eps, flmin), 1 / (nlam - 1));
  const mnl = Math.min(mnlam, nlam);
  const fmax = Math.log(1 / pmin - 1);
  const fmin = -fmax;
  const vmin = (1 + pmin) * pmin * (1 - pmin);

  // heap layout (offsets in doubles): Z (n·p) | R | V | W | Y | ETA | GA (p)
  const K = inp.kernels ?? (sharedKernels ??= createCdKernels());
  const Z = 0;
  const R = n * p;
  const V = R + n;
  const W = V + n;
  const Y = W + n;
  const ETA = Y + n;
  const GA = ETA + n;
  K.ensure(GA + p, p);
  const h = K.heap;
  h.set(z, Z);
  h.set(w, W);
  h.set(y, Y);
  h.fill(0, GA, GA + p);

  const b = new Float64Array(p + 1);
  const bs = new Float64Array(p + 1);
  const xv = new Float64Array(p);
  const q = new Float64Array(n);
  const ixx = new Uint8Array(p);
  const mm = new Int32Array(p);
  const ia = new Int32Array(nx);
  const list = new Int32Array(p);
  const alm = new Float64Array(nlam);
  const a0 = new Float64Array(nlam);
  const ca = new Float64Array(nx * nlam);
  const kin = new Int32Array(nlam);
  const dev = new Float64Array(nlam);
  let nin = 0;
  let nlp = 0;
  let jerr = 0;
  let lmu = 0;

  // --- null model (no offset) ---
  const q0 = K.dot(W, Y, n);
  if (q0 <= pmin) throw Object.assign(new Error('outcome mean <= pmin'), { jerr: 8001 });
  if (q0 >= 1 - pmin) throw Object.assign(new Error('outcome mean >= 1 - pmin'), { jerr: 9001 });
  const bz = Math.log(q0 / (1 - q0));
  const vi = q0 * (1 - q0);
  b[0] = bz;
  for (let i = 0; i < n; i++) {
    h[V + i] = vi * w[i];
    h[R + i] = w[i] * (y[i] - q0);
    q[i] = q0;
  }
  let xmz = vi;
  const dev1 = -(bz * q0 + Math.log(1 - q0));
  let dev0 = dev1;
  for (let i = 0; i < n; i++) {
    if (y[i] > 0) dev0 += w[i] * y[i] * Math.log(y[i]);
    if (y[i] < 1) dev0 += w[i] * (1 - y[i]) * Math.log(1 - y[i]);
  }
  const thr = inp.thresh * dev0;
  let cnt = 0;
  for (let j = 0; j < p; j++) if (ju[j]) list[cnt++] = j;
  K.absDots(R, Z, n, list, cnt, GA);

  let dlx = 0;
  let almCurr = 0;
  for (let m = 0; m < nlam; m++) {
    let alm0 = almCurr;
    let al = alm0;
    if (userLambda) al = ulam[m];
    else if (m > 1) al *= alf;
    else if (m === 0) al = big;
    else {
      alm0 = 0;
      for (let j = 0; j < p; j++) {
        if (!ju[j] || vp[j] <= 0) continue;
        const t = Math.abs(h[GA + j]) / vp[j];
        if (t > alm0) alm0 = t;
      }
      alm0 /= Math.max(beta, 1e-3);
      al = alm0 * alf;
    }
    almCurr = al;
    const dem = al * omb;
    const ab = al * beta;
    const tlam = beta * (2 * al - alm0);
    for (let k = 0; k < p; k++) {
      if (ixx[k] || !ju[k]) continue;
      if (h[GA + k] > tlam * vp[k]) ixx[k] = 1;
    }

    try {
      // IRLS (Newton) outer loop
      for (;;) {
        if (nlp > maxit) throw new MaxitReached();
        bs[0] = b[0];
        for (let l = 0; l < nin; l++) bs[ia[l] + 1] = b[ia[l] + 1];
        for (let j = 0; j < p; j++) if (ixx[j]) xv[j] = K.dotSquare(V, Z + j * n, n);
        // weighted least squares by coordinate descent: a full pass over the strong set, then
        // passes over the active set until converged, then a full pass again
        for (;;) {
          nlp++;
          dlx = 0;
          for (let k = 0; k < p; k++) {
            if (!ixx[k]) continue;
            const off = Z + k * n;
            const bk = b[k + 1];
            const u = K.dot(R, off, n) + bk * xv[k];
            const au = Math.abs(u) - vp[k] * ab;
            const nb = au > 0 ? (u < 0 ? -au : au) / (xv[k] + vp[k] * dem) : 0;
            b[k + 1] = nb;
            if (nb === bk) continue;
            if (mm[k] === 0) {
              nin++;
              if (nin > nx) throw new MaxActiveReached();
              mm[k] = nin;
              ia[nin - 1] = k;
            }
            const d = nb - bk;
            const dd = xv[k] * d * d;
            if (dd > dlx) dlx = dd;
            K.subScaledProduct(R, V, off, n, d);
          }
          dlx = interceptStep(K, R, V, n, xmz, b, dlx);
          if (dlx < thr) break;
          if (nlp > maxit) throw new MaxitReached();
          for (;;) {
            nlp++;
            dlx = 0;
            for (let l = 0; l < nin; l++) {
              const k = ia[l];
              const off = Z + k * n;
              const bk = b[k + 1];
              const u = K.dot(R, off, n) + bk * xv[k];
              const au = Math.abs(u) - vp[k] * ab;
              const nb = au > 0 ? (u < 0 ? -au : au) / (xv[k] + vp[k] * dem) : 0;
              b[k + 1] = nb;
              if (nb === bk) continue;
              const d = nb - bk;
              const dd = xv[k] * d * d;
              if (dd > dlx) dlx = dd;
              K.subScaledProduct(R, V, off, n, d);
            }
            dlx = interceptStep(K, R, V, n, xmz, b, dlx);
            if (dlx < thr) break;
            if (nlp > maxit) throw new MaxitReached();
          }
        }
        // new quadratic approximation: η_i = b0 + Σ_l b_{ia[l]} z_{i,ia[l]} (activation order)
        h.fill(b[0], ETA, ETA + n);
        for (let l = 0; l < nin; l++) {
          const k = ia[l];
          K.addScaled(ETA, Z + k * n, n, b[k + 1]);
        }
        for (let i = 0; i < n; i++) {
          const fi = h[ETA + i];
          const qi = fi < fmin ? 0 : fi > fmax ? 1 : 1 / (1 + Math.exp(-fi));
          q[i] = qi;
          h[V + i] = w[i] * qi * (1 - qi);
        }
        xmz = K.sum(V, n);
        if (xmz <= vmin) break;
        for (let i = 0; i < n; i++) h[R + i] = w[i] * (y[i] - q[i]);
        const d0 = b[0] - bs[0];
        let moved = xmz * d0 * d0 > thr;
        for (let l = 0; l < nin && !moved; l++) {
          const k = ia[l];
          const d = b[k + 1] - bs[k + 1];
          moved = xv[k] * d * d > thr;
        }
        if (!moved) {
          // KKT check of the features outside the strong set
          cnt = 0;
          for (let k = 0; k < p; k++) if (!ixx[k] && ju[k]) list[cnt++] = k;
          K.absDots(R, Z, n, list, cnt, GA);
          let kktFailed = false;
          for (let t = 0; t < cnt; t++) {
            const k = list[t];
            if (h[GA + k] > ab * vp[k]) { ixx[k] = 1; kktFailed = true; }
          }
          if (!kktFailed) break;
        }
      }
    } catch (e) {
      if (e instanceof MaxitReached) { jerr = -(m + 1); break; }
      if (e instanceof MaxActiveReached) { jerr = -10000 - (m + 1); break; }
      throw e;
    }

    // store the point
    let me = 0;
    for (let l = 0; l < nin; l++) {
      const c = b[ia[l] + 1];
      ca[l + m * nx] = c;
      if (c !== 0) me++;
    }
    a0[m] = b[0];
    let devi = 0;
    const pmaxp = 1 - pmin;
    for (let i = 0; i < n; i++) {
      const pi = Math.min(Math.max(pmin, q[i]), pmaxp);
      devi -= w[i] * (y[i] * Math.log(pi) + (1 - y[i]) * Math.log(1 - pi));
    }
    dev[m] = (dev1 - devi) / dev0;
    const prevDev = m === 0 ? 0 : dev[m - 1];
    kin[m] = nin;
    alm[m] = al;
    lmu = m + 1;
    if (lmu < mnl || userLambda) continue;
    if (me > ne || dev[m] - prevDev < sml || dev[m] > rsqmax) break;
    if (xmz <= vmin) break;
  }
  return { lmu, alm, a0, ca, ia: ia.slice(0, Math.min(nin, nx)), kin, dev, dev0, nlp, jerr };
}

/** Intercept step of the coordinate descent: b0 += Σr/Σv and r -= d·v; returns the new largest change. */
function interceptStep(K: CdKernels, R: number, V: number, n: number, xmz: number, b: Float64Array, dlx: number): number {
  const d = K.sum(R, n) / xmz;
  if (d === 0) return dlx;
  b[0] += d;
  K.subScaled(R, V, n, d);
  const dd = xmz * d * d;
  return dd > dlx ? dd : dlx;
}
