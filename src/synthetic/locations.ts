import type { Rng } from '../core/rng.js';
import type { AnatomyParams } from './anatomy.js';
import { brainDepth, brainRadius, floorHeight, outlineRadius, overPosteriorFossa, tentoriumHeight } from './head-geometry.js';
import type { P3 } from './primitives.js';
import { clamp } from './sampling.js';

/** Where a hematoma sits. Deep = basal ganglia / thalamus; lobar = the four lobes and the parasagittal convexity. */
export type LocationName = 'basal-ganglia' | 'thalamus' | 'cerebellum' | 'parasagittal' | 'frontal' | 'parietal' | 'temporal' | 'occipital';

/** Coarse class of a location: `deep` (basal ganglia, thalamus), `lobar` (cortical/subcortical) or `infratentorial`. */
export type LocationClass = 'deep' | 'lobar' | 'infratentorial';

/** The class of a location name. */
export function locationClass(l: LocationName): LocationClass {
  if (l === 'basal-ganglia' || l === 'thalamus') return 'deep';
  if (l === 'cerebellum') return 'infratentorial';
  return 'lobar';
}

/** Every location name, in a fixed order. */
export const LOCATIONS: readonly LocationName[] = ['basal-ganglia', 'thalamus', 'cerebellum', 'parasagittal', 'frontal', 'parietal', 'temporal', 'occipital'];

/** Side of the head: +1 = patient's left (x > 0), −1 = right. */
export type Side = 1 | -1;

/** Angular sectors of the lobar regions: φ from the anterior midline (0°) over the side (90°) to the occipital pole (180°), and heights (mm, template). */
const LOBAR_SECTORS: Readonly<Record<'frontal' | 'parietal' | 'temporal' | 'occipital', { phi: [number, number]; z: [number, number] }>> = {
  frontal: { phi: [12, 62], z: [-6, 44] },
  parietal: { phi: [62, 140], z: [24, 56] },
  temporal: { phi: [62, 112], z: [-30, -4] },
  occipital: { phi: [136, 170], z: [-4, 30] },
};

/** A sampled hematoma centre. `depth` is the centre's depth under the brain surface (mm). */
export interface PlacedCentre {
  readonly location: LocationName;
  readonly side: Side;
  readonly centre: P3;
  readonly depth: number;
}

function polarPoint(a: AnatomyParams, side: Side, phiDeg: number, z: number, depth: number): P3 {
  const phi = (phiDeg * Math.PI) / 180;
  const theta = Math.atan2(-Math.cos(phi), side * Math.sin(phi));
  const r = Math.max(0, brainRadius(a, theta, z) - depth);
  return [r * Math.cos(theta), r * Math.sin(theta), z];
}

/** True when a head point lies in the supratentorial brain, at least `margin` mm above the cranial floor. */
export function inCerebrum(a: AnatomyParams, p: P3, margin = 4): boolean {
  const [x, y, z] = p;
  if (z < floorHeight(a, x, y) + margin) return false;
  if (overPosteriorFossa(a, y) && z < tentoriumHeight(a, x, y) + margin) return false;
  return brainDepth(a, x, y, z) > 0;
}

/**
 * Places a hematoma centre at `location` on `side`. Lobar centres are put `depth` mm under the brain
 * surface (juxtacortical bleeds: about their radius; subcortical: deeper) and about `radius` mm above the
 * cranial floor and the tentorium; deep and infratentorial centres
 * follow the template positions of the putamen, thalamus and cerebellar hemisphere, jittered by a few mm.
 */
export function placeCentre(rng: Rng, a: AnatomyParams, location: LocationName, side: Side, depth: number, radius = 0): PlacedCentre {
  // lobar bleeds stay above the cranial floor and the tentorium by about their radius
  const floorMargin = Math.min(radius, 14) + 3;
  const sx = a.brainA / 66, sy = a.brainB / 80, sz = (sx + sy) / 2;
  const jitter = (p: P3, j: P3): P3 => [p[0] + rng.normal(0, j[0]), p[1] + rng.normal(0, j[1]), p[2] + rng.normal(0, j[2])];
  if (location === 'basal-ganglia') {
    const c = jitter([side * 24 * sx, -2 * sy, 4 * sz], [2, 4, 3]);
    return { location, side, centre: c, depth: brainDepth(a, ...c) };
  }
  if (location === 'thalamus') {
    const c = jitter([side * 11.5 * sx, 13 * sy, 8 * sz], [1.5, 2.5, 2.5]);
    return { location, side, centre: c, depth: brainDepth(a, ...c) };
  }
  if (location === 'cerebellum') {
    const y = 52 * sy + rng.normal(0, 3);
    const x = side * (22 * sx + rng.normal(0, 3));
    const zMid = (floorHeight(a, x, y) + tentoriumHeight(a, x, y)) / 2;
    const c: P3 = [x, y, zMid + rng.normal(0, 2)];
    return { location, side, centre: c, depth: brainDepth(a, ...c) };
  }
  if (location === 'parasagittal') {
    for (let tries = 0; tries < 64; tries++) {
      const x = side * rng.uniformRange(11, 24) * sx;
      const y = rng.uniformRange(-45, 35) * sy;
      const theta = Math.atan2(y, x);
      const u = Math.hypot(x, y) / outlineRadius(a, theta);
      if (u >= 0.95) continue;
      const top = a.zc + a.hUp * Math.sqrt(1 - u * u);
      const c: P3 = [x, y, top - depth - rng.uniformRange(0, 4)];
      if (inCerebrum(a, c, floorMargin) && c[2] > 20) return { location, side, centre: c, depth: brainDepth(a, ...c) };
    }
    return placeCentre(rng, a, 'parietal', side, depth);
  }
  const sector = LOBAR_SECTORS[location];
  for (let tries = 0; tries < 64; tries++) {
    const phi = rng.uniformRange(sector.phi[0], sector.phi[1]);
    const z = rng.uniformRange(sector.z[0], sector.z[1]) * sz;
    const c = polarPoint(a, side, phi, z, depth);
    const d = brainDepth(a, ...c);
    if (inCerebrum(a, c, floorMargin) && d > 0.6 * depth) return { location, side, centre: c, depth: d };
  }
  // fall back to a central frontal point (never reached with the template geometry, kept for safety)
  const c = polarPoint(a, side, 40, 20, clamp(depth, 5, 30));
  return { location, side, centre: c, depth: brainDepth(a, ...c) };
}
