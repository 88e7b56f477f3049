// Eigenvalues of symmetric matrices with a spectrum fixed by construction (A = H D H, H a Householder reflection).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countBelow, kthLargestEigenvalue, tridiagonalize } from '../../../src/features/texture/common/eigen.js';
import { Rng } from '../../../src/core/rng.js';

function withSpectrum(d: number[], seed: number): Float64Array {
  const n = d.length;
  const rng = Rng.fromSeed(seed);
  const v = Array.from({ length: n }, () => rng.normal());
  const vv = v.reduce((a, x) => a + x * x, 0);
  const h = (i: number, j: number): number => (i === j ? 1 : 0) - (2 * v[i] * v[j]) / vv;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += h(i, k) * d[k] * h(k, j);
    a[i * n + j] = s;
  }
  return a;
}

test('k-th largest eigenvalue of matrices with known spectra', () => {
  const spectra = [
    [5, 3, 1, -2, 0.5],
    [1, 1, 1, 0.25, 0, 0, 0],
    [2.5],
    [1e-3, 1, 0.999999, -7, 3, 3, 2, 11, 0.1],
  ];
  spectra.forEach((d, s) => {
    const t = tridiagonalize(withSpectrum(d, s + 1), d.length);
    const sorted = [...d].sort((a, b) => b - a);
    sorted.forEach((lambda, k) => {
      const got = kthLargestEigenvalue(t, k + 1);
      assert.ok(Math.abs(got - lambda) < 1e-12 * Math.max(1, Math.abs(lambda)), `spectrum ${s}, k=${k + 1}: ${got} vs ${lambda}`);
    });
  });
});

test('Sturm count brackets the spectrum', () => {
  const t = tridiagonalize(withSpectrum([4, 2, 2, -1], 9), 4);
  assert.equal(countBelow(t, -2), 0);
  assert.equal(countBelow(t, 0), 1);
  assert.equal(countBelow(t, 3), 3);
  assert.equal(countBelow(t, 5), 4);
  assert.throws(() => kthLargestEigenvalue(t, 5), RangeError);
});
