import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CountCollector, countsFromDense, groupCounts, mergeCounts, totalCount } from '../../../src/features/texture/common/sparse-counts.js';

test('grouping sums equal (level, j) observations and sorts by level then j', () => {
  const c = new CountCollector(2);
  for (const [l, j] of [[3, 7], [1, 2], [3, 7], [1, 100000], [2, 1], [1, 2], [3, 1]]) c.add(l, j);
  const g = c.toCounts();
  assert.deepEqual(Array.from(g.level), [1, 1, 2, 3, 3]);
  assert.deepEqual(Array.from(g.j), [2, 100000, 1, 1, 7]);
  assert.deepEqual(Array.from(g.count), [2, 1, 1, 1, 2]);
  assert.equal(totalCount(g), 7);
});

test('weights, merging and dense conversion agree', () => {
  const a = groupCounts([1, 2, 2], [1, 3, 3], [0.5, 1, 2]);
  assert.deepEqual([Array.from(a.level), Array.from(a.j), Array.from(a.count)], [[1, 2], [1, 3], [0.5, 3]]);
  const dense = Float64Array.from([0, 2, 0, 1, 0, 4]); // 2 levels × 3 columns
  const d = countsFromDense(dense, 2, 3);
  const m = mergeCounts([a, d]);
  assert.deepEqual([Array.from(m.level), Array.from(m.j), Array.from(m.count)], [[1, 1, 2, 2], [1, 2, 1, 3], [0.5, 2, 1, 7]]);
  assert.equal(groupCounts([], [], []).length, 0);
});
