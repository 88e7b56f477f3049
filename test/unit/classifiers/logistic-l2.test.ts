import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogisticRegressionL2 } from '../../../src/models/classifiers/index.js';
import { InvalidInputError } from '../../../src/core/errors.js';

const X = [[-2], [-1], [-0.5], [0], [0.5], [1], [1.5], [2]];
const y = [0, 0, 1, 0, 1, 0, 1, 1];

test('the solution satisfies the optimality conditions w + C Σ x(p - y) = 0, Σ(p - y) = 0', () => {
  for (const C of [0.1, 1, 10]) {
    const f = new LogisticRegressionL2({ C }).fit(X, y);
    const p = f.predictProba(X);
    let gw = f.coef[0];
    let gb = 0;
    X.forEach((x, i) => { gw += C * x[0] * (p[i] - y[i]); gb += C * (p[i] - y[i]); });
    assert.ok(Math.abs(gw) < 1e-12 && Math.abs(gb) < 1e-12, `C=${C}: ${gw}, ${gb}`);
  }
});

test('stronger regularisation shrinks the slope; probabilities are the logistic of the decision function', () => {
  const a = new LogisticRegressionL2({ C: 0.01 }).fit(X, y);
  const b = new LogisticRegressionL2({ C: 100 }).fit(X, y);
  assert.ok(Math.abs(a.coef[0]) < Math.abs(b.coef[0]));
  const d = b.decisionFunction([[0.3]])[0];
  assert.equal(b.predictProba([[0.3]])[0], 1 / (1 + Math.exp(-d)));
});

test('separable data still give a finite optimum (the L2 penalty), and bad input is rejected', () => {
  const f = new LogisticRegressionL2().fit([[-1], [-2], [1], [2]], [0, 0, 1, 1]);
  assert.ok(Number.isFinite(f.coef[0]) && f.coef[0] > 0);
  assert.throws(() => new LogisticRegressionL2({ C: 0 }).fit(X, y), InvalidInputError);
  assert.throws(() => new LogisticRegressionL2().fit(X, y.map((v) => v * 2)), InvalidInputError);
  assert.throws(() => new LogisticRegressionL2().fit([[NaN], [1]], [0, 1]), InvalidInputError);
  assert.throws(() => new LogisticRegressionL2().fit(X, y).predictProba([[1, 2]]), InvalidInputError);
});
