import type { Rng } from '../core/rng.js';
import { clamp, truncatedNormal } from './sampling.js';

/**
 * Head coordinates (mm): x to the patient's left, y posterior, z superior (LPS axes), origin at the centre
 * of the brain at the level of the basal ganglia. The scanner grid is reached through {@link HeadPose}.
 */

/** One sulcus: a CSF cleft entering the cortex from the convexity, defined in polar angle around the z axis. */
export interface Sulcus {
  /** Polar angle (rad, atan2(y, x)) at z = 0. */
  readonly theta0: number;
  /** Drift amplitude of the angle with height (rad). */
  readonly drift: number;
  /** Drift period along z (mm) and phase (rad). */
  readonly period: number;
  readonly phase: number;
  /** Largest depth from the brain surface (mm) and width of the CSF cleft (mm). */
  readonly depth: number;
  readonly width: number;
  /** Lateral shift of the cleft per mm of depth (the cleft runs obliquely, not radially). */
  readonly bend: number;
  /** Presence along z: depth × clamp(bias + sin(2π z / zPeriod + zPhase), 0, 1), so a sulcus comes and goes between levels. */
  readonly bias: number;
  readonly zPeriod: number;
  readonly zPhase: number;
}

/** Rigid placement of the head in the scanner: in-plane rotation and shift, plus a small tilt of the gantry plane. */
export interface HeadPose {
  /** Rotation about the scanner z axis (rad). */
  readonly yaw: number;
  /** Shift of the head centre in the scanner frame (mm). */
  readonly shift: readonly [number, number, number];
  /** Head z of a scanner point = scanner z + tiltX·qx + tiltY·qy (small pitch/roll, as a shear). */
  readonly tiltX: number;
  readonly tiltY: number;
}

/** Per-case means (HU) of the normal tissues, drawn inside `TISSUE_HU`. */
export interface TissueMeans {
  readonly grey: number;
  readonly white: number;
  readonly deepGrey: number;
  readonly csf: number;
  readonly bone: number;
  readonly diploe: number;
  readonly scalp: number;
  readonly fat: number;
  readonly muscle: number;
  readonly sinus: number;
  readonly cerebellum: number;
  readonly falx: number;
  /** Amplitude (HU) of the smooth variation of grey and white matter. */
  readonly brainVariation: number;
}

/** Everything that defines one patient's normal head. Plain JSON (stored in the hidden parameters). */
export interface AnatomyParams {
  readonly pose: HeadPose;
  /** Brain half-width (x) and half-length (y) at its widest level (mm). */
  readonly brainA: number;
  readonly brainB: number;
  /** Relative widening of the posterior half of the brain outline. */
  readonly posteriorBulge: number;
  /** Random shape harmonics of the outline: relative amplitude and phase for orders 2..7. */
  readonly harmonics: readonly { readonly order: number; readonly amp: number; readonly phase: number }[];
  /** Height of the widest level, and the vertical half-extents above and below it (mm). */
  readonly zc: number;
  readonly hUp: number;
  readonly hDown: number;
  /** Subarachnoid CSF thickness over the convexity (mm; grows with age, atrophy). */
  readonly csfThickness: number;
  /** Skull thickness at the vertex/parietal (mm) and extra frontal/occipital thickness (mm). */
  readonly skullThickness: number;
  readonly skullFrontOccExtra: number;
  /** Fraction of the skull thickness that is diploë (middle layer). */
  readonly diploeFraction: number;
  /** Scalp thickness (mm) and extra thickness of the temporalis muscle (mm). */
  readonly scalpThickness: number;
  readonly temporalis: number;
  /** Cranial floor heights (mm): anterior fossa, middle fossa, posterior fossa; tentorium height at the torcula. */
  readonly floorAnterior: number;
  readonly floorMiddle: number;
  readonly floorPosterior: number;
  readonly tentorium: number;
  /** Cortical ribbon thickness (mm). */
  readonly cortex: number;
  /** Width (mm) of the interhemispheric fissure and of the Sylvian fissures. */
  readonly fissureWidth: number;
  readonly sylvianWidth: number;
  readonly sulci: readonly Sulcus[];
  /** Scale of the ventricles (1 = young adult; grows with age). */
  readonly ventricleScale: number;
  /** Frontal sinus half-size (mm; 0 = aplastic). */
  readonly frontalSinus: number;
  readonly calcifiedPineal: boolean;
  readonly calcifiedChoroid: boolean;
  /** Radius of the superior sagittal sinus and of the transverse sinuses (mm). */
  readonly sssRadius: number;
  readonly transverseRadius: number;
  readonly hu: TissueMeans;
}

/**
 * Draws a patient's head. Age drives atrophy (wider sulci and subarachnoid spaces, larger ventricles,
 * lower grey-white contrast) and calcifications; sex scales the head size (~5 % smaller in women).
 */
export function sampleAnatomy(rng: Rng, age: number, female: boolean): AnatomyParams {
  const sizeScale = (female ? 0.955 : 1.0) * clamp(rng.normal(1, 0.035), 0.9, 1.1);
  const ageRel = clamp((age - 20) / 60, 0, 1.2);
  const brainA = 66 * sizeScale * clamp(rng.normal(1, 0.03), 0.92, 1.08);
  const brainB = 80 * sizeScale * clamp(rng.normal(1, 0.03), 0.92, 1.08);
  const harmonics = [2, 3, 4, 5, 6, 7].map((order) => ({ order, amp: rng.uniformRange(0, 0.012 / Math.sqrt(order - 1)), phase: rng.uniformRange(0, 2 * Math.PI) }));
  const nSulci = rng.intRange(34, 44);
  const sulcalWidth = 0.6 + 1.9 * ageRel;
  const sulci: Sulcus[] = [];
  for (let k = 0; k < nSulci; k++) {
    sulci.push({
      theta0: ((k + rng.uniformRange(-0.4, 0.4)) / nSulci) * 2 * Math.PI - Math.PI,
      drift: rng.uniformRange(0.03, 0.12),
      period: rng.uniformRange(25, 60),
      phase: rng.uniformRange(0, 2 * Math.PI),
      depth: rng.uniformRange(7, 19),
      width: sulcalWidth * rng.uniformRange(0.5, 1.5),
      bend: rng.uniformRange(-0.35, 0.35),
      bias: rng.uniformRange(0.1, 0.8),
      zPeriod: rng.uniformRange(18, 45),
      zPhase: rng.uniformRange(0, 2 * Math.PI),
    });
  }
  const young = 1 - clamp(ageRel, 0, 1);
  const white = truncatedNormal(rng, 25 + 1.5 * young, 1.2, 21.5, 29);
  const grey = truncatedNormal(rng, white + 10 + 2 * young, 1.2, Math.max(31.5, white + 6), 40);
  const hu: TissueMeans = {
    grey,
    white,
    deepGrey: clamp(grey + rng.normal(0.5, 1), 31.5, 40),
    csf: truncatedNormal(rng, 7, 2, 2, 12),
    bone: truncatedNormal(rng, 1320, 50, 1200, 1450),
    diploe: truncatedNormal(rng, 800, 50, 720, 900),
    scalp: truncatedNormal(rng, 35, 6, 20, 50),
    fat: truncatedNormal(rng, -85, 8, -100, -70),
    muscle: truncatedNormal(rng, 47, 4, 38, 56),
    sinus: truncatedNormal(rng, 47, 3.5, 41, 56),
    cerebellum: clamp((grey + white) / 2 + rng.normal(1, 1), 29, 38),
    falx: truncatedNormal(rng, 55, 5, 47, 66),
    brainVariation: rng.uniformRange(1, 2.2),
  };
  return {
    pose: {
      yaw: (rng.normal(0, 3) * Math.PI) / 180,
      shift: [rng.normal(0, 4), rng.normal(0, 5), rng.normal(0, 3)],
      tiltX: Math.tan((rng.normal(0, 2) * Math.PI) / 180),
      tiltY: Math.tan((rng.normal(0, 4) * Math.PI) / 180),
    },
    brainA,
    brainB,
    posteriorBulge: rng.uniformRange(0.02, 0.06),
    harmonics,
    zc: rng.uniformRange(12, 18),
    hUp: 62 * sizeScale * clamp(rng.normal(1, 0.03), 0.92, 1.08),
    hDown: rng.uniformRange(100, 115),
    csfThickness: clamp(0.8 + 2.6 * ageRel + rng.normal(0, 0.35), 0.6, 4.5),
    skullThickness: truncatedNormal(rng, 6.2, 0.9, 4.5, 8.5),
    skullFrontOccExtra: rng.uniformRange(0.5, 2.5),
    diploeFraction: rng.uniformRange(0.3, 0.5),
    scalpThickness: truncatedNormal(rng, 5.5, 1, 3.5, 8),
    temporalis: rng.uniformRange(3, 8),
    floorAnterior: rng.uniformRange(-22, -16),
    floorMiddle: rng.uniformRange(-42, -36),
    floorPosterior: rng.uniformRange(-60, -54),
    tentorium: rng.uniformRange(-16, -10),
    cortex: rng.uniformRange(2.4, 3.2),
    fissureWidth: 1.2 + 1.8 * ageRel * rng.uniformRange(0.7, 1.3),
    sylvianWidth: 1.2 + 3 * ageRel * rng.uniformRange(0.7, 1.3),
    sulci,
    ventricleScale: clamp(0.9 + 0.45 * ageRel + rng.normal(0, 0.07), 0.75, 1.6),
    frontalSinus: rng.bernoulli(0.9) ? rng.uniformRange(5, 13) : 0,
    calcifiedPineal: rng.bernoulli(clamp(0.2 + 0.5 * ageRel, 0, 0.8)),
    calcifiedChoroid: rng.bernoulli(clamp(0.3 + 0.5 * ageRel, 0, 0.85)),
    sssRadius: rng.uniformRange(3, 4.5),
    transverseRadius: rng.uniformRange(3, 4.5),
    hu,
  };
}
