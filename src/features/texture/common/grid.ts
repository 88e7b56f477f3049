import { InvalidInputError, MaskError } from '../../../core/errors.js';
import type { Vec3 } from '../../../core/vec.js';
import type { DiscretisedRoi } from '../../types.js';

/**
 * The discretised ROI cropped to its bounding box and padded with `pad` layers of non-ROI voxels (level 0)
 * on every side. Padding lets texture kernels look up any neighbour within Chebyshev distance `pad`
 * with a plain index offset, without bounds checks.
 *
 * Index of voxel (x, y, z) of the padded grid: `x + nx·(y + ny·z)` (x fastest, as everywhere in dlrn).
 */
export interface TextureGrid {
  /** Padded grid size along x (i), y (j), z (k). */
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  /** Number of non-ROI layers around the ROI bounding box. */
  readonly pad: number;
  /** Grey level per voxel: 1..nLevels inside the ROI, 0 outside (and in the padding). */
  readonly levels: Int32Array;
  /** Indices (in the padded grid) of the ROI voxels, in raster order (so slices are contiguous). */
  readonly voxels: Int32Array;
  /** For every z of the padded grid, the first position in `voxels` with that z (length nz + 1). */
  readonly sliceStart: Int32Array;
  /** N_g of the discretisation (IBSI: number of bins, also the empty ones). */
  readonly nLevels: number;
  /** Largest grey level present in the ROI (PyRadiomics' N_g). */
  readonly maxLevel: number;
  /** Number of distinct grey levels present in the ROI. */
  readonly presentLevels: number;
  /** Voxel spacing in mm (i, j, k). */
  readonly spacing: Vec3;
  /** Position (i, j, k) of padded voxel (0, 0, 0) in the input grid (may be negative). */
  readonly offset: Vec3;
}

/**
 * Inclusive bounding box of the non-zero voxels of an array on a grid of `size`; null when all are zero.
 * With `maxValue`, also checks that every value lies in 0..maxValue (InvalidInputError otherwise).
 */
function nonZeroBox(size: Vec3, a: ArrayLike<number>, maxValue?: number): { lo: number[]; hi: number[]; count: number } | null {
  const [sx, sy, sz] = size;
  let x0 = sx, y0 = sy, z0 = sz, x1 = -1, y1 = -1, z1 = -1;
  const span = new Int32Array(3); // first x, last x, running count of non-zero values
  let p = 0;
  for (let z = 0; z < sz; z++) {
    for (let y = 0; y < sy; y++, p += sx) {
      // (a small function per row: compiled early, see pass-kernels.ts)
      if (!rowSpan(a, p, sx, maxValue ?? -1, span)) continue;
      if (span[0] < x0) x0 = span[0];
      if (span[1] > x1) x1 = span[1];
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (z < z0) z0 = z;
      z1 = z;
    }
  }
  return x1 < 0 ? null : { lo: [x0, y0, z0], hi: [x1, y1, z1], count: span[2] };
}

/**
 * First and last x of the non-zero values of the row a[p..p + sx) into `span[0..1]`, and their number added to
 * `span[2]`; false when there is none. With `maxValue` ≥ 0, also checks that every value lies in 0..maxValue
 * (InvalidInputError otherwise).
 */
function rowSpan(a: ArrayLike<number>, p: number, sx: number, maxValue: number, span: Int32Array): boolean {
  let lo = -1;
  let hi = -1;
  let count = 0;
  for (let x = 0; x < sx; x++) {
    const g = a[p + x];
    if (g === 0) continue;
    if (maxValue >= 0 && !(g > 0 && g <= maxValue && Number.isInteger(g))) badLevel(g, p + x, maxValue);
    if (lo < 0) lo = x;
    hi = x;
    count++;
  }
  span[0] = lo;
  span[1] = hi;
  span[2] += count;
  return lo >= 0;
}

function badLevel(g: number, index: number, nLevels: number): never {
  throw new InvalidInputError('a grey level is outside 0..N_g', {
    expected: `integer levels 1..${nLevels} inside the ROI and 0 outside`,
    found: `level ${g} at voxel index ${index}`,
    fix: 'discretise the image before computing texture features (FBN/FBS), and pass the number of bins as nLevels.',
  });
}

/** Checks the grid size, array length and N_g of a {@link DiscretisedRoi}; throws InvalidInputError. */
export function validateDiscretisedRoi(roi: DiscretisedRoi): void {
  const [sx, sy, sz] = roi.size;
  const n = sx * sy * sz;
  if (!(Number.isInteger(sx) && Number.isInteger(sy) && Number.isInteger(sz)) || sx < 1 || sy < 1 || sz < 1) {
    throw new InvalidInputError('invalid grid size of the discretised ROI', { expected: 'three positive integers', found: roi.size.join('×') });
  }
  if (roi.levels.length !== n) {
    throw new InvalidInputError('the grey-level array does not match the grid size', { expected: `${n} values (${roi.size.join('×')})`, found: `${roi.levels.length} values` });
  }
  if (!Number.isInteger(roi.nLevels) || roi.nLevels < 1) {
    throw new InvalidInputError('invalid number of grey levels', { expected: 'an integer N_g ≥ 1', found: String(roi.nLevels) });
  }
}

/**
 * Crops a discretised ROI to the bounding box of its voxels (and of `alsoInclude`, e.g. the morphological
 * mask for GLDZM), padded by `pad` non-ROI layers.
 *
 * @param roi - discretised ROI (levels 1..nLevels inside, 0 outside).
 * @param pad - padding in voxels (≥ the largest neighbour distance used afterwards); default 1.
 * @param alsoInclude - optional same-size masks whose voxels must also lie inside the crop.
 * @throws MaskError when the ROI has no voxel; InvalidInputError on malformed input.
 */
export function buildTextureGrid(roi: DiscretisedRoi, pad = 1, alsoInclude: readonly Uint8Array[] = []): TextureGrid {
  validateDiscretisedRoi(roi);
  const size = roi.size;
  for (const m of alsoInclude) {
    if (m.length !== roi.levels.length) {
      throw new InvalidInputError('a mask does not match the grid of the discretised ROI', { expected: `${roi.levels.length} voxels`, found: `${m.length}` });
    }
  }
  const box = nonZeroBox(size, roi.levels, roi.nLevels);
  if (box === null) {
    throw new MaskError('the ROI is empty after preprocessing', {
      expected: 'at least one voxel with a grey level ≥ 1', found: '0 voxels',
      fix: 'check the mask label and the re-segmentation range.',
    });
  }
  const lo = box.lo.slice();
  const hi = box.hi.slice();
  for (const m of alsoInclude) {
    const extra = nonZeroBox(size, m);
    if (extra) for (let d = 0; d < 3; d++) { lo[d] = Math.min(lo[d], extra.lo[d]); hi[d] = Math.max(hi[d], extra.hi[d]); }
  }
  const nx = hi[0] - lo[0] + 1 + 2 * pad;
  const ny = hi[1] - lo[1] + 1 + 2 * pad;
  const nz = hi[2] - lo[2] + 1 + 2 * pad;
  const levels = new Int32Array(nx * ny * nz);
  const [sx, sy] = size;
  // one pass over the box rows in raster order of the padded grid: copies the levels, lists the ROI voxels and
  // counts the voxels per level
  const voxels = new Int32Array(box.count);
  const levelCounts = new Int32Array(roi.nLevels + 1);
  const sliceStart = new Int32Array(nz + 1);
  let k = 0;
  for (let z = 0; z < nz; z++) {
    sliceStart[z] = k;
    const iz = z - pad + lo[2];
    if (iz < lo[2] || iz > hi[2]) continue;
    for (let y = lo[1]; y <= hi[1]; y++) {
      const src = sx * (y + sy * iz);
      const dst = pad + nx * (y - lo[1] + pad + ny * z) - lo[0];
      k = copyRowLevels(roi.levels, src, levels, dst, lo[0], hi[0], voxels, k, levelCounts);
    }
  }
  sliceStart[nz] = k;
  let maxLevel = 0;
  let presentLevels = 0;
  for (let g = 1; g <= roi.nLevels; g++) if (levelCounts[g] > 0) { maxLevel = g; presentLevels++; }
  return {
    nx, ny, nz, pad, levels, voxels, sliceStart,
    nLevels: roi.nLevels, maxLevel, presentLevels, spacing: roi.spacing,
    offset: [lo[0] - pad, lo[1] - pad, lo[2] - pad],
  };
}

/**
 * Copies the positive levels of src[srcRow + x0..x1] to dst[dstRow + x0..x1], appends their indices in `dst` to
 * `voxels` from position k and counts them per level; returns the new k.
 */
function copyRowLevels(
  src: Int32Array, srcRow: number, dst: Int32Array, dstRow: number, x0: number, x1: number,
  voxels: Int32Array, k: number, levelCounts: Int32Array,
): number {
  for (let x = x0; x <= x1; x++) {
    const g = src[srcRow + x];
    if (g > 0) {
      dst[dstRow + x] = g;
      voxels[k++] = dstRow + x;
      levelCounts[g]++;
    }
  }
  return k;
}

/**
 * Copies a same-size mask of the input grid (e.g. the morphological mask) into the padded crop of `grid`
 * (0 in the padding and wherever the crop is outside the input grid).
 */
export function cropMaskToGrid(grid: TextureGrid, size: Vec3, mask: Uint8Array): Uint8Array {
  const out = new Uint8Array(grid.nx * grid.ny * grid.nz);
  const [sx, sy, sz] = size;
  const [ox, oy, oz] = grid.offset;
  for (let z = 0; z < grid.nz; z++) {
    const iz = z + oz;
    if (iz < 0 || iz >= sz) continue;
    for (let y = 0; y < grid.ny; y++) {
      const iy = y + oy;
      if (iy < 0 || iy >= sy) continue;
      const dst = grid.nx * (y + grid.ny * z);
      const src = sx * (iy + sy * iz);
      for (let x = 0; x < grid.nx; x++) {
        const ix = x + ox;
        if (ix >= 0 && ix < sx && mask[src + ix] !== 0) out[dst + x] = 1;
      }
    }
  }
  return out;
}

/** Index offset in the padded grid of a displacement (dx, dy, dz). */
export function gridOffset(grid: TextureGrid, dx: number, dy: number, dz: number): number {
  return dx + grid.nx * (dy + grid.ny * dz);
}
