// Property tests: texture features do not change under mirror flips and axis swaps that map the neighbourhood
// onto itself, nor under translation of the ROI inside the array.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ibsiTexture, pyradiomicsTexture } from '../../../src/features/texture/index.js';
import type { DiscretisedRoi, FeatureValues } from '../../../src/features/types.js';
import { close, randomRoi, transformRoi } from './roi-helpers.js';

function assertSame(a: FeatureValues, b: FeatureValues, keys: (k: string) => boolean, what: string): void {
  const names = Object.keys(a).filter(keys);
  assert.ok(names.length > 10, `${what}: too few features compared`);
  for (const k of names) assert.ok(close(a[k], b[k], 1e-9), `${what}: ${k} ${a[k]} vs ${b[k]}`);
}

const roi = randomRoi(11, [9, 7, 5], 6, 0.85);
const [sx, sy, sz] = roi.size;
const sp = roi.spacing;
const flipX = (r: DiscretisedRoi): DiscretisedRoi => transformRoi(r, [sx, sy, sz], (x, y, z) => [sx - 1 - x, y, z]);
const swapXY = (r: DiscretisedRoi): DiscretisedRoi => transformRoi(r, [sy, sx, sz], (x, y, z) => [y, x, z], [sp[1], sp[0], sp[2]]);
const swapXZ = (r: DiscretisedRoi): DiscretisedRoi => transformRoi(r, [sz, sy, sx], (x, y, z) => [z, y, x], [sp[2], sp[1], sp[0]]);
const flipZ = (r: DiscretisedRoi): DiscretisedRoi => transformRoi(r, [sx, sy, sz], (x, y, z) => [x, y, sz - 1 - z]);

test('IBSI 3D features are invariant under flips and axis swaps', () => {
  const ref = ibsiTexture(roi, undefined, { spatial: ['3D'] });
  for (const [name, t] of [['flip x', flipX], ['swap x/y', swapXY], ['swap x/z', swapXZ], ['flip z', flipZ]] as const) {
    assertSame(ref, ibsiTexture(t(roi), undefined, { spatial: ['3D'] }), () => true, name);
  }
});

test('IBSI 2D and 2.5D features are invariant under in-plane flips and swaps, and under slice reversal', () => {
  const opts = { spatial: ['2D', '2_5D'] as const };
  const ref = ibsiTexture(roi, undefined, opts);
  for (const [name, t] of [['flip x', flipX], ['swap x/y', swapXY], ['flip z', flipZ]] as const) {
    assertSame(ref, ibsiTexture(t(roi), undefined, opts), () => true, name);
  }
  // a through-plane swap changes the slices, so per-slice features differ
  const swapped = ibsiTexture(swapXZ(roi), undefined, opts);
  assert.ok(Object.keys(ref).some((k) => !close(ref[k], swapped[k], 1e-6)));
});

test('PyRadiomics-mode features are invariant under flips and swaps (also with distance weighting)', () => {
  const ref = pyradiomicsTexture(roi);
  for (const [name, t] of [['flip x', flipX], ['swap x/y', swapXY], ['swap x/z', swapXZ]] as const) {
    assertSame(ref, pyradiomicsTexture(t(roi)), () => true, name);
  }
  const w = pyradiomicsTexture(roi, ['glcm', 'glrlm'], { weightingNorm: 'euclidean' });
  assertSame(w, pyradiomicsTexture(swapXY(roi), ['glcm', 'glrlm'], { weightingNorm: 'euclidean' }), () => true, 'weighted, swap x/y');
  // weighting with anisotropic spacing changes GLCM and GLRLM values
  assert.ok(Object.keys(w).some((k) => !close(w[k], ref[k], 1e-6)));
});

test('features do not depend on where the ROI lies in the array', () => {
  const big = transformRoi(roi, [sx + 5, sy + 3, sz + 2], (x, y, z) => {
    const a = x - 2, b = y - 1, c = z - 2;
    return a >= 0 && b >= 0 && c >= 0 && a < sx && b < sy && c < sz ? [a, b, c] : [0, 0, 0];
  });
  // cells mapped to (0,0,0) outside the shifted box must be empty
  const lv = Int32Array.from(big.levels);
  for (let z = 0; z < sz + 2; z++) for (let y = 0; y < sy + 3; y++) for (let x = 0; x < sx + 5; x++) {
    const a = x - 2, b = y - 1, c = z - 2;
    if (!(a >= 0 && b >= 0 && c >= 0 && a < sx && b < sy && c < sz)) lv[x + (sx + 5) * (y + (sy + 3) * z)] = 0;
  }
  const moved = { ...big, levels: lv };
  assertSame(ibsiTexture(roi), ibsiTexture(moved), () => true, 'IBSI');
  assertSame(pyradiomicsTexture(roi), pyradiomicsTexture(moved), () => true, 'PyRadiomics');
});
