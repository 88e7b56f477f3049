import { test } from 'node:test';
import assert from 'node:assert/strict';
import { icc, iccScreen, iccTableFromLong } from '../../../src/selection/icc.js';
import { InvalidInputError } from '../../../src/core/errors.js';

// Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges; Table 4 publishes the six ICCs to 2 decimals.
const SF = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]];

test('Shrout-Fleiss example: the published ICCs and ANOVA mean squares', () => {
  const b = icc(SF);
  const published = { ICC1: 0.17, ICC2: 0.29, ICC3: 0.71, ICC1k: 0.44, ICC2k: 0.62, ICC3k: 0.91 } as const;
  for (const [k, v] of Object.entries(published)) assert.equal(Math.round(b.psych[k as keyof typeof published].ICC * 100) / 100, v, k);
  // Table 2 of the paper: BMS = 11.24, JMS = 32.49, EMS = 1.02, WMS = 6.26
  assert.equal(Math.round(b.mean_squares.MS_subjects * 100) / 100, 11.24);
  assert.equal(Math.round(b.mean_squares.MS_raters * 100) / 100, 32.49);
  assert.equal(Math.round(b.mean_squares.MS_residual * 100) / 100, 1.02);
  assert.equal(Math.round(b.mean_squares.MS_within * 100) / 100, 6.26);
  assert.equal(b.psych.ICC3.F, b.mean_squares.MS_subjects / b.mean_squares.MS_residual);
  assert.equal(b.psych.ICC1.df2, 18);
  assert.equal(b.psych.ICC2.df2, 15);
  for (const f of Object.values(b.psych)) assert.ok(f.ci_lower < f.ICC && f.ICC < f.ci_upper);
  assert.equal(b.psy.icc_consistency, b.psych.ICC3.ICC);
  assert.ok(Math.abs(b.psy.icc_agreement - b.psych.ICC2.ICC) < 1e-15);
});

test('identical raters give ICC 1 for every form', () => {
  const b = icc([[1, 1], [2, 2], [5, 5], [3, 3]]);
  // MSE = 0 → ICC3 = 1, ICC2 = 1 (no rater effect)
  assert.equal(b.psych.ICC3.ICC, 1);
  assert.equal(b.psych.ICC2.ICC, 1);
});

test('long tables are pivoted with complete cases; bad tables are rejected', () => {
  const rows = [
    { subject: 'a', rater: 't1', value: 1 }, { subject: 'a', rater: 't2', value: 2 },
    { subject: 'b', rater: 't1', value: 3 }, { subject: 'b', rater: 't2', value: NaN },
    { subject: 'c', rater: 't2', value: 5 }, { subject: 'c', rater: 't1', value: 4 },
  ];
  const t = iccTableFromLong(rows);
  assert.deepEqual(t.raters, ['t1', 't2']);
  assert.deepEqual(t.subjects, ['a', 'c']);
  assert.deepEqual(t.table, [[1, 2], [4, 5]]);
  assert.deepEqual(t.dropped, ['b']);
  assert.throws(() => iccTableFromLong([...rows, { subject: 'a', rater: 't1', value: 9 }]), InvalidInputError);
  assert.throws(() => icc([[1, NaN], [2, 3]]), InvalidInputError);
  assert.throws(() => icc([[1, 2]]), InvalidInputError);
  assert.throws(() => icc([[1, 2], [2, 1]].map(() => [3, 3])), InvalidInputError);
});

test('the ICC screen keeps features at or above the threshold', () => {
  const tables = new Map([['stable', SF.map((r) => [r[0], r[0] + 0.1 * r[1]])], ['noisy', SF.map((r) => [r[1], r[3]])]]);
  const s = iccScreen(tables, { threshold: 0.75 });
  assert.deepEqual(s.selected, ['stable']);
  assert.ok(s.perFeature.get('stable')!.psych.ICC3.ICC >= 0.75);
  assert.equal(s.perFeature.get('noisy')!.n_pairs_used, 6);
});

test('a constant rater offset: consistency 1, agreement below 1, finite limits', () => {
  const b = icc([[1, 2], [2, 3], [5, 6], [3, 4]]);
  assert.equal(b.psych.ICC3.ICC, 1);
  assert.equal(b.psych.ICC3.F, Infinity);
  assert.equal(b.psych.ICC3.p_value, 0);
  assert.ok(b.psych.ICC2.ICC < 1 && b.psych.ICC2.ci_lower < b.psych.ICC2.ICC && b.psych.ICC2.ci_upper <= 1);
  assert.equal(b.psych.ICC3.ci_lower, 1);
});
