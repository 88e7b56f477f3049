/**
 * Cubic B-spline coefficients of an image (Unser, Aldroubi & Eden 1993; Unser 1999 "Splines: a perfect fit",
 * Box 2), with mirror (whole-sample symmetric) boundaries, computed as ITK's `BSplineDecompositionImageFilter`
 * (spline order 3, tolerance 1e-10) so that B-spline resampling reproduces SimpleITK's `sitkBSpline`.
 *
 * For each line along each axis: gain (1 − z)(1 − 1/z) with the pole z = √3 − 2, a causal recursion
 * c⁺[n] = s[n] + z c⁺[n−1] initialised by a truncated (horizon ⌈ln 1e-10 / ln|z|⌉) or exact mirror sum, and an
 * anti-causal recursion c[n] = z (c[n+1] − c⁺[n]) initialised from the mirror condition.
 */

/** The pole of the cubic B-spline prefilter, √3 − 2. */
export const CUBIC_BSPLINE_POLE = Math.sqrt(3) - 2;

const TOLERANCE = 1e-10;

function filterLine(s: Float64Array, n: number): void {
  if (n === 1) return;
  const z = CUBIC_BSPLINE_POLE;
  const gain = (1 - z) * (1 - 1 / z);
  for (let i = 0; i < n; i++) s[i] *= gain;
  // causal initial coefficient
  const horizon = Math.ceil(Math.log(TOLERANCE) / Math.log(Math.abs(z)));
  if (horizon < n) {
    let zn = z;
    let sum = s[0];
    for (let i = 1; i < horizon; i++) {
      sum += zn * s[i];
      zn *= z;
    }
    s[0] = sum;
  } else {
    let zn = z;
    const iz = 1 / z;
    let z2n = Math.pow(z, n - 1);
    let sum = s[0] + z2n * s[n - 1];
    z2n *= z2n * iz;
    for (let i = 1; i <= n - 2; i++) {
      sum += (zn + z2n) * s[i];
      zn *= z;
      z2n *= iz;
    }
    s[0] = sum / (1 - zn * zn);
  }
  for (let i = 1; i < n; i++) s[i] += z * s[i - 1];
  // anti-causal initial coefficient (mirror boundary)
  s[n - 1] = (z / (z * z - 1)) * (z * s[n - 2] + s[n - 1]);
  for (let i = n - 2; i >= 0; i--) s[i] = z * (s[i + 1] - s[i]);
}

/**
 * The same filter as {@link filterLine} applied to `count` interleaved lines at once: line `l` has its samples at
 * `base + l + stride·m` (m = 0..n−1). Used for the y and z axes, so memory is read in contiguous runs (same
 * arithmetic, element by element, as the line version).
 */
function filterLanes(c: Float64Array, base: number, count: number, stride: number, n: number): void {
  if (n === 1) return;
  const z = CUBIC_BSPLINE_POLE;
  const gain = (1 - z) * (1 - 1 / z);
  const end = base + count;
  for (let m = 0; m < n; m++) {
    const o = stride * m;
    for (let l = base; l < end; l++) c[l + o] *= gain;
  }
  const horizon = Math.ceil(Math.log(TOLERANCE) / Math.log(Math.abs(z)));
  if (horizon < n) {
    // s[0] = s[0] + z s[1] + z² s[2] + ... (horizon terms), summed in the order of the line version
    let zn = z;
    for (let m = 1; m < horizon; m++) {
      const o = stride * m;
      for (let l = base; l < end; l++) c[l] += zn * c[l + o];
      zn *= z;
    }
  } else {
    const iz = 1 / z;
    const last = stride * (n - 1);
    let z2n = Math.pow(z, n - 1);
    for (let l = base; l < end; l++) c[l] = c[l] + z2n * c[l + last];
    let zn = z;
    z2n *= z2n * iz;
    for (let m = 1; m <= n - 2; m++) {
      const o = stride * m;
      const f = zn + z2n;
      for (let l = base; l < end; l++) c[l] += f * c[l + o];
      zn *= z;
      z2n *= iz;
    }
    const d = 1 - zn * zn;
    for (let l = base; l < end; l++) c[l] = c[l] / d;
  }
  for (let m = 1; m < n; m++) {
    const o = stride * m;
    const p = o - stride;
    for (let l = base; l < end; l++) c[l + o] += z * c[l + p];
  }
  const oLast = stride * (n - 1);
  const oPrev = oLast - stride;
  const f = z / (z * z - 1);
  for (let l = base; l < end; l++) c[l + oLast] = f * (z * c[l + oPrev] + c[l + oLast]);
  for (let m = n - 2; m >= 0; m--) {
    const o = stride * m;
    const q = o + stride;
    for (let l = base; l < end; l++) c[l + o] = z * (c[l + q] - c[l + o]);
  }
}

/**
 * Cubic B-spline coefficients of a 3D array (x fastest) of size `size`. Returns a new Float64Array; the input is
 * not modified.
 */
export function bsplineCoefficients(data: ArrayLike<number>, size: readonly [number, number, number]): Float64Array {
  const [nx, ny, nz] = size;
  const c = new Float64Array(data.length);
  for (let i = 0; i < c.length; i++) c[i] = data[i];
  // x: contiguous lines
  if (nx > 1) {
    const line = new Float64Array(nx);
    for (let o = 0; o < ny * nz; o++) {
      const base = o * nx;
      for (let i = 0; i < nx; i++) line[i] = c[base + i];
      filterLine(line, nx);
      for (let i = 0; i < nx; i++) c[base + i] = line[i];
    }
  }
  // y: per slice, the nx lines of the slice side by side
  if (ny > 1) for (let k = 0; k < nz; k++) filterLanes(c, nx * ny * k, nx, nx, ny);
  // z: all nx·ny lines side by side
  if (nz > 1) filterLanes(c, 0, nx * ny, nx * ny, nz);
  return c;
}
