// R's pretty(): values R 4.2.2 prints (fixtures/r-pretty.R: fixed and 150 random ranges, n = 5
// and 10, compared bit for bit; the nomogram axes of the rms references in ../shared/reference/stats,
// including their binary noise), and seq.int endpoints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pretty, seqLength } from '../../../src/math/pretty.js';

const R = JSON.parse(readFileSync(new URL('./fixtures/r-pretty.json', import.meta.url), 'utf8')) as { x: number[]; n: number; pretty: number[] }[];

test('pretty equals R 4.2.2 bit for bit on 334 ranges (fixtures/r-pretty.json)', () => {
  assert.ok(R.length > 300);
  for (const c of R) assert.deepEqual(Array.from(pretty(c.x, c.n)), c.pretty, `pretty(c(${c.x.join(', ')}), ${c.n})`);
});

const arr = (a: Float64Array) => Array.from(a);

test('pretty with R default n = 5', () => {
  assert.deepEqual(arr(pretty([0, 1])), [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]);
  assert.deepEqual(arr(pretty([1, 10])), [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(arr(pretty([-3.7, 12.2])), [-5, 0, 5, 10, 15]);
  assert.deepEqual(arr(pretty([100, 101])), [100, 100.2, 100.4, 100.6, 100.8, 101]);
  assert.deepEqual(arr(pretty([])), []);
  assert.deepEqual(arr(pretty([NaN, Infinity])), []);
});

test('pretty(c(min, max), n = 10) as rms nomogram axes (reference values, bit for bit)', () => {
  assert.deepEqual(arr(pretty([14, 45], 10)), [10, 15, 20, 25, 30, 35, 40, 45]);
  assert.deepEqual(arr(pretty([80, 250], 10)), [80, 100, 120, 140, 160, 180, 200, 220, 240, 260]);
  assert.deepEqual(arr(pretty([0.03, 2.07], 10)), [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1, 1.2000000000000002, 1.4000000000000001, 1.6, 1.8, 2, 2.2]);
  assert.deepEqual(arr(pretty([0.085, 2.288], 10)), [0, 0.20000000000000004, 0.4000000000000001, 0.6000000000000001, 0.8000000000000002, 1.0000000000000002,
    1.2000000000000002, 1.4000000000000004, 1.6000000000000003, 1.8000000000000003, 2.0000000000000004, 2.2000000000000006, 2.4000000000000004]);
  assert.deepEqual(arr(pretty([0, 245.3], 10)), [0, 20, 40, 60, 80, 100, 120, 140, 160, 180, 200, 220, 240, 260]);
});

test('pretty covers the range and handles negative and tiny ranges', () => {
  for (const [lo, hi] of [[-0.0031, 0.0172], [-250, -3], [1e6, 1e6 + 3], [0.5, 0.5000001]]) {
    const p = arr(pretty([lo, hi], 10));
    assert.ok(p[0] <= lo && p[p.length - 1] >= hi, `${lo}..${hi}: ${p}`);
    assert.ok(p.length >= 4 && p.length <= 16, `${p.length} values`);
  }
});

test('seqLength keeps both ends exactly', () => {
  const s = seqLength(-4, 2, 1000);
  assert.equal(s[0], -4);
  assert.equal(s[999], 2);
  assert.equal(s.length, 1000);
  assert.deepEqual(arr(seqLength(0, 1, 1)), [0]);
});
