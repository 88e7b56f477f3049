import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PCA } from '../../../src/selection/pca.js';
import { NearZeroVarianceFilter, VarianceThresholdFilter } from '../../../src/selection/variance-filter.js';
import { CorrelationRedundancyFilter } from '../../../src/selection/redundancy-filter.js';
import { correlation } from '../../../src/selection/correlation.js';
import { Rng } from '../../../src/core/rng.js';

test('PCA of points on a line: one component along (1,1)/√2 with all the variance', () => {
  const X = [[1, 1], [2, 2], [3, 3], [10, 10]];
  const f = new PCA().fit(X);
  // centred values: -3, -2, -1, 6 on each axis → projections √2·(...); Σ = 2·(9+4+1+36) = 100 → var 100/3
  assert.ok(Math.abs(f.explainedVariance[0] - 100 / 3) < 1e-12);
  assert.ok(Math.abs(f.explainedVariance[1]) < 1e-12);
  assert.ok(Math.abs(f.explainedVarianceRatio[0] - 1) < 1e-15);
  assert.ok(Math.abs(f.components[0] - Math.SQRT1_2) < 1e-15 && Math.abs(f.components[1] - Math.SQRT1_2) < 1e-15);
  // the largest training score (row 4) is positive; new rows use the training mean (4, 4)
  const s = f.transform([[6, 6]]);
  assert.ok(Math.abs(s.data[0] - 4 / Math.SQRT1_2 / 2) < 1e-12);
});

test('PCA: orthonormal components, scores with the explained variances, p > n handled', () => {
  const rng = Rng.fromSeed(5);
  for (const [n, p] of [[20, 4], [5, 9]]) {
    const X = Array.from({ length: n }, () => Array.from({ length: p }, () => rng.normal()));
    const f = new PCA().fit(X);
    const k = f.nComponents;
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) {
      let d = 0;
      for (let j = 0; j < p; j++) d += f.components[a * p + j] * f.components[b * p + j];
      assert.ok(Math.abs(d - (a === b ? 1 : 0)) < 1e-10, `${n}x${p} <${a},${b}> = ${d}`);
    }
    const s = f.transform(X);
    for (let c = 0; c < k; c++) {
      const col = s.data.subarray(c * n, (c + 1) * n);
      const ss = col.reduce((t, v) => t + v * v, 0);
      assert.ok(Math.abs(ss / (n - 1) - f.explainedVariance[c]) < 1e-10 * (1 + f.explainedVariance[c]));
    }
  }
});

test('variance and near-zero-variance filters', () => {
  const X = [[1, 5, 0, 1], [2, 5, 0, 2], [3, 5, 0, 3], [4, 5, 1, 4]];
  assert.deepEqual(new VarianceThresholdFilter().fit(X).selected, [0, 2, 3]);
  assert.deepEqual(new VarianceThresholdFilter({ threshold: 0.2 }).fit(X).selected, [0, 3]);
  const rare = Array.from({ length: 100 }, (_, i) => [i, i < 99 ? 0 : 1, i % 2]);
  // column 1: freq ratio 99 > 19 and 2 % unique → near-zero variance
  assert.deepEqual(new NearZeroVarianceFilter().fit(rare, ['a', 'b', 'c']).selectedNames, ['a', 'c']);
});

test('redundancy filter keeps the better of two correlated features', () => {
  const rng = Rng.fromSeed(9);
  const n = 80;
  const y = Array.from({ length: n }, (_, i) => (i < 40 ? 0 : 1));
  const strong = y.map((v) => v * 2 + rng.normal());
  const copy = strong.map((v) => v + 0.05 * rng.normal());
  const other = y.map(() => rng.normal());
  const X = strong.map((v, i) => [copy[i], other[i], v]);
  const f = new CorrelationRedundancyFilter({ threshold: 0.9, method: 'pearson' }).fit(X, y, ['copy', 'other', 'strong']);
  assert.equal(f.selected.length, 2);
  assert.ok(f.selected.includes(1));
  const droppedIdx = f.dropped[0].index;
  const keptIdx = f.dropped[0].keptInstead;
  assert.ok(f.criterion[keptIdx] <= f.criterion[droppedIdx], 'kept feature has the smaller p');
  assert.ok(Math.abs(correlation(copy, strong)) > 0.9);
  // kept features are pairwise below the threshold
  assert.ok(Math.abs(correlation(X.map((r) => r[f.selected[0]]), X.map((r) => r[f.selected[1]]))) <= 0.9);
  const byAuc = new CorrelationRedundancyFilter({ threshold: 0.9, method: 'pearson', rankBy: 'auc' }).fit(X, y);
  assert.equal(byAuc.selected.length, 2);
});
