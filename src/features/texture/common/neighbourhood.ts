import type { TextureGrid } from './grid.js';
import { gridOffset } from './grid.js';

/**
 * Index offsets (in the padded grid) of all neighbours within Chebyshev distance `distance`, both signs:
 * 26 in 3D for δ = 1, or the 8 in-plane ones when `planeAxis` (0 = i, 1 = j, 2 = k) is the out-of-plane axis.
 */
export function chebyshevNeighbourOffsets(grid: TextureGrid, distance: number, planeAxis: -1 | 0 | 1 | 2): Int32Array {
  const out: number[] = [];
  for (let dz = -distance; dz <= distance; dz++) {
    for (let dy = -distance; dy <= distance; dy++) {
      for (let dx = -distance; dx <= distance; dx++) {
        if (dx === 0 && dy === 0 && dz === 0) continue;
        const d = [dx, dy, dz];
        if (planeAxis >= 0 && d[planeAxis] !== 0) continue;
        out.push(gridOffset(grid, dx, dy, dz));
      }
    }
  }
  return Int32Array.from(out);
}

/**
 * One index offset of each ± pair of {@link chebyshevNeighbourOffsets} (those whose first non-zero component in
 * (k, j, i) order is positive): 13 in 3D, 4 in-plane for δ = 1.
 */
export function halfChebyshevOffsets(grid: TextureGrid, distance: number, planeAxis: -1 | 0 | 1 | 2): Int32Array {
  const out: number[] = [];
  for (let dz = -distance; dz <= distance; dz++) {
    for (let dy = -distance; dy <= distance; dy++) {
      for (let dx = -distance; dx <= distance; dx++) {
        const first = dz !== 0 ? dz : dy !== 0 ? dy : dx;
        if (first <= 0) continue;
        const d = [dx, dy, dz];
        if (planeAxis >= 0 && d[planeAxis] !== 0) continue;
        out.push(gridOffset(grid, dx, dy, dz));
      }
    }
  }
  return Int32Array.from(out);
}

/** Index offsets of the face neighbours: 6 in 3D, or the 4 in-plane ones when `planeAxis` is given. */
export function faceNeighbourOffsets(grid: TextureGrid, planeAxis: -1 | 0 | 1 | 2): Int32Array {
  const out: number[] = [];
  const unit: number[][] = [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]];
  for (const d of unit) {
    if (planeAxis >= 0 && d[planeAxis] !== 0) continue;
    out.push(gridOffset(grid, d[0], d[1], d[2]));
  }
  return Int32Array.from(out);
}
