// Type-7 quantiles and average ranks against values printed by R 4.2.2:
//   x <- c(3.1,1,2,2,7,5.5,1e-3); sprintf("%.17g", quantile(x, c(0,.1,.25,.5,.9,.95,1)))
//   rank(c(3,1,3,2,1,3))
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, quantile } from '../../../src/math/quantile.js';
import { rankAverage, tieGroupSizes } from '../../../src/math/rank.js';

test('quantile type 7 equals R bit for bit', () => {
  const x = [3.1, 1, 2, 2, 7, 5.5, 1e-3];
  const q = quantile(x, [0, 0.1, 0.25, 0.5, 0.9, 0.95, 1]);
  assert.deepEqual(q, [0.001, 0.60040000000000004, 1.5, 2, 6.1000000000000005, 6.5499999999999989, 7]);
  assert.deepEqual(x, [3.1, 1, 2, 2, 7, 5.5, 1e-3], 'input not modified');
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([5]), 5);
});

test('quantile rejects empty samples, NaN and bad probabilities', () => {
  assert.throws(() => quantile([], [0.5]), RangeError);
  assert.throws(() => quantile([1, NaN], [0.5]), RangeError);
  assert.throws(() => quantile([1, 2], [1.5]), RangeError);
});

test('average ranks equal R rank(); tie groups', () => {
  assert.deepEqual(Array.from(rankAverage([3, 1, 3, 2, 1, 3])), [5, 1.5, 5, 3, 1.5, 5]);
  assert.deepEqual(tieGroupSizes([3, 1, 3, 2, 1, 3]), [2, 1, 3]);
  // Sum of ranks is always n(n+1)/2.
  const v = [0.3, -1, 0.3, 8, 8, 8, 2];
  assert.equal(Array.from(rankAverage(v)).reduce((a, b) => a + b, 0), (7 * 8) / 2);
  assert.throws(() => rankAverage([1, NaN]), RangeError);
});
