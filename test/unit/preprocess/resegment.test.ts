import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resegmentRange, resegmentSigma, resegmentPyradiomics, resegmentIbsi, maskedMeanStd } from '../../../src/preprocess/resegment.js';
import { MaskError, InvalidInputError } from '../../../src/core/errors.js';

test('range re-segmentation keeps the closed interval', () => {
  const r = resegmentRange([-1001, -1000, 0, 400, 401], Uint8Array.of(1, 1, 1, 1, 0), { lower: -1000, upper: 400 });
  assert.deepEqual(Array.from(r.mask), [0, 1, 1, 1, 0]);
  assert.equal(r.before, 4);
  assert.equal(r.kept, 3);
});

test('open-ended range and NaN voxels', () => {
  const r = resegmentRange([NaN, -600, 5000], Uint8Array.of(1, 1, 1), { lower: -500, upper: Infinity });
  assert.deepEqual(Array.from(r.mask), [0, 0, 1]);
});

test('sigma re-segmentation uses the population standard deviation', () => {
  // 10 voxels at 0 and one at 100: mean 100/11, sd (ddof 0) = sqrt(10*(100/11)^2 + (1000/11)^2)/sqrt(11)
  const v = [...new Array(10).fill(0), 100];
  const { mean, std } = maskedMeanStd(v, new Uint8Array(11).fill(1));
  assert.ok(Math.abs(mean - 100 / 11) < 1e-12);
  const sd = Math.sqrt((10 * (100 / 11) ** 2 + (1000 / 11) ** 2) / 11);
  assert.ok(Math.abs(std - sd) < 1e-12);
  const r = resegmentSigma(v, new Uint8Array(11).fill(1), -3, 3);
  // upper = 9.09 + 3*28.75 = 95.3 < 100: the outlier goes
  assert.equal(r.kept, 10);
  assert.equal(r.mask[10], 0);
});

test('PyRadiomics modes: single lower threshold, relative, and too few voxels', () => {
  const m = Uint8Array.of(1, 1, 1, 1);
  assert.deepEqual(Array.from(resegmentPyradiomics([-1, 0, 1, 2], m, [0]).mask), [0, 1, 1, 1]);
  assert.deepEqual(Array.from(resegmentPyradiomics([10, 50, 60, 100], m, [0.6, 0.2], 'relative').mask), [0, 1, 1, 0]);
  assert.throws(() => resegmentPyradiomics([1, 2, 3, 4], m, [4]), MaskError);
  assert.throws(() => resegmentPyradiomics([1, 2], Uint8Array.of(1, 1), []), InvalidInputError);
});

test('IBSI range then outlier filter', () => {
  const v = [-2000, ...new Array(20).fill(10), 11, 12, 390];
  const m = new Uint8Array(v.length).fill(1);
  const r = resegmentIbsi(v, m, { range: { lower: -1000, upper: 400 }, outlierSigma: 3 });
  assert.equal(r.mask[0], 0);
  assert.equal(r.mask[v.length - 1], 0); // 390 is > mean + 3 sd of the range-kept voxels
  assert.equal(r.before, v.length);
  assert.equal(r.kept, 22);
});
