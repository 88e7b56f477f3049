// ROC, placements and DeLong on small examples computed by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidInputError } from '../../../src/core/errors.js';
import { Rng } from '../../../src/core/rng.js';
import {
  aucMannWhitney, delongPlacements, delongVariance, pairedDelong, rocAnalysis, rocThresholds, unpairedDelong,
} from '../../../src/evaluation/index.js';

const close = (a: number, b: number, tol = 1e-15) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test('AUC with ties counts 1/2; placements and DeLong variance by hand', () => {
  // cases 3, 2, 2 vs controls 1, 2: pairs 1+1+1+.5+1+.5 = 5 of 6.
  const p = delongPlacements([3, 2, 2], [1, 2]);
  close(p.theta, 5 / 6);
  assert.deepEqual(Array.from(p.cases), [1, 0.75, 0.75]);
  close(p.controls[0], 1);
  close(p.controls[1], 2 / 3);
  // S10 = ((1/6)² + 2(1/12)²)/2 = 1/48, S01 = 2(1/6)² = 1/18, var = S10/3 + S01/2 = 5/144.
  close(delongVariance(p), 5 / 144);
  close(aucMannWhitney([3, 2, 2], [1, 2]), 5 / 6);
  close(aucMannWhitney([3, 2, 2], [1, 2], '>'), 1 / 6);
});

test('curve, coordinates and optimal thresholds by hand', () => {
  const y = [1, 0, 1, 1, 0];
  const s = [3, 1, 2, 2, 2];
  const r = rocAnalysis(y, s);
  assert.deepEqual(Array.from(r.curve.thresholds), [-Infinity, 1.5, 2.5, Infinity]);
  assert.deepEqual(Array.from(r.curve.sensitivities), [1, 1, 1 / 3, 0]);
  assert.deepEqual(Array.from(r.curve.specificities), [0, 0.5, 1, 1]);
  assert.deepEqual(r.coords_all.tp, [3, 3, 1, 0]);
  assert.deepEqual(r.coords_all.fp, [2, 1, 0, 0]);
  assert.ok(Number.isNaN(r.coords_all.npv[0]) && Number.isNaN(r.coords_all.ppv[3]));
  assert.deepEqual(r.coords_all.accuracy, [3 / 5, 4 / 5, 3 / 5, 2 / 5]);
  assert.deepEqual(r.youden_best.threshold, [1.5]);
  close(r.youden_best.J[0], 0.5);
  assert.deepEqual(r.closest_topleft_best.threshold, [1.5]);
  assert.equal(r.n_cases, 3);
  assert.equal(r.n_controls, 2);
});

test('Youden ties are all listed', () => {
  // se+sp = 1, 1.5, 1, 1.5, 1 over the five thresholds.
  const r = rocAnalysis([1, 1, 0, 0], [2, 4, 1, 3]);
  assert.deepEqual(r.youden_best.threshold, [1.5, 3.5]);
  assert.deepEqual(r.closest_topleft_best.threshold, [1.5, 3.5]);
});

test('thresholds: adjacent doubles keep the groups apart; huge values do not overflow', () => {
  const b = 1 + 2 ** -52;
  const t = rocThresholds([b], [1], '<');
  assert.equal(t[1], b, 'midpoint rounded onto 1, replaced by the upper value');
  const r = rocAnalysis([1, 0, 1, 0], [b, 1, b, 1]);
  assert.equal(r.auc, 1);
  assert.deepEqual(r.coords_all.tp, [2, 2, 0]);
  assert.deepEqual(r.coords_all.fp, [2, 0, 0]);
  assert.equal(rocThresholds([1.5e308], [1e308])[1], 1.25e308);
});

test('direction ">" and pROC\'s auto rule', () => {
  const r = rocAnalysis([1, 1, 0, 0], [1, 2, 3, 4], { direction: 'auto' });
  assert.equal(r.direction, '>');
  assert.equal(r.direction_auto, '>');
  assert.equal(r.auc, 1);
  assert.deepEqual(r.coords_all.tp, [0, 1, 2, 2, 2]);
  const fixed = rocAnalysis([1, 1, 0, 0], [1, 2, 3, 4]);
  assert.equal(fixed.direction, '<');
  assert.equal(fixed.auc, 0);
});

test('paired DeLong of a score with itself shifted is undefined; unpaired needs variance', () => {
  const y = [1, 1, 1, 0, 0, 0];
  const s = [0.9, 0.4, 0.7, 0.3, 0.5, 0.1];
  assert.throws(() => pairedDelong(y, s, s.map((v) => v + 1)), InvalidInputError);
  const perfect = [3, 4, 5, 0, 1, 2];
  assert.throws(() => unpairedDelong(y, perfect, y, perfect), InvalidInputError);
});

test('paired DeLong: Z, p and CI are consistent with the variances and covariance', () => {
  const y = [1, 1, 1, 1, 0, 0, 0, 0, 0];
  const a = [0.9, 0.8, 0.3, 0.6, 0.2, 0.5, 0.1, 0.4, 0.35];
  const b = [0.7, 0.9, 0.4, 0.2, 0.3, 0.1, 0.6, 0.5, 0.05];
  const t = pairedDelong(y, a, b);
  const sd = Math.sqrt(t.var_1 + t.var_2 - 2 * t.cov_12);
  close(t.Z, (t.auc_1 - t.auc_2) / sd, 1e-14);
  close(t.diff_ci_upper - t.diff_ci_lower, 2 * 1.959963984540054 * sd, 1e-14);
  // Swapping the scores flips Z and keeps p.
  const u = pairedDelong(y, b, a);
  close(u.Z, -t.Z, 1e-14);
  close(u.p_value, t.p_value, 1e-15);
});

test('stratified bootstrap: seeded, reproducible, brackets the AUC', () => {
  const rng = Rng.fromSeed(7);
  const y = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? 1 : 0));
  const s = y.map((v, i) => v + rng.normal(0, 0.8) + (i % 7) * 0.01);
  const a = rocAnalysis(y, s, { bootstrapRng: Rng.fromSeed(1), bootstrapReplicates: 500 });
  const b = rocAnalysis(y, s, { bootstrapRng: Rng.fromSeed(1), bootstrapReplicates: 500 });
  const c = rocAnalysis(y, s, { bootstrapRng: Rng.fromSeed(2), bootstrapReplicates: 500 });
  assert.deepEqual(a.bootstrap, b.bootstrap);
  assert.notDeepEqual(a.bootstrap?.ci_lower, c.bootstrap?.ci_lower);
  assert.ok(a.bootstrap!.ci_lower < a.auc && a.auc < a.bootstrap!.ci_upper);
  // Close to the DeLong interval for a moderate sample.
  assert.ok(Math.abs(a.bootstrap!.ci_lower - a.delong.ci_lower) < 0.05);
});

test('bad input: non-binary labels, NaN scores, a single class, unequal lengths', () => {
  assert.throws(() => rocAnalysis([0, 1, 2], [1, 2, 3]), (e: unknown) => e instanceof InvalidInputError && /not binary/.test(e.message));
  assert.throws(() => rocAnalysis([0, 1, 1], [1, NaN, 3]), (e: unknown) => e instanceof InvalidInputError && /positions? 2/.test(e.message));
  assert.throws(() => rocAnalysis([1, 1, 1], [1, 2, 3]), (e: unknown) => e instanceof InvalidInputError && /single outcome class/.test(e.message));
  assert.throws(() => rocAnalysis([0, 1], [1, 2, 3]), InvalidInputError);
  assert.throws(() => rocAnalysis([0, 1, 0, 1], [1, 2, 3, 4], { direction: 'up' as never }), InvalidInputError);
});
