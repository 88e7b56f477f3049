// Reads ../shared/reference/stats/feature_selection_lasso_wdbc: `screening_train` (wilcox.test, t.test,
// p.adjust, medians; R 4.2.2) and `correlation_train` (cor, Pearson and Spearman) on the 398 training rows.
// Tolerances: closed-form quantities at 1e-12 relative (README rule of thumb); W and the medians exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenFeatures } from '../../src/selection/screening.js';
import { correlationMatrix, squareRows } from '../../src/selection/correlation.js';
import { assertClose, loadCase, wdbc } from './stats-select-helpers.js';

const REF = loadCase('feature_selection_lasso_wdbc');
const D = wdbc();

test('screening_train: Mann-Whitney (W, p, BH, Bonferroni), Welch t (t, df, p), group medians', () => {
  const r = REF.screening_train;
  const s = screenFeatures(D.xTrain, D.yTrain, D.features);
  assert.deepEqual(s.features, r.features);
  assert.equal(s.n_group1, r.n_group1);
  assert.equal(s.n_group0, r.n_group0);
  assert.deepEqual(s.mann_whitney.W, r.mann_whitney.W);
  assertClose(s.mann_whitney.p_value, r.mann_whitney.p_value, 1e-12, 'mann_whitney.p_value');
  assertClose(s.mann_whitney.p_bh, r.mann_whitney.p_bh, 1e-12, 'mann_whitney.p_bh');
  assertClose(s.mann_whitney.p_bonferroni, r.mann_whitney.p_bonferroni, 1e-12, 'mann_whitney.p_bonferroni');
  assertClose(s.welch_t.t, r.welch_t.t, 1e-12, 'welch_t.t');
  assertClose(s.welch_t.df, r.welch_t.df, 1e-12, 'welch_t.df');
  assertClose(s.welch_t.p_value, r.welch_t.p_value, 1e-12, 'welch_t.p_value');
  assert.deepEqual(s.group_medians.y1, r.group_medians.y1);
  assert.deepEqual(s.group_medians.y0, r.group_medians.y0);
});

test('correlation_train: Pearson and Spearman 30 × 30 matrices', () => {
  const r = REF.correlation_train;
  assert.deepEqual(r.features, D.features);
  for (const method of ['pearson', 'spearman'] as const) {
    const m = squareRows(correlationMatrix(D.xTrain, method), D.features.length);
    m.forEach((row, i) => assertClose(row, r[method][i], 1e-12, `${method}[${i}]`, 1e-14));
  }
});
