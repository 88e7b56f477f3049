import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aucOfScores, cvDevianceTerm, cvOptimum, cvStats, lambdaInterp } from '../../../src/models/glmnet/index.js';

test('AUC with ties counted one half', () => {
  // cases 0.8, 0.5; controls 0.5, 0.1: pairs (0.8>0.5)(0.8>0.1)(0.5=0.5 → ½)(0.5>0.1) = 3.5/4
  assert.equal(aucOfScores([1, 1, 0, 0], [0.8, 0.5, 0.5, 0.1]), 3.5 / 4);
  assert.equal(aucOfScores([0, 1], [1, 0]), 0);
});

test('binomial deviance term clips probabilities to [1e-5, 1 - 1e-5]', () => {
  assert.equal(cvDevianceTerm(1, 0.25), -2 * Math.log(0.25));
  assert.equal(cvDevianceTerm(0, 0.25), -2 * Math.log(0.75));
  assert.equal(cvDevianceTerm(1, 0), -2 * Math.log(1e-5));
});

test('cvm is the fold-size weighted mean, cvsd the weighted SD over K - 1', () => {
  const s = cvStats([Float64Array.from([1, 2]), Float64Array.from([3, 2]), Float64Array.from([5, 2])], [1, 1, 2]);
  // λ1: mean (1+3+10)/4 = 3.5; weighted squares (6.25 + 0.25 + 2·2.25)/4 = 2.75; /(3-1) → sqrt(1.375)
  assert.equal(s.cvm[0], 3.5);
  assert.equal(s.cvsd[0], Math.sqrt(2.75 / 2));
  assert.equal(s.cvm[1], 2);
  assert.equal(s.cvsd[1], 0);
  assert.equal(s.cvup[0], 3.5 + Math.sqrt(1.375));
});

test("λ_min and λ_1se follow glmnet's rules (largest λ at the optimum / within one SE)", () => {
  const lambda = [1, 0.5, 0.25, 0.125];
  const cvm = [0.9, 0.6, 0.5, 0.5];
  const cvsd = [0.1, 0.1, 0.2, 0.1];
  const d = cvOptimum(lambda, cvm, cvsd, false);
  assert.equal(d.lambdaMin, 0.25); // the tie at 0.5 goes to the larger λ
  assert.equal(d.indexMin, 2);
  assert.equal(d.lambda1se, 0.5); // cvm ≤ 0.5 + 0.2
  const a = cvOptimum(lambda, [0.7, 0.8, 0.85, 0.84], [0.05, 0.05, 0.06, 0.05], true);
  assert.equal(a.lambdaMin, 0.25);
  assert.equal(a.lambda1se, 0.5); // AUC ≥ 0.85 - 0.06
  assert.equal(cvOptimum(lambda, [0.7, 0.8, 0.85, 0.84], [0.05, 0.05, 0.04, 0.05], true).lambda1se, 0.25);
});

test('λ interpolation: exact at path values, linear in between, clamped outside', () => {
  const lam = [1, 0.5, 0.25];
  assert.deepEqual(lambdaInterp(lam, 0.5), { left: 1, right: 1, frac: 1 });
  const mid = lambdaInterp(lam, 0.375);
  assert.equal(mid.left, 1);
  assert.equal(mid.right, 2);
  assert.ok(Math.abs(mid.frac - 0.5) < 1e-15);
  assert.deepEqual(lambdaInterp(lam, 7), { left: 0, right: 0, frac: 1 });
  assert.deepEqual(lambdaInterp(lam, 0.01), { left: 2, right: 2, frac: 1 });
});
