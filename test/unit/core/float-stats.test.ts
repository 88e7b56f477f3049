// floatStats (src/core/float-stats.ts): the WebAssembly kernel against the plain loop it replaces, bit for bit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { floatStats } from '../../../src/core/float-stats.js';
import { Rng } from '../../../src/core/rng.js';

function loop(data: ArrayLike<number>): { sum: number; min: number; max: number } {
  let sum = 0, min = Infinity, max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { sum, min, max };
}

test('floatStats: same sum (same order), minimum and maximum as the loop, Float64 and Float32, chunk edges', () => {
  const rng = Rng.fromSeed(77);
  for (const n of [1, 1023, 1024, 8191, 8192, 8193, 16384, 16385, 100003, 512 * 512 + 7]) {
    const d = new Float64Array(n);
    const f = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      d[i] = (rng.nextUint32() / 2 ** 32 - 0.3) * 10 ** ((i % 7) - 2); // mixed magnitudes: order matters for the sum
      f[i] = d[i];
    }
    assert.deepEqual(floatStats(d), loop(d), `Float64Array of ${n}`);
    assert.deepEqual(floatStats(f), loop(f), `Float32Array of ${n}`);
  }
});

test('floatStats: NaN makes the sum NaN and is skipped by the extremes; infinities and −0 as in the loop', () => {
  const d = new Float64Array(20000).fill(1.5);
  d[3] = NaN;
  d[9000] = -Infinity;
  d[17000] = 1e308;
  d[19999] = -0;
  const s = floatStats(d);
  assert.deepEqual(s, loop(d));
  assert.ok(Number.isNaN(s.sum));
  assert.equal(s.min, -Infinity);
  assert.equal(s.max, 1e308);
  assert.deepEqual(floatStats(new Float64Array(0)), { sum: 0, min: Infinity, max: -Infinity });
});
