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
 * Pads the bounding box of the non-zero voxels of `mask` (grid `size`, x fastest). The runs of inside voxels of every
 * grid row are found first ({@link maskRuns}); they give the box, the row spans and the moment sums (from the run
 * ends); the padded box is then filled run by run.
 * An empty mask gives N = 0 and a 0 × 0 × 0 box.
 */
export function paddedMask(mask: ArrayLike<number>, size: Vec3): PaddedMask {
  const nx = size[0], ny = size[1], nz = size[2];
  const { runStart, runs } = maskRuns(mask, nx, ny * nz);
  const box = Int32Array.of(nx, ny, nz, -1, -1, -1);
  const sums = new Float64Array(10);
  for (let k = 0, r = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++, r++) {
      if (runStart[r + 1] > runStart[r]) addRowMoments(runs, runStart[r], runStart[r + 1], j, k, box, sums);
    }
  }
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

/**
 * The runs of non-zero entries of each row of `mask` (rows of nx entries): row r's runs are (first, last) pairs at
 * runs[2·t], runs[2·t + 1] for t = runStart[r] ..< runStart[r + 1]. A mask of bytes that are all 0 or 1 (the usual
 * case) is searched with the typed array's native `indexOf`, anything else entry by entry.
 */
function maskRuns(mask: ArrayLike<number>, nx: number, rows: number): { runStart: Int32Array; runs: Int32Array } {
  const runStart = new Int32Array(rows + 1);
  const runs = mask instanceof Uint8Array && isZeroOne(mask) ? byteRuns(mask, nx, rows, runStart) : scannedRuns(mask, nx, rows, runStart);
  return { runStart, runs };
}

/** Largest mask (entries) whose bytes are checked as text (well below V8's string length limit). */
const MAX_TEXT = 1 << 27;

/** Whether every byte is 0 or 1: a regular expression over the bytes read as Latin-1 text (native code). */
function isZeroOne(mask: Uint8Array): boolean {
  return mask.length <= MAX_TEXT && !/[^\0\x01]/.test(new TextDecoder('latin1').decode(mask));
}

/** {@link maskRuns} of a 0/1 byte mask: the next 1 and the next 0 are found with `indexOf`; fills `runStart`. */
function byteRuns(mask: Uint8Array, nx: number, rows: number, runStart: Int32Array): Int32Array {
  let runs: Int32Array = new Int32Array(2 * rows + 64);
  let count = 0, row = 0, i = 0;
  for (;;) {
    const s = mask.indexOf(1, i);
    if (s < 0) break;
    const r = (s / nx) | 0;
    const rowEnd = (r + 1) * nx;
    let e = mask.indexOf(0, s);
    if (e < 0 || e > rowEnd) e = rowEnd;
    for (; row <= r; row++) runStart[row] = count;
    if (2 * count + 2 > runs.length) runs = grownRuns(runs, 2 * count + 2);
    runs[2 * count] = s - r * nx; runs[2 * count + 1] = e - 1 - r * nx; count++;
    i = e;
  }
  for (; row <= rows; row++) runStart[row] = count;
  return runs;
}

/** {@link maskRuns} entry by entry (any array of numbers); fills `runStart`. */
function scannedRuns(mask: ArrayLike<number>, nx: number, rows: number, runStart: Int32Array): Int32Array {
  let runs: Int32Array = new Int32Array(2 * rows + 64);
  let count = 0;
  for (let r = 0; r < rows; r++) {
    if (2 * count + nx + 2 > runs.length) runs = grownRuns(runs, 2 * count + nx + 2);
    runStart[r] = count;
    count = scanRow(mask, r * nx, nx, runs, count);
  }
  runStart[rows] = count;
  return runs;
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

/** One grid row (first index p): appends its runs of non-zero entries (first, last) to runs[2·count..]; returns the new count. */
function scanRow(mask: ArrayLike<number>, p: number, nx: number, runs: Int32Array, count: number): number {
  let i = 0;
  while (i < nx) {
    while (i < nx && mask[p + i] === 0) i++;
    if (i === nx) break;
    const s = i;
    while (i < nx && mask[p + i] !== 0) i++;
    runs[2 * count] = s; runs[2 * count + 1] = i - 1; count++;
  }
  return count;
}

/**
 * Row (j, k) with the runs t0 ..< t1: widens the box and adds the row's moment sums (exact: from the run ends).
 */
function addRowMoments(runs: Int32Array, t0: number, t1: number, j: number, k: number, box: Int32Array, sums: Float64Array): void {
  let n = 0, si = 0, sii = 0;
  for (let t = t0; t < t1; t++) {
    const s = runs[2 * t], e = runs[2 * t + 1];
    n += e - s + 1; si += ((s + e) * (e - s + 1)) / 2; sii += squareSum(e) - squareSum(s - 1);
  }
  const lo = runs[2 * t0], hi = runs[2 * t1 - 1];
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
