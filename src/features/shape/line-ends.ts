import { KERNEL_BLOCK } from '../../core/kernel-block.js';

/**
 * Ends of the lattice lines through a set of points with non-negative integer coordinates below (X, Y, Z) (the
 * doubled mesh vertex coordinates): the lowest and highest x on each line along x, per (y, z) at y + Y·z, and the
 * lowest and highest y on each line along y, per (x, z) at x + X·z. An empty line has lo = 2^31 − 1, hi = −1.
 */
export interface AxisLineEnds {
  readonly X: number;
  readonly Y: number;
  readonly Z: number;
  readonly xLo: Int32Array;
  readonly xHi: Int32Array;
  readonly yLo: Int32Array;
  readonly yHi: Int32Array;
}

/** Tables of {@link AxisLineEnds} with every line empty. */
export function emptyLineEnds(X: number, Y: number, Z: number): AxisLineEnds {
  const [xLo, xHi] = emptyEnds(Y * Z);
  const [yLo, yHi] = emptyEnds(X * Z);
  return { X, Y, Z, xLo, xHi, yLo, yHi };
}

/** `size` lowest-end entries (2^31 − 1) and `size` highest-end entries (−1) of an empty line-end table. */
export function emptyEnds(size: number): [Int32Array, Int32Array] {
  return [new Int32Array(size).fill(0x7fffffff), new Int32Array(size).fill(-1)];
}

/** Points per call of the per-point kernels below (see `KERNEL_BLOCK`: compiled once, early, no on-stack replacement). */
const POINT_BLOCK = KERNEL_BLOCK;

/** {@link AxisLineEnds} of the first n points of `v` (x, y, z interleaved), with (X, Y, Z) = max coordinates + 1. */
export function lineEndsOfPoints(v: Int32Array, n: number): AxisLineEnds {
  const ext = new Int32Array(3);
  for (let from = 0; from < n; from += POINT_BLOCK) maximaBlock(v, from, Math.min(from + POINT_BLOCK, n), ext);
  const e = emptyLineEnds(ext[0] + 1, ext[1] + 1, ext[2] + 1);
  for (let from = 0; from < n; from += POINT_BLOCK) lineEndsBlock(v, from, Math.min(from + POINT_BLOCK, n), e);
  return e;
}

/** Updates ext = [max x, max y, max z] with the points from..to − 1. */
function maximaBlock(v: Int32Array, from: number, to: number, ext: Int32Array): void {
  let mx = ext[0], my = ext[1], mz = ext[2];
  for (let t = 3 * from; t < 3 * to; t += 3) {
    if (v[t] > mx) mx = v[t];
    if (v[t + 1] > my) my = v[t + 1];
    if (v[t + 2] > mz) mz = v[t + 2];
  }
  ext[0] = mx; ext[1] = my; ext[2] = mz;
}

/** Adds the points from..to − 1 to the line ends `e`. */
function lineEndsBlock(v: Int32Array, from: number, to: number, e: AxisLineEnds): void {
  const { X, Y, xLo, xHi, yLo, yHi } = e;
  for (let t = 3 * from; t < 3 * to; t += 3) {
    const x = v[t], y = v[t + 1], z = v[t + 2];
    const a = y + Y * z, b = x + X * z;
    if (x < xLo[a]) xLo[a] = x;
    if (x > xHi[a]) xHi[a] = x;
    if (y < yLo[b]) yLo[b] = y;
    if (y > yHi[b]) yHi[b] = y;
  }
}
