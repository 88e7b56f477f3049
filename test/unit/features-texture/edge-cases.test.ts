// Degenerate inputs: flat regions, single voxels, empty or malformed ROIs, bad settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ibsiGlcm, ibsiGldzm, ibsiGlszm, ibsiNgldm, ibsiNgtdm, ibsiTexture, pyradiomicsGlcm, pyradiomicsGldm, pyradiomicsGlrlm,
  pyradiomicsGlszm, pyradiomicsNgtdm, pyradiomicsTexture,
} from '../../../src/features/texture/index.js';
import { InvalidInputError, MaskError } from '../../../src/core/errors.js';
import type { DiscretisedRoi } from '../../../src/features/types.js';

function cube(n: number, level: number, pad = 1): DiscretisedRoi {
  const s = n + 2 * pad;
  const levels = new Int32Array(s * s * s);
  for (let z = pad; z < pad + n; z++) for (let y = pad; y < pad + n; y++) for (let x = pad; x < pad + n; x++) levels[x + s * (y + s * z)] = level;
  return { size: [s, s, s], spacing: [1, 1, 1], levels, nLevels: Math.max(level, 1) };
}

test('flat 3×3×3 region: PyRadiomics conventional values', () => {
  const roi = cube(3, 2);
  const glcm = pyradiomicsGlcm(roi);
  assert.equal(glcm.Correlation, 1);
  assert.ok(glcm.Imc1 === 0 && glcm.Imc2 === 0);
  assert.equal(glcm.MCC, 1);
  assert.equal(glcm.Contrast, 0);
  assert.equal(glcm.JointEnergy, 1);
  assert.equal(glcm.JointAverage, 2);
  const ngtdm = pyradiomicsNgtdm(roi);
  assert.deepEqual(ngtdm, { Coarseness: 1e6, Contrast: 0, Busyness: 0, Complexity: 0, Strength: 0 });
  const glszm = pyradiomicsGlszm(roi);
  assert.equal(glszm.LargeAreaEmphasis, 27 * 27);
  assert.equal(glszm.ZonePercentage, 1 / 27);
  assert.equal(glszm.GrayLevelVariance, 0);
  const glrlm = pyradiomicsGlrlm(roi);
  assert.equal(glrlm.GrayLevelNonUniformityNormalized, 1);
  const gldm = pyradiomicsGldm(roi);
  // centre voxel has 26 dependent neighbours, corners 7, edges 11, face centres 17
  assert.equal(gldm.LargeDependenceEmphasis, (27 * 27 + 8 * 8 * 8 + 12 * 12 * 12 + 6 * 18 * 18) / 27);
});

test('flat region in IBSI mode: undefined statistics are NaN, defined ones are finite', () => {
  const f = ibsiGlcm(cube(3, 1));
  assert.ok(Number.isNaN(f.cm_corr_3D_avg) && Number.isNaN(f.cm_info_corr1_3D_comb));
  assert.equal(f.cm_joint_max_3D_comb, 1);
  assert.equal(f.cm_inv_diff_2D_avg, 1);
});

test('single-voxel ROI: no co-occurrence (NaN), one zone, NGTDM conventions differ between IBSI and PyRadiomics', () => {
  const roi = cube(1, 3);
  const cm = ibsiGlcm(roi, { spatial: ['3D'] });
  assert.ok(Object.values(cm).every(Number.isNaN));
  const szm = ibsiGlszm(roi, { spatial: ['3D'] });
  assert.equal(szm.szm_sze_3D, 1);
  assert.equal(szm.szm_z_perc_3D, 1);
  const dzm = ibsiGldzm(roi, undefined, { spatial: ['2D', '3D'] });
  assert.equal(dzm.dzm_sde_3D, 1);
  assert.equal(dzm.dzm_sde_2D, 1);
  assert.ok(Object.values(ibsiNgtdm(roi, { spatial: ['3D'] })).every(Number.isNaN)); // IBSI: no voxel with a neighbour
  assert.equal(pyradiomicsNgtdm(roi).Coarseness, 1e6); // PyRadiomics counts it with s = 0
  assert.equal(ibsiNgldm(roi, { spatial: ['3D'] }).ngl_lde_3D, 1);
  assert.ok(Object.values(pyradiomicsGlcm(roi)).every(Number.isNaN));
});

test('empty or malformed ROIs throw typed errors', () => {
  const empty = cube(2, 0);
  assert.throws(() => ibsiGlcm(empty), MaskError);
  assert.throws(() => pyradiomicsTexture(empty), MaskError);
  const bad = cube(2, 5);
  assert.throws(() => pyradiomicsGlcm({ ...bad, nLevels: 4 }), InvalidInputError);
  assert.throws(() => ibsiGlszm({ ...bad, levels: bad.levels.subarray(1) }), InvalidInputError);
  const neg = cube(2, 1);
  const lv = Int32Array.from(neg.levels);
  lv[0] = -1;
  assert.throws(() => ibsiNgldm({ ...neg, levels: lv }), InvalidInputError);
  assert.throws(() => ibsiNgldm({ ...neg, nLevels: 0 }), InvalidInputError);
});

test('invalid settings throw InvalidInputError', () => {
  const roi = cube(3, 1);
  assert.throws(() => pyradiomicsGlcm(roi, { weightingNorm: 'chebyshev' as never }), InvalidInputError);
  assert.throws(() => pyradiomicsGlcm(roi, { distances: [0] }), InvalidInputError);
  assert.throws(() => pyradiomicsGlcm(roi, { distances: [] }), InvalidInputError);
  assert.throws(() => pyradiomicsGlszm(roi, { force2D: true, force2Ddimension: 3 }), InvalidInputError);
  assert.throws(() => pyradiomicsGldm(roi, { gldm_a: -1 }), InvalidInputError);
  assert.throws(() => ibsiGlcm(roi, { distance: 1.5 }), InvalidInputError);
  assert.throws(() => ibsiNgldm(roi, { alpha: Number.NaN }), InvalidInputError);
  // co-occurrence matrices with too many grey levels are refused (memory)
  const many = cube(2, 3000);
  assert.throws(() => pyradiomicsGlcm(many), InvalidInputError);
  assert.throws(() => ibsiTexture(many), InvalidInputError);
  assert.equal(pyradiomicsGlszm(many).ZonePercentage, 1 / 8); // other families still work
  // a morphological mask must contain the intensity mask
  const morph = new Uint8Array(roi.levels.length);
  assert.throws(() => ibsiGldzm(roi, morph), InvalidInputError);
});

test('inputs are not modified', () => {
  const roi = cube(4, 2);
  const lv = Int32Array.from(roi.levels);
  lv[40] = 1;
  const r = { ...roi, levels: lv };
  const morph = Uint8Array.from(lv, (g) => (g ? 1 : 0));
  const before = Int32Array.from(lv);
  const morphBefore = Uint8Array.from(morph);
  ibsiTexture(r, morph);
  pyradiomicsTexture(r, undefined, { weightingNorm: 'euclidean' });
  assert.deepEqual(lv, before);
  assert.deepEqual(morph, morphBefore);
});
