// The WebAssembly passes over the cropped ROI (src/features/firstorder/{gather,moments,level-counts}-wasm.ts,
// src/preprocess/digitize-wasm.ts)
// against plain loops written here from their definitions: bit-identical sums and extremes, identical levels, across
// chunk edges, with integer and fractional values, NaN/±∞ inside and outside the mask.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gatherMaskedWasm } from '../../../src/features/firstorder/gather-wasm.js';
import { digitizeMaskedWasm } from '../../../src/preprocess/digitize-wasm.js';
import { momentSumsWasm } from '../../../src/features/firstorder/moments-wasm.js';
import { levelCountsWasm } from '../../../src/features/firstorder/level-counts-wasm.js';
import { Rng } from '../../../src/core/rng.js';

function randomCase(rng: Rng, n: number, integers: boolean, density: number): { values: Float64Array; mask: Uint8Array } {
  const values = new Float64Array(n);
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = -1024 + 3000 * rng.uniform();
    values[i] = integers ? Math.round(x) : x;
    mask[i] = rng.uniform() < density ? 1 + Math.floor(3 * rng.uniform()) : 0; // any non-zero byte counts
  }
  return { values, mask };
}

function gatherReference(values: Float64Array, mask: Uint8Array, c: number) {
  const out: number[] = [];
  let sum = 0, energy = 0, min = Infinity, max = -Infinity, integers = true;
  for (let i = 0; i < values.length; i++) {
    if (mask[i] === 0) continue;
    const v = values[i];
    if (!Number.isFinite(v)) return null;
    out.push(v);
    sum += v;
    energy += (v + c) * (v + c);
    if (v < min) min = v;
    if (v > max) max = v;
    if (v !== Math.floor(v)) integers = false;
  }
  return { out, sum, energy, min, max, integers };
}

test('gatherMaskedWasm: the masked values in order, Σx, Σ(x+c)², min, max and the integer flag of a plain loop', (t) => {
  const rng = Rng.fromSeed(31);
  let ran = false;
  for (const n of [1, 100, 8191, 8192, 8193, 20000, 40000]) {
    for (const integers of [true, false]) {
      const { values, mask } = randomCase(rng, n, integers, n === 1 ? 1 : 0.3);
      const c = integers ? 2000 : 0;
      const out = new Float64Array(n);
      const acc = Float64Array.of(0, 0, Infinity, -Infinity, 1, c);
      const q = gatherMaskedWasm(values, mask, out, acc);
      if (q === null) continue; // no WebAssembly here
      ran = true;
      const ref = gatherReference(values, mask, c)!;
      assert.equal(q, ref.out.length);
      assert.deepEqual(Array.from(out.subarray(0, q)), ref.out);
      assert.deepEqual([acc[0], acc[1], acc[2], acc[3], acc[4]], [ref.sum, ref.energy, ref.min, ref.max, ref.integers ? 1 : 0]);
    }
  }
  if (!ran) t.skip('WebAssembly unavailable');
  // non-finite values: ignored outside the mask, −1 inside
  const { values, mask } = randomCase(rng, 10000, true, 0.5);
  for (const bad of [NaN, Infinity, -Infinity]) {
    const v = values.slice();
    const m = mask.slice();
    m[9000] = 0;
    v[9000] = bad;
    const acc = Float64Array.of(0, 0, Infinity, -Infinity, 1, 0);
    assert.equal(gatherMaskedWasm(v, m, new Float64Array(10000), acc), gatherReference(v, m, 0)!.out.length);
    m[9000] = 1;
    assert.equal(gatherMaskedWasm(v, m, new Float64Array(10000), Float64Array.of(0, 0, Infinity, -Infinity, 1, 0)), -1);
  }
});

function digitizeReference(values: Float64Array, mask: Uint8Array, edges: Float64Array): { levels: Int32Array; top: number } {
  const levels = new Int32Array(values.length);
  let top = 0;
  for (let i = 0; i < values.length; i++) {
    if (mask[i] === 0) continue;
    let k = 0; // numpy.digitize: edges[k−1] ≤ x < edges[k]
    while (k < edges.length && values[i] >= edges[k]) k++;
    levels[i] = k;
    if (k > top) top = k;
  }
  return { levels, top };
}

test('digitizeMaskedWasm: numpy.digitize levels of the masked voxels (0 elsewhere) and the highest level', (t) => {
  const rng = Rng.fromSeed(32);
  for (const n of [1, 8192, 8193, 30000]) {
    for (const w of [25, 7.3, 0.5]) {
      const { values, mask } = randomCase(rng, n, w === 25, 0.4);
      mask[0] = 1;
      // PyRadiomics-style edges from the masked minimum, in steps of w (values on edges included by construction)
      let min = Infinity, max = -Infinity;
      for (let i = 0; i < n; i++) if (mask[i]) { min = Math.min(min, values[i]); max = Math.max(max, values[i]); }
      const lo = min - (((min % w) + w) % w);
      const count = Math.ceil((max + 2 * w - lo) / w);
      const edges = Float64Array.from({ length: count }, (_, i) => lo + i * w);
      if (n > 1) values[1] = edges[3]; // exactly on an edge
      mask[1] = 1;
      const levels = new Int32Array(n).fill(-7); // masked-out entries: the kernel writes 0 like a fresh array
      const top = digitizeMaskedWasm(values, mask, edges, edges[0], edges[1] - edges[0], levels);
      if (top === null) return t.skip('WebAssembly unavailable');
      const ref = digitizeReference(values, mask, edges);
      assert.equal(top, ref.top);
      assert.deepEqual(levels, ref.levels);
    }
  }
  // a first guess far off (a wrong step) is still refined to the right level
  const values = Float64Array.of(5, 15, 25, 35);
  const levels = new Int32Array(4);
  const edges = Float64Array.of(0, 10, 20, 30, 40);
  assert.equal(digitizeMaskedWasm(values, new Uint8Array(4).fill(1), edges, 0, 1000, levels), 4);
  assert.deepEqual(Array.from(levels), [1, 2, 3, 4]);
});

test('momentSumsWasm: Σd², Σd³, Σd⁴ and Σ|d| about the mean, bit for bit those of a plain loop', (t) => {
  const rng = Rng.fromSeed(33);
  for (const n of [1, 8191, 8192, 8193, 50000]) {
    const x = Float64Array.from({ length: n }, () => -500 + 1500 * rng.uniform());
    let mean = 0;
    for (const v of x) mean += v;
    mean /= n;
    const got = momentSumsWasm(x, mean);
    if (got === null) return t.skip('WebAssembly unavailable');
    let m2 = 0, m3 = 0, m4 = 0, mad = 0;
    for (const v of x) {
      const d = v - mean;
      const d2 = d * d; // (the loop of masked-values.ts squares once: d³ = d²·d, d⁴ = d²·d²)
      m2 += d2;
      m3 += d2 * d;
      m4 += d2 * d2;
      mad += Math.abs(d);
    }
    assert.deepEqual(Array.from(got), [m2, m3, m4, mad]);
  }
});

test('levelCountsWasm: voxels per level at mask ≠ 0, and the first masked voxel with a level outside 1..N_g', (t) => {
  const rng = Rng.fromSeed(34);
  for (const n of [5, 8192, 8193, 30000]) {
    const ng = 37;
    const levels = Int32Array.from({ length: n }, () => 1 + Math.floor(ng * rng.uniform()));
    const mask = Uint8Array.from({ length: n }, () => (rng.uniform() < 0.5 ? 1 : 0));
    for (let i = 0; i < n; i++) if (!mask[i]) levels[i] = rng.uniform() < 0.5 ? 0 : 99; // ignored outside the mask
    const got = levelCountsWasm(levels, mask, ng);
    if (got === null) return t.skip('WebAssembly unavailable');
    const ref = new Float64Array(ng + 1);
    for (let i = 0; i < n; i++) if (mask[i]) ref[levels[i]]++;
    assert.equal(got.bad, -1);
    assert.deepEqual(got.counts, ref);
    // invalid levels inside the mask: the first one (in voxel order) is reported
    const bad = levels.slice();
    const m = mask.slice();
    const at = [n - 1, Math.floor(n / 2)];
    for (const i of at) { m[i] = 1; bad[i] = i === at[0] ? ng + 1 : 0; }
    assert.equal(levelCountsWasm(bad, m, ng)!.bad, Math.min(...at));
  }
});
