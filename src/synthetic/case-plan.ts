import { Rng } from '../core/rng.js';
import { type AnatomyParams, sampleAnatomy } from './anatomy.js';
import { type ClinicalVariables, sampleClinical, sampleDemographics, withMissing } from './clinical.js';
import { type Etiology, OTHER_ETIOLOGY_WEIGHTS, tableEntries } from './etiology.js';
import { type HematomaPlan, planHematoma } from './hematoma-plan.js';
import type { SynthOptions } from './options.js';
import { type Centre, type ScannerParams, sampleScanner } from './scanner.js';

/** Everything the generator decides about one patient before rendering (plain JSON, deterministic). */
export interface CasePlan {
  /** Case id, e.g. `C1-007` (centre 1, 7th patient). */
  readonly id: string;
  readonly centre: Centre;
  /** 1 = CVT, 0 = other intraparenchymal hematoma. */
  readonly label: 0 | 1;
  readonly etiology: Etiology;
  /** Clinical variables as written to the manifest (after the missing-value mask). */
  readonly clinical: ClinicalVariables;
  /** Clinical variables before values were blanked (hidden truth). */
  readonly clinicalComplete: ClinicalVariables;
  readonly anatomy: AnatomyParams;
  readonly hematoma: HematomaPlan;
  readonly scanner: ScannerParams;
  /** Seed path of the case's image noise stream. */
  readonly noiseSeed: string;
}

/** Case id of the `index`-th (0-based) patient of a centre: `C<centre>-<index+1, 3 digits>`. */
export function caseId(centre: Centre, index: number): string {
  return `C${centre}-${String(index + 1).padStart(3, '0')}`;
}

/**
 * Plans one patient. All draws come from `root.child(id)` split into named child streams, so a patient
 * depends only on the seed, its id, label and the options — not on the other patients or the order in which
 * they are generated. `forceEtiology` is for previews and tests.
 */
export function planCase(options: SynthOptions, id: string, centre: Centre, label: 0 | 1, forceEtiology?: Etiology): CasePlan {
  const rng = Rng.fromSeed(options.seed).child(id);
  let etiology: Etiology = label === 1 ? 'cvt' : 'hypertensive';
  if (forceEtiology) etiology = forceEtiology;
  else if (label === 0) {
    const { keys, weights } = tableEntries(OTHER_ETIOLOGY_WEIGHTS);
    etiology = rng.child('etiology').choice(keys, weights);
  }
  const demo = sampleDemographics(rng.child('demographics'), etiology);
  const anatomy = sampleAnatomy(rng.child('anatomy'), demo.age, demo.female);
  const hematoma = planHematoma(rng.child('hematoma'), anatomy, etiology, options.difficulty);
  const clinicalComplete = sampleClinical(rng.child('clinical'), demo, hematoma, options.includeDDimer);
  const clinical = withMissing(rng.child('missing'), clinicalComplete, options.missingRate);
  const scanner = sampleScanner(rng.child('scanner'), centre, options.matrix);
  return { id, centre, label: etiology === 'cvt' ? 1 : 0, etiology, clinical, clinicalComplete, anatomy, hematoma, scanner, noiseSeed: rng.child('noise').seedPath };
}

/**
 * Plans the whole cohort: centre 1 then centre 2, with the CVT patients of each centre at positions drawn
 * by a seeded permutation (so labels are not sorted in the manifest).
 */
export function planCohort(options: SynthOptions): CasePlan[] {
  const root = Rng.fromSeed(options.seed).child('cohort');
  const out: CasePlan[] = [];
  const centres: [Centre, number, number][] = [[1, options.nCentre1, options.cvtCentre1], [2, options.nCentre2, options.cvtCentre2]];
  for (const [centre, n, nCvt] of centres) {
    const perm = root.child(`centre${centre}`).permutation(n);
    const isCvt = new Uint8Array(n);
    for (let k = 0; k < nCvt; k++) isCvt[perm[k]] = 1;
    for (let i = 0; i < n; i++) out.push(planCase(options, caseId(centre, i), centre, isCvt[i] ? 1 : 0));
  }
  return out;
}
