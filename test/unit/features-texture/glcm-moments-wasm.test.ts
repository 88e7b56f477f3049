// The GLCM passes with a logarithm per cell in WebAssembly (src/features/texture/glcm/moments-wasm.ts) against their
// JavaScript loops (stats.ts): the same sums bit for bit, symmetric and asymmetric counts, empty rows and columns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../../src/core/rng.js';
import { glcmJointEntropyWasm, glcmRowMomentsWasm } from '../../../src/features/texture/glcm/moments-wasm.js';
import { jsJointEntropy, jsRowMoments, PYRADIOMICS_EPS } from '../../../src/features/texture/glcm/stats.js';

function randomCounts(rng: Rng, ng: number, symmetric: boolean): Int32Array {
  const m = new Int32Array(ng * ng);
  for (let a = 0; a < ng; a++) {
    for (let b = symmetric ? a : 0; b < ng; b++) {
      if (a % 5 === 2 || b % 7 === 3 || rng.uniform() < 0.3) continue; // empty rows/columns and holes
      const c = Math.floor(rng.uniform() * 40);
      m[a * ng + b] += c;
      if (symmetric && b !== a) m[b * ng + a] += c;
    }
  }
  return m;
}

test('GLCM row moments and joint entropy: WebAssembly equals the JavaScript loops bit for bit', (t) => {
  const rng = Rng.fromSeed(77);
  for (const ng of [1, 2, 9, 32, 61]) {
    for (const symmetric of [true, false]) {
      const m = randomCounts(rng, ng, symmetric);
      let total = 0;
      for (const c of m) total += c;
      if (total === 0) continue;
      const px = new Float64Array(ng), py = new Float64Array(ng);
      let ux = 0, uy = 0;
      for (let a = 0; a < ng; a++) for (let b = 0; b < ng; b++) { px[a] += m[a * ng + b] / total; py[b] += m[a * ng + b] / total; }
      for (let a = 0; a < ng; a++) { ux += (a + 1) * px[a]; uy += (a + 1) * py[a]; }
      const start = Float64Array.of(0.5, -1, 2, 0, 0.25, 0); // sums carried in
      const viaJs = start.slice();
      jsRowMoments(m, ng, total, PYRADIOMICS_EPS, px, py, ux, uy, viaJs, symmetric);
      const viaWasm = start.slice();
      if (!glcmRowMomentsWasm(m, ng, total, PYRADIOMICS_EPS, px, py, ux, uy, viaWasm, symmetric)) return t.skip('WebAssembly unavailable');
      assert.deepEqual(Array.from(viaWasm), Array.from(viaJs), `N_g ${ng}, symmetric ${symmetric}`);
      const nonZeros = m.filter((c) => c !== 0);
      assert.equal(glcmJointEntropyWasm(nonZeros, total, PYRADIOMICS_EPS), jsJointEntropy(nonZeros, total, PYRADIOMICS_EPS));
    }
  }
  // too many levels for the module: JavaScript (false, nothing changed)
  const acc = new Float64Array(6);
  assert.equal(glcmRowMomentsWasm(new Int32Array(257 * 257), 257, 1, 0, new Float64Array(257), new Float64Array(257), 0, 0, acc, true), false);
  assert.deepEqual(Array.from(acc), [0, 0, 0, 0, 0, 0]);
});
