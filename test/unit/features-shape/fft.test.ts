import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fft1d, fft3d, fftSize } from '../../../src/features/ibsi-morphology/fft.js';
import { Rng } from '../../../src/core/rng.js';

function naiveDft(re: number[], im: number[], sign: number): [number[], number[]] {
  const n = re.length;
  const or: number[] = [], oi: number[] = [];
  for (let k = 0; k < n; k++) {
    let sr = 0, si = 0;
    for (let t = 0; t < n; t++) {
      const a = (sign * -2 * Math.PI * ((k * t) % n)) / n;
      sr += re[t] * Math.cos(a) - im[t] * Math.sin(a);
      si += re[t] * Math.sin(a) + im[t] * Math.cos(a);
    }
    or.push(sr); oi.push(si);
  }
  return [or, oi];
}

test('fft1d equals the naive DFT for mixed-radix lengths, forward and inverse', () => {
  const rng = Rng.fromSeed(1);
  for (const n of [1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 24, 25, 27, 30, 32, 45, 60, 64, 75, 96, 100, 120, 125]) {
    for (const inverse of [false, true]) {
      const re = Array.from({ length: n }, () => rng.normal());
      const im = Array.from({ length: n }, () => rng.normal());
      const [er, ei] = naiveDft(re, im, inverse ? -1 : 1);
      const a = Float64Array.from(re), b = Float64Array.from(im);
      fft1d(a, b, inverse, new Float64Array(n + 7), new Float64Array(n + 7));
      for (let k = 0; k < n; k++) {
        assert.ok(Math.abs(a[k] - er[k]) < 1e-9 && Math.abs(b[k] - ei[k]) < 1e-9, `n=${n} k=${k} inverse=${inverse}`);
      }
    }
  }
});

test('fft3d forward then inverse returns N·x; sizes are 5-smooth', () => {
  const rng = Rng.fromSeed(2);
  const size: [number, number, number] = [6, 5, 4];
  const n = 120;
  const re = Float64Array.from({ length: n }, () => rng.normal());
  const im = Float64Array.from({ length: n }, () => rng.normal());
  const r0 = re.slice(), i0 = im.slice();
  fft3d(re, im, size, false);
  // DC term = sum
  assert.ok(Math.abs(re[0] - r0.reduce((s, v) => s + v, 0)) < 1e-10);
  fft3d(re, im, size, true);
  for (let i = 0; i < n; i++) assert.ok(Math.abs(re[i] / n - r0[i]) < 1e-12 && Math.abs(im[i] / n - i0[i]) < 1e-12);
  assert.equal(fftSize(199), 200);
  assert.equal(fftSize(51), 54);
  assert.equal(fftSize(1), 1);
  assert.equal(fftSize(7), 8);
});

test('fft3dRealEven equals the real part of the full complex transform of an even kernel', async () => {
  const { fft3dRealEven } = await import('../../../src/features/ibsi-morphology/fft.js');
  const size: [number, number, number] = [10, 6, 5];
  const n = 300;
  const k = new Float64Array(n);
  for (let z = 0; z < 5; z++) for (let y = 0; y < 6; y++) for (let x = 0; x < 10; x++) {
    const dx = Math.min(x, 10 - x), dy = Math.min(y, 6 - y), dz = Math.min(z, 5 - z);
    const d2 = dx * dx + 2 * dy * dy + 3 * dz * dz;
    k[x + 10 * (y + 6 * z)] = d2 === 0 ? 0 : 1 / Math.sqrt(d2);
  }
  const re = k.slice(), im = new Float64Array(n);
  fft3d(re, im, size, false);
  const even = k.slice();
  fft3dRealEven(even, size);
  for (let i = 0; i < n; i++) {
    assert.ok(Math.abs(even[i] - re[i]) < 1e-12, `real part ${i}`);
    assert.ok(Math.abs(im[i]) < 1e-12, `imaginary part ${i}`);
  }
});
