import type { LocationName } from './locations.js';

/** Cause of an intraparenchymal hematoma. `cvt` is the positive class (label 1); the others are label 0. */
export type Etiology = 'cvt' | 'hypertensive' | 'amyloid' | 'avm' | 'tumour';

/** Every etiology, in a fixed order. */
export const ETIOLOGIES: readonly Etiology[] = ['cvt', 'hypertensive', 'amyloid', 'avm', 'tumour'];

/** Mix of the non-CVT etiologies (label 0): hypertensive arteriopathy dominates spontaneous ICH. */
export const OTHER_ETIOLOGY_WEIGHTS: Readonly<Record<Exclude<Etiology, 'cvt'>, number>> = {
  hypertensive: 0.6,
  amyloid: 0.2,
  avm: 0.1,
  tumour: 0.1,
};

/**
 * Location mix per etiology (probabilities). CVT hemorrhage follows the venous drainage: parasagittal
 * (superior sagittal sinus), temporal (transverse sinus / vein of Labbé), other juxtacortical (cortical
 * veins), and the thalami (deep venous system). Hypertensive: basal ganglia ~60 %, thalamus ~25 %.
 * Amyloid angiopathy: lobar only, posterior predominance. AVM and tumour: mostly lobar.
 */
export const LOCATION_MIX: Readonly<Record<Etiology, Partial<Record<LocationName, number>>>> = {
  cvt: { parasagittal: 0.38, temporal: 0.28, frontal: 0.08, parietal: 0.08, occipital: 0.08, thalamus: 0.1 },
  hypertensive: { 'basal-ganglia': 0.6, thalamus: 0.25, frontal: 0.03, parietal: 0.03, temporal: 0.02, occipital: 0.02, cerebellum: 0.05 },
  amyloid: { frontal: 0.25, parietal: 0.3, temporal: 0.15, occipital: 0.3 },
  avm: { frontal: 0.2, parietal: 0.2, temporal: 0.15, occipital: 0.15, 'basal-ganglia': 0.15, thalamus: 0.1, cerebellum: 0.05 },
  tumour: { frontal: 0.3, parietal: 0.2, temporal: 0.25, occipital: 0.1, 'basal-ganglia': 0.1, thalamus: 0.05 },
};

/** Entries of a probability table as parallel arrays (for `Rng.choice`). */
export function tableEntries<K extends string>(t: Partial<Record<K, number>>): { keys: K[]; weights: number[] } {
  const keys = Object.keys(t) as K[];
  return { keys, weights: keys.map((k) => t[k] as number) };
}
