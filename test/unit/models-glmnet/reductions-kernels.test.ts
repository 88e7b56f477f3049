import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eigenDot, eigenSum } from '../../../src/models/glmnet/eigen-reduce.js';
import { createCdKernels } from '../../../src/models/glmnet/cd-kernels.js';
import { Rng } from '../../../src/core/rng.js';

test("Eigen's reduction order: four interleaved accumulators, (a0+a2)+(a1+a3), then the tail", () => {
  const a = Float64Array.from([1e16, 1, -1e16, 1, 3, 5, 7]);
  // n = 7: accumulators over 0..3, then packet (4,5), then element 6
  const s0 = a[0] + a[4], s1 = a[1] + a[5], s2 = a[2], s3 = a[3];
  const expected = ((a[0] + s2) + a[4]) + ((a[1] + s3) + a[5]) + a[6];
  void s0; void s1;
  assert.equal(eigenSum(a), expected);
  assert.equal(eigenSum(Float64Array.from([2])), 2);
  assert.equal(eigenSum(new Float64Array(0)), 0);
  const b = Float64Array.from([1, 2, 3, 4, 5, 6, 7]);
  assert.equal(eigenDot(a, 0, b, 0, 7), ((a[0] * 1 + a[2] * 3) + a[4] * 5) + ((a[1] * 2 + a[3] * 4) + a[5] * 6) + a[6] * 7);
});

test('WebAssembly-SIMD and JavaScript kernels give identical bits', () => {
  const w = createCdKernels();
  const j = createCdKernels('js');
  const rng = Rng.fromSeed(2);
  for (let n = 0; n < 23; n++) {
    const tot = 4 * n + 40;
    w.ensure(tot, 8);
    j.ensure(tot, 8);
    for (let i = 0; i < tot; i++) { const v = rng.normal() * 10 ** rng.intRange(-5, 5); w.heap[i] = v; j.heap[i] = v; }
    const A = 1, B = A + n + 1, C = B + n + 3;
    assert.equal(w.dot(A, B, n), j.dot(A, B, n), `dot n=${n}`);
    assert.equal(w.dotSquare(A, B, n), j.dotSquare(A, B, n), `dotSquare n=${n}`);
    assert.equal(w.sum(B, n), j.sum(B, n), `sum n=${n}`);
    w.subScaledProduct(A, B, C, n, 0.3); j.subScaledProduct(A, B, C, n, 0.3);
    w.subScaled(B, C, n, -1.7); j.subScaled(B, C, n, -1.7);
    w.addScaled(C, A, n, 2.5); j.addScaled(C, A, n, 2.5);
    if (n > 2) { const idx = Int32Array.from([2, 0]); w.absDots(A, 0, 3, idx, 2, C + n); j.absDots(A, 0, 3, idx, 2, C + n); }
    for (let i = 0; i < tot; i++) assert.equal(w.heap[i], j.heap[i], `heap[${i}] n=${n}`);
  }
});
