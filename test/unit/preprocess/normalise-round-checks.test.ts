import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseImage } from '../../../src/preprocess/normalise.js';
import { roundIntensities, roundHalfEven } from '../../../src/preprocess/round.js';
import { checkRoi } from '../../../src/preprocess/roi-checks.js';
import { MaskError, InvalidInputError } from '../../../src/core/errors.js';

test('normalisation: (x − mean)/sd with the n − 1 sd, outliers clamped before scaling', () => {
  // 1, 2, 3, 4, 10: mean 4, sample variance (9+4+1+0+36)/4 = 12.5
  const sd = Math.sqrt(12.5);
  const z = normaliseImage([1, 2, 3, 4, 10], { scale: 100 });
  assert.ok(Math.abs(z[0] - (100 * (1 - 4)) / sd) < 1e-9);
  assert.ok(Math.abs(z[4] - (100 * 6) / sd) < 1e-9);
  const c = normaliseImage([1, 2, 3, 4, 10], { scale: 100, removeOutliers: 1 });
  assert.equal(c[4], 100); // 6/sd = 1.70 > 1 -> clamped to 1, then scaled
  assert.ok(Math.abs(c[0] - (100 * -3) / sd) < 1e-9); // -0.85: unchanged
  assert.throws(() => normaliseImage([5, 5, 5]), InvalidInputError);
});

test('rounding: nearest integer, ties to even (numpy.round)', () => {
  assert.deepEqual(Array.from(roundIntensities([0.5, 1.5, 2.5, -0.5, -1.5, 2.4999, -2.6])), [0, 2, 2, -0, -2, 2, -3]);
  assert.ok(Number.isNaN(roundHalfEven(NaN)));
});

test('ROI checks: dimensions and size as PyRadiomics checkMask', () => {
  const size = [4, 4, 4] as const;
  const at = (i: number, j: number, k: number) => i + 4 * (j + 4 * k);
  const line = new Uint8Array(64);
  line[at(0, 1, 1)] = line[at(1, 1, 1)] = line[at(2, 1, 1)] = 1;
  assert.throws(() => checkRoi(line, size), /too few dimensions/); // default minimumROIDimensions 2
  const r = checkRoi(line, size, { minimumROIDimensions: 1 });
  assert.equal(r.dimensions, 1);
  assert.equal(r.voxelCount, 3);
  assert.throws(() => checkRoi(line, size, { minimumROIDimensions: 1, minimumROISize: 3 }), /too small/);
  const one = new Uint8Array(64);
  one[at(2, 2, 2)] = 1;
  assert.throws(() => checkRoi(one, size, { minimumROIDimensions: 1 }), (e: unknown) => e instanceof MaskError && /single voxel/.test(e.message));
  assert.throws(() => checkRoi(new Uint8Array(64), size), /empty/);
});
