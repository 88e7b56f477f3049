/**
 * Principal component analysis of ROI voxel centres (IBSI 1 §3.1.12, PyRadiomics shape): the eigenvalues of the
 * population covariance matrix C = (1/N)·Σ (x_k − x̄)(x_k − x̄)ᵀ of the physical voxel-centre positions
 * x_k = index·spacing (mm). Eigenvalues are computed with cyclic Jacobi rotations (accurate for the small ones too),
 * sorted ascending; values in (−1e-10, 0) caused by rounding are set to 0, as PyRadiomics does.
 */
import type { Vec3 } from '../../core/vec.js';

/** Eigenvalues (ascending, mm²) of the voxel-centre covariance, and the number of voxels N. */
export interface PrincipalMoments {
  /** [λ_least, λ_minor, λ_major] in 3D; [λ_minor, λ_major] in 2D. */
  readonly eigenvalues: readonly number[];
  readonly count: number;
}

/** 3D principal moments of the voxels where `mask` is non-zero (grid `size`, x fastest). */
export function principalMoments3D(mask: ArrayLike<number>, size: Vec3, spacing: Vec3): PrincipalMoments {
  const sums = indexSums(mask, size[0], size[1], size[2]);
  const n = sums[0];
  if (n === 0) return { eigenvalues: [NaN, NaN, NaN], count: 0 };
  const c = covarianceSums(mask, size, spacing, sums[1] / n, sums[2] / n, sums[3] / n);
  const ev = symmetricEigenvalues3([c[0] / n, c[3] / n, c[4] / n, c[1] / n, c[5] / n, c[2] / n]);
  return { eigenvalues: ev.map(cleanTiny), count: n };
}

/** [N, Σi, Σj, Σk] over the non-zero voxels (exact integers), row by row. */
function indexSums(mask: ArrayLike<number>, nx: number, ny: number, nz: number): Float64Array {
  const sums = new Float64Array(4);
  for (let k = 0, p = 0; k < nz; k++) for (let j = 0; j < ny; j++, p += nx) indexRow(mask, p, nx, j, k, sums);
  return sums;
}

function indexRow(mask: ArrayLike<number>, p: number, nx: number, j: number, k: number, sums: Float64Array): void {
  let n = 0, si = 0;
  for (let i = 0; i < nx; i++) {
    if (mask[p + i] === 0) continue;
    n++; si += i;
  }
  sums[0] += n; sums[1] += si; sums[2] += j * n; sums[3] += k * n;
}

/** [Σdx², Σdy², Σdz², Σdx·dy, Σdx·dz, Σdy·dz] of the physical offsets from the mean index (mx, my, mz). */
function covarianceSums(mask: ArrayLike<number>, size: Vec3, spacing: Vec3, mx: number, my: number, mz: number): Float64Array {
  const [nx, ny, nz] = size;
  const acc = new Float64Array(6);
  for (let k = 0, p = 0; k < nz; k++) {
    const dz = (k - mz) * spacing[2];
    for (let j = 0; j < ny; j++, p += nx) covarianceRow(mask, p, nx, mx, spacing[0], (j - my) * spacing[1], dz, acc);
  }
  return acc;
}

/**
 * Adds one row (voxels p..p + nx − 1, offsets dy, dz) to the running sums `acc` (same order as a single loop over
 * all voxels). A small function called per row is compiled once by V8, early, with no on-stack replacement.
 */
function covarianceRow(mask: ArrayLike<number>, p: number, nx: number, mx: number, sx: number, dy: number, dz: number, acc: Float64Array): void {
  let cxx = acc[0], cyy = acc[1], czz = acc[2], cxy = acc[3], cxz = acc[4], cyz = acc[5];
  for (let i = 0; i < nx; i++) {
    if (mask[p + i] === 0) continue;
    const dx = (i - mx) * sx;
    cxx += dx * dx; cyy += dy * dy; czz += dz * dz;
    cxy += dx * dy; cxz += dx * dz; cyz += dy * dz;
  }
  acc[0] = cxx; acc[1] = cyy; acc[2] = czz; acc[3] = cxy; acc[4] = cxz; acc[5] = cyz;
}

function cleanTiny(v: number): number {
  return v < 0 && v > -1e-10 ? 0 : v;
}

/** Eigenvalues of the 2×2 symmetric matrix [[a, b], [b, c]], ascending. */
export function symmetricEigenvalues2(a: number, b: number, c: number): [number, number] {
  const mean = (a + c) / 2;
  const r = Math.hypot((a - c) / 2, b);
  // the smaller root from the product to avoid cancellation
  const big = mean >= 0 ? mean + r : mean - r;
  const small = big !== 0 ? (a * c - b * b) / big : 0;
  const lo = Math.min(big, small), hi = Math.max(big, small);
  return [cleanTiny(lo), cleanTiny(hi)];
}

/**
 * Eigenvalues (ascending) of a symmetric 3×3 matrix given as its upper triangle [a11, a12, a13, a22, a23, a33],
 * by cyclic Jacobi rotations.
 */
export function symmetricEigenvalues3(u: readonly number[]): number[] {
  const a = [[u[0], u[1], u[2]], [u[1], u[3], u[4]], [u[2], u[4], u[5]]];
  for (let sweep = 0; sweep < 50; sweep++) {
    const off = a[0][1] ** 2 + a[0][2] ** 2 + a[1][2] ** 2;
    const diag = a[0][0] ** 2 + a[1][1] ** 2 + a[2][2] ** 2;
    if (off === 0 || off <= 1e-32 * diag) break;
    for (const [p, q] of [[0, 1], [0, 2], [1, 2]]) {
      const apq = a[p][q];
      if (apq === 0) continue;
      const theta = (a[q][q] - a[p][p]) / (2 * apq);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1);
      const s = t * c;
      for (let k = 0; k < 3; k++) {
        const akp = a[k][p], akq = a[k][q];
        a[k][p] = c * akp - s * akq;
        a[k][q] = s * akp + c * akq;
      }
      for (let k = 0; k < 3; k++) {
        const apk = a[p][k], aqk = a[q][k];
        a[p][k] = c * apk - s * aqk;
        a[q][k] = s * apk + c * aqk;
      }
    }
  }
  return [a[0][0], a[1][1], a[2][2]].sort((x, y) => x - y);
}
