import { InvalidInputError, MaskError } from '../../core/errors.js';
import type { FeatureValues, RoiImage } from '../types.js';

/** Radius (mm) of a sphere of 1 cm³: (3/(4π))^{1/3} cm (IBSI 1 §3.2). */
export const PEAK_SPHERE_RADIUS_MM = 10 * Math.cbrt(3 / (4 * Math.PI));

/** Options of {@link ibsiLocalIntensity}. */
export interface LocalIntensityOptions {
  /**
   * Accept ROI voxels closer than the sphere radius to the edge of `roi.values`' grid (their spheres are then
   * truncated). Default false: such a crop is an error, because IBSI means over the whole image. Set it when the
   * crop is clipped by the edge of the image itself, where no more voxels exist.
   */
  readonly allowTruncatedNeighbourhood?: boolean;
}

/**
 * IBSI local intensity features (IBSI 1 §3.2, family 9ST6), keyed by IBSI tag:
 *
 * - `loc_peak_loc` (VJGA): the mean intensity of all image voxels whose centres lie within r = (3/(4π))^{1/3} cm
 *   ≈ 6.2 mm (a 1 cm³ sphere, world distances) of the centre of the maximum-intensity voxel of the intensity mask;
 *   when several voxels share the maximum, the highest of their means.
 * - `loc_peak_glob` (0F91): the highest such mean over all voxels of the intensity mask.
 *
 * The neighbourhood draws on every voxel of `roi.values`, inside the ROI or not, so the RoiImage must be a crop
 * that extends at least r beyond the intensity mask on every side (checked unless
 * `allowTruncatedNeighbourhood`). Sphere means are summed row by row with prefix sums (cost per ROI voxel ∝ the
 * number of sphere rows, not its volume).
 *
 * @throws MaskError for an empty intensity mask; InvalidInputError for non-finite values in a neighbourhood or a
 *   crop margin smaller than r.
 */
export function ibsiLocalIntensity(roi: Pick<RoiImage, 'values' | 'intensityMask' | 'size' | 'spacing'>, options: LocalIntensityOptions = {}): FeatureValues {
  const [nx, ny, nz] = roi.size;
  const [sx, sy, sz] = roi.spacing;
  const r2 = PEAK_SPHERE_RADIUS_MM * PEAK_SPHERE_RADIUS_MM;
  const rx = Math.floor(PEAK_SPHERE_RADIUS_MM / sx), ry = Math.floor(PEAK_SPHERE_RADIUS_MM / sy), rz = Math.floor(PEAK_SPHERE_RADIUS_MM / sz);
  // sphere rows: for each (dj, dk), the x half-extent a
  const rowsJ: number[] = [], rowsK: number[] = [], rowsA: number[] = [];
  for (let dk = -rz; dk <= rz; dk++) {
    for (let dj = -ry; dj <= ry; dj++) {
      const rest = r2 - (dj * sy) ** 2 - (dk * sz) ** 2;
      if (rest < 0) continue;
      rowsJ.push(dj); rowsK.push(dk); rowsA.push(Math.floor(Math.sqrt(rest) / sx + 1e-12));
    }
  }
  // guard the row extents against rounding: (a·sx)² must not exceed rest
  for (let t = 0; t < rowsA.length; t++) {
    const rest = r2 - (rowsJ[t] * sy) ** 2 - (rowsK[t] * sz) ** 2;
    while (rowsA[t] > 0 && (rowsA[t] * sx) ** 2 > rest) rowsA[t]--;
    while (((rowsA[t] + 1) * sx) ** 2 <= rest) rowsA[t]++;
  }
  // prefix sums along x: pre[row*(nx+1) + i] = Σ values[row, 0..i-1]
  const v = roi.values;
  const pre = new Float64Array(ny * nz * (nx + 1));
  for (let row = 0; row < ny * nz; row++) {
    let acc = 0;
    const base = row * (nx + 1);
    for (let i = 0; i < nx; i++) {
      acc += v[row * nx + i];
      pre[base + i + 1] = acc;
    }
  }
  const m = roi.intensityMask;
  let count = 0, vmax = -Infinity;
  let bx0 = nx, bx1 = -1, by0 = ny, by1 = -1, bz0 = nz, bz1 = -1;
  for (let k = 0, p = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++, p++) {
    if (m[p] === 0) continue;
    count++;
    if (v[p] > vmax) vmax = v[p];
    if (i < bx0) bx0 = i; if (i > bx1) bx1 = i;
    if (j < by0) by0 = j; if (j > by1) by1 = j;
    if (k < bz0) bz0 = k; if (k > bz1) bz1 = k;
  }
  if (count === 0) {
    throw new MaskError('the region of interest is empty', { expected: 'at least one voxel in the intensity mask', found: '0 voxels' });
  }
  if (!options.allowTruncatedNeighbourhood && (bx0 < rx || by0 < ry || bz0 < rz || nx - 1 - bx1 < rx || ny - 1 - by1 < ry || nz - 1 - bz1 < rz)) {
    throw new InvalidInputError('local intensity peaks need the image around the ROI', {
      expected: `a crop extending ≥ ${PEAK_SPHERE_RADIUS_MM.toFixed(2)} mm (${rx}, ${ry}, ${rz} voxels) beyond the ROI on every side`,
      found: `margins of (${bx0}, ${by0}, ${bz0}) and (${nx - 1 - bx1}, ${ny - 1 - by1}, ${nz - 1 - bz1}) voxels`,
      fix: 'crop the image with a margin of at least 6.2 mm, or pass allowTruncatedNeighbourhood when the ROI touches the image border.',
    });
  }
  // fast path for centres whose whole sphere lies inside the grid: fixed offsets into the prefix sums
  const rows = rowsA.length;
  const offHi = new Int32Array(rows), offLo = new Int32Array(rows);
  let fullCount = 0;
  for (let t = 0; t < rows; t++) {
    const rowOff = (rowsJ[t] + ny * rowsK[t]) * (nx + 1);
    offHi[t] = rowOff + rowsA[t] + 1;
    offLo[t] = rowOff - rowsA[t];
    fullCount += 2 * rowsA[t] + 1;
  }
  const ax = rowsA.reduce((a, b) => Math.max(a, b), 0);
  const sphereMeanInside = (i: number, j: number, k: number): number => {
    const c = (j + ny * k) * (nx + 1) + i;
    let sum = 0;
    for (let t = 0; t < rows; t++) sum += pre[c + offHi[t]] - pre[c + offLo[t]];
    return sum / fullCount;
  };
  const sphereMean = (i: number, j: number, k: number): number => {
    if (i >= ax && i < nx - ax && j >= ry && j < ny - ry && k >= rz && k < nz - rz) return sphereMeanInside(i, j, k);
    let sum = 0, cnt = 0;
    for (let t = 0; t < rowsA.length; t++) {
      const jj = j + rowsJ[t], kk = k + rowsK[t];
      if (jj < 0 || jj >= ny || kk < 0 || kk >= nz) continue;
      const a = rowsA[t];
      const lo = i - a < 0 ? 0 : i - a;
      const hi = i + a >= nx ? nx - 1 : i + a;
      const base = (jj + ny * kk) * (nx + 1);
      sum += pre[base + hi + 1] - pre[base + lo];
      cnt += hi - lo + 1;
    }
    return sum / cnt;
  };
  let local = -Infinity, global = -Infinity;
  for (let k = 0, p = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++, p++) {
    if (m[p] === 0) continue;
    const mean = sphereMean(i, j, k);
    if (mean > global) global = mean;
    if (v[p] === vmax && mean > local) local = mean;
  }
  if (!Number.isFinite(global) || !Number.isFinite(local)) {
    throw new InvalidInputError('the neighbourhood of the ROI contains non-finite intensities', {
      expected: 'finite values in the image around the ROI', found: `local peak ${local}, global peak ${global}`,
      fix: 'remove NaN/infinite voxels from the image.',
    });
  }
  return { loc_peak_loc: local, loc_peak_glob: global };
}
