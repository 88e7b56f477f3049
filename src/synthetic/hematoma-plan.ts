import type { Rng } from '../core/rng.js';
import type { AnatomyParams } from './anatomy.js';
import { type Etiology, LOCATION_MIX, tableEntries } from './etiology.js';
import { brainDepth } from './head-geometry.js';
import { inCerebrum, type LocationName, placeCentre, type Side } from './locations.js';
import { capsule, ellipsoid, type P3, type Primitive, type Shape } from './primitives.js';
import { clamp, lerp, truncatedLogNormal, truncatedNormal } from './sampling.js';
import type { SinusThrombosis } from './structures.js';
import { Tissue } from './tissues.js';
import { planVenousSigns } from './venous-signs.js';

/** One building block of a hematoma's envelope; `irregularity` is the relative amplitude of its bumpy border. */
export interface Lobe {
  readonly shape: Shape;
  readonly irregularity: number;
  /** Index of the focus (separate bleed) this lobe belongs to. */
  readonly focus: number;
}

/**
 * How clearly a CVT hemorrhage shows its typical pattern, by difficulty: the probability that a CVT case
 * is "typical" (irregular, often patchy and multifocal, more edema) rather than an ovoid homogeneous
 * bleed that looks like the other etiologies.
 */
export const CVT_TYPICAL_PROBABILITY: Readonly<Record<Difficulty, number>> = { easy: 0.96, standard: 0.88, hard: 0.6 };

/** Difficulty of the classification task (class overlap of the hematoma appearance). */
export type Difficulty = 'easy' | 'standard' | 'hard';

/** The hidden description of a patient's hematoma and its surroundings (plain JSON). */
export interface HematomaPlan {
  readonly etiology: Etiology;
  readonly location: LocationName;
  readonly side: Side;
  /** Centre of the main focus (head mm) and its depth under the brain surface (mm). */
  readonly centre: P3;
  readonly depth: number;
  /** True for a CVT case drawn with the typical CVT pattern (see {@link CVT_TYPICAL_PROBABILITY}). */
  readonly typicalPattern: boolean;
  readonly lobes: readonly Lobe[];
  readonly nFoci: number;
  /** Feature size (mm) of the border irregularity field. */
  readonly irregularCell: number;
  /** Patchy hemorrhage: blood only where a smooth field exceeds `threshold` (the rest is infarcted brain). */
  readonly patchy: { readonly threshold: number; readonly cell: number } | null;
  /** Non-blood lesion tissue inside the envelope (tumour): where a smooth field is below `threshold`. */
  readonly lesion: { readonly threshold: number; readonly cell: number; readonly hu: number } | null;
  /** Mean HU of the acute blood, amplitudes (HU) and feature sizes (mm) of its two heterogeneity fields, central clot-retraction gain (HU). */
  readonly bloodHu: number;
  readonly heterogeneity: readonly [number, number, number, number];
  readonly retraction: number;
  /**
   * Perihematomal edema: full strength up to `plateau` mm from the envelope, then decaying with length
   * `reach` mm; `drop` = HU drop at full strength in white matter.
   */
  readonly edema: { readonly plateau: number; readonly reach: number; readonly drop: number };
  /** Subarachnoid blood in the sulci within `reach` mm of the hematoma, at `hu` HU. */
  readonly sah: { readonly reach: number; readonly hu: number } | null;
  readonly thromboses: readonly SinusThrombosis[];
  /** True when a thrombosed sinus is hyperdense (≥ 62 HU): the "dense sinus" sign. */
  readonly denseSinus: boolean;
  /** A thrombosed cortical vein on the surface near the bleed (the "cord sign"), if any. */
  readonly cordVein: Primitive | null;
  /** Small calcifications next to the bleed (AVM), painted after it. */
  readonly calcifications: readonly Primitive[];
  /** Blood volume the plan aims at (mL); the rendered volume is reported separately. */
  readonly targetVolumeMl: number;
  /** Seed path of the hematoma's random fields. */
  readonly fieldSeed: string;
}

interface ShapeProfile {
  volume: [number, number]; // median mL, log sd
  irregularity: [number, number];
  irregularCell: [number, number];
  heterogeneity: [number, number, number, number]; // a1 lo, a1 hi, a2 lo, a2 hi
  edemaPlateau: [number, number];
  edemaReach: [number, number];
  edemaDrop: [number, number];
}

const PROFILES: Readonly<Record<Etiology | 'cvt-atypical', ShapeProfile>> = {
  'cvt': { volume: [6, 0.85], irregularity: [0.24, 0.4], irregularCell: [4, 7], heterogeneity: [15, 22, 10, 15], edemaPlateau: [2.5, 8], edemaReach: [4, 9], edemaDrop: [11, 16] },
  'cvt-atypical': { volume: [7, 0.85], irregularity: [0.1, 0.22], irregularCell: [6, 10], heterogeneity: [10, 16, 8, 12], edemaPlateau: [0.5, 4], edemaReach: [3, 7], edemaDrop: [7, 12] },
  'hypertensive': { volume: [8, 0.9], irregularity: [0.05, 0.16], irregularCell: [7, 12], heterogeneity: [8, 13, 6, 10], edemaPlateau: [0, 1.5], edemaReach: [1.5, 4], edemaDrop: [6, 10] },
  'amyloid': { volume: [9, 0.8], irregularity: [0.16, 0.3], irregularCell: [5, 9], heterogeneity: [11, 17, 8, 12], edemaPlateau: [0.5, 3], edemaReach: [3, 7], edemaDrop: [7, 11] },
  'avm': { volume: [7, 0.85], irregularity: [0.16, 0.3], irregularCell: [4, 8], heterogeneity: [13, 20, 9, 14], edemaPlateau: [0, 2], edemaReach: [2, 5], edemaDrop: [6, 10] },
  'tumour': { volume: [8, 0.75], irregularity: [0.14, 0.26], irregularCell: [5, 9], heterogeneity: [13, 20, 9, 14], edemaPlateau: [5, 12], edemaReach: [8, 14], edemaDrop: [10, 15] },
};

const u = (rng: Rng, r: readonly [number, number]): number => rng.uniformRange(r[0], r[1]);

/** Semi-axes (mm) of an ellipsoid of `volumeMm3` with random aspect ratios (1 : e1 : e2, e1 in [1.2, maxAspect], e2 in [1, (1 + maxAspect)/2]). */
function semiAxes(rng: Rng, volumeMm3: number, maxAspect: number): [number, number, number] {
  const e1 = rng.uniformRange(1.2, maxAspect), e2 = rng.uniformRange(1, (1 + maxAspect) / 2);
  const base = Math.cbrt((3 * volumeMm3) / (4 * Math.PI * e1 * e2));
  return rng.shuffle([base, base * e1, base * e2]) as [number, number, number];
}

function randomDirection(rng: Rng): P3 {
  const z = rng.uniformRange(-1, 1), t = rng.uniformRange(0, 2 * Math.PI), s = Math.sqrt(1 - z * z);
  return [s * Math.cos(t), s * Math.sin(t), z];
}

function add(p: P3, d: P3, k: number): P3 {
  return [p[0] + k * d[0], p[1] + k * d[1], p[2] + k * d[2]];
}

/** Draws the location, with the CVT deep (thalamic) bleeds sometimes bilateral. */
function drawLocation(rng: Rng, etiology: Etiology): LocationName {
  const { keys, weights } = tableEntries(LOCATION_MIX[etiology]);
  return rng.choice(keys, weights);
}

/**
 * Draws a hematoma for a patient with the given etiology and anatomy.
 *
 * - Volume: right-skewed (log-normal), 2–80 mL; medians 6–9 mL depending on etiology.
 * - Shape: hypertensive bleeds are single ovoids with smooth borders; typical CVT bleeds are irregular,
 *   often multifocal (2–4 foci in the same venous territory) and patchy (blood interleaved with
 *   infarcted brain); amyloid bleeds carry finger-like projections; AVM and tumour bleeds are irregular
 *   and heterogeneous, tumours with non-blood tissue and edema out of proportion.
 * - Density: acute blood 50–80 HU around a per-case mean (50–68 HU), two scales of heterogeneity (smooth
 *   fields of amplitude 4–20 HU, i.e. sd ≈ amplitude/3, clipped to 50–80 HU, which skews the values to the
 *   right) and a denser core (clot retraction).
 */
export function planHematoma(rng: Rng, a: AnatomyParams, etiology: Etiology, difficulty: Difficulty): HematomaPlan {
  const typical = etiology === 'cvt' ? rng.bernoulli(CVT_TYPICAL_PROBABILITY[difficulty]) : false;
  const prof = PROFILES[etiology === 'cvt' && !typical ? 'cvt-atypical' : etiology];
  const location = drawLocation(rng, etiology);
  const side: Side = rng.bernoulli(0.5) ? 1 : -1;
  const volumeMl = truncatedLogNormal(rng, prof.volume[0], prof.volume[1], 2, 80);
  const irregularity = u(rng, prof.irregularity);
  const cell = u(rng, prof.irregularCell);

  // how the volume is split: foci (separate bleeds) and, for typical CVT, patchy coverage of the envelope
  const multifocal = typical && rng.bernoulli(0.55);
  const nFoci = multifocal ? rng.choice([2, 3, 4], [0.55, 0.3, 0.15]) : etiology === 'amyloid' && rng.bernoulli(0.1) ? 2 : 1;
  const patchy = typical && rng.bernoulli(0.65) ? { threshold: rng.uniformRange(-0.1, 0.12), cell: rng.uniformRange(6, 10) } : null;
  const coverage = patchy ? 0.5 - 1.3 * patchy.threshold : 1; // rough blood fraction of a patchy envelope
  const mainShare = nFoci === 1 ? 1 : rng.uniformRange(0.5, 0.75);
  const envelopeMm3 = (volumeMl * 1000) / coverage;
  const rEq = Math.cbrt((3 * envelopeMm3 * mainShare) / (4 * Math.PI));

  const deep = location === 'basal-ganglia' || location === 'thalamus' || location === 'cerebellum';
  const juxtacortical = etiology === 'cvt' || etiology === 'amyloid';
  const depthTarget = deep ? 0 : juxtacortical ? rEq * rng.uniformRange(0.55, 1.0) + rng.uniformRange(1, 5) : rEq + rng.uniformRange(4, 14);
  const placed = placeCentre(rng, a, location, side, depthTarget, rEq);
  const c = placed.centre;

  const lobes: Lobe[] = [];
  const maxAspect = etiology === 'hypertensive' ? 2.6 : 3.2;
  const mainSemi = semiAxes(rng, envelopeMm3 * mainShare * (typical ? 0.7 : 1), maxAspect);
  const yaw = location === 'basal-ganglia' ? side * -0.22 + rng.normal(0, 0.2) : rng.uniformRange(0, Math.PI);
  const semi: [number, number, number] = location === 'basal-ganglia' ? [mainSemi[0], Math.max(...mainSemi), mainSemi[2]] : mainSemi;
  if (location === 'basal-ganglia') semi[0] = Math.min(...mainSemi);
  lobes.push({ shape: ellipsoid(c, semi, yaw, rng.uniformRange(-0.4, 0.4)), irregularity, focus: 0 });
  if (typical || etiology === 'avm') {
    // irregular composite: 1–2 smaller lobes overlapping the main one
    const nSub = rng.intRange(1, 2);
    for (let k = 0; k < nSub; k++) {
      const d = randomDirection(rng);
      const r = rEq * rng.uniformRange(0.45, 0.7);
      lobes.push({ shape: ellipsoid(add(c, d, rEq * rng.uniformRange(0.55, 0.85)), [r * rng.uniformRange(0.8, 1.2), r * rng.uniformRange(0.8, 1.2), r * rng.uniformRange(0.7, 1.1)], rng.uniformRange(0, Math.PI), 0), irregularity, focus: 0 });
    }
  }
  if (etiology === 'amyloid') {
    // finger-like projections radiating from the bleed into the white matter and towards the cortex
    const nFingers = rng.intRange(2, 5);
    for (let k = 0; k < nFingers; k++) {
      const d = randomDirection(rng);
      const start = add(c, d, rEq * 0.6);
      const len = rEq * rng.uniformRange(0.7, 1.4);
      const r0 = Math.max(1.6, rEq * rng.uniformRange(0.18, 0.3));
      lobes.push({ shape: capsule(start, add(start, d, len), r0, r0 * 0.55), irregularity: irregularity * 0.5, focus: 0 });
    }
  }
  for (let f = 1; f < nFoci; f++) {
    // satellite foci in the same territory, 1.6–3 radii away, kept inside the cerebrum
    const share = ((1 - mainShare) / (nFoci - 1)) * rng.uniformRange(0.7, 1.3);
    const rf = Math.cbrt((3 * envelopeMm3 * share) / (4 * Math.PI));
    for (let tries = 0; tries < 32; tries++) {
      const d = randomDirection(rng);
      const p = add(c, d, (rEq + rf) * rng.uniformRange(1.15, 1.8));
      const dep = brainDepth(a, ...p);
      if (inCerebrum(a, p) && dep > rf * 0.6 && dep < rf * 1.6 + 6) {
        lobes.push({ shape: ellipsoid(p, semiAxes(rng, (4 / 3) * Math.PI * rf ** 3, 1.6), rng.uniformRange(0, Math.PI), 0), irregularity, focus: f });
        break;
      }
    }
  }
  const foci = new Set(lobes.map((l) => l.focus)).size;

  const lesion = etiology === 'tumour' ? { threshold: rng.uniformRange(-0.15, 0.1), cell: rng.uniformRange(5, 9), hu: rng.uniformRange(28, 42) } : null;
  const bloodHu = truncatedNormal(rng, 56, 5, 50, 68);
  const het: [number, number, number, number] = [u(rng, [prof.heterogeneity[0], prof.heterogeneity[1]]), rng.uniformRange(6, 12), u(rng, [prof.heterogeneity[2], prof.heterogeneity[3]]) * 1.3, rng.uniformRange(1.3, 2.2)];
  const edema = { plateau: u(rng, prof.edemaPlateau), reach: u(rng, prof.edemaReach), drop: u(rng, prof.edemaDrop) };
  const sahP = etiology === 'cvt' ? (typical ? 0.22 : 0.08) : etiology === 'amyloid' ? 0.15 : 0.03;
  const sah = !deep && rng.bernoulli(sahP) ? { reach: rng.uniformRange(8, 18), hu: rng.uniformRange(45, 65) } : null;
  const venous = planVenousSigns(rng.child('venous'), a, etiology, location, side, c, rEq);
  const calcifications: Primitive[] = [];
  if (etiology === 'avm' && rng.bernoulli(0.3)) {
    const n = rng.intRange(1, 3);
    for (let k = 0; k < n; k++) {
      const p = add(c, randomDirection(rng), rEq * (1 + irregularity) + rng.uniformRange(2.5, 5));
      calcifications.push({ shape: ellipsoid(p, [1.2, 1.2, 1.2].map((x) => x * rng.uniformRange(0.8, 1.6)) as unknown as P3), tissue: Tissue.CALCIFICATION, hu: rng.uniformRange(150, 350) });
    }
  }
  return {
    etiology,
    location: placed.location,
    side,
    centre: c,
    depth: placed.depth,
    typicalPattern: typical,
    lobes,
    nFoci: foci,
    irregularCell: cell,
    patchy,
    lesion,
    bloodHu,
    heterogeneity: het,
    retraction: rng.uniformRange(5, 14),
    edema,
    sah,
    thromboses: venous.thromboses,
    denseSinus: venous.denseSinus,
    cordVein: venous.cordVein,
    calcifications,
    targetVolumeMl: clamp(volumeMl, 2, 80),
    fieldSeed: rng.child('fields').seedPath,
  };
}

/** Blend helper shared with the clinical sampler: a per-case severity in [0, 1] from volume and location. */
export function hematomaSeverity(h: HematomaPlan): number {
  const vol = clamp(Math.log(h.targetVolumeMl / 2) / Math.log(40), 0, 1);
  const deepness = h.location === 'thalamus' || h.location === 'basal-ganglia' || h.location === 'cerebellum' ? 0.25 : 0;
  return clamp(lerp(vol, 1, deepness), 0, 1);
}
