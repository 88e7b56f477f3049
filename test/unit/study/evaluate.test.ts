// Evaluation of a model on a cohort, on small examples computed by hand: the training Youden threshold (ties →
// the lowest), confusion metrics at a threshold, AUC and its DeLong CI, the ROC points, undefined calibration.
// Tests of association for the cohort table against R 4.2.2 (chisq.test, fisher.test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { qnorm } from '../../../src/math/distributions.js';
import { associationTest, chiSquaredTest, cohortPerformance, fisherExact2x2, thresholdMetrics, youdenThreshold, type EvaluationNote } from '../../../src/study/index.js';

const close = (a: number, b: number, tol = 1e-13) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);

const y = [0, 0, 0, 1, 1, 1];
const p = [0.1, 0.4, 0.35, 0.8, 0.3, 0.9];

test('Youden threshold: the midpoint maximising sensitivity + specificity; the lowest of tied ones', () => {
  // thresholds 0.2, 0.325, 0.375, 0.6, 0.85 give J + 1 = 4/3, 1, 4/3, 5/3, 4/3
  assert.equal(youdenThreshold(y, p), (0.4 + 0.8) / 2);
  // 0.15 and 0.35 tie (sens + spec = 1.5): the lower, more sensitive one
  assert.equal(youdenThreshold([0, 1, 0, 1], [0.1, 0.2, 0.3, 0.4]), (0.1 + 0.2) / 2);
});

test('threshold metrics: positive when p ≥ threshold', () => {
  const m = thresholdMetrics(y, p, 0.35);
  assert.deepEqual([m.tp, m.fp, m.tn, m.fn], [2, 2, 1, 1]);
  close(m.sensitivity, 2 / 3);
  close(m.specificity, 1 / 3);
  close(m.accuracy, 0.5);
  close(m.ppv as number, 0.5);
  close(m.npv as number, 0.5);
  const none = thresholdMetrics(y, p, 0.95);
  assert.equal(none.ppv, null, 'nobody called positive: PPV undefined');
  assert.equal(none.npv, 0.5);
});

test('cohort performance: AUC 7/9 with DeLong variance 5/81 by hand, ROC from (0,0) to (1,1)', () => {
  const perf = cohortPerformance(y, p, 0.6);
  close(perf.auc, 7 / 9);
  close(perf.auc_delong_var, 5 / 81);
  close(perf.auc_ci_lower, 7 / 9 + qnorm(0.025) * Math.sqrt(5 / 81));
  assert.equal(perf.auc_ci_upper, 1, 'clipped at 1');
  assert.deepEqual([perf.tp, perf.fp, perf.tn, perf.fn], [2, 0, 3, 1]);
  assert.equal(perf.threshold, 0.6);
  assert.deepEqual([perf.roc.fpr[0], perf.roc.tpr[0]], [0, 0]);
  assert.deepEqual([perf.roc.fpr.at(-1), perf.roc.tpr.at(-1)], [1, 1]);
  for (let k = 1; k < perf.roc.fpr.length; k++) assert.ok(perf.roc.fpr[k] >= perf.roc.fpr[k - 1] && perf.roc.tpr[k] >= perf.roc.tpr[k - 1]);
  close(perf.calibration.brier, p.reduce((s, v, i) => s + (v - y[i]) ** 2, 0) / 6);
  assert.equal(perf.dca.thresholds.length, 99);
  close(perf.dca.prevalence, 0.5);
  // net benefit at 0.5: treated 0.8 (y 1), 0.9 (y 1): 2/6 − 0 = 1/3
  close(perf.dca.net_benefit[49], 1 / 3);
  assert.deepEqual(perf.probabilities, p);
});

test('cohort performance: perfect separation leaves the recalibration undefined (NaN) with a note, not a crash', () => {
  const notes: EvaluationNote[] = [];
  const perf = cohortPerformance([0, 0, 0, 1, 1, 1], [0.1, 0.2, 0.3, 0.7, 0.8, 0.9], 0.5, { notes, hlGroups: 3 });
  assert.equal(perf.auc, 1);
  assert.ok(Number.isNaN(perf.calibration.slope));
  assert.ok(notes.some((n) => n.what === 'calibration'));
  assert.ok(Number.isFinite(perf.calibration.brier));
});

test('chi-squared and Fisher tests equal R (chisq.test with Yates for 2 × 2, fisher.test)', () => {
  const t1 = [[12, 7], [5, 9]];
  const c1 = chiSquaredTest(t1);
  close(c1.statistic as number, 1.4559963788146839, 1e-13);
  close(c1.p_value, 0.22756821457580992, 1e-12);
  close(fisherExact2x2(t1).p_value, 0.16632006577356476, 1e-12);
  assert.equal(associationTest(t1).method, 'chi-squared (Yates)', 'expected counts ≥ 5');
  const t2 = [[3, 1], [1, 6]];
  close(chiSquaredTest(t2).statistic as number, 1.8555484693877551, 1e-13);
  const a2 = associationTest(t2);
  assert.equal(a2.method, 'Fisher exact');
  close(a2.p_value, 0.087878787878787834, 1e-12);
  close(fisherExact2x2([[20, 5], [2, 15]]).p_value, 2.0449652832517266e-05, 1e-10);
  const c3 = chiSquaredTest([[10, 20, 15], [12, 8, 20]]);
  close(c3.statistic as number, 5.7647907647907655, 1e-13);
  assert.equal(c3.df, 2);
  close(c3.p_value, 0.056000459529575296, 1e-12);
});
