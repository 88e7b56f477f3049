import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ibsiIntensityStats, ibsiIntensityHistogram, ibsiIntensityVolumeHistogram, ibsiLocalIntensity, PEAK_SPHERE_RADIUS_MM } from '../../../src/features/ibsi-intensity/index.js';
import { InvalidInputError, MaskError } from '../../../src/core/errors.js';
import type { Vec3 } from '../../../src/core/vec.js';

const close = (a: number, b: number, rel: number, what: string) =>
  assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1), `${what}: ${a} vs ${b}`);

const X = [3, 7, 7, 2, 9, 4, 4, 4, 10, 1];
const roi1 = (x: number[]) => ({ values: Float64Array.from(x), intensityMask: new Uint8Array(x.length).fill(1) });

test('intensity statistics match numpy on a hand sample (excess kurtosis, medad, cov, qcod)', () => {
  const f = ibsiIntensityStats(roi1(X));
  // numpy: mean 5.1, var 8.09, skew 0.34210726975113814, excess kurt -1.1165885640683226,
  // percentiles [1.9, 3.25, 4.0, 7.0, 9.1], medad 2.3, cov 0.5577044177775644, qcod 0.36585365853658536, rmad 2.0
  close(f.stat_mean, 5.1, 1e-14, 'mean');
  close(f.stat_var, 8.09, 1e-13, 'var');
  close(f.stat_skew, 0.34210726975113814, 1e-12, 'skew');
  close(f.stat_kurt, -1.1165885640683226, 1e-12, 'kurt');
  close(f.stat_p10, 1.9, 1e-14, 'p10');
  close(f.stat_p90, 9.1, 1e-14, 'p90');
  close(f.stat_iqr, 3.75, 1e-14, 'iqr');
  assert.equal(f.stat_median, 4);
  close(f.stat_medad, 2.3, 1e-14, 'medad');
  close(f.stat_cov, 0.5577044177775644, 1e-13, 'cov');
  close(f.stat_qcod, 0.36585365853658536, 1e-13, 'qcod');
  close(f.stat_rmad, 2.0, 1e-14, 'rmad');
  assert.equal(f.stat_energy, 341);
  close(f.stat_rms, Math.sqrt(34.1), 1e-14, 'rms');
  assert.equal(f.stat_range, 9);
  assert.equal(Object.keys(f).length, 18);
});

test('intensity histogram: mode tie goes to the level closest to the mean, gradients over all bins (empty ones too)', () => {
  // levels: 1×2, 2×0, 3×2, 4×1 (N_g = 5 with an empty bin 5): mean = (2 + 6 + 4)/5 = 2.4
  const levels = Int32Array.from([1, 1, 3, 3, 4, 0, 0]);
  const f = ibsiIntensityHistogram({ levels, nLevels: 5 });
  assert.equal(f.ih_mode, 3); // 1 and 3 both have 2 voxels; 3 is closer to 2.4
  // counts n = [2, 0, 2, 1, 0]; H' = [0−2, (2−2)/2, (1−0)/2, (0−2)/2, 0−1] = [−2, 0, 0.5, −1, −1]
  assert.equal(f.ih_max_grad, 0.5);
  assert.equal(f.ih_max_grad_g, 3);
  assert.equal(f.ih_min_grad, -2);
  assert.equal(f.ih_min_grad_g, 1);
  const p = [0.4, 0.4, 0.2];
  close(f.ih_entropy, -p.reduce((s, q) => s + q * Math.log2(q), 0), 1e-14, 'entropy');
  close(f.ih_uniformity, 0.36, 1e-14, 'uniformity');
  assert.equal(f.ih_min, 1);
  assert.equal(f.ih_max, 4);
  close(f.ih_mean, 2.4, 1e-14, 'mean');
  // equidistant tie: levels 1 and 3 with mean 2 → the lower one
  assert.equal(ibsiIntensityHistogram({ levels: Int32Array.from([1, 3]), nLevels: 3 }).ih_mode, 1);
  assert.throws(() => ibsiIntensityHistogram({ levels: new Int32Array(3), nLevels: 2 }), MaskError);
  assert.throws(() => ibsiIntensityHistogram({ levels: Int32Array.of(3), nLevels: 2 }), InvalidInputError);
});

test('IVH without discretisation reproduces the IBSI manual table of the digital phantom', () => {
  // IBSI 1 manual, "Calculating the IV histogram": G = [1, 6]; ν(1..6) = 1, .324, .324, .311, .095, .095 for the
  // phantom's 74 voxels: 50 at 1, 1 at 3, 16 at 4, 7 at 6.
  const x = [...Array(50).fill(1), 3, ...Array(16).fill(4), ...Array(7).fill(6)];
  const f = ibsiIntensityVolumeHistogram(roi1(x), { discretisation: { kind: 'none' } });
  close(f.ivh_v10, 24 / 74, 1e-14, 'v10'); // γ(2) = 0.2 is the first ≥ 0.1
  close(f.ivh_v90, 7 / 74, 1e-14, 'v90');
  assert.equal(f.ivh_i10, 5);
  assert.equal(f.ivh_i90, 2);
  close(f.ivh_diff_v10_v90, 17 / 74, 1e-14, 'diff');
  assert.equal(f.ivh_diff_i10_i90, 3);
  // trapezoids over γ steps of 0.2
  const nu = [1, 24 / 74, 24 / 74, 23 / 74, 7 / 74, 7 / 74];
  let auc = 0;
  for (let i = 0; i < 5; i++) auc += 0.1 * (nu[i] + nu[i + 1]);
  close(f.ivh_auc, auc, 1e-14, 'auc');
});

test('IVH with a re-segmentation range, fixed bin size (bin centres) and fixed bin number', () => {
  // range [0, 100], values 0..99 one each; none: G = [0, 100], V10 = ν(10) = 0.9, I10 = first i with ν ≤ 0.1 = 90
  const x = Array.from({ length: 100 }, (_, i) => i);
  const a = ibsiIntensityVolumeHistogram(roi1(x), { discretisation: { kind: 'none' }, range: { lower: 0, upper: 100 } });
  close(a.ivh_v10, 0.9, 1e-14, 'v10');
  assert.equal(a.ivh_i10, 90);
  assert.equal(a.ivh_i90, 10);
  // fbs w = 10 from 0: bin centres 5, 15, ..., 95; G = [5, 95], 10 steps; γ ≥ 0.1 first at 15 → ν = 0.9
  const b = ibsiIntensityVolumeHistogram(roi1(x), { discretisation: { kind: 'fbs', binWidth: 10 }, range: { lower: 0, upper: 100 } });
  close(b.ivh_v10, 0.9, 1e-14, 'fbs v10');
  assert.equal(b.ivh_i10, 95); // ν(95) = 0.1
  assert.equal(b.ivh_i90, 15);
  // fbn 4 bins over [0, 99]: levels 1..4 with 25 voxels each; G = [1, 4]; γ(2) = 1/3 → V10 = 0.75
  const c = ibsiIntensityVolumeHistogram(roi1(x), { discretisation: { kind: 'fbn', binCount: 4 } });
  close(c.ivh_v10, 0.75, 1e-14, 'fbn v10');
  close(c.ivh_v90, 0.25, 1e-14, 'fbn v90');
  assert.equal(c.ivh_i90, 2);
  assert.equal(c.ivh_i10, 5); // even level 4 holds 25 % > 10 %: one step beyond G
  assert.throws(() => ibsiIntensityVolumeHistogram(roi1([1.5, 2]), { discretisation: { kind: 'none' } }), InvalidInputError);
});

test('local intensity peaks: sphere means over all voxels, highest mean among the maximum voxels', () => {
  // 15×15×15 grid of 1 mm voxels; background 0, a 3×3×3 ROI in the centre; one bright voxel inside
  const n = 15;
  const size: Vec3 = [n, n, n];
  const values = new Float64Array(n ** 3);
  const mask = new Uint8Array(n ** 3);
  const at = (i: number, j: number, k: number) => i + n * (j + n * k);
  for (let k = 6; k <= 8; k++) for (let j = 6; j <= 8; j++) for (let i = 6; i <= 8; i++) { mask[at(i, j, k)] = 1; values[at(i, j, k)] = 1; }
  values[at(7, 7, 7)] = 100;
  values[at(0, 0, 0)] = 1e6; // far outside every sphere: must not matter
  const f = ibsiLocalIntensity({ values, intensityMask: mask, size, spacing: [1, 1, 1] });
  // independent count: voxels with i²+j²+k² ≤ r² (r ≈ 6.2035 mm) around the centre; the sphere holds all 27 ROI voxels
  let count = 0;
  const r2 = PEAK_SPHERE_RADIUS_MM ** 2;
  for (let k = -7; k <= 7; k++) for (let j = -7; j <= 7; j++) for (let i = -7; i <= 7; i++) if (i * i + j * j + k * k <= r2) count++;
  close(f.loc_peak_loc, (26 + 100) / count, 1e-14, 'local');
  close(f.loc_peak_glob, (26 + 100) / count, 1e-14, 'global'); // every ROI voxel's sphere holds the whole ROI
  assert.ok(Math.abs(PEAK_SPHERE_RADIUS_MM - 6.2035) < 1e-4);
  // a crop without the 6.2 mm margin is rejected unless explicitly allowed
  const small = { values: Float64Array.of(1, 2, 3), intensityMask: Uint8Array.of(0, 1, 0), size: [3, 1, 1] as Vec3, spacing: [1, 1, 1] as Vec3 };
  assert.throws(() => ibsiLocalIntensity(small), InvalidInputError);
  close(ibsiLocalIntensity(small, { allowTruncatedNeighbourhood: true }).loc_peak_loc, 2, 1e-15, 'truncated');
});
