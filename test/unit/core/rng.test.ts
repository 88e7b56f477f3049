import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../../src/core/rng.js';

test('same seed gives the same stream; different seeds differ', () => {
  const a = Rng.fromSeed(42), b = Rng.fromSeed(42), c = Rng.fromSeed(43);
  const xa = Array.from({ length: 20 }, () => a.nextUint32());
  const xb = Array.from({ length: 20 }, () => b.nextUint32());
  const xc = Array.from({ length: 20 }, () => c.nextUint32());
  assert.deepEqual(xa, xb);
  assert.notDeepEqual(xa, xc);
});

test('child streams depend on the key only, not on parent draws', () => {
  const p1 = Rng.fromSeed(7);
  const p2 = Rng.fromSeed(7);
  for (let i = 0; i < 100; i++) p2.uniform();
  assert.equal(p1.child('folds').uniform(), p2.child('folds').uniform());
  assert.notEqual(p1.child('folds').uniform(), p1.child('boot').uniform());
  assert.equal(p1.child('a').seedPath, '7/a');
});

test('uniform is in [0,1) with mean ~0.5; normal has mean ~0 and sd ~1', () => {
  const r = Rng.fromSeed(1);
  let s = 0, s2 = 0, n = 200000, mn = 1, mx = 0;
  for (let i = 0; i < n; i++) { const u = r.uniform(); s += u; mn = Math.min(mn, u); mx = Math.max(mx, u); }
  assert.ok(mn >= 0 && mx < 1);
  assert.ok(Math.abs(s / n - 0.5) < 0.005);
  s = 0;
  for (let i = 0; i < n; i++) { const z = r.normal(); s += z; s2 += z * z; }
  assert.ok(Math.abs(s / n) < 0.01);
  assert.ok(Math.abs(Math.sqrt(s2 / n) - 1) < 0.01);
});

test('int is unbiased over its range and permutation is a permutation', () => {
  const r = Rng.fromSeed('x');
  const counts = new Array(6).fill(0);
  for (let i = 0; i < 60000; i++) counts[r.int(6)]++;
  for (const c of counts) assert.ok(Math.abs(c - 10000) < 400, `count ${c}`);
  const p = Array.from(r.permutation(50)).sort((a, b) => a - b);
  assert.deepEqual(p, Array.from({ length: 50 }, (_, i) => i));
  assert.throws(() => r.int(0), RangeError);
});

test('shuffle does not mutate its input', () => {
  const items = [1, 2, 3, 4, 5];
  const s = Rng.fromSeed(3).shuffle(items);
  assert.deepEqual(items, [1, 2, 3, 4, 5]);
  assert.deepEqual([...s].sort(), [1, 2, 3, 4, 5]);
});
