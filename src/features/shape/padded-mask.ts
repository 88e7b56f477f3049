import type { Vec3 } from '../../core/vec.js';

/**
 * A binary mask cropped to its bounding box and padded with one background layer on each side (as PyRadiomics'
 * shape class receives it), with the voxel-index moment sums needed for the principal axes.
 */
export interface PaddedMask {
  /** 0/1 per voxel of the padded box, px × py × pz, x fastest. */
  readonly bits: Uint8Array;
  readonly px: number;
  readonly py: number;
  readonly pz: number;
  /** Input-grid index of padded voxel (0, 0, 0): (x0 − 1, y0 − 1, z0 − 1) with (x0, y0, z0) the box's first corner. */
  readonly origin: Vec3;
  /**
   * First and last padded x index of the inside voxels of each padded row (b, d) at `b + py·d`; an empty row has
   * first > last.
   */
  readonly rowFirst: Int32Array;
  readonly rowLast: Int32Array;
  /**
   * Exact integer sums over the inside voxels of their input-grid indices (i, j, k):
   * [N, Σi, Σj, Σk, Σi², Σj², Σk², Σij, Σik, Σjk].
   */
  readonly sums: Float64Array;
}

/**
 * Pads the bounding box of the non-zero voxels of `mask` (grid `size`, x fastest). Two passes: one over the grid
 * row by row (box, row spans, moment sums), one copying only the inside spans of the box rows.
 * An empty mask gives N = 0 and a 0 × 0 × 0 box.
 */
export function paddedMask(mask: ArrayLike<number>, size: Vec3): PaddedMask {
  const nx = size[0], ny = size[1], nz = size[2];
  const first = new Int32Array(ny * nz), last = new Int32Array(ny * nz);
  const box = Int32Array.of(nx, ny, nz, -1, -1, -1);
  const sums = new Float64Array(10);
  for (let k = 0, r = 0; k < nz; k++) for (let j = 0; j < ny; j++, r++) scanRow(mask, r * nx, nx, j, k, r, first, last, box, sums);
  if (box[3] < 0) {
    return { bits: new Uint8Array(0), px: 0, py: 0, pz: 0, origin: [0, 0, 0], rowFirst: new Int32Array(0), rowLast: new Int32Array(0), sums };
  }
  const x0 = box[0], y0 = box[1], z0 = box[2];
  const px = box[3] - x0 + 3, py = box[4] - y0 + 3, pz = box[5] - z0 + 3;
  const bits = new Uint8Array(px * py * pz);
  const rowFirst = new Int32Array(py * pz).fill(px), rowLast = new Int32Array(py * pz).fill(-1);
  for (let k = z0; k <= box[5]; k++) {
    for (let j = y0; j <= box[4]; j++) {
      const r = j + ny * k;
      if (last[r] < first[r]) continue;
      const pr = j - y0 + 1 + py * (k - z0 + 1);
      rowFirst[pr] = first[r] - x0 + 1;
      rowLast[pr] = last[r] - x0 + 1;
      copySpan(mask, r * nx, first[r], last[r], bits, pr * px + 1 - x0);
    }
  }
  return { bits, px, py, pz, origin: [x0 - 1, y0 - 1, z0 - 1], rowFirst, rowLast, sums };
}

/** One grid row (first index p, row r = (j, k)): its first/last inside x, the box and the moment sums. */
function scanRow(
  mask: ArrayLike<number>, p: number, nx: number, j: number, k: number, r: number,
  first: Int32Array, last: Int32Array, box: Int32Array, sums: Float64Array,
): void {
  let n = 0, si = 0, sii = 0, lo = -1, hi = -1;
  for (let i = 0; i < nx; i++) {
    if (mask[p + i] === 0) continue;
    if (lo < 0) lo = i;
    hi = i; n++; si += i; sii += i * i;
  }
  first[r] = lo < 0 ? 0 : lo;
  last[r] = hi;
  if (n === 0) return;
  if (lo < box[0]) box[0] = lo;
  if (hi > box[3]) box[3] = hi;
  if (j < box[1]) box[1] = j;
  if (j > box[4]) box[4] = j;
  if (k < box[2]) box[2] = k;
  if (k > box[5]) box[5] = k;
  sums[0] += n; sums[1] += si; sums[2] += j * n; sums[3] += k * n;
  sums[4] += sii; sums[5] += j * j * n; sums[6] += k * k * n;
  sums[7] += j * si; sums[8] += k * si; sums[9] += j * k * n;
}

/** Copies mask[p + lo..p + hi] as 0/1 to bits[q + lo..q + hi]. */
function copySpan(mask: ArrayLike<number>, p: number, lo: number, hi: number, bits: Uint8Array, q: number): void {
  for (let i = lo; i <= hi; i++) bits[q + i] = mask[p + i] !== 0 ? 1 : 0;
}
