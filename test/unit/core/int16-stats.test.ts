// int16Stats (src/core/int16-stats.ts): the WebAssembly SIMD kernel against a plain loop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { int16Stats } from '../../../src/core/int16-stats.js';
import { Rng } from '../../../src/core/rng.js';

function reference(data: ArrayLike<number>): { sum: number; min: number; max: number } {
  let sum = 0, min = Infinity, max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    sum += data[i];
    min = Math.min(min, data[i]);
    max = Math.max(max, data[i]);
  }
  return { sum, min, max };
}

test('int16Stats: exact sum, minimum and maximum of signed and unsigned 16-bit voxels (chunk edges, tails, extremes)', () => {
  const rng = Rng.fromSeed(2026);
  // lengths around the 8-voxel vectors and the 32768-voxel chunks, and a whole CT-sized block
  for (const n of [1, 7, 63, 64, 65, 1000, 32767, 32768, 32769, 65543, 512 * 512 * 3 + 5]) {
    const s = new Int16Array(n);
    const u = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = Math.floor(rng.nextUint32() / 65536) - 32768;
      u[i] = rng.nextUint32() & 0xffff;
    }
    assert.deepEqual(int16Stats(s), reference(s), `Int16Array of ${n}`);
    assert.deepEqual(int16Stats(u), reference(u), `Uint16Array of ${n}`);
  }
  // all at the extremes: lane sums at their largest magnitude
  for (const v of [-32768, 32767]) assert.deepEqual(int16Stats(new Int16Array(100003).fill(v)), { sum: v * 100003, min: v, max: v });
  assert.deepEqual(int16Stats(new Uint16Array(100003).fill(65535)), { sum: 65535 * 100003, min: 65535, max: 65535 });
  // the extremes at the last voxel of a chunk and in the tail
  const edge = new Int16Array(65540);
  edge[32767] = -32768;
  edge[65539] = 32767;
  assert.deepEqual(int16Stats(edge), { sum: -1, min: -32768, max: 32767 });
  assert.deepEqual(int16Stats(new Int16Array(0)), { sum: 0, min: Infinity, max: -Infinity });
});
