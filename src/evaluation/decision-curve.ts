/**
 * Decision-curve analysis (Vickers & Elkin, Med Decis Making 2006) for a binary outcome with
 * dcurves' rule: a subject is treated when p >= threshold pₜ.
 * NB(model) = TP/n - FP/n · pₜ/(1-pₜ); NB(treat all) = prevalence - (1-prevalence) · pₜ/(1-pₜ);
 * NB(treat none) = 0; standardised NB = NB/prevalence (rmda's sNB); net interventions avoided per
 * 100 = (NB(model) - NB(all)) / (pₜ/(1-pₜ)) · 100 (dcurves' `net_intervention_avoided`).
 */
import { InvalidInputError } from '../core/errors.js';
import { checkBinaryScores } from './validate.js';

/** The decision-curve block (reference `dca_*`). */
export interface DecisionCurve {
  readonly n: number;
  readonly prevalence: number;
  readonly thresholds: number[];
  readonly rule: string;
  readonly tp: number[];
  readonly fp: number[];
  readonly net_benefit_model: number[];
  readonly net_benefit_treat_all: number[];
  readonly net_benefit_treat_none: number[];
  readonly standardized_net_benefit_model: number[];
  readonly net_interventions_avoided_per_100: number[];
}

/** The default thresholds k/100, k = 1..99 (computed as R's `(1:99)/100`). */
export function defaultDcaThresholds(): number[] {
  return Array.from({ length: 99 }, (_, k) => (k + 1) / 100);
}

/**
 * Decision curve of predicted probabilities `p` for outcomes `y` (1 = event).
 * @param thresholds threshold probabilities strictly between 0 and 1 (default 0.01..0.99)
 * @throws InvalidInputError for bad labels, non-finite p, or thresholds outside (0, 1)
 */
export function decisionCurve(y: ArrayLike<number>, p: ArrayLike<number>, thresholds: readonly number[] = defaultDcaThresholds()): DecisionCurve {
  checkBinaryScores(y, p, 'probability');
  for (const t of thresholds) {
    if (!(t > 0 && t < 1)) throw new InvalidInputError('decision-curve thresholds must lie strictly between 0 and 1', { found: String(t) });
  }
  const n = y.length;
  let events = 0;
  for (let i = 0; i < n; i++) events += y[i];
  const prev = events / n;
  const tp: number[] = [];
  const fp: number[] = [];
  const nb: number[] = [];
  const nbAll: number[] = [];
  const snb: number[] = [];
  const nia: number[] = [];
  for (const t of thresholds) {
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      if (p[i] >= t) {
        if (y[i] === 1) a++; else b++;
      }
    }
    const odds = t / (1 - t);
    const m = a / n - (b / n) * odds;
    const all = prev - (1 - prev) * odds;
    tp.push(a);
    fp.push(b);
    nb.push(m);
    nbAll.push(all);
    snb.push(m / prev);
    nia.push(((m - all) / odds) * 100);
  }
  return {
    n, prevalence: prev, thresholds: [...thresholds], rule: 'treated when p >= threshold', tp, fp,
    net_benefit_model: nb, net_benefit_treat_all: nbAll, net_benefit_treat_none: thresholds.map(() => 0),
    standardized_net_benefit_model: snb, net_interventions_avoided_per_100: nia,
  };
}
