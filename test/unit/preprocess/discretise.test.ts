import { test } from 'node:test';
import assert from 'node:assert/strict';
import { discretise, pyradiomicsBinEdges } from '../../../src/preprocess/discretise.js';
import { MaskError, InvalidInputError } from '../../../src/core/errors.js';

const all = (n: number) => new Uint8Array(n).fill(1);

test('PyRadiomics FBS: edges are multiples of the bin width (docstring example 54..166, w 25)', () => {
  // PyRadiomics getBinEdges docstring: values 54..166 with bin width 25 give edges [50, 75, ..., 175] (+ one more
  // edge from the max + 2w upper bound of numpy.arange).
  const e = pyradiomicsBinEdges(54, 166, { binWidth: 25 });
  assert.deepEqual(Array.from(e), [50, 75, 100, 125, 150, 175, 200]);
  const d = discretise([54, 74.9, 75, 166, 150], all(5), { binWidth: 25 });
  // X_b = floor(x/W) - floor(min/W) + 1
  assert.deepEqual(Array.from(d.levels), [1, 1, 2, 5, 5]);
  assert.equal(d.nLevels, 5);
});

test('PyRadiomics FBS with negative intensities uses floor modulo (HU)', () => {
  const d = discretise([-1000, -976, -975, -1, 0, 24, 25], all(7), { binWidth: 25 });
  // floor(x/25) - floor(-1000/25) + 1 = floor(x/25) + 41
  assert.deepEqual(Array.from(d.levels), [1, 1, 2, 40, 41, 41, 42]);
  const d2 = discretise([-7, 3], all(2), { binWidth: 5 });
  // lowBound = -7 - (-7 mod 5) = -7 - 3 = -10
  assert.deepEqual(Array.from(d2.levels), [1, 3]);
});

test('PyRadiomics FBS: a flat ROI gets one bin', () => {
  const d = discretise([100, 100, 100], all(3), { binWidth: 25 });
  assert.deepEqual(Array.from(d.levels), [1, 1, 1]);
  assert.equal(d.nLevels, 1);
  const d0 = discretise([0, 0], all(2), { binWidth: 5000 });
  assert.deepEqual(Array.from(d0.levels), [1, 1]);
});

test('PyRadiomics FBN: numpy.histogram edges, maximum in the top bin', () => {
  // values 0..10 in 4 bins: edges 0, 2.5, 5, 7.5, 10(+1)
  const d = discretise([0, 2.4, 2.5, 5, 9.9, 10], all(6), { binCount: 4 });
  assert.deepEqual(Array.from(d.levels), [1, 1, 2, 3, 4, 4]);
  assert.deepEqual(Array.from(d.edges), [0, 2.5, 5, 7.5, 11]);
});

test('IBSI FBN: floor(Ng (x - min)/(max - min)) + 1, max -> Ng', () => {
  const d = discretise([1, 2, 3, 4, 5], all(5), { binCount: 2, convention: 'ibsi' });
  // (x-1)/4*2: 0, .5, 1, 1.5, 2 -> 1,1,2,2,2(cap)
  assert.deepEqual(Array.from(d.levels), [1, 1, 2, 2, 2]);
  assert.equal(d.nLevels, 2);
});

test('IBSI FBS starts at the re-segmentation lower bound and counts empty bins', () => {
  const d = discretise([-500, -476, -475, 400], all(4), { binWidth: 25, convention: 'ibsi', lowerBound: -500 });
  assert.deepEqual(Array.from(d.levels), [1, 1, 2, 37]);
  assert.equal(d.nLevels, 37);
  assert.throws(() => discretise([-600], all(1), { binWidth: 25, convention: 'ibsi', lowerBound: -500 }), InvalidInputError);
});

test('voxels outside the mask stay 0 and do not move the edges', () => {
  const d = discretise([1000, 10, 20, -1000], Uint8Array.of(0, 1, 1, 0), { binWidth: 10 });
  assert.deepEqual(Array.from(d.levels), [0, 1, 2, 0]);
});

test('bad settings and empty masks are typed errors', () => {
  assert.throws(() => discretise([1], all(1), {}), InvalidInputError);
  assert.throws(() => discretise([1], all(1), { binWidth: 1, binCount: 2 }), InvalidInputError);
  assert.throws(() => discretise([1], all(1), { binWidth: 0 }), InvalidInputError);
  assert.throws(() => discretise([1, 2], new Uint8Array(2), { binWidth: 1 }), MaskError);
  assert.throws(() => discretise([NaN, 2], all(2), { binWidth: 1 }), InvalidInputError);
});

test('inputs are not modified', () => {
  const v = Float64Array.of(3, 4, 5);
  const m = Uint8Array.of(1, 1, 0);
  discretise(v, m, { binCount: 3, convention: 'ibsi' });
  assert.deepEqual(Array.from(v), [3, 4, 5]);
  assert.deepEqual(Array.from(m), [1, 1, 0]);
});
