import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RandomForest } from '../../../src/models/classifiers/index.js';
import { Rng } from '../../../src/core/rng.js';
import { InvalidInputError } from '../../../src/core/errors.js';

const rng = Rng.fromSeed(11);
const n = 120;
// feature 0 decides the class; features 1..4 are noise
const X = Array.from({ length: n }, () => [rng.normal(), rng.normal(), rng.normal(), rng.normal(), rng.normal()]);
const y = X.map((r) => (r[0] > 0 ? 1 : 0));

test('seeded: the same seed gives the same forest, another seed a different one', () => {
  const a = new RandomForest({ nTrees: 30, seed: 5 }).fit(X, y);
  const b = new RandomForest({ nTrees: 30, seed: 5 }).fit(X, y);
  const c = new RandomForest({ nTrees: 30, seed: 6 }).fit(X, y);
  const q = [[0.1, 0, 0, 0, 0], [-0.05, 1, 1, 1, 1]];
  assert.deepEqual(Array.from(a.predictProba(q)), Array.from(b.predictProba(q)));
  assert.notDeepEqual(Array.from(a.oobProba), Array.from(c.oobProba));
  assert.equal(a.mtry, 2); // ⌊√5⌋
});

test('learns the informative feature: accurate out-of-bag predictions, dominant importance', () => {
  const f = new RandomForest({ nTrees: 100, seed: 1 }).fit(X, y);
  let correct = 0, counted = 0;
  f.oobProba.forEach((p, i) => { if (!Number.isNaN(p)) { counted++; if ((p > 0.5 ? 1 : 0) === y[i]) correct++; } });
  assert.ok(correct / counted > 0.85, `oob accuracy ${correct / counted}`);
  assert.ok(Math.abs(f.importance.reduce((s, v) => s + v, 0) - 1) < 1e-12);
  assert.ok(f.importance[0] > 0.5, `importance ${Array.from(f.importance)}`);
  const p = f.predictProba([[2, 0, 0, 0, 0], [-2, 0, 0, 0, 0]]);
  assert.ok(p[0] > 0.9 && p[1] < 0.1);
  for (const v of f.predictProba(X)) assert.ok(v >= 0 && v <= 1);
});

test('a single tree without bootstrap fits the training rows exactly; bad options are rejected', () => {
  const f = new RandomForest({ nTrees: 1, bootstrap: false, mtry: 'all' }).fit(X, y);
  assert.deepEqual(Array.from(f.predictProba(X)), y);
  assert.throws(() => new RandomForest({ mtry: 9 }).fit(X, y), InvalidInputError);
  assert.throws(() => new RandomForest({ nTrees: 0 }).fit(X, y), InvalidInputError);
  assert.throws(() => f.predictProba([[1, 2]]), InvalidInputError);
});
