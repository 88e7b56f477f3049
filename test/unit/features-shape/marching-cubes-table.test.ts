import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveCaseTriangles, encodeCaseTriangles } from '../../../src/features/shape/marching-cubes-cases.js';
import { CASE_TRIANGLES } from '../../../src/features/shape/marching-cubes-table.js';

test('the stored marching-cubes table is the one the rules derive', () => {
  const derived = deriveCaseTriangles();
  assert.equal(
    encodeCaseTriangles(CASE_TRIANGLES), encodeCaseTriangles(derived),
    'marching-cubes-table.ts is out of date: store encodeCaseTriangles(deriveCaseTriangles()) again',
  );
  assert.deepEqual(CASE_TRIANGLES, derived);
  assert.equal(CASE_TRIANGLES.length, 256);
  assert.deepEqual(CASE_TRIANGLES[0], []);
  assert.deepEqual(CASE_TRIANGLES[255], []);
});
