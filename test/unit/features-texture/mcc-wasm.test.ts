// The WebAssembly MCC kernel: its stored bytes are the assembled kernel, its eigenvalue functions give the JavaScript
// functions' results to the last bit, and the maximal correlation coefficient is the same on both paths
// (symmetric and asymmetric integer counts, double counts, empty levels, order 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../../src/core/rng.js';
import { kthLargestEigenvalue, tridiagonalizeInPlace } from '../../../src/features/texture/common/eigen.js';
import type { EigenWasmExports } from '../../../src/features/texture/common/eigen-wasm.js';
import { maximalCorrelation } from '../../../src/features/texture/glcm/mcc.js';
import { mccWasmModule } from '../../../src/features/texture/glcm/mcc-wasm.js';
import { MCC_WASM_BASE64 } from '../../../src/features/texture/glcm/mcc-wasm-bytes.js';

interface Wasm {
  Module: new (b: Uint8Array) => object;
  Memory: new (d: { initial: number }) => { buffer: ArrayBuffer };
  Instance: new (m: object, i: object) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

test('the stored module bytes are the assembled kernel', () => {
  assert.equal(Buffer.from(mccWasmModule()).toString('base64'), MCC_WASM_BASE64);
});

test('tridiagonalisation and bisection in WebAssembly equal the JavaScript functions bit for bit', () => {
  const memory = new wasm.Memory({ initial: 1 });
  const ex = new wasm.Instance(new wasm.Module(mccWasmModule()), { env: { memory } }).exports as EigenWasmExports;
  const rng = Rng.fromSeed(3);
  for (const n of [1, 2, 3, 7, 20]) {
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = rng.normal();
    if (n === 7) for (let j = 0; j < n; j++) a[j] = a[j * n] = 0; // a zero column: α = 0 in the first reflection
    const d = new Float64Array(n), e = new Float64Array(n);
    tridiagonalizeInPlace(Float64Array.from(a), n, new Float64Array(n), new Float64Array(n), d, e);
    const m = 8 * n * n; // layout: matrix, v, p, d, e
    new Float64Array(memory.buffer, 0, n * n).set(a);
    ex.tridiag(0, n, m, m + 8 * n, m + 16 * n, m + 24 * n);
    assert.deepEqual(new Float64Array(memory.buffer, m + 16 * n, n), d, `diagonal, n = ${n}`);
    assert.deepEqual(new Float64Array(memory.buffer, m + 24 * n, Math.max(n - 1, 0)), e.subarray(0, Math.max(n - 1, 0)), `off-diagonal, n = ${n}`);
    for (let k = 1; k <= n; k++) {
      for (const tol of [0, 1e-14, 1e-3]) {
        assert.equal(ex.kth(m + 16 * n, m + 24 * n, n, k, tol), kthLargestEigenvalue({ d, e }, k, tol, n), `λ_${k}, n = ${n}, tolerance ${tol}`);
      }
    }
  }
});

/** Symmetric counts with empty levels (every fourth) and a band of co-occurrences. */
function symmetricCounts(rng: Rng, ng: number): Int32Array {
  const m = new Int32Array(ng * ng);
  for (let a = 0; a < ng; a++) {
    for (let b = 0; b <= a; b++) {
      if (a % 4 === 3 || b % 4 === 3 || a - b > 6) continue;
      const c = Math.floor(rng.uniform() * 40);
      m[a * ng + b] += c;
      m[b * ng + a] += c;
    }
  }
  return m;
}

function marginals(m: Int32Array | Float64Array, ng: number): { px: Float64Array; py: Float64Array; total: number } {
  let total = 0;
  for (let t = 0; t < ng * ng; t++) total += m[t];
  const px = new Float64Array(ng), py = new Float64Array(ng);
  for (let a = 0; a < ng; a++) for (let b = 0; b < ng; b++) { px[a] += m[a * ng + b] / total; py[b] += m[a * ng + b] / total; }
  return { px, py, total };
}

test('maximal correlation coefficient: the same value with and without WebAssembly', () => {
  const rng = Rng.fromSeed(11);
  for (const ng of [2, 3, 9, 33, 70]) {
    const sym = symmetricCounts(rng, ng);
    const asym = Int32Array.from(sym, (c, t) => (t % 5 === 0 ? c + 3 : c));
    for (const m of [sym, asym, Float64Array.from(sym)]) {
      const { px, py, total } = marginals(m, ng);
      for (const known of [true, false]) {
        if (known && m === asym) continue;
        const w = maximalCorrelation(px, py, m, ng, total, undefined, known, true);
        const js = maximalCorrelation(px, py, m, ng, total, undefined, known, false);
        assert.equal(w, js, `N_g ${ng}, ${m === asym ? 'asymmetric' : m instanceof Int32Array ? 'integer' : 'double'}`);
        assert.ok(w >= 0 && w <= 1, `MCC ${w} in [0, 1]`);
      }
    }
  }
});
