import type { Rng } from '../core/rng.js';
import type { Etiology } from './etiology.js';
import { type HematomaPlan, hematomaSeverity } from './hematoma-plan.js';
import { locationClass } from './locations.js';
import { clamp, round, truncatedLogNormal, truncatedNormal } from './sampling.js';

/**
 * Clinical variables of a patient, as written to the manifest. Binary variables are 0/1; `NaN` = missing
 * (written as an empty field).
 */
export interface ClinicalVariables {
  /** Age in years. */
  readonly age: number;
  /** 1 = female, 0 = male. */
  readonly female: number;
  /** Epileptic seizure at onset. */
  readonly epilepsy: number;
  readonly headache: number;
  /** History of arterial hypertension. */
  readonly hypertension: number;
  /** Oral contraceptives, pregnancy or puerperium (women; 0 for men). */
  readonly oc_pregnancy: number;
  /** Glasgow Coma Scale at admission (3–15). */
  readonly gcs: number;
  /** D-dimer (mg/L FEU), only when requested. */
  readonly d_dimer?: number;
}

/** Names of the clinical columns, in manifest order (`d_dimer` only when requested). */
export function clinicalColumns(includeDDimer: boolean): string[] {
  const cols = ['age', 'female', 'epilepsy', 'headache', 'hypertension', 'oc_pregnancy', 'gcs'];
  return includeDDimer ? [...cols, 'd_dimer'] : cols;
}

/** Age (years) distribution per etiology: mean, sd, min, max. */
const AGE: Readonly<Record<Etiology, [number, number, number, number]>> = {
  cvt: [42, 14, 16, 85],
  hypertensive: [66, 11, 35, 92],
  amyloid: [76, 7, 58, 95],
  avm: [40, 15, 16, 80],
  tumour: [62, 12, 25, 90],
};

/** Probability of female sex per etiology (CVT 64–74 % female, others ~35 %). */
const FEMALE: Readonly<Record<Etiology, number>> = { cvt: 0.69, hypertensive: 0.33, amyloid: 0.45, avm: 0.4, tumour: 0.35 };
/** Seizure at onset (CVT ~30 %, others ~10 %), before the location adjustment. */
const SEIZURE: Readonly<Record<Etiology, number>> = { cvt: 0.3, hypertensive: 0.06, amyloid: 0.14, avm: 0.22, tumour: 0.22 };
/** Headache at onset (CVT ~80 %). */
const HEADACHE: Readonly<Record<Etiology, number>> = { cvt: 0.8, hypertensive: 0.4, amyloid: 0.35, avm: 0.6, tumour: 0.45 };
/** History of hypertension (others ~75 %). */
const HYPERTENSION: Readonly<Record<Etiology, number>> = { cvt: 0.2, hypertensive: 0.92, amyloid: 0.6, avm: 0.15, tumour: 0.35 };

/** Draws the age (years, integer) and sex of a patient with the given etiology. */
export function sampleDemographics(rng: Rng, etiology: Etiology): { age: number; female: boolean } {
  const [m, sd, lo, hi] = AGE[etiology];
  return { age: Math.round(truncatedNormal(rng, m, sd, lo, hi)), female: rng.bernoulli(FEMALE[etiology]) };
}

/**
 * Draws the clinical variables given the demographics and the hematoma. Seizures are about 1.4× more
 * likely with a lobar (cortical) bleed and 0.5× with a deep one; GCS falls with the bleed's volume and
 * deep location; oral contraceptives/pregnancy only in women under 50 (CVT ~45 % of them); D-dimer is
 * log-normal, higher in CVT (median 1.4 vs 0.6 mg/L FEU).
 */
export function sampleClinical(rng: Rng, demo: { age: number; female: boolean }, h: HematomaPlan, includeDDimer: boolean): ClinicalVariables {
  const e = h.etiology;
  const lc = locationClass(h.location);
  const seizure = clamp(SEIZURE[e] * (lc === 'lobar' ? 1.4 : 0.5), 0, 0.9);
  const sev = hematomaSeverity(h);
  const gcs = Math.round(clamp(15 - 9 * sev * rng.uniformRange(0.3, 1.2) - Math.abs(rng.normal(0, 1.2)), 3, 15));
  const ocP = demo.female && demo.age < 50 ? (e === 'cvt' ? 0.45 : 0.05) : 0;
  const out: ClinicalVariables = {
    age: demo.age,
    female: demo.female ? 1 : 0,
    epilepsy: rng.bernoulli(seizure) ? 1 : 0,
    headache: rng.bernoulli(HEADACHE[e]) ? 1 : 0,
    hypertension: rng.bernoulli(HYPERTENSION[e]) ? 1 : 0,
    oc_pregnancy: rng.bernoulli(ocP) ? 1 : 0,
    gcs,
  };
  if (!includeDDimer) return out;
  return { ...out, d_dimer: round(truncatedLogNormal(rng, e === 'cvt' ? 1.4 : 0.6, 0.8, 0.1, 20), 2) };
}

/**
 * Blanks clinical values at random (missing completely at random) with probability `rate` each, except
 * age and sex, which are always recorded.
 */
export function withMissing(rng: Rng, c: ClinicalVariables, rate: number): ClinicalVariables {
  if (rate <= 0) return c;
  const out: Record<string, number> = { ...c };
  for (const k of Object.keys(out)) {
    if (k === 'age' || k === 'female') continue;
    if (rng.bernoulli(rate)) out[k] = NaN;
  }
  return out as unknown as ClinicalVariables;
}
