import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MrmrRanker, correlationMutualInformation } from '../../../src/selection/mrmr.js';

// Hand-computed example (no R reference exists for mRMR): y = 0,0,1,1 and three features.
// f1 = 0,1,1,2: r(f1,y) = 1/√2;  f2 = 0,0,2,1: r(f2,y) = 1.5/√2.75;  f3 = 1,0,0,1: r(f3,y) = 0
// r(f1,f2) = 1/√(2·2.75);  r(f2,f3) = -0.5/√2.75;  r(f1,f3) = 0.  I(ρ) = -½ ln(1-ρ²).
const X = [[0, 0, 1], [1, 0, 0], [1, 2, 0], [2, 1, 1]];
const y = [0, 0, 1, 1];
const I = (r2: number): number => -0.5 * Math.log(1 - r2);

test('relevance is the Gaussian mutual information of the point-biserial correlation', () => {
  const f = new MrmrRanker().fit(X, y);
  assert.ok(Math.abs(f.relevance[0] - I(0.5)) < 1e-15); // ½ ln 2
  assert.ok(Math.abs(f.relevance[1] - I(2.25 / 2.75)) < 1e-14);
  assert.ok(Math.abs(f.relevance[2]) < 1e-15);
  assert.equal(correlationMutualInformation(1), Infinity);
});

test('MID ranking: most relevant first, then relevance minus mean redundancy', () => {
  const f = new MrmrRanker().fit(X, y, ['f1', 'f2', 'f3']);
  assert.deepEqual(f.ranking, [1, 0, 2]);
  const s1 = I(2.25 / 2.75);
  const s2 = I(0.5) - I(1 / 5.5);
  const s3 = 0 - (I(0.25 / 2.75) + 0) / 2;
  [s1, s2, s3].forEach((s, i) => assert.ok(Math.abs(f.scores[i] - s) < 1e-14, `step ${i}`));
  const top2 = new MrmrRanker({ k: 2 }).fit(X, y, ['f1', 'f2', 'f3']);
  assert.deepEqual(top2.selectedNames, ['f1', 'f2']);
  assert.deepEqual(Array.from(top2.transform([[7, 8, 9]]).data), [7, 8]);
});

test('MIQ uses the quotient; a duplicated feature is ranked after a complementary one', () => {
  const Xd = X.map((r) => [...r, r[1]]); // f4 = copy of f2 (redundancy ∞)
  const f = new MrmrRanker({ scheme: 'MIQ' }).fit(Xd, y);
  assert.equal(f.ranking[0], 1);
  assert.equal(f.ranking[3], 3);
});
