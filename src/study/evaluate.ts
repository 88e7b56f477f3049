/**
 * Evaluation of one model on one cohort, as results.json's {@link CohortPerformance}: AUC with its DeLong 95 %
 * CI (pROC's rules, src/evaluation), the confusion metrics at the model's training Youden threshold,
 * calibration (rms val.prob statistics, exact recalibration, Hosmer-Lemeshow, lowess curve) and the decision
 * curve. Only probabilities and outcomes enter; nothing is fitted on the cohort except the calibration
 * statistics, which describe it.
 */
import { InvalidInputError, ModelFitError } from '../core/errors.js';
import {
  bestThresholdIndices, calibrationAnalysis, decisionCurve, delongCi, delongPlacements, hosmerLemeshow, rocCoords, splitByClass, checkBinaryScores,
} from '../evaluation/index.js';
import type { CohortPerformance } from './results.js';

/** Probabilities are kept inside [ε, 1 − ε] for the calibration statistics (their logits must be finite). */
export const CALIBRATION_EPSILON = 1e-12;

/**
 * The Youden-optimal threshold of training probabilities (pROC `coords(best.method = "youden")`): a subject
 * is positive when p ≥ threshold. When several thresholds tie, the lowest (the most sensitive) is used.
 */
export function youdenThreshold(y: ArrayLike<number>, p: ArrayLike<number>): number {
  checkBinaryScores(y, p, 'training probabilities');
  const { cases, controls } = splitByClass(y, p);
  const c = rocCoords(cases, controls, '<');
  const best = bestThresholdIndices(c, 'youden');
  return c.threshold[best[0]];
}

/** Confusion counts and rates at a threshold (positive when p ≥ threshold). */
export function thresholdMetrics(y: ArrayLike<number>, p: ArrayLike<number>, threshold: number): Pick<CohortPerformance, 'sensitivity' | 'specificity' | 'accuracy' | 'ppv' | 'npv' | 'tp' | 'fp' | 'tn' | 'fn'> {
  let tp = 0, fp = 0, tn = 0, fn = 0;
  for (let i = 0; i < y.length; i++) {
    const pos = p[i] >= threshold;
    if (y[i] === 1) { if (pos) tp++; else fn++; } else if (pos) fp++; else tn++;
  }
  return {
    tp, fp, tn, fn,
    sensitivity: tp / (tp + fn), specificity: tn / (tn + fp), accuracy: (tp + tn) / y.length,
    ppv: tp + fp > 0 ? tp / (tp + fp) : null, npv: tn + fn > 0 ? tn / (tn + fn) : null,
  };
}

/** What could not be computed for a cohort (and why), for the run log. */
export interface EvaluationNote {
  readonly what: string;
  readonly reason: string;
}

/**
 * Full performance of probabilities `p` for outcomes `y` at the training `threshold` (see the module comment).
 * Calibration statistics that are undefined (e.g. perfect separation) are NaN, with a note.
 */
export function cohortPerformance(y: ArrayLike<number>, p: ArrayLike<number>, threshold: number, opts: { hlGroups?: number; notes?: EvaluationNote[] } = {}): CohortPerformance {
  checkBinaryScores(y, p, 'predicted probabilities');
  const { cases, controls } = splitByClass(y, p);
  const pl = delongPlacements(cases, controls, '<');
  const ci = delongCi(pl, 0.95);
  const coords = rocCoords(cases, controls, '<');
  const fpr: number[] = [];
  const tpr: number[] = [];
  for (let k = coords.threshold.length - 1; k >= 0; k--) { fpr.push(1 - coords.specificity[k]); tpr.push(coords.sensitivity[k]); }
  const n = y.length;
  let nPos = 0;
  for (let i = 0; i < n; i++) nPos += y[i];
  const pc = Float64Array.from(p as ArrayLike<number>, (v) => Math.min(1 - CALIBRATION_EPSILON, Math.max(CALIBRATION_EPSILON, v)));
  const clipped = pc.some((v, i) => v !== p[i]);
  if (clipped) opts.notes?.push({ what: 'calibration', reason: `probabilities of exactly 0 or 1 were moved to ${CALIBRATION_EPSILON} / 1 − ${CALIBRATION_EPSILON}` });
  let calibration: CohortPerformance['calibration'];
  const nan = NaN;
  const emptyGroups = { predicted: [] as number[], observed: [] as number[], n: [] as number[] };
  let brier = 0;
  for (let i = 0; i < n; i++) brier += (p[i] - y[i]) ** 2;
  brier /= n;
  try {
    const cal = calibrationAnalysis(y, pc, { hlGroups: opts.hlGroups ?? 10 });
    const hl = cal.hosmer_lemeshow.resourceselection_replica;
    const keep = hl.group_n.map((m, k) => (m > 0 ? k : -1)).filter((k) => k >= 0);
    calibration = {
      intercept: cal.recalibration_exact.intercept, slope: cal.recalibration_exact.slope,
      calibration_in_the_large: cal.calibration_in_the_large.intercept, brier,
      hosmer_lemeshow_chisq: hl.chisq, hosmer_lemeshow_df: hl.df, hosmer_lemeshow_p: hl.p_value,
      spiegelhalter_z: cal.val_prob['S:z'], spiegelhalter_p: cal.val_prob['S:p'],
      emax: cal.val_prob.Emax, eavg: cal.val_prob.Eavg,
      lowess: { x: Array.from(cal.lowess.x), y: Array.from(cal.lowess.y) },
      groups: {
        predicted: keep.map((k) => hl.expected_events[k] / hl.group_n[k]),
        observed: keep.map((k) => hl.observed_events[k] / hl.group_n[k]),
        n: keep.map((k) => hl.group_n[k]),
      },
    };
  } catch (e) {
    if (!(e instanceof ModelFitError) && !(e instanceof InvalidInputError)) throw e;
    opts.notes?.push({ what: 'calibration', reason: e.message.split('. ')[0] });
    let groups = emptyGroups;
    let hlStats = { chisq: nan, df: nan, p: nan };
    try {
      const hl = hosmerLemeshow(y, pc, opts.hlGroups ?? 10);
      const keep = hl.group_n.map((m, k) => (m > 0 ? k : -1)).filter((k) => k >= 0);
      groups = { predicted: keep.map((k) => hl.expected_events[k] / hl.group_n[k]), observed: keep.map((k) => hl.observed_events[k] / hl.group_n[k]), n: keep.map((k) => hl.group_n[k]) };
      hlStats = { chisq: hl.chisq, df: hl.df, p: hl.p_value };
    } catch (e2) {
      if (!(e2 instanceof InvalidInputError)) throw e2;
    }
    calibration = {
      intercept: nan, slope: nan, calibration_in_the_large: nan, brier,
      hosmer_lemeshow_chisq: hlStats.chisq, hosmer_lemeshow_df: hlStats.df, hosmer_lemeshow_p: hlStats.p,
      spiegelhalter_z: nan, spiegelhalter_p: nan, emax: nan, eavg: nan, lowess: { x: [], y: [] }, groups,
    };
  }
  const dca = decisionCurve(y, p);
  return {
    n, n_positive: nPos,
    auc: pl.theta, auc_ci_lower: ci.ci_lower, auc_ci_upper: ci.ci_upper, auc_delong_var: ci.var,
    threshold, ...thresholdMetrics(y, p, threshold),
    roc: { fpr, tpr },
    calibration,
    dca: { thresholds: dca.thresholds, net_benefit: dca.net_benefit_model, treat_all: dca.net_benefit_treat_all, prevalence: dca.prevalence },
    probabilities: Array.from(p as ArrayLike<number>),
  };
}
