import type { Vec3 } from '../../core/vec.js';
import { fft3d, fft3dRealEven, fftSize } from './fft.js';

/** Moran's I and Geary's C of the intensities of a mask (IBSI 1 §3.1.28–29). */
export interface SpatialAutocorrelation {
  readonly moranI: number;
  readonly gearyC: number;
}

/** Options of {@link spatialAutocorrelation}. */
export interface SpatialAutocorrelationOptions {
  /**
   * `direct`: the O(N²) double sum over voxel pairs; `fft`: the same sums as convolutions (exact up to rounding);
   * `auto` (default): direct up to 3000 voxels, FFT above.
   */
  readonly method?: 'auto' | 'direct' | 'fft';
}

/**
 * Moran's I (N365) and Geary's C (NPT7) with inverse-distance weights w_kl = 1/‖x_k − x_l‖ (world distances between
 * voxel centres, mm) over all pairs k ≠ l of the N voxels of the intensity mask, z_k = X_k − μ, W = Σ_{k≠l} w_kl:
 *
 *   I = (N/W) · Σ_{k≠l} w_kl z_k z_l / Σ_k z_k²
 *   C = ((N − 1)/(2W)) · Σ_{k≠l} w_kl (X_k − X_l)² / Σ_k z_k²
 *
 * Both are computed exactly, without the subsampling IBSI allows: the pair sums are Σ_k a_k (K∗b)_k with the
 * kernel K(δ) = 1/‖δ‖ (K(0) = 0) on the voxel grid, and (X_k − X_l)² = (z_k − z_l)² expands into
 * 2Σ z_k²(K∗m)_k − 2Σ z_k (K∗z)_k (m = the mask). For large ROIs the two convolutions K∗m and K∗z are done with
 * one complex FFT of m + i·z on the zero-padded bounding box (no wrap-around), a half-cost real-even FFT of K
 * and one inverse, skipping the lines that hold only padding.
 * NaN when undefined (a single voxel, or all intensities equal).
 */
export function spatialAutocorrelation(values: ArrayLike<number>, mask: ArrayLike<number>, size: Vec3, spacing: Vec3, options: SpatialAutocorrelationOptions = {}): SpatialAutocorrelation {
  const [nx, ny, nz] = size;
  let n = 0, sum = 0;
  let x0 = nx, x1 = -1, y0 = ny, y1 = -1, z0 = nz, z1 = -1;
  for (let k = 0, p = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++, p++) {
    if (mask[p] === 0) continue;
    n++;
    sum += values[p];
    if (i < x0) x0 = i; if (i > x1) x1 = i;
    if (j < y0) y0 = j; if (j > y1) y1 = j;
    if (k < z0) z0 = k; if (k > z1) z1 = k;
  }
  if (n < 2) return { moranI: NaN, gearyC: NaN };
  const mu = sum / n;
  const method = options.method ?? 'auto';
  const useFft = method === 'fft' || (method === 'auto' && n > 3000);
  // W = Σ_{k≠l} w, Szz = Σ_{k≠l} w z_k z_l, G = Σ_{k≠l} w (z_k − z_l)² (ordered pairs)
  let W: number, Szz: number, G: number, Z2 = 0;
  if (!useFft) {
    const px = new Float64Array(n), py = new Float64Array(n), pz = new Float64Array(n), zz = new Float64Array(n);
    let q = 0;
    for (let k = 0, p = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++, p++) {
      if (mask[p] === 0) continue;
      px[q] = i * spacing[0]; py[q] = j * spacing[1]; pz[q] = k * spacing[2];
      zz[q] = values[p] - mu;
      Z2 += zz[q] * zz[q];
      q++;
    }
    W = 0; Szz = 0; G = 0;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const w = 1 / Math.sqrt((px[a] - px[b]) ** 2 + (py[a] - py[b]) ** 2 + (pz[a] - pz[b]) ** 2);
        W += w;
        Szz += w * zz[a] * zz[b];
        G += w * (zz[a] - zz[b]) ** 2;
      }
    }
    W *= 2; Szz *= 2; G *= 2;
  } else {
    const bx = x1 - x0 + 1, by = y1 - y0 + 1, bz = z1 - z0 + 1;
    const N: [number, number, number] = [fftSize(2 * bx - 1), fftSize(2 * by - 1), fftSize(2 * bz - 1)];
    const total = N[0] * N[1] * N[2];
    const re = new Float64Array(total), im = new Float64Array(total);
    for (let k = z0; k <= z1; k++) for (let j = y0; j <= y1; j++) for (let i = x0; i <= x1; i++) {
      const p = i + nx * (j + ny * k);
      if (mask[p] === 0) continue;
      const t = i - x0 + N[0] * (j - y0 + N[1] * (k - z0));
      const z = values[p] - mu;
      re[t] = 1;
      im[t] = z;
      Z2 += z * z;
    }
    const kr = new Float64Array(total);
    // K(δ) = 1/‖δ‖ on the octant δ ≥ 0, mirrored to the wrapped negative offsets (K is even along every axis)
    for (let dk = 0; dk < bz; dk++) {
      const ez = (dk * spacing[2]) ** 2;
      for (let dj = 0; dj < by; dj++) {
        const ey = ez + (dj * spacing[1]) ** 2;
        const row = N[0] * (dj + N[1] * dk);
        for (let di = 0; di < bx; di++) {
          const d2 = ey + (di * spacing[0]) ** 2;
          const w = d2 === 0 ? 0 : 1 / Math.sqrt(d2);
          kr[row + di] = w;
          if (di > 0) kr[row + N[0] - di] = w;
        }
      }
      // mirror rows along y, then planes along z
      for (let dj = 1; dj < by; dj++) {
        const src = N[0] * (dj + N[1] * dk);
        kr.copyWithin(N[0] * (N[1] - dj + N[1] * dk), src, src + N[0]);
      }
    }
    for (let dk = 1; dk < bz; dk++) {
      const plane = N[0] * N[1];
      kr.copyWithin(plane * (N[2] - dk), plane * dk, plane * (dk + 1));
    }
    fft3dRealEven(kr, N);
    fft3d(re, im, N, false, [bx, by, bz]);
    for (let t = 0; t < total; t++) {
      const a = kr[t]; // K is real and even: its spectrum is real
      re[t] *= a;
      im[t] *= a;
    }
    fft3d(re, im, N, true, [bx, by, bz]);
    W = 0; Szz = 0;
    let Sq = 0;
    for (let k = z0; k <= z1; k++) for (let j = y0; j <= y1; j++) for (let i = x0; i <= x1; i++) {
      const p = i + nx * (j + ny * k);
      if (mask[p] === 0) continue;
      const t = i - x0 + N[0] * (j - y0 + N[1] * (k - z0));
      const km = re[t] / total, kz = im[t] / total;
      const z = values[p] - mu;
      W += km;
      Szz += z * kz;
      Sq += z * z * km;
    }
    G = 2 * Sq - 2 * Szz;
  }
  if (Z2 === 0 || W === 0) return { moranI: NaN, gearyC: NaN };
  return {
    moranI: ((n / W) * Szz) / Z2,
    gearyC: (((n - 1) / (2 * W)) * G) / Z2,
  };
}
