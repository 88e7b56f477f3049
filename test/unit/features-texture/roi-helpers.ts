// Small helpers to build discretised ROIs for the texture unit tests.
import type { DiscretisedRoi } from '../../../src/features/types.js';
import { Rng } from '../../../src/core/rng.js';

/**
 * A single-slice ROI from a matrix written as in the IBSI/PyRadiomics documents: `rows[y][x]`, x to the right,
 * y downward; 0 = outside the ROI.
 */
export function roi2D(rows: readonly (readonly number[])[], nLevels?: number): DiscretisedRoi {
  const ny = rows.length;
  const nx = rows[0].length;
  const levels = new Int32Array(nx * ny);
  let max = 0;
  rows.forEach((r, y) => r.forEach((g, x) => { levels[x + nx * y] = g; if (g > max) max = g; }));
  return { size: [nx, ny, 1], spacing: [1, 1, 1], levels, nLevels: nLevels ?? max };
}

/** A random 3D ROI: levels 1..nLevels with probability `fill` per voxel, else 0 (seeded). */
export function randomRoi(seed: number, size: [number, number, number], nLevels: number, fill = 0.8): DiscretisedRoi {
  const rng = Rng.fromSeed(seed);
  const n = size[0] * size[1] * size[2];
  const levels = new Int32Array(n);
  // smooth-ish texture: levels drawn around a slowly varying value so runs and zones exist
  for (let i = 0; i < n; i++) {
    if (rng.uniform() >= fill) continue;
    const base = 1 + Math.floor(((i % size[0]) / size[0]) * nLevels);
    const g = Math.min(nLevels, Math.max(1, base + rng.intRange(-1, 1)));
    levels[i] = g;
  }
  return { size, spacing: [0.8, 0.8, 2.5], levels, nLevels };
}

/** Applies a voxel-index permutation/flip to a ROI: out(x', y', z') = in(map(x', y', z')). */
export function transformRoi(
  roi: DiscretisedRoi,
  newSize: [number, number, number],
  source: (x: number, y: number, z: number) => [number, number, number],
  newSpacing?: [number, number, number],
): DiscretisedRoi {
  const [sx, sy] = roi.size;
  const [nx, ny, nz] = newSize;
  const levels = new Int32Array(nx * ny * nz);
  for (let z = 0; z < nz; z++) for (let y = 0; y < ny; y++) for (let x = 0; x < nx; x++) {
    const [a, b, c] = source(x, y, z);
    levels[x + nx * (y + ny * z)] = roi.levels[a + sx * (b + sy * c)];
  }
  return { size: newSize, spacing: newSpacing ?? roi.spacing, levels, nLevels: roi.nLevels };
}

/** Asserts helper: relative closeness. */
export function close(a: number, b: number, rel = 1e-12): boolean {
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}
