import { InvalidInputError } from '../../../core/errors.js';
import type { TextureGrid } from './grid.js';
import { type Direction, pyradiomicsDirections } from './directions.js';

/** PyRadiomics' distance weighting norms (`weightingNorm`); null = no weighting (features averaged over angles). */
export type WeightingNorm = null | 'manhattan' | 'euclidean' | 'infinity' | 'no_weighting';

/** Settings shared by the PyRadiomics-mode texture functions (names as in PyRadiomics parameter files). */
export interface PyradiomicsTextureSettings {
  /** Chebyshev distances of the neighbours (GLCM, NGTDM, GLDM); default [1]. GLRLM/GLSZM always use 1. */
  readonly distances?: readonly number[];
  /** Compute in 2D planes (no angles moving along `force2Ddimension`); default false. */
  readonly force2D?: boolean;
  /** Out-of-plane axis when `force2D`: 0 = k (axial), 1 = j, 2 = i; default 0. */
  readonly force2Ddimension?: number;
}

/** The PyRadiomics angle set for a grid and settings, and the padding it needs. */
export function pyradiomicsAngles(grid: TextureGrid, settings: PyradiomicsTextureSettings, distances: readonly number[]): Direction[] {
  const extent: [number, number, number] = [grid.nx - 2 * grid.pad, grid.ny - 2 * grid.pad, grid.nz - 2 * grid.pad];
  const dim = settings.force2D ? settings.force2Ddimension ?? 0 : -1;
  return pyradiomicsDirections(distances, dim, extent);
}

/** Largest distance of a settings object (the grid padding it needs). */
export function maxDistance(settings: PyradiomicsTextureSettings): number {
  const d = settings.distances ?? [1];
  if (d.length === 0) throw new InvalidInputError('empty distances list', { expected: 'at least one positive integer distance, e.g. [1]' });
  return Math.max(...d);
}

/** Checks a `weightingNorm` setting; throws InvalidInputError for unknown names. */
export function checkWeightingNorm(w: unknown): WeightingNorm {
  if (w === null || w === undefined) return null;
  if (w === 'manhattan' || w === 'euclidean' || w === 'infinity' || w === 'no_weighting') return w;
  throw new InvalidInputError('unknown weightingNorm', {
    expected: "null, 'manhattan', 'euclidean', 'infinity' or 'no_weighting'", found: String(w),
    fix: 'PyRadiomics would warn and use no weighting; set weightingNorm to no_weighting or remove it.',
  });
}

/** Physical length components |a_d|·spacing_d of a direction (x, y, z), in mm. */
export function physicalComponents(d: Direction, spacing: readonly [number, number, number]): [number, number, number] {
  return [Math.abs(d[0]) * spacing[0], Math.abs(d[1]) * spacing[1], Math.abs(d[2]) * spacing[2]];
}

/** Length of a direction in mm under a norm (∞: max, euclidean: √Σ², manhattan: Σ); 1 for no_weighting. */
export function directionLength(d: Direction, spacing: readonly [number, number, number], norm: Exclude<WeightingNorm, null>): number {
  const c = physicalComponents(d, spacing);
  switch (norm) {
    case 'infinity': return Math.max(c[0], c[1], c[2]);
    case 'euclidean': return Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
    case 'manhattan': return c[0] + c[1] + c[2];
    case 'no_weighting': return 1;
  }
}

/** Index offsets of the PyRadiomics angles (one of each ± pair; NGTDM and GLDM use both signs). */
export function pyradiomicsHalfOffsets(grid: TextureGrid, settings: PyradiomicsTextureSettings): Int32Array {
  const angles = pyradiomicsAngles(grid, settings, settings.distances ?? [1]);
  return Int32Array.from(angles, (d) => d[0] + grid.nx * (d[1] + grid.ny * d[2]));
}
