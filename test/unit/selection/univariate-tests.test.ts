import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mannWhitneyTest, welchTTest } from '../../../src/selection/univariate-tests.js';
import { pAdjustBH, pAdjustBonferroni } from '../../../src/selection/p-adjust.js';
import { pnorm, pt } from '../../../src/math/distributions.js';
import { InvalidInputError } from '../../../src/core/errors.js';

test('Mann-Whitney without ties: W = U of group 1, continuity-corrected normal p', () => {
  const r = mannWhitneyTest([1, 2, 3], [4, 5]);
  assert.equal(r.W, 0); // ranks 1,2,3 → 6 - 3·4/2
  // σ² = n1·n0/12·(n+1) = 6/12·6 = 3; z = (0 - 3 + 0.5)/√3
  const z = -2.5 / Math.sqrt(3);
  assert.ok(Math.abs(r.z - z) < 1e-15);
  assert.ok(Math.abs(r.pValue - 2 * pnorm(z)) < 1e-15);
});

test('Mann-Whitney with ties: average ranks and tie-corrected variance', () => {
  // pooled 1,2,2,2,3 → ranks 1, 3, 3, 3, 5; group 1 = {1,2,2} → 1+3+3 - 6 = 1
  const r = mannWhitneyTest([1, 2, 2], [2, 3]);
  assert.equal(r.W, 1);
  // σ² = 6/12 · (6 - (27-3)/(5·4)) = 2.4; z = (1 - 3 + 0.5)/√2.4
  const z = -1.5 / Math.sqrt(2.4);
  assert.ok(Math.abs(r.z - z) < 1e-15);
  assert.ok(Math.abs(r.pValue - 2 * pnorm(z)) < 1e-15);
  // symmetric in the groups: W1 + W0 = n1·n0 and the same p
  const s = mannWhitneyTest([2, 3], [1, 2, 2]);
  assert.equal(s.W, 5);
  assert.ok(Math.abs(s.pValue - r.pValue) < 1e-15);
});

test('Welch t-test: Welch-Satterthwaite df and two-sided p', () => {
  const r = welchTTest([1, 2, 3, 4], [2, 4, 6]);
  const v1 = 5 / 3, v0 = 4;
  const a = v1 / 4, b = v0 / 3;
  const t = (2.5 - 4) / Math.sqrt(a + b);
  const df = (a + b) ** 2 / (a * a / 3 + b * b / 2);
  assert.ok(Math.abs(r.t - t) < 1e-14);
  assert.ok(Math.abs(r.df - df) < 1e-13);
  assert.ok(Math.abs(r.pValue - 2 * pt(-Math.abs(t), df)) < 1e-15);
  assert.throws(() => welchTTest([1, 1], [2, 2]), InvalidInputError);
  assert.throws(() => mannWhitneyTest([1, NaN], [2]), InvalidInputError);
});

test('BH and Bonferroni adjustment as p.adjust', () => {
  const p = [0.01, 0.04, 0.03, 0.2];
  // sorted 0.01, 0.03, 0.04, 0.2 → n/i·p = 0.04, 0.06, 0.0533.., 0.2 → running minimum from the largest
  const bh = pAdjustBH(p);
  const e = [0.04, (4 / 3) * 0.04, (4 / 3) * 0.04, 0.2];
  bh.forEach((v, i) => assert.ok(Math.abs(v - e[i]) < 1e-15, `${i}: ${v}`));
  assert.deepEqual(Array.from(pAdjustBonferroni(p)), [0.04, 0.16, 0.12, 0.8]);
  assert.deepEqual(Array.from(pAdjustBonferroni([0.5, 0.6])), [1, 1]);
  assert.throws(() => pAdjustBH([0.1, NaN]), InvalidInputError);
});
