// The texture WebAssembly kernels: the stored module bytes are the assembled module; the eigenvalue functions give
// the JavaScript functions' results to the last bit, and the maximal correlation coefficient is the same on both
// paths (symmetric and asymmetric integer counts, double counts, empty levels, order 2); the voxel pass gives the same
// products in WebAssembly and in JavaScript, and so do the GLCM integer marginals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../../src/core/rng.js';
import { ibsiDirections } from '../../../src/features/texture/common/directions.js';
import { buildTextureGrid, gridOffset } from '../../../src/features/texture/common/grid.js';
import { jsMultiDirectionPass, wasmMultiDirectionPass } from '../../../src/features/texture/common/pass-kernels.js';
import { TextureWasm, type TextureWasmExports } from '../../../src/features/texture/common/texture-wasm.js';
import { randomRoi } from './roi-helpers.js';
import { kthLargestEigenvalue, tridiagonalizeInPlace } from '../../../src/features/texture/common/eigen.js';
import type { EigenWasmExports } from '../../../src/features/texture/common/eigen-wasm.js';
import { jsIntegerCounts, wasmIntegerCounts } from '../../../src/features/texture/glcm/integer-counts.js';
import { maximalCorrelation } from '../../../src/features/texture/glcm/mcc.js';
import { textureWasmModule } from '../../../src/features/texture/wasm-module.js';
import { TEXTURE_WASM_BASE64 } from '../../../src/features/texture/common/texture-wasm-bytes.js';

interface Wasm {
  Module: new (b: Uint8Array) => object;
  Memory: new (d: { initial: number }) => { buffer: ArrayBuffer; grow(pages: number): number };
  Instance: new (m: object, i: object) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

/** An instance of the stored module (whatever DLRN_NO_WASM says: these tests are about the kernels themselves). */
function storedKernels(): TextureWasm {
  const memory = new wasm.Memory({ initial: 1 });
  const ex = new wasm.Instance(new wasm.Module(Buffer.from(TEXTURE_WASM_BASE64, 'base64')), { env: { memory } }).exports;
  return new TextureWasm(ex as TextureWasmExports, memory);
}

test('the stored module bytes are the assembled kernel', () => {
  assert.equal(Buffer.from(textureWasmModule()).toString('base64'), TEXTURE_WASM_BASE64);
});

test('tridiagonalisation and bisection in WebAssembly equal the JavaScript functions bit for bit', () => {
  const memory = new wasm.Memory({ initial: 1 });
  const ex = new wasm.Instance(new wasm.Module(textureWasmModule()), { env: { memory } }).exports as EigenWasmExports;
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

/** Root of v in a union-find forest. */
function rootOf(parent: Int32Array, v: number): number {
  let r = v;
  while (parent[r] !== r) r = parent[r];
  return r;
}

test('voxel pass in WebAssembly: the same co-occurrences, runs, tallies, longest runs and zone roots as in JavaScript', () => {
  const w = storedKernels();
  for (const [seed, size, ng, alpha] of [[1, [9, 7, 5], 6, 0], [2, [20, 3, 4], 3, 1], [3, [4, 4, 1], 2, 0.5]] as const) {
    const grid = buildTextureGrid(randomRoi(seed, [...size], ng, 0.7), 1);
    const offsets = Int32Array.from(ibsiDirections('3D', 1), (d) => gridOffset(grid, d[0], d[1], d[2]));
    const stride = Math.max(grid.nx, grid.ny, grid.nz);
    const products = () => {
      const parent = new Int32Array(grid.levels.length);
      for (const v of grid.voxels) parent[v] = v;
      return {
        coocs: Array.from(offsets, () => new Int32Array(grid.maxLevel * grid.maxLevel)),
        runs: Array.from(offsets, () => new Int32Array(grid.maxLevel * stride)),
        tallies: new Int32Array(2 * grid.levels.length),
        parent,
      };
    };
    const js = products();
    const wa = products();
    const args = [grid.levels, grid.voxels, offsets, grid.maxLevel, alpha, stride] as const;
    const longJs = jsMultiDirectionPass(...args, js.coocs, js.parent, js.tallies, js.runs);
    const longWa = wasmMultiDirectionPass(w, ...args, wa.coocs, wa.parent, wa.tallies, wa.runs);
    assert.deepEqual(longWa, longJs, `longest runs, case ${seed}`);
    assert.deepEqual(wa.coocs, js.coocs, `co-occurrences, case ${seed}`);
    assert.deepEqual(wa.runs, js.runs, `runs, case ${seed}`);
    assert.deepEqual(wa.tallies, js.tallies, `tallies, case ${seed}`);
    for (const v of grid.voxels) assert.equal(rootOf(wa.parent, v), rootOf(js.parent, v), `zone root of voxel ${v}, case ${seed}`);
  }
});

test('GLCM integer marginals in WebAssembly equal the JavaScript ones', () => {
  const w = storedKernels();
  const rng = Rng.fromSeed(5);
  for (const ng of [1, 2, 9, 40]) {
    const sym = symmetricCounts(rng, ng);
    for (const m of [sym, Int32Array.from(sym, (c, t) => (t % 3 === 0 ? c * 70000 : c)), new Int32Array(ng * ng)]) {
      assert.deepEqual(wasmIntegerCounts(w, m, ng), jsIntegerCounts(m, ng), `N_g ${ng}`);
    }
  }
});
