// Reads ../shared/reference/stats/feature_selection_lasso_wdbc: `dlrn stats screen` against R's
// screening_train (wilcox.test, t.test, p.adjust, medians) and correlation_train (cor) at 1e-12, and a
// constant feature (a clear error).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDlrn } from '../helpers/cli.js';
import { assertClose, casePath, loadCase } from '../reference/stats-select-helpers.js';

const REF = loadCase('feature_selection_lasso_wdbc');
const DATA = casePath('feature_selection_lasso_wdbc', 'data.csv');

test('screen CLI: screening_train and correlation_train equal R', async () => {
  const r = await runDlrn(['stats', 'screen', '--data', DATA, '--label', 'y', '--where', 'set=train', '--exclude', 'row_id', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const s = REF.screening_train;
  assert.deepEqual(out.screening_train.features, s.features);
  assert.equal(out.screening_train.n_group1, s.n_group1);
  assert.deepEqual(out.screening_train.mann_whitney.W, s.mann_whitney.W);
  for (const k of ['p_value', 'p_bh', 'p_bonferroni']) assertClose(out.screening_train.mann_whitney[k], s.mann_whitney[k], 1e-12, k);
  for (const k of ['t', 'df', 'p_value']) assertClose(out.screening_train.welch_t[k], s.welch_t[k], 1e-12, `welch ${k}`);
  assert.deepEqual(out.screening_train.group_medians, s.group_medians);
  for (const m of ['pearson', 'spearman']) {
    out.correlation_train[m].forEach((row: number[], i: number) => assertClose(row, REF.correlation_train[m][i], 1e-12, `${m}[${i}]`, 1e-14));
  }
});

test('screen CLI: a constant feature is an error naming it; validation options are rejected', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dlrn-screen-'));
  const lines = readFileSync(DATA, 'utf8').trim().split('\n').slice(0, 60);
  writeFileSync(join(dir, 'c.csv'), lines.map((l, i) => `${l},${i === 0 ? '"flat"' : '1'}`).join('\n') + '\n');
  const r = await runDlrn(['stats', 'screen', '--data', join(dir, 'c.csv'), '--label', 'y', '--exclude', 'row_id,set']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /constant/);
  assert.match(r.stderr, /flat/);
  const v = await runDlrn(['stats', 'screen', '--data', DATA, '--label', 'y', '--exclude', 'row_id', '--validate-where', 'set=test']);
  assert.equal(v.code, 2);
});
