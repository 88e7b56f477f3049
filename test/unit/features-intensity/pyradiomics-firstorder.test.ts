import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pyradiomicsFirstOrder, percentileSorted, medianSorted } from '../../../src/features/firstorder/index.js';
import type { DiscretisedRoi, RoiImage } from '../../../src/features/types.js';
import { InvalidInputError, MaskError } from '../../../src/core/errors.js';

// A 4×2×1 grid: 7 ROI voxels and one voxel outside the mask (value 1000, must be ignored).
const VALUES = Float64Array.from([1, 2, 3, 4, 10, -5, 7.5, 1000]);
const MASK = Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 0]);
function roi(values = VALUES, mask = MASK, spacing: [number, number, number] = [0.5, 2, 3]): RoiImage {
  return { size: [4, 2, 1], spacing, values, intensityMask: mask, morphologicalMask: mask };
}
function grey(levels: number[], nLevels: number): DiscretisedRoi {
  return { size: [4, 2, 1], spacing: [0.5, 2, 3], levels: Int32Array.from(levels), nLevels };
}

function close(actual: number, expected: number, rel = 1e-12, what = ''): void {
  assert.ok(Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
}

test('percentiles follow numpy.percentile (linear) on a hand sample', () => {
  const s = Float64Array.from([1, 2, 3, 4, 10, -5, 7.5]).sort();
  // numpy.percentile([1,2,3,4,10,-5,7.5], [10,25,50,75,90]) = [-1.4, 1.5, 3.0, 5.75, 8.5]
  close(percentileSorted(s, 10), -1.4, 1e-14, 'P10');
  close(percentileSorted(s, 25), 1.5, 1e-14, 'P25');
  close(percentileSorted(s, 75), 5.75, 1e-14, 'P75');
  close(percentileSorted(s, 90), 8.5, 1e-14, 'P90');
  assert.equal(percentileSorted(s, 0), -5);
  assert.equal(percentileSorted(s, 100), 10);
  assert.equal(medianSorted(s), 3);
  assert.equal(medianSorted(Float64Array.of(1, 2, 4, 8)), 3);
  assert.throws(() => percentileSorted(new Float64Array(0), 50), RangeError);
});

test('PyRadiomics first-order values match hand computations (numpy reference numbers)', () => {
  const f = pyradiomicsFirstOrder(roi(), grey([1, 1, 2, 3, 2, 2, 2, 0], 3), { voxelArrayShift: 100 });
  // numpy: mean 3.2142857142857144, var 19.846938775510207, skew -0.2831602812821807, kurt 2.5521244242372174,
  // MAD 3.3877551020408165, rMAD 1.8, RMS(x+100) 103.31038531670335, energy(x+100) 74711.25
  close(f.Mean, 3.2142857142857144, 1e-14, 'Mean');
  close(f.Variance, 19.846938775510207, 1e-13, 'Variance');
  close(f.Skewness, -0.2831602812821807, 1e-12, 'Skewness');
  close(f.Kurtosis, 2.5521244242372174, 1e-12, 'Kurtosis');
  close(f.MeanAbsoluteDeviation, 3.3877551020408165, 1e-13, 'MAD');
  close(f.RobustMeanAbsoluteDeviation, 1.8, 1e-13, 'rMAD');
  close(f.Energy, 74711.25, 1e-14, 'Energy');
  close(f.TotalEnergy, 74711.25 * 0.5 * 2 * 3, 1e-14, 'TotalEnergy');
  close(f.RootMeanSquared, 103.31038531670335, 1e-14, 'RMS');
  assert.equal(f.Minimum, -5);
  assert.equal(f.Maximum, 10);
  assert.equal(f.Range, 15);
  assert.equal(f.Median, 3);
  close(f['10Percentile'], -1.4, 1e-14, 'P10');
  close(f['90Percentile'], 8.5, 1e-14, 'P90');
  close(f.InterquartileRange, 4.25, 1e-14, 'IQR');
  close(f.StandardDeviation, Math.sqrt(19.846938775510207), 1e-13, 'SD');
});

test('entropy and uniformity use the grey-level histogram of the ROI', () => {
  // levels of the 7 ROI voxels: 1,1,1,1,2,2,3 → p = 4/7, 2/7, 1/7
  const f = pyradiomicsFirstOrder(roi(), grey([1, 1, 1, 1, 2, 2, 3, 0], 3));
  const p = [4 / 7, 2 / 7, 1 / 7];
  close(f.Entropy, -p.reduce((s, q) => s + q * Math.log2(q), 0), 1e-14, 'Entropy');
  close(f.Uniformity, p.reduce((s, q) => s + q * q, 0), 1e-14, 'Uniformity');
  // voxelArrayShift defaults to 0
  close(f.Energy, [1, 2, 3, 4, 10, -5, 7.5].reduce((s, v) => s + v * v, 0), 1e-14, 'Energy');
});

test('a single-level ROI has entropy -log2(1+eps) as PyRadiomics, uniformity 1; flat ROI skew/kurt 0', () => {
  const flat = Float64Array.from([5, 5, 5, 5, 5, 5, 5, 0]);
  const f = pyradiomicsFirstOrder(roi(flat), grey([1, 1, 1, 1, 1, 1, 1, 0], 1));
  assert.equal(f.Uniformity, 1);
  assert.ok(f.Entropy <= 0 && f.Entropy > -1e-15);
  assert.equal(f.Skewness, 0);
  assert.equal(f.Kurtosis, 0);
  assert.equal(f.Variance, 0);
  assert.equal(f.RobustMeanAbsoluteDeviation, 0);
});

test('outside-mask voxels do not influence any feature', () => {
  const other = Float64Array.from(VALUES);
  other[7] = -123456;
  const levels = [1, 1, 2, 3, 3, 1, 2, 0];
  assert.deepEqual(pyradiomicsFirstOrder(roi(other), grey(levels, 3)), pyradiomicsFirstOrder(roi(), grey(levels, 3)));
});

test('typed errors: empty mask, NaN voxel, missing grey level, grid mismatch', () => {
  const empty = new Uint8Array(8);
  assert.throws(() => pyradiomicsFirstOrder(roi(VALUES, empty), grey([0, 0, 0, 0, 0, 0, 0, 0], 1)), MaskError);
  const withNaN = Float64Array.from(VALUES);
  withNaN[2] = NaN;
  assert.throws(() => pyradiomicsFirstOrder(roi(withNaN), grey([1, 1, 1, 1, 1, 1, 1, 0], 1)), InvalidInputError);
  assert.throws(() => pyradiomicsFirstOrder(roi(), grey([1, 1, 0, 1, 1, 1, 1, 0], 1)), InvalidInputError);
  assert.throws(() => pyradiomicsFirstOrder(roi(), { size: [1, 1, 1], spacing: [1, 1, 1], levels: Int32Array.of(1), nLevels: 1 }), InvalidInputError);
});

test('sortedCopy: counting sort for integer samples equals the numeric sort; floats fall back', async () => {
  const { sortedCopy } = await import('../../../src/features/firstorder/index.js');
  const { Rng } = await import('../../../src/core/rng.js');
  const rng = Rng.fromSeed(4);
  const ints = Float64Array.from({ length: 5000 }, () => rng.intRange(-1024, 3071));
  const before = ints.slice();
  assert.deepEqual(sortedCopy(ints), ints.slice().sort());
  assert.deepEqual(ints, before); // the input is not modified
  const floats = Float64Array.from({ length: 300 }, () => rng.normal() * 100);
  assert.deepEqual(sortedCopy(floats), floats.slice().sort());
  const wide = Float64Array.from({ length: 100 }, (_, i) => (i % 2 ? 1e9 : -1e9) + i);
  assert.deepEqual(sortedCopy(wide), wide.slice().sort());
});
