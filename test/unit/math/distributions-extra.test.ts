import { test } from 'node:test';
import assert from 'node:assert/strict';
import { qf } from '../../../src/math/index.js';

// R 4.2.2: qf(0.975, 5, 0.0075) is Inf (the quantile is beyond the largest double);
// qf(0.025, 5, 0.0075) = 4.6021567682954192; qf(0.99, 2, 0.5) = 24999999.749999922.
test('qf returns Inf when the quantile exceeds the double range, as R does', () => {
  assert.equal(qf(0.975, 5, 0.0075), Infinity);
  assert.ok(Math.abs(qf(0.025, 5, 0.0075) / 4.6021567682954192 - 1) < 1e-12);
  assert.ok(Math.abs(qf(0.99, 2, 0.5) / 24999999.749999922 - 1) < 1e-12);
});
