import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeGeometry } from '../../../src/core/geometry.js';
import { makeVolume } from '../../../src/core/volume.js';
import { ibsiGrid, pyradiomicsGrid, resampleVolume, resampleMaskIbsi, resampleMaskNearest } from '../../../src/preprocess/resample.js';
import { resampleSeparable } from '../../../src/preprocess/interpolate.js';
import { bsplineCoefficients } from '../../../src/preprocess/bspline-coefficients.js';

const close = (a: number, b: number, tol: number) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test('IBSI grid: ceil(n s / s\') voxels centred on the old grid', () => {
  const g = makeGeometry({ size: [5, 4, 3], spacing: [1, 1, 3], origin: [10, 0, 0] });
  const r = ibsiGrid(g, [2, 2, null]);
  assert.deepEqual(r.geometry.size, [3, 2, 3]);
  // x: c(j) = 2 + (j - 1)*2 -> c(0) = 0; y: c(0) = 1.5 - 0.5*2 = 0.5
  close(r.maps[0].offset, 0, 1e-12);
  close(r.maps[1].offset, 0.5, 1e-12);
  assert.equal(r.maps[2].offset, 0);
  close(r.geometry.origin[0], 10, 1e-12);
  close(r.geometry.origin[1], 0.5, 1e-12);
});

test('PyRadiomics grid: bounding box + pad on the new grid, origin shifted by half the spacing change', () => {
  const g = makeGeometry({ size: [20, 20, 10], spacing: [1, 1, 2] });
  const bb = { lo: [5, 6, 3] as const, hi: [9, 8, 5] as const };
  const r = pyradiomicsGrid(g, bb, [2, 2, 2], 1);
  assert.ok(r.grid);
  // x: ratio 0.5, lo = floor(4.5*0.5 - 1) = 1, hi = ceil(9.5*0.5 + 1) = 6 -> size 6
  // y: lo = floor(5.5*0.5 - 1) = 1, hi = ceil(8.5*0.5 + 1) = 6 -> 6
  // z: ratio 1: lo = floor(2.5 - 1) = 1, hi = ceil(5.5 + 1) = 7 -> 7
  assert.deepEqual(r.grid.geometry.size, [6, 6, 7]);
  // origin index x = 0.5*(2-1)/1 + 1/0.5 = 2.5
  close(r.grid.geometry.origin[0], 2.5, 1e-12);
  close(r.grid.geometry.origin[2], 2 * (0 + 1), 1e-12);
  // equal spacing: no interpolation
  assert.equal(pyradiomicsGrid(g, bb, [1, 1, 2], 5).grid, null);
  // a one-voxel-thick axis keeps its spacing; 0 means keep
  const flat = pyradiomicsGrid(g, { lo: [5, 6, 3], hi: [9, 8, 3] }, [2, 0, 1], 5);
  assert.deepEqual(flat.spacing, [2, 1, 2]);
});

test('linear interpolation reproduces a linear ramp; outside points get 0 (ITK) or the edge value (clamp)', () => {
  const n = 6;
  const src = Float64Array.from({ length: n }, (_, i) => 3 * i + 1);
  const maps = [
    { sourceSize: n, targetSize: 8, offset: -0.75, step: 0.9 },
    { sourceSize: 1, targetSize: 1, offset: 0, step: 1 },
    { sourceSize: 1, targetSize: 1, offset: 0, step: 1 },
  ] as const;
  const itk = resampleSeparable(src, [n, 1, 1], maps, 'linear', 'itk');
  const clamp = resampleSeparable(src, [n, 1, 1], maps, 'linear', 'clamp');
  for (let j = 0; j < 8; j++) {
    const c = -0.75 + 0.9 * j;
    const expectedClamp = 3 * Math.min(Math.max(c, 0), n - 1) + 1;
    close(clamp[j], expectedClamp, 1e-12);
    if (c < -0.5 || c >= n - 0.5) assert.equal(itk[j], 0);
    else close(itk[j], expectedClamp, 1e-12);
  }
});

test('nearest neighbour rounds half up', () => {
  const src = Float64Array.of(10, 20, 30);
  const out = resampleSeparable(src, [3, 1, 1], [
    { sourceSize: 3, targetSize: 4, offset: 0, step: 0.5 },
    { sourceSize: 1, targetSize: 1, offset: 0, step: 1 },
    { sourceSize: 1, targetSize: 1, offset: 0, step: 1 },
  ], 'nearest');
  assert.deepEqual(Array.from(out), [10, 20, 20, 30]);
});

test('cubic B-spline: coefficients interpolate the samples, constants stay constant, cubic polynomials are exact inside', () => {
  const size = [30, 4, 3] as const;
  const data = Float64Array.from({ length: 360 }, (_, p) => {
    const i = p % 30;
    return Math.sin(i / 3) * 100 + (p % 7);
  });
  const identity = [
    { sourceSize: 30, targetSize: 30, offset: 0, step: 1 },
    { sourceSize: 4, targetSize: 4, offset: 0, step: 1 },
    { sourceSize: 3, targetSize: 3, offset: 0, step: 1 },
  ] as const;
  const back = resampleSeparable(data, size, identity, 'bspline');
  for (let p = 0; p < data.length; p++) close(back[p], data[p], 1e-8);
  const c = bsplineCoefficients(new Float64Array(360).fill(7), size);
  for (const x of c) close(x, 7, 1e-9);
  // x^3 sampled on 40 points; evaluate between samples far from the edges
  const cube = Float64Array.from({ length: 40 }, (_, i) => (i - 20) ** 3 / 100);
  const out = resampleSeparable(cube, [40, 1, 1], [
    { sourceSize: 40, targetSize: 7, offset: 15.3, step: 1.7 },
    { sourceSize: 1, targetSize: 1, offset: 0, step: 1 },
    { sourceSize: 1, targetSize: 1, offset: 0, step: 1 },
  ], 'bspline');
  for (let j = 0; j < 7; j++) {
    const x = 15.3 + 1.7 * j;
    close(out[j], (x - 20) ** 3 / 100, 1e-6);
  }
});

test('resampleVolume casts like ITK; IBSI mask keeps fractions ≥ 0.5; nearest mask resampling', () => {
  const g = makeGeometry({ size: [4, 1, 1] });
  const v = makeVolume(g, Int16Array.of(0, 1, 2, 3));
  const grid = { geometry: makeGeometry({ size: [3, 1, 1], origin: [0.5, 0, 0] }), maps: [
    { sourceSize: 4, targetSize: 3, offset: 0.5, step: 1 },
    { sourceSize: 1, targetSize: 1, offset: 0, step: 1 },
    { sourceSize: 1, targetSize: 1, offset: 0, step: 1 },
  ] as const };
  const r = resampleVolume(v, grid, { interpolator: 'linear', castTo: 'int16' });
  assert.deepEqual(Array.from(r.data), [0, 1, 2]); // 0.5, 1.5, 2.5 truncated
  const m = makeVolume(g, Uint8Array.of(0, 1, 1, 0));
  assert.deepEqual(Array.from(resampleMaskIbsi(m, grid).data), [1, 1, 1]);
  assert.deepEqual(Array.from(resampleMaskNearest(m, grid).data), [1, 1, 0]);
});
