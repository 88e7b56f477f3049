// The combined functions (one grid, one fused pass per direction, shared zones) must give exactly what the
// per-family functions give, for all setting combinations that change which products are shared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ibsiGlcm, ibsiGldzm, ibsiGlrlm, ibsiGlszm, ibsiNgldm, ibsiNgtdm, ibsiTexture, pyradiomicsGlcm, pyradiomicsGldm,
  pyradiomicsGlrlm, pyradiomicsGlszm, pyradiomicsNgtdm, pyradiomicsTexture, type PyradiomicsAllTextureSettings,
} from '../../../src/features/texture/index.js';
import type { FeatureValues } from '../../../src/features/types.js';
import { close, randomRoi } from './roi-helpers.js';

const roi = randomRoi(21, [10, 8, 6], 7, 0.75);

function prefixed(cls: string, v: FeatureValues): FeatureValues {
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [`${cls}_${k}`, x]));
}

function same(a: FeatureValues, b: FeatureValues, what: string): void {
  assert.deepEqual(Object.keys(a).sort(), Object.keys(b).sort(), what);
  for (const k of Object.keys(a)) assert.ok(close(a[k], b[k], 1e-12), `${what} ${k}: ${a[k]} vs ${b[k]}`);
}

const settingsList: PyradiomicsAllTextureSettings[] = [
  {},
  { force2D: true },
  { force2D: true, force2Ddimension: 2 },
  { distances: [1, 2], gldm_a: 1 },
  { weightingNorm: 'infinity', symmetricalGLCM: false },
];

for (const s of settingsList) {
  test(`pyradiomicsTexture equals the per-class functions, settings ${JSON.stringify(s)}`, () => {
    const separate = {
      ...prefixed('glcm', pyradiomicsGlcm(roi, s)), ...prefixed('glrlm', pyradiomicsGlrlm(roi, s)),
      ...prefixed('glszm', pyradiomicsGlszm(roi, s)), ...prefixed('gldm', pyradiomicsGldm(roi, s)),
      ...prefixed('ngtdm', pyradiomicsNgtdm(roi, s)),
    };
    same(pyradiomicsTexture(roi, undefined, s), separate, 'all classes');
    same(pyradiomicsTexture(roi, ['glszm', 'ngtdm'], s), { ...prefixed('glszm', pyradiomicsGlszm(roi, s)), ...prefixed('ngtdm', pyradiomicsNgtdm(roi, s)) }, 'two classes');
  });
}

for (const o of [{}, { distance: 2, alpha: 1 }, { spatial: ['3D'] as const }]) {
  test(`ibsiTexture equals the per-family functions, options ${JSON.stringify(o)}`, () => {
    // a morphological mask larger than the intensity mask (as after re-segmentation)
    const morph = Uint8Array.from(roi.levels, (g, i) => (g > 0 || i % 5 === 0 ? 1 : 0));
    const separate = {
      ...ibsiGlcm(roi, o), ...ibsiGlrlm(roi, o), ...ibsiGlszm(roi, o), ...ibsiGldzm(roi, morph, o), ...ibsiNgtdm(roi, o), ...ibsiNgldm(roi, o),
    };
    same(ibsiTexture(roi, morph, o), separate, 'all families');
  });
}
