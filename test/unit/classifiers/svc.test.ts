import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SVC, fitPlatt, plattProbability, pairwiseSum } from '../../../src/models/classifiers/index.js';
import { Rng } from '../../../src/core/rng.js';
import { InvalidInputError } from '../../../src/core/errors.js';

test('hard-margin linear SVM on a hand example: w = (1, 0), b = -2, two support vectors with α = 1/2', () => {
  // class 0 at x = 0, 1; class 1 at x = 3, 4 → maximal margin boundary x = 2, margin 1 on each side
  const X = [[0, 0], [1, 0], [3, 0], [4, 0]];
  const y = [0, 0, 1, 1];
  const f = new SVC({ kernel: 'linear', C: 1e6, tol: 1e-8, probability: 'none' }).fit(X, y);
  const w = f.coef();
  assert.ok(Math.abs(w[0] - 1) < 1e-6 && Math.abs(w[1]) < 1e-12, `w = ${w}`);
  assert.ok(Math.abs(f.intercept + 2) < 1e-6, `b = ${f.intercept}`);
  assert.deepEqual(Array.from(f.support), [1, 2]);
  assert.ok(Math.abs(f.dualCoef[0] + 0.5) < 1e-6 && Math.abs(f.dualCoef[1] - 0.5) < 1e-6);
  assert.ok(Math.abs(f.decisionFunction([[2, 5]])[0]) < 1e-6);
});

test('RBF SVC separates two clusters; the decision function is positive for class 1', () => {
  const rng = Rng.fromSeed(3);
  const X = Array.from({ length: 60 }, (_, i) => [rng.normal() + (i < 30 ? -2 : 2), rng.normal()]);
  const y = X.map((_, i) => (i < 30 ? 0 : 1));
  const f = new SVC({ seed: 1 }).fit(X, y);
  const d = f.decisionFunction([[-3, 0], [3, 0]]);
  assert.ok(d[0] < 0 && d[1] > 0);
  const p = f.predictProba([[-3, 0], [3, 0]]);
  assert.ok(p[0] < 0.2 && p[1] > 0.8);
  const g = new SVC({ seed: 1 }).fit(X, y);
  assert.deepEqual(Array.from(g.predictProba([[0.1, 0]])), Array.from(f.predictProba([[0.1, 0]])));
  assert.throws(() => new SVC({ probability: 'none' }).fit(X, y).predictProba([[0, 0]]), InvalidInputError);
  assert.throws(() => new SVC({ gamma: -1 }).fit(X, y), InvalidInputError);
});

test('Platt scaling: increasing in the decision value, and matches the logistic fit of separable scores', () => {
  const f = [-3, -2, -1.5, -1, -0.2, 0.3, 1, 1.2, 2, 3];
  const y = [0, 0, 0, 1, 0, 1, 0, 1, 1, 1];
  const { A, B } = fitPlatt(f, y);
  assert.ok(A < 0, 'P rises with f');
  const p = f.map((v) => plattProbability(v, A, B));
  for (let i = 1; i < p.length; i++) assert.ok(p[i] > p[i - 1]);
  // the Platt objective is minimal: the gradient of the smoothed log-loss vanishes
  const hi = (5 + 1) / (5 + 2), lo = 1 / (5 + 2);
  let g1 = 0, g2 = 0;
  f.forEach((v, i) => { const t = y[i] ? hi : lo; g1 += v * (t - p[i]); g2 += t - p[i]; });
  assert.ok(Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5);
});

test('numpy pairwise summation order', () => {
  const a = Array.from({ length: 300 }, (_, i) => 1 / (i + 1));
  // 300 > 128: split at 144 (150 rounded down to a multiple of 8); each half by 8 accumulators
  const block = (s: number, n: number): number => {
    const r = a.slice(s, s + 8);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let k = 0; k < 8; k++) r[k] += a[s + i + k];
    let res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) res += a[s + i];
    return res;
  };
  assert.equal(pairwiseSum(a), block(0, 144) + (block(144, 72) + block(216, 84)));
});
