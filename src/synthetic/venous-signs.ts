import type { Rng } from '../core/rng.js';
import type { AnatomyParams } from './anatomy.js';
import type { Etiology } from './etiology.js';
import { brainRadius } from './head-geometry.js';
import type { LocationName, Side } from './locations.js';
import { capsule, type P3, type Primitive } from './primitives.js';
import { clamp } from './sampling.js';
import type { SinusName, SinusThrombosis } from './structures.js';
import { Tissue } from './tissues.js';

/** Probability that a CVT's thrombosed sinus is hyperdense on NECT (the "dense sinus" sign), issue 6: ~40 %. */
export const DENSE_SINUS_PROBABILITY = 0.4;
/** Probability of a visible thrombosed cortical vein (cord sign) in CVT. */
export const CORD_SIGN_PROBABILITY = 0.2;

/** The venous findings of a case: thrombosed sinus segments, dense-sinus flag and an optional cord sign. */
export interface VenousSigns {
  readonly thromboses: SinusThrombosis[];
  readonly denseSinus: boolean;
  readonly cordVein: Primitive | null;
}

/**
 * Venous thrombosis matching the bleed's territory (CVT only): superior sagittal sinus for parasagittal and
 * frontal/parietal bleeds, the ipsilateral transverse (± sigmoid) sinus for temporal and occipital bleeds,
 * the straight sinus for thalamic bleeds. The thrombus is hyperdense (65–85 HU) in
 * {@link DENSE_SINUS_PROBABILITY} of cases and near-isodense (50–60 HU) otherwise. Thrombosed sinus
 * density 60–92 HU vs 31–68 HU for normal sinuses (multicentre NECT study, doi:10.1055/s-0043-1761184).
 */
export function planVenousSigns(rng: Rng, a: AnatomyParams, etiology: Etiology, location: LocationName, side: Side, centre: P3, rEq: number): VenousSigns {
  if (etiology !== 'cvt') return { thromboses: [], denseSinus: false, cordVein: null };
  const dense = rng.bernoulli(DENSE_SINUS_PROBABILITY);
  const hu = (): number => (dense ? rng.uniformRange(65, 85) : rng.uniformRange(50, 60));
  const thromboses: SinusThrombosis[] = [];
  const sideName = (s: Side): 'left' | 'right' => (s > 0 ? 'left' : 'right');
  const push = (sinus: SinusName, from: number, to: number): void => { thromboses.push({ sinus, from, to, hu: hu() }); };
  // fraction along the SSS (front 0 → torcula 1) nearest the bleed
  const f = clamp(0.5 + centre[1] / (2.6 * a.brainB), 0, 1);
  if (location === 'parasagittal' || location === 'frontal' || location === 'parietal') {
    push('superior-sagittal', clamp(f - rng.uniformRange(0.15, 0.4), 0, 1), rng.bernoulli(0.6) ? 1 : clamp(f + rng.uniformRange(0.15, 0.4), 0, 1));
    if (rng.bernoulli(0.3)) push(`transverse-${sideName(side)}`, 0, 1);
  } else if (location === 'temporal' || location === 'occipital') {
    push(`transverse-${sideName(side)}`, rng.uniformRange(0, 0.4), 1);
    if (rng.bernoulli(0.6)) push(`sigmoid-${sideName(side)}`, 0, rng.uniformRange(0.5, 1));
    if (rng.bernoulli(0.25)) push('superior-sagittal', rng.uniformRange(0.5, 0.8), 1);
  } else {
    push('straight', 0, 1);
    if (rng.bernoulli(0.5)) push('superior-sagittal', rng.uniformRange(0.6, 0.9), 1);
  }
  let cordVein: Primitive | null = null;
  if (rng.bernoulli(CORD_SIGN_PROBABILITY)) {
    const veinHu = rng.uniformRange(65, 80);
    if (location === 'thalamus') {
      // dense internal cerebral vein (deep venous thrombosis), paramedian above the third ventricle
      const sx = a.brainA / 66, sy = a.brainB / 80;
      cordVein = { shape: capsule([side * 2.2 * sx, -4 * sy, 17], [side * 2.2 * sx, 26 * sy, 13], 1.3, 1.6), tissue: Tissue.THROMBUS, hu: veinHu };
    } else {
      // thrombosed cortical vein on the convexity next to the bleed, running tangentially
      const theta = Math.atan2(centre[1], centre[0]);
      const z = centre[2] + rng.uniformRange(-4, 4);
      const r = brainRadius(a, theta, z) + a.csfThickness * 0.5;
      const half = rng.uniformRange(8, 15) / Math.max(r, 20);
      const dz = rng.uniformRange(-6, 10);
      const p0: P3 = [r * Math.cos(theta - half), r * Math.sin(theta - half), z - dz / 2];
      const p1: P3 = [r * Math.cos(theta + half), r * Math.sin(theta + half), z + dz / 2];
      const rad = clamp(rng.uniformRange(1.1, 1.7), 1, rEq);
      cordVein = { shape: capsule(p0, p1, rad), tissue: Tissue.THROMBUS, hu: veinHu };
    }
  }
  return { thromboses, denseSinus: dense, cordVein };
}
