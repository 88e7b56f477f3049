/**
 * Principal component analysis of ROI voxel centres (IBSI 1 §3.1.12, PyRadiomics shape): the eigenvalues of the
 * population covariance matrix C = (1/N)·Σ (x_k − x̄)(x_k − x̄)ᵀ of the physical voxel-centre positions
 * x_k = index·spacing (mm). Eigenvalues are computed with cyclic Jacobi rotations (accurate for the small ones too),
 * sorted ascending; values in (−1e-10, 0) caused by rounding are set to 0, as PyRadiomics does.
 */
import type { Vec3 } from '../../core/vec.js';
import { paddedMask } from './padded-mask.js';

/** Eigenvalues (ascending, mm²) of the voxel-centre covariance, and the number of voxels N. */
export interface PrincipalMoments {
  /** [λ_least, λ_minor, λ_major] in 3D; [λ_minor, λ_major] in 2D. */
  readonly eigenvalues: readonly number[];
  readonly count: number;
}

/** 3D principal moments of the voxels where `mask` is non-zero (grid `size`, x fastest). */
export function principalMoments3D(mask: ArrayLike<number>, size: Vec3, spacing: Vec3): PrincipalMoments {
  return principalMomentsOfSums(paddedMask(mask, size).sums, spacing);
}

/**
 * 3D principal moments from the exact index moment sums [N, Σi, Σj, Σk, Σi², Σj², Σk², Σij, Σik, Σjk] of
 * {@link PaddedMask}: C_ab = (Σab − Σa·Σb/N)/N · s_a·s_b (the integer sums make the one-pass form accurate).
 */
export function principalMomentsOfSums(s: Float64Array, spacing: Vec3): PrincipalMoments {
  const n = s[0];
  if (n === 0) return { eigenvalues: [NaN, NaN, NaN], count: 0 };
  const sx = spacing[0], sy = spacing[1], sz = spacing[2];
  const cxx = (s[4] - (s[1] * s[1]) / n) / n * sx * sx;
  const cyy = (s[5] - (s[2] * s[2]) / n) / n * sy * sy;
  const czz = (s[6] - (s[3] * s[3]) / n) / n * sz * sz;
  const cxy = (s[7] - (s[1] * s[2]) / n) / n * sx * sy;
  const cxz = (s[8] - (s[1] * s[3]) / n) / n * sx * sz;
  const cyz = (s[9] - (s[2] * s[3]) / n) / n * sy * sz;
  const ev = symmetricEigenvalues3([cxx, cxy, cxz, cyy, cyz, czz]);
  return { eigenvalues: ev.map(cleanTiny), count: n };
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
