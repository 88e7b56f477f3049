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
 * Cubic B-spline coefficients of a 3D array (x fastest) of size `size`. Returns a new Float64Array; the input is
 * not modified.
 */
export function bsplineCoefficients(data: ArrayLike<number>, size: readonly [number, number, number]): Float64Array {
  const [nx, ny, nz] = size;
  const c = new Float64Array(data.length);
  for (let i = 0; i < c.length; i++) c[i] = data[i];
  const line = new Float64Array(Math.max(nx, ny, nz));
  // x
  if (nx > 1) {
    for (let o = 0; o < ny * nz; o++) {
      const base = o * nx;
      for (let i = 0; i < nx; i++) line[i] = c[base + i];
      filterLine(line, nx);
      for (let i = 0; i < nx; i++) c[base + i] = line[i];
    }
  }
  // y
  if (ny > 1) {
    for (let k = 0; k < nz; k++) {
      for (let i = 0; i < nx; i++) {
        const base = i + nx * ny * k;
        for (let j = 0; j < ny; j++) line[j] = c[base + nx * j];
        filterLine(line, ny);
        for (let j = 0; j < ny; j++) c[base + nx * j] = line[j];
      }
    }
  }
  // z
  if (nz > 1) {
    const plane = nx * ny;
    for (let p = 0; p < plane; p++) {
      for (let k = 0; k < nz; k++) line[k] = c[p + plane * k];
      filterLine(line, nz);
      for (let k = 0; k < nz; k++) c[p + plane * k] = line[k];
    }
  }
  return c;
}
