// PyRadiomics settings: force2D along each axis, larger distances, angle sets, single-slice ROIs in 3D mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pyradiomicsDirections, pyradiomicsGlcmMatrices, pyradiomicsGlrlmMatrices as pyradiomicsGlrlmMatricesOf, pyradiomicsTexture } from '../../../src/features/texture/index.js';
import type { DiscretisedRoi } from '../../../src/features/types.js';
import { close, randomRoi, transformRoi } from './roi-helpers.js';

test('angle sets: 13 in 3D, 4 with force2D, 49 for distance 2 (PyRadiomics docs), none longer than the ROI', () => {
  const big: [number, number, number] = [10, 10, 10];
  assert.equal(pyradiomicsDirections([1], -1, big).length, 13);
  assert.equal(pyradiomicsDirections([1], 0, big).length, 4);
  assert.equal(pyradiomicsDirections([2], -1, big).length, (125 - 27) / 2);
  assert.equal(pyradiomicsDirections([1, 2], -1, big).length, (125 - 1) / 2);
  assert.equal(pyradiomicsDirections([1], -1, [10, 10, 1]).length, 4);
  // order follows PyRadiomics' generator: first angle (z, y, x) = (1, 1, 1), last in-plane (0, 0, 1)
  const a = pyradiomicsDirections([1], -1, big);
  assert.deepEqual(a[0], [1, 1, 1]);
  assert.deepEqual(a[12], [1, 0, 0]);
});

test('force2D along j (dimension 1) equals force2D along k after swapping the j and k axes', () => {
  const roi = randomRoi(5, [7, 6, 5], 5, 0.8);
  const [sx, sy, sz] = roi.size;
  const swapped = transformRoi(roi, [sx, sz, sy], (x, y, z) => [x, z, y], [roi.spacing[0], roi.spacing[2], roi.spacing[1]]);
  const a = pyradiomicsTexture(roi, undefined, { force2D: true, force2Ddimension: 1, weightingNorm: 'manhattan' });
  const b = pyradiomicsTexture(swapped, undefined, { force2D: true, force2Ddimension: 0, weightingNorm: 'manhattan' });
  for (const k of Object.keys(a)) assert.ok(close(a[k], b[k], 1e-9), `${k}: ${a[k]} vs ${b[k]}`);
  const c = pyradiomicsTexture(roi, undefined, { force2D: true, force2Ddimension: 2 });
  const d = pyradiomicsTexture(roi, undefined, { force2D: true, force2Ddimension: 0 });
  assert.ok(Object.keys(c).some((k) => !close(c[k], d[k], 1e-6)));
});

test('a single-slice ROI gives the same features in 3D mode as with force2D (out-of-plane angles are empty)', () => {
  const slab = randomRoi(8, [9, 8, 1], 6, 0.8);
  const padded = transformRoi(slab, [9, 8, 3], (x, y, z) => [x, y, z === 1 ? 0 : 0]);
  const lv = Int32Array.from(padded.levels);
  for (let i = 0; i < 72; i++) { lv[i] = 0; lv[i + 144] = 0; } // only the middle slice is in the ROI
  const roi: DiscretisedRoi = { ...padded, levels: lv };
  const a = pyradiomicsTexture(roi);
  const b = pyradiomicsTexture(roi, undefined, { force2D: true });
  for (const k of Object.keys(a)) assert.ok(close(a[k], b[k], 1e-12), `${k}: ${a[k]} vs ${b[k]}`);
});

test('distance 2: GLCM per angle equals a direct pair count at that offset', () => {
  const roi = randomRoi(3, [7, 7, 5], 4, 0.9);
  const { ng, angles, matrices } = pyradiomicsGlcmMatrices(roi, { distances: [2] });
  assert.equal(angles.length, 49);
  const [sx, sy, sz] = roi.size;
  const at = (x: number, y: number, z: number): number => (x < 0 || y < 0 || z < 0 || x >= sx || y >= sy || z >= sz ? 0 : roi.levels[x + sx * (y + sy * z)]);
  angles.forEach((d, a) => {
    assert.equal(Math.max(Math.abs(d[0]), Math.abs(d[1]), Math.abs(d[2])), 2);
    const m = new Float64Array(ng * ng);
    for (let z = 0; z < sz; z++) for (let y = 0; y < sy; y++) for (let x = 0; x < sx; x++) {
      const g = at(x, y, z), h = at(x + d[0], y + d[1], z + d[2]);
      if (g > 0 && h > 0) { m[(g - 1) * ng + h - 1]++; m[(h - 1) * ng + g - 1]++; }
    }
    const total = m.reduce((s, v) => s + v, 0);
    for (let t = 0; t < m.length; t++) assert.ok(Math.abs(matrices[a][t] - m[t] / total) < 1e-15);
  });
});

test('GLRLM keeps an angle only if some line along it holds two ROI voxels (PyRadiomics multiElement rule)', () => {
  // voxels A (0,0,0) and B (2,0,0) share a line along x without touching; C (0,1,1) is alone on its lines
  const levels = new Int32Array(3 * 2 * 2);
  levels[0] = 1; levels[2] = 1; levels[0 + 3 * (1 + 2 * 1)] = 2;
  const roi: DiscretisedRoi = { size: [3, 2, 2], spacing: [1, 1, 1], levels, nLevels: 2 };
  const { angles } = pyradiomicsGlrlmMatricesOf(roi);
  const pts: [number, number, number][] = [[0, 0, 0], [2, 0, 0], [0, 1, 1]];
  const onCommonLine = (d: readonly number[]): boolean => pts.some((p, i) => pts.some((q, j) => {
    if (i === j) return false;
    const t = [0, 1, 2].map((k) => (d[k] === 0 ? (q[k] === p[k] ? null : NaN) : (q[k] - p[k]) / d[k]));
    const ts = t.filter((x) => x !== null) as number[];
    return ts.length > 0 && ts.every((x) => Number.isInteger(x) && x === ts[0] && x !== 0);
  }));
  const expected = pyradiomicsDirections([1], -1, [3, 2, 2]).filter(onCommonLine);
  assert.deepEqual(angles, expected);
  assert.ok(angles.some((d) => d[0] === 1 && d[1] === 0 && d[2] === 0));
  assert.ok(!angles.some((d) => d[0] === 0 && d[1] === 0 && d[2] === 1));
});
