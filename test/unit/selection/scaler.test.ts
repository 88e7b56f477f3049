import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StandardScaler } from '../../../src/selection/scaler.js';
import { InvalidInputError } from '../../../src/core/errors.js';

const train = [[1, 2, 7], [3, 2, 7], [5, 2, 7], [7, 2, 7]];

test('fits population-SD z-scores on the training rows (scikit-learn convention)', () => {
  const s = new StandardScaler().fit(train);
  assert.deepEqual(Array.from(s.mean), [4, 2, 7]);
  // population variance of 1,3,5,7 = (9+1+1+9)/4 = 5
  assert.equal(s.scale[0], Math.sqrt(5));
  assert.equal(s.variance[0], 5);
  // constant columns get scale 1 so they map to 0, not NaN
  assert.equal(s.scale[1], 1);
  assert.equal(s.scale[2], 1);
  const z = s.transform(train);
  assert.deepEqual(Array.from(z.data.subarray(0, 4)), [-3, -1, 1, 3].map((v) => v / Math.sqrt(5)));
  assert.deepEqual(Array.from(z.data.subarray(4, 8)), [0, 0, 0, 0]);
});

test('ddof 1 gives R scale() (sample SD); new rows use the training parameters', () => {
  const s = new StandardScaler({ ddof: 1 }).fit(train);
  assert.equal(s.scale[0], Math.sqrt(20 / 3));
  const z = s.transform([[9, 2, 7]]);
  assert.equal(z.data[0], (9 - 4) / Math.sqrt(20 / 3));
  const back = s.inverseTransform(z);
  assert.ok(Math.abs(back.data[0] - 9) < 1e-14);
});

test('does not change its input and rejects mismatched tables and missing values', () => {
  const copy = train.map((r) => [...r]);
  const s = new StandardScaler().fit(train);
  s.transform(train);
  assert.deepEqual(train, copy);
  assert.throws(() => s.transform([[1, 2]]), InvalidInputError);
  assert.throws(() => new StandardScaler().fit([[1, NaN], [2, 3]]), (e: unknown) => e instanceof InvalidInputError && /row 1, column 2/.test((e as Error).message));
});
