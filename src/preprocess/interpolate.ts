import { bsplineCoefficients } from './bspline-coefficients.js';

/**
 * Separable interpolation of a 3D grid onto another grid with the same axis directions (axis-aligned resampling),
 * following ITK's interpolators as SimpleITK's `ResampleImageFilter` uses them:
 *
 * - `nearest`: `NearestNeighborInterpolateImageFunction`, index ⌊c + 0.5⌋ (round half up).
 * - `linear`: `LinearInterpolateImageFunction`; outside [0, n−1] the nearest edge value is used.
 * - `bspline`: cubic B-spline (`BSplineInterpolateImageFunction`, order 3) on mirror-boundary coefficients
 *   (see {@link bsplineCoefficients}), taps ⌊c⌋−1..⌊c⌋+2 mirrored at the edges.
 *
 * Out-of-grid points: with `boundary: 'itk'`, a point whose continuous index is outside [−0.5, n − 0.5) on any axis
 * gets `outsideValue` (ITK's `IsInsideBuffer` test, default pixel value 0). With `boundary: 'clamp'` (IBSI: "padded
 * with the nearest boundary value"), continuous indices are clamped to [0, n − 1] first.
 */
export type Interpolator = 'nearest' | 'linear' | 'bspline';

/** How points outside the source grid are treated (see {@link Interpolator}). */
export type BoundaryMode = 'itk' | 'clamp';

/** The mapping of one target axis onto a source axis: continuous source index c(j) = offset + j·step. */
export interface AxisMap {
  /** Number of source voxels along the axis. */
  readonly sourceSize: number;
  /** Number of target voxels along the axis. */
  readonly targetSize: number;
  /** Continuous source index of target index 0. */
  readonly offset: number;
  /** Source-index increment per target index (target spacing / source spacing). */
  readonly step: number;
}

interface AxisKernel {
  /** taps per target index */
  readonly taps: number;
  /** source indices, targetSize × taps */
  readonly index: Int32Array;
  /** weights, targetSize × taps */
  readonly weight: Float64Array;
  /** 1 when the target index is inside the source buffer */
  readonly inside: Uint8Array;
}

function mirror(i: number, n: number): number {
  if (n === 1) return 0;
  if (i < 0) i = -i;
  if (i > n - 1) i = 2 * (n - 1) - i;
  // very small axes can need more than one reflection
  while (i < 0 || i > n - 1) {
    if (i < 0) i = -i;
    if (i > n - 1) i = 2 * (n - 1) - i;
  }
  return i;
}

function axisKernel(map: AxisMap, interp: Interpolator, boundary: BoundaryMode): AxisKernel {
  const n = map.sourceSize;
  const m = map.targetSize;
  const taps = interp === 'nearest' ? 1 : interp === 'linear' ? 2 : 4;
  const index = new Int32Array(m * taps);
  const weight = new Float64Array(m * taps);
  const inside = new Uint8Array(m);
  for (let j = 0; j < m; j++) {
    let c = map.offset + j * map.step;
    if (boundary === 'clamp') c = c < 0 ? 0 : c > n - 1 ? n - 1 : c;
    inside[j] = c >= -0.5 && c < n - 0.5 ? 1 : 0;
    const o = j * taps;
    if (interp === 'nearest') {
      let i = Math.floor(c + 0.5);
      if (i < 0) i = 0;
      if (i > n - 1) i = n - 1;
      index[o] = i;
      weight[o] = 1;
    } else if (interp === 'linear') {
      let b = Math.floor(c);
      if (b < 0) b = 0;
      const d = c - b;
      index[o] = b > n - 1 ? n - 1 : b;
      if (d <= 0 || b + 1 > n - 1) {
        weight[o] = 1;
        index[o + 1] = index[o];
        weight[o + 1] = 0;
      } else {
        weight[o] = 1 - d;
        index[o + 1] = b + 1;
        weight[o + 1] = d;
      }
    } else {
      const b = Math.floor(c) - 1;
      const w = c - (b + 1);
      const w3 = (1 / 6) * w * w * w;
      const w0 = 1 / 6 + 0.5 * w * (w - 1) - w3;
      const w2 = w + w0 - 2 * w3;
      const w1 = 1 - w0 - w2 - w3;
      weight[o] = w0; weight[o + 1] = w1; weight[o + 2] = w2; weight[o + 3] = w3;
      for (let t = 0; t < 4; t++) index[o + t] = mirror(b + t, n);
    }
  }
  return { taps, index, weight, inside };
}

/**
 * Resamples a 3D array (x fastest) along the three axes with separable kernels. `maps` gives the mapping of each
 * axis. Returns Float64 values on the target grid (x fastest). The source is not modified.
 */
export function resampleSeparable(
  source: ArrayLike<number>,
  sourceSize: readonly [number, number, number],
  maps: readonly [AxisMap, AxisMap, AxisMap],
  interp: Interpolator,
  boundary: BoundaryMode = 'itk',
  outsideValue = 0,
): Float64Array {
  const coeff = interp === 'bspline' ? bsplineCoefficients(source, sourceSize) : source;
  const [kx, ky, kz] = maps.map((m) => axisKernel(m, interp, boundary)) as [AxisKernel, AxisKernel, AxisKernel];
  const [sx, sy, sz] = sourceSize;
  const tx = maps[0].targetSize;
  const ty = maps[1].targetSize;
  const tz = maps[2].targetSize;
  // Source rows/planes actually needed along y and z.
  const [y0, y1] = usedRange(ky);
  const [z0, z1] = usedRange(kz);
  const ny = y1 - y0 + 1;
  const nz = z1 - z0 + 1;
  // pass 1: along x → a[tx, ny, nz]
  const a = new Float64Array(tx * ny * nz);
  const xTaps = kx.taps, xIdx = kx.index, xW = kx.weight;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      const srcRow = sx * (y0 + j + sy * (z0 + k));
      const dstRow = tx * (j + ny * k);
      if (xTaps === 4) {
        for (let i = 0, o = 0; i < tx; i++, o += 4) {
          a[dstRow + i] = xW[o] * coeff[srcRow + xIdx[o]] + xW[o + 1] * coeff[srcRow + xIdx[o + 1]]
            + xW[o + 2] * coeff[srcRow + xIdx[o + 2]] + xW[o + 3] * coeff[srcRow + xIdx[o + 3]];
        }
      } else if (xTaps === 2) {
        for (let i = 0, o = 0; i < tx; i++, o += 2) {
          a[dstRow + i] = xW[o] * coeff[srcRow + xIdx[o]] + xW[o + 1] * coeff[srcRow + xIdx[o + 1]];
        }
      } else {
        for (let i = 0; i < tx; i++) a[dstRow + i] = coeff[srcRow + xIdx[i]];
      }
    }
  }
  // pass 2: along y → b[tx, ty, nz]
  const b = new Float64Array(tx * ty * nz);
  const yTaps = ky.taps, yIdx = ky.index, yW = ky.weight;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ty; j++) {
      const o = j * yTaps;
      const dstRow = tx * (j + ty * k);
      for (let t = 0; t < yTaps; t++) {
        const w = yW[o + t];
        if (w === 0) continue;
        const srcRow = tx * (yIdx[o + t] - y0 + ny * k);
        for (let i = 0; i < tx; i++) b[dstRow + i] += w * a[srcRow + i];
      }
    }
  }
  // pass 3: along z → out[tx, ty, tz]
  const plane = tx * ty;
  const out = new Float64Array(plane * tz);
  const zTaps = kz.taps, zIdx = kz.index, zW = kz.weight;
  for (let k = 0; k < tz; k++) {
    const o = k * zTaps;
    const dst = plane * k;
    for (let t = 0; t < zTaps; t++) {
      const w = zW[o + t];
      if (w === 0) continue;
      const src = plane * (zIdx[o + t] - z0);
      for (let p = 0; p < plane; p++) out[dst + p] += w * b[src + p];
    }
  }
  if (boundary === 'itk') {
    for (let k = 0; k < tz; k++) {
      for (let j = 0; j < ty; j++) {
        const row = tx * (j + ty * k);
        const rowOutside = kz.inside[k] === 0 || ky.inside[j] === 0;
        for (let i = 0; i < tx; i++) if (rowOutside || kx.inside[i] === 0) out[row + i] = outsideValue;
      }
    }
  }
  return out;
}

function usedRange(k: AxisKernel): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < k.index.length; i++) {
    const v = k.index[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}
