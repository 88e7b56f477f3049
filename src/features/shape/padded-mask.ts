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
  /** Number of runs of inside voxels of each padded row (1: the row is inside exactly from first to last). */
  readonly rowRuns: Int32Array;
  /**
   * Exact integer sums over the inside voxels of their input-grid indices (i, j, k):
   * [N, Σi, Σj, Σk, Σi², Σj², Σk², Σij, Σik, Σjk].
   */
  readonly sums: Float64Array;
}

/**
 * Pads the bounding box of the non-zero voxels of `mask` (grid `size`, x fastest). One scan of the grid row by row
 * finds the runs of inside voxels (box, row spans, moment sums from the run ends); the padded box is then filled
 * run by run.
 * An empty mask gives N = 0 and a 0 × 0 × 0 box.
 */
export function paddedMask(mask: ArrayLike<number>, size: Vec3): PaddedMask {
  const nx = size[0], ny = size[1], nz = size[2];
  const rows = ny * nz;
  const runStart = new Int32Array(rows + 1); // runs of row r: runs[2·runStart[r] ..< 2·runStart[r + 1]] (first, last)
  let runs: Int32Array = new Int32Array(2 * rows + 64);
  const box = Int32Array.of(nx, ny, nz, -1, -1, -1);
  const sums = new Float64Array(10);
  let count = 0;
  for (let k = 0, r = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++, r++) {
      if (2 * count + nx + 2 > runs.length) runs = grownRuns(runs, 2 * count + nx + 2);
      runStart[r] = count;
      count = scanRow(mask, r * nx, nx, j, k, runs, count, box, sums);
    }
  }
  runStart[rows] = count;
  if (box[3] < 0) {
    const none = new Int32Array(0);
    return { bits: new Uint8Array(0), px: 0, py: 0, pz: 0, origin: [0, 0, 0], rowFirst: none, rowLast: none, rowRuns: none, sums };
  }
  const x0 = box[0], y0 = box[1], z0 = box[2];
  const px = box[3] - x0 + 3, py = box[4] - y0 + 3, pz = box[5] - z0 + 3;
  const bits = new Uint8Array(px * py * pz);
  const rowFirst = new Int32Array(py * pz).fill(px), rowLast = new Int32Array(py * pz).fill(-1), rowRuns = new Int32Array(py * pz);
  for (let k = z0; k <= box[5]; k++) {
    for (let j = y0; j <= box[4]; j++) {
      const r = j + ny * k;
      const t0 = runStart[r], t1 = runStart[r + 1];
      if (t1 === t0) continue;
      const pr = j - y0 + 1 + py * (k - z0 + 1);
      const q = pr * px + 1 - x0;
      rowFirst[pr] = runs[2 * t0] - x0 + 1;
      rowLast[pr] = runs[2 * t1 - 1] - x0 + 1;
      rowRuns[pr] = t1 - t0;
      for (let t = t0; t < t1; t++) bits.fill(1, q + runs[2 * t], q + runs[2 * t + 1] + 1);
    }
  }
  return { bits, px, py, pz, origin: [x0 - 1, y0 - 1, z0 - 1], rowFirst, rowLast, rowRuns, sums };
}

function grownRuns(a: Int32Array, need: number): Int32Array {
  const b = new Int32Array(Math.max(2 * a.length, need));
  b.set(a);
  return b;
}

/** Σ_{i=0}^{m} i² (m ≥ −1). */
function squareSum(m: number): number {
  return (m * (m + 1) * (2 * m + 1)) / 6;
}

/**
 * One grid row (first index p, row (j, k)): appends its runs of inside voxels (first, last) to runs[2·count..],
 * widens the box and adds the row's moment sums (exact: from the run ends); returns the new run count.
 */
function scanRow(
  mask: ArrayLike<number>, p: number, nx: number, j: number, k: number,
  runs: Int32Array, count: number, box: Int32Array, sums: Float64Array,
): number {
  let n = 0, si = 0, sii = 0;
  const count0 = count;
  let i = 0;
  while (i < nx) {
    while (i < nx && mask[p + i] === 0) i++;
    if (i === nx) break;
    const s = i;
    while (i < nx && mask[p + i] !== 0) i++;
    // run s..i − 1
    runs[2 * count] = s; runs[2 * count + 1] = i - 1; count++;
    n += i - s; si += ((s + i - 1) * (i - s)) / 2; sii += squareSum(i - 1) - squareSum(s - 1);
  }
  if (n === 0) return count;
  const lo = runs[2 * count0], hi = runs[2 * count - 1];
  if (lo < box[0]) box[0] = lo;
  if (hi > box[3]) box[3] = hi;
  if (j < box[1]) box[1] = j;
  if (j > box[4]) box[4] = j;
  if (k < box[2]) box[2] = k;
  if (k > box[5]) box[5] = k;
  sums[0] += n; sums[1] += si; sums[2] += j * n; sums[3] += k * n;
  sums[4] += sii; sums[5] += j * j * n; sums[6] += k * k * n;
  sums[7] += j * si; sums[8] += k * si; sums[9] += j * k * n;
  return count;
}
