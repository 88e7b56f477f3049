/**
 * Category-free net reclassification improvement (NRI) and integrated discrimination improvement
 * (IDI) with the asymptotic standard errors of Hmisc's `improveProb(x1 = p_old, x2 = p_new, y)`
 * (Pencina et al., Stat Med 2008 and 2011). Ties (no change in probability) count as neither up nor down.
 */
import { pnorm } from '../math/distributions.js';
import { checkBinaryScores, checkProbabilities } from './validate.js';
import { InvalidInputError } from '../core/errors.js';

/** NRI/IDI block, field names as in the reference JSON (`nri_idi`). */
export interface NriIdi {
  readonly n: number;
  readonly n_events: number;
  readonly n_nonevents: number;
  readonly prop_up_events: number;
  readonly prop_up_nonevents: number;
  readonly prop_down_events: number;
  readonly prop_down_nonevents: number;
  /** (up - down | events) - (up - down | non-events). */
  readonly nri: number;
  readonly nri_se: number;
  readonly nri_z: number;
  readonly nri_p_value: number;
  readonly nri_events: number;
  readonly nri_events_se: number;
  /** down - up among non-events. */
  readonly nri_nonevents: number;
  readonly nri_nonevents_se: number;
  /** mean(Δp | event) - mean(Δp | non-event). */
  readonly idi: number;
  readonly idi_se: number;
  readonly idi_z: number;
  readonly idi_p_value: number;
  /** mean Δp among events. */
  readonly improve_sens: number;
  /** -mean Δp among non-events. */
  readonly improve_spec: number;
}

function sampleVariance(v: number[]): number {
  let m = 0;
  for (const x of v) m += x;
  m /= v.length;
  let s = 0;
  for (const x of v) s += (x - m) * (x - m);
  return s / (v.length - 1);
}

/**
 * NRI and IDI of a new model's probabilities `pNew` over an old model's `pOld` on the same subjects.
 * @throws InvalidInputError for non-binary y, a single class, unequal lengths or probabilities outside (0, 1)
 */
export function nriIdi(pOld: ArrayLike<number>, pNew: ArrayLike<number>, y: ArrayLike<number>): NriIdi {
  checkBinaryScores(y, pOld, 'old model');
  checkBinaryScores(y, pNew, 'new model');
  checkProbabilities(pOld, 'old model');
  checkProbabilities(pNew, 'new model');
  const dEv: number[] = [];
  const dNe: number[] = [];
  for (let i = 0; i < y.length; i++) (y[i] === 1 ? dEv : dNe).push(pNew[i] - pOld[i]);
  const na = dEv.length;
  const nb = dNe.length;
  if (na < 2 || nb < 2) throw new InvalidInputError('NRI/IDI need at least 2 events and 2 non-events', { found: `${na} events, ${nb} non-events` });
  const upEv = dEv.filter((d) => d > 0).length;
  const downEv = dEv.filter((d) => d < 0).length;
  const upNe = dNe.filter((d) => d > 0).length;
  const downNe = dNe.filter((d) => d < 0).length;
  const pUpEv = upEv / na;
  const pDownEv = downEv / na;
  const pUpNe = upNe / nb;
  const pDownNe = downNe / nb;
  const vEv = (upEv + downEv) / (na * na) - ((upEv - downEv) * (upEv - downEv)) / (na * na * na);
  const vNe = (downNe + upNe) / (nb * nb) - ((downNe - upNe) * (downNe - upNe)) / (nb * nb * nb);
  const nri = pUpEv - pDownEv - (pUpNe - pDownNe);
  const nriSe = Math.sqrt(vEv + vNe);
  let sEv = 0;
  for (const d of dEv) sEv += d;
  let sNe = 0;
  for (const d of dNe) sNe += d;
  const idi = sEv / na - sNe / nb;
  const idiSe = Math.sqrt(sampleVariance(dEv) / na + sampleVariance(dNe) / nb);
  const nriZ = nri / nriSe;
  const idiZ = idi / idiSe;
  return {
    n: y.length, n_events: na, n_nonevents: nb,
    prop_up_events: pUpEv, prop_up_nonevents: pUpNe, prop_down_events: pDownEv, prop_down_nonevents: pDownNe,
    nri, nri_se: nriSe, nri_z: nriZ, nri_p_value: 2 * pnorm(-Math.abs(nriZ)),
    nri_events: pUpEv - pDownEv, nri_events_se: Math.sqrt(vEv),
    nri_nonevents: pDownNe - pUpNe, nri_nonevents_se: Math.sqrt(vNe),
    idi, idi_se: idiSe, idi_z: idiZ, idi_p_value: 2 * pnorm(-Math.abs(idiZ)),
    improve_sens: sEv / na, improve_spec: -sNe / nb,
  };
}
