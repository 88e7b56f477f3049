import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../../src/core/rng.js';
import { GaussianNoise, normalQuantile } from '../../../src/synthetic/fast-noise.js';
import { blur2d, gaussianKernel, kernelPower } from '../../../src/synthetic/gaussian-blur.js';
import { smoothField } from '../../../src/synthetic/smooth-noise.js';

test('normalQuantile matches tabulated standard normal quantiles', () => {
  // Abramowitz & Stegun table 26.5 / any statistics table
  assert.ok(Math.abs(normalQuantile(0.5)) < 1e-12);
  assert.ok(Math.abs(normalQuantile(0.975) - 1.959963985) < 1e-8);
  assert.ok(Math.abs(normalQuantile(0.001) + 3.090232306) < 1e-8);
  assert.ok(Math.abs(normalQuantile(0.8413447461) - 1) < 1e-8);
  assert.throws(() => normalQuantile(0), RangeError);
});

test('GaussianNoise: same seed gives the same deviates; mean 0, sd 1, normal tail fractions', () => {
  const a = new Float32Array(200_000), b = new Float32Array(200_000);
  new GaussianNoise(Rng.fromSeed(5)).fill(a);
  new GaussianNoise(Rng.fromSeed(5)).fill(b);
  assert.deepEqual(a, b);
  let s = 0, s2 = 0, beyond = 0;
  for (const x of a) { s += x; s2 += x * x; if (Math.abs(x) > 1.96) beyond++; }
  const m = s / a.length, sd = Math.sqrt(s2 / a.length - m * m);
  assert.ok(Math.abs(m) < 0.01, `mean ${m}`);
  assert.ok(Math.abs(sd - 1) < 0.01, `sd ${sd}`);
  assert.ok(Math.abs(beyond / a.length - 0.05) < 0.003, `P(|z| > 1.96) = ${beyond / a.length}`);
  const c = new Float32Array(10);
  new GaussianNoise(Rng.fromSeed(6)).fill(c, 3);
  assert.notDeepEqual(c, a.subarray(0, 10));
});

test('gaussianKernel is normalised and symmetric, and σ ≤ 0 is the identity', () => {
  const k = gaussianKernel(1.3);
  assert.equal(k.length, 2 * Math.ceil(3.9) + 1);
  assert.ok(Math.abs(k.reduce((s, x) => s + x, 0) - 1) < 1e-12);
  for (let i = 0; i < k.length; i++) assert.ok(Math.abs(k[i] - k[k.length - 1 - i]) < 1e-15);
  assert.deepEqual([...gaussianKernel(0)], [1]);
});

test('blur2d keeps constants, spreads a point as the outer product of the kernel, and clamps borders', () => {
  const k = gaussianKernel(0.8), r = (k.length - 1) / 2;
  const nx = 9, ny = 7;
  const flat = new Float32Array(nx * ny).fill(12.5);
  for (const v of blur2d(flat, nx, ny, k)) assert.ok(Math.abs(v - 12.5) < 1e-5);
  const delta = new Float32Array(nx * ny);
  delta[4 + nx * 3] = 1;
  const out = blur2d(delta, nx, ny, k);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    const di = i - 4, dj = j - 3;
    const expect = Math.abs(di) <= r && Math.abs(dj) <= r ? k[di + r] * k[dj + r] : 0;
    assert.ok(Math.abs(out[i + nx * j] - expect) < 1e-6);
  }
  assert.equal(delta[4 + nx * 3], 1, 'input unchanged');
  // a step at the left border: clamping repeats the edge value, so the first column stays at the edge value
  const step = new Float32Array(nx * ny);
  for (let j = 0; j < ny; j++) step[j * nx] = 10;
  assert.ok(blur2d(step, nx, ny, k)[0] > 5);
});

test('white noise blurred by a kernel has variance σ²·(Σw²)² (the scaling render-case relies on)', () => {
  const n = 256;
  const w = new Float32Array(n * n);
  new GaussianNoise(Rng.fromSeed(11)).fill(w);
  const k = gaussianKernel(1.1);
  const b = blur2d(w, n, n, k);
  let s2 = 0;
  for (const v of b) s2 += v * v;
  const sd = Math.sqrt(s2 / b.length);
  assert.ok(Math.abs(sd / kernelPower(k) - 1) < 0.03, `sd ratio ${sd / kernelPower(k)}`);
});

test('smoothField: seeded, within [−1, 1], smooth at short range and decorrelated beyond two cells', () => {
  const box = { lo: [0, 0, 0] as const, hi: [100, 100, 100] as const, cell: 10 };
  const f = smoothField(Rng.fromSeed(3), box), g = smoothField(Rng.fromSeed(3), box);
  const r = Rng.fromSeed(9);
  let near = 0, far = 0, sxx = 0, n = 0, mean = 0;
  for (let i = 0; i < 3000; i++) {
    const x = r.uniformRange(5, 75), y = r.uniformRange(5, 75), z = r.uniformRange(5, 75);
    const v = f.at(x, y, z);
    assert.equal(v, g.at(x, y, z));
    assert.ok(v >= -1 && v <= 1);
    near += v * f.at(x + 0.5, y, z);
    far += v * f.at(x + 25, y, z);
    sxx += v * v; mean += v; n++;
  }
  assert.ok(Math.abs(mean / n) < 0.05);
  assert.ok(near / sxx > 0.95, `correlation at 0.05 cell ${near / sxx}`);
  assert.ok(Math.abs(far / sxx) < 0.15, `correlation at 2.5 cells ${far / sxx}`);
  const io = new Float64Array(4);
  io[0] = 12.3; io[1] = 45.6; io[2] = 78.9;
  f.sample(io, 3);
  assert.equal(io[3], f.at(12.3, 45.6, 78.9));
});

test('blur2dRegion equals blur2d inside the region (unrolled 5-tap path and the general path)', async () => {
  const { blur2dRegion } = await import('../../../src/synthetic/gaussian-blur.js');
  const nx = 40, ny = 30;
  const src = new Float32Array(nx * ny);
  new GaussianNoise(Rng.fromSeed(21)).fill(src, 10);
  const lo = new Int32Array(ny), hi = new Int32Array(ny);
  for (let j = 0; j < ny; j++) { lo[j] = j < 3 || j > 26 ? 0 : Math.max(0, 12 - j); hi[j] = j < 3 || j > 26 ? 0 : Math.min(nx, 20 + j); }
  for (const sigma of [0.7, 1.5]) {
    const k = gaussianKernel(sigma);
    const full = blur2d(src, nx, ny, k);
    const out = new Float32Array(nx * ny).fill(-7);
    blur2dRegion(src, nx, ny, k, lo, hi, new Float32Array(nx * ny), out);
    for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
      const p = i + nx * j;
      if (i >= lo[j] && i < hi[j]) assert.ok(Math.abs(out[p] - full[p]) < 1e-4, `σ ${sigma} at ${i},${j}`);
      else assert.equal(out[p], -7, 'outside the region: untouched');
    }
  }
});
