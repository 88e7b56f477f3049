import { InvalidInputError, MaskError } from '../../core/errors.js';
import type { FeatureValues, RoiImage } from '../types.js';
import { convexHull2D } from './diameters.js';
import { marchingSquares } from './marching-squares.js';
import { symmetricEigenvalues2 } from './principal-axes.js';

/** Settings of {@link pyradiomicsShape2D}. */
export interface Shape2DSettings {
  /** PyRadiomics `force2Ddimension` (0 axial = equal z, 1 coronal = equal y, 2 sagittal = equal x); default 0. */
  readonly force2Ddimension?: 0 | 1 | 2;
}

/**
 * PyRadiomics `shape2D` features (used with `force2D`), keyed by PyRadiomics name, for a mask lying in one slice.
 *
 * `force2Ddimension` follows PyRadiomics (array order z, y, x): 0 = the mask lies in one axial slice (equal z;
 * PyRadiomics' default), 1 = one coronal slice (equal y), 2 = one sagittal slice (equal x). With A the area enclosed
 * by the marching-squares contour (see `marching-squares.ts`), P its perimeter, N_p the pixel count and
 * λ_minor ≤ λ_major the eigenvalues of the in-plane pixel-centre covariance (population, mm²):
 *
 * - MeshSurface = A; PixelSurface = N_p·(pixel area); Perimeter = P; PerimeterSurfaceRatio = P/A
 * - Sphericity = 2√(πA)/P; SphericalDisproportion = P/(2√(πA)) (deprecated, not enabled by default)
 * - MaximumDiameter: largest distance between contour vertices (exact, via the 2D convex hull)
 * - MajorAxisLength = 4√λ_major, MinorAxisLength = 4√λ_minor, Elongation = √(λ_minor/λ_major)
 *
 * @throws MaskError for an empty mask; InvalidInputError when the mask spans more than one slice along the chosen
 *   dimension (PyRadiomics: "Size of the mask in dimension … is more than 1").
 */
export function pyradiomicsShape2D(roi: Pick<RoiImage, 'morphologicalMask' | 'size' | 'spacing'>, settings: Shape2DSettings = {}): FeatureValues {
  const force2Ddimension = settings.force2Ddimension ?? 0;
  if (![0, 1, 2].includes(force2Ddimension)) {
    throw new InvalidInputError('force2Ddimension must be 0, 1 or 2', { found: String(force2Ddimension) });
  }
  const fixed = 2 - force2Ddimension; // our axis index (x = 0, y = 1, z = 2)
  const [a, b] = [0, 1, 2].filter((d) => d !== fixed);
  const { size, spacing } = roi;
  const mask = roi.morphologicalMask;
  // find the slice and check the mask lies in one
  let slice = -1;
  let np = 0;
  const stride = [1, size[0], size[0] * size[1]];
  for (let k = 0, p = 0; k < size[2]; k++) for (let j = 0; j < size[1]; j++) for (let i = 0; i < size[0]; i++, p++) {
    if (mask[p] === 0) continue;
    np++;
    const s = [i, j, k][fixed];
    if (slice < 0) slice = s;
    else if (s !== slice) {
      throw new InvalidInputError('shape2D needs a mask that lies in a single slice', {
        expected: `all ROI voxels in one slice along dimension ${force2Ddimension} (PyRadiomics force2Ddimension)`,
        found: `voxels in slices ${slice} and ${s}`,
        fix: 'use 3D shape features, or extract per slice with force2D and a single-slice mask.',
      });
    }
  }
  if (np === 0) {
    throw new MaskError('the region of interest is empty', { expected: 'at least one pixel', found: '0 pixels', fix: 'check the label value.' });
  }
  const nu = size[a], nv = size[b];
  const plane = new Uint8Array(nu * nv);
  let su = 0, sv = 0;
  for (let v = 0; v < nv; v++) for (let u = 0; u < nu; u++) {
    const p = slice * stride[fixed] + u * stride[a] + v * stride[b];
    if (mask[p] !== 0) { plane[u + nu * v] = 1; su += u; sv += v; }
  }
  const c = marchingSquares(plane, nu, nv, spacing[a], spacing[b]);
  // PCA
  const mu = su / np, mv = sv / np;
  let cuu = 0, cvv = 0, cuv = 0;
  for (let v = 0; v < nv; v++) for (let u = 0; u < nu; u++) {
    if (plane[u + nu * v] === 0) continue;
    const du = (u - mu) * spacing[a], dv = (v - mv) * spacing[b];
    cuu += du * du; cvv += dv * dv; cuv += du * dv;
  }
  const [minor, major] = symmetricEigenvalues2(cuu / np, cuv / np, cvv / np);
  // diameter over contour vertices
  const nvx = c.vertices2.length / 2;
  const xs = new Float64Array(nvx), ys = new Float64Array(nvx);
  for (let i = 0; i < nvx; i++) { xs[i] = c.vertices2[2 * i]; ys[i] = c.vertices2[2 * i + 1]; }
  const hull = convexHull2D(xs, ys);
  let d2 = 0;
  const hu = spacing[a] / 2, hv = spacing[b] / 2;
  for (let x = 0; x < hull.length; x++) for (let y = x + 1; y < hull.length; y++) {
    const du = (xs[hull[x]] - xs[hull[y]]) * hu, dv = (ys[hull[x]] - ys[hull[y]]) * hv;
    if (du * du + dv * dv > d2) d2 = du * du + dv * dv;
  }
  const A = c.area, P = c.perimeter;
  const sph = (2 * Math.sqrt(Math.PI * A)) / P;
  return {
    MeshSurface: A,
    PixelSurface: np * spacing[a] * spacing[b],
    Perimeter: P,
    PerimeterSurfaceRatio: P / A,
    Sphericity: sph,
    SphericalDisproportion: 1 / sph,
    MaximumDiameter: Math.sqrt(d2),
    MajorAxisLength: major < 0 ? NaN : 4 * Math.sqrt(major),
    MinorAxisLength: minor < 0 ? NaN : 4 * Math.sqrt(minor),
    Elongation: minor < 0 || major < 0 ? NaN : Math.sqrt(minor / major),
  };
}

/** shape2D features PyRadiomics computes only when asked for by name. */
export const PYRADIOMICS_SHAPE2D_DEPRECATED: readonly string[] = ['SphericalDisproportion'];
