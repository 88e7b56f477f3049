import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveSpd, symmetricEigen } from '../../../src/selection/linalg.js';
import { ModelFitError } from '../../../src/core/errors.js';

test('SPD solve and singular detection', () => {
  const a = Float64Array.from([4, 2, 2, 3]);
  const x = solveSpd(a, 2, [2, 1]);
  // 4x + 2y = 2, 2x + 3y = 1 → x = 0.5, y = 0
  assert.ok(Math.abs(x[0] - 0.5) < 1e-15 && Math.abs(x[1]) < 1e-15);
  assert.throws(() => solveSpd(Float64Array.from([1, 1, 1, 1]), 2, [1, 1]), ModelFitError);
});

test('symmetric eigen-decomposition of a 2×2 matrix', () => {
  const e = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
  assert.ok(Math.abs(e.values[0] - 3) < 1e-14 && Math.abs(e.values[1] - 1) < 1e-14);
  assert.ok(Math.abs(Math.abs(e.vectors[0]) - Math.SQRT1_2) < 1e-14);
});
