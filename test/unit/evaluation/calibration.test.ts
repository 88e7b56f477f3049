// Calibration pieces on small examples computed by hand: Hosmer-Lemeshow grouping (ties, an empty
// group), decision curves, NRI/IDI, Spiegelhalter, rms's binned concordance, input errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidInputError } from '../../../src/core/errors.js';
import { pnorm } from '../../../src/math/distributions.js';
import {
  calibrationAnalysis, calibrationInTheLarge, decisionCurve, hosmerLemeshow, logisticRecalibration, nriIdi,
  rmsBinnedConcordance, spiegelhalter,
} from '../../../src/evaluation/index.js';

const close = (a: number, b: number, tol = 1e-14) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);

test('Hosmer-Lemeshow: unique type-7 breaks, an empty group, chi-square by hand', () => {
  // 10 each of p = 0.1, 0.3, 0.6, 0.9: quantiles k/10 give breaks 0.1, 0.3, 0.45, 0.6, 0.9, so the
  // interval (0.3, 0.45] is empty. Events: 1 at 0.1, 3 at 0.3, 5 at 0.6, 9 at 0.9.
  const p: number[] = [];
  const y: number[] = [];
  const add = (pv: number, events: number) => { for (let i = 0; i < 10; i++) { p.push(pv); y.push(i < events ? 1 : 0); } };
  add(0.1, 1); add(0.3, 3); add(0.6, 5); add(0.9, 9);
  const hl = hosmerLemeshow(y, p);
  // R: quantile(rep(c(.1,.3,.6,.9), each=10), 0:10/10) has 0.44999999999999996 = 0.5·0.3 + 0.5·0.6.
  assert.deepEqual(hl.breaks, [0.1, 0.3, 0.44999999999999996, 0.6, 0.9]);
  assert.deepEqual(hl.group_n, [20, 0, 10, 10]);
  assert.deepEqual(hl.observed_events, [4, 0, 5, 9]);
  // Only the 0.6 group deviates: (5-6)²/6 + (5-4)²/4 = 5/12; df = 3 non-empty groups - 2.
  close(hl.chisq, 5 / 12);
  assert.equal(hl.df, 1);
  close(hl.p_value, 2 * pnorm(-Math.sqrt(5 / 12)));
  assert.throws(() => hosmerLemeshow([0, 1, 0, 1], [0.2, 0.2, 0.8, 0.8]), InvalidInputError);
});

test('decision curve by hand', () => {
  const y = [0, 1, 1, 0];
  const p = [0.2, 0.6, 0.8, 0.4];
  const d = decisionCurve(y, p, [0.25, 0.5]);
  assert.deepEqual(d.tp, [2, 2]);
  assert.deepEqual(d.fp, [1, 0]);
  close(d.net_benefit_model[0], 0.5 - 0.25 / 3);
  close(d.net_benefit_model[1], 0.5);
  close(d.net_benefit_treat_all[1], 0);
  close(d.net_interventions_avoided_per_100[1], 50);
  close(d.standardized_net_benefit_model[1], 1);
  assert.equal(decisionCurve(y, p).thresholds.length, 99);
  assert.equal(decisionCurve(y, p).thresholds[6], 0.07); // 7/100, as R's (1:99)/100
  assert.throws(() => decisionCurve(y, p, [0]), InvalidInputError);
});

test('NRI and IDI by hand', () => {
  const pOld = [0.2, 0.3, 0.4, 0.5, 0.6];
  const pNew = [0.4, 0.35, 0.3, 0.5, 0.5];
  const y = [1, 1, 1, 0, 0];
  const r = nriIdi(pOld, pNew, y);
  // events: up 2, down 1; non-events: up 0, down 1 (a tie counts as neither).
  close(r.nri_events, 1 / 3);
  close(r.nri_nonevents, 1 / 2);
  close(r.nri, 5 / 6);
  close(r.nri_events_se, Math.sqrt(3 / 9 - 1 / 27));
  close(r.nri_nonevents_se, Math.sqrt(1 / 4 - 1 / 8));
  close(r.idi, (0.2 + 0.05 - 0.1) / 3 - (0 - 0.1) / 2);
  close(r.improve_spec, 0.05);
});

test('Spiegelhalter z by hand and rms binned concordance', () => {
  const s = spiegelhalter([1, 0], [0.8, 0.4]);
  // num = 0.2·(-0.6) + (-0.4)·0.2 = -0.2; den = 0.36·0.16 + 0.04·0.24 = 0.0672.
  close(s.z, -0.2 / Math.sqrt(0.0672));
  // 0.30001 and 0.30009 share the cell ⌊5000p + 1⌋ = 1501: a tie for rms, concordant exactly.
  const c = rmsBinnedConcordance([0.30001, 0.30009, 0.9, 0.1], [0, 1, 1, 0]);
  close(c.C, (3 + 0.5) / 4);
  close(c.Dxy, 3 / 4);
});

test('calibration of perfectly calibrated grouped data: recalibration (0, 1), CITL 0, HL 0', () => {
  // Within each p level the event rate equals p exactly, so the MLE of logit P = a + b·logit(p) is (0, 1).
  const p: number[] = [];
  const y: number[] = [];
  for (const [pv, n, e] of [[0.2, 10, 2], [0.5, 10, 5], [0.75, 8, 6], [0.1, 10, 1]] as const) {
    for (let i = 0; i < n; i++) { p.push(pv); y.push(i < e ? 1 : 0); }
  }
  const r = logisticRecalibration(y, p);
  assert.ok(Math.abs(r.intercept) < 1e-10 && Math.abs(r.slope - 1) < 1e-10);
  assert.ok(Math.abs(calibrationInTheLarge(y, p)) < 1e-10);
  const c = calibrationAnalysis(y, p);
  assert.ok(Math.abs(c.val_prob['U:Chi-sq']) < 1e-9);
  assert.ok(Math.abs(c.hosmer_lemeshow.resourceselection_replica.chisq) < 1e-12);
  close(c.val_prob.Brier, y.reduce((s, v, i) => s + (p[i] - v) ** 2, 0) / y.length);
});

test('calibration rejects probabilities outside (0, 1), non-binary labels and a single class', () => {
  assert.throws(() => calibrationAnalysis([0, 1, 0, 1], [0.1, 1, 0.2, 0.9]), (e: unknown) => e instanceof InvalidInputError && /strictly between 0 and 1/.test(e.message));
  assert.throws(() => calibrationAnalysis([0, 1, 3, 1], [0.1, 0.5, 0.2, 0.9]), InvalidInputError);
  assert.throws(() => calibrationAnalysis([1, 1, 1], [0.1, 0.5, 0.2]), InvalidInputError);
  assert.throws(() => nriIdi([0.1, 0.2], [0.1, 0.2, 0.3], [0, 1]), InvalidInputError);
});
