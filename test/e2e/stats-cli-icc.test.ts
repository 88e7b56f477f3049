// Reads ../shared/reference/stats/icc_testretest: `dlrn stats icc` on the wide Shrout-Fleiss table and on
// the long sai test-retest table (psych 2.2.9, psy 1.2) at 1e-12 (absolute floor 1e-14), and bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDlrn } from '../helpers/cli.js';
import { assertClose, casePath, loadCase } from '../reference/stats-select-helpers.js';

const REF = loadCase('icc_testretest');

function checkBlock(out: any, ref: any, label: string): void {
  assert.equal(out.n_subjects, ref.n_subjects);
  for (const f of Object.keys(ref.psych)) for (const k of Object.keys(ref.psych[f])) assertClose(out.psych[f][k], ref.psych[f][k], 1e-12, `${label} ${f}.${k}`, 1e-14);
  for (const k of Object.keys(ref.mean_squares)) assertClose(out.mean_squares[k], ref.mean_squares[k], 1e-12, `${label} ${k}`, 1e-14);
  for (const k of Object.keys(ref.psy)) assertClose(out.psy[k], ref.psy[k], 1e-12, `${label} psy.${k}`, 1e-14);
}

test('icc CLI, wide table: the Shrout-Fleiss block', async () => {
  const r = await runDlrn(['stats', 'icc', '--data', casePath('icc_testretest', 'shrout_fleiss.csv'), '--columns', 'J1,J2,J3,J4', '--json']);
  assert.equal(r.code, 0, r.stderr);
  checkBlock(JSON.parse(r.stdout), REF.shrout_fleiss, 'shrout_fleiss');
});

test('icc CLI, long table: per-item blocks and the items kept at ICC3 >= 0.6', async () => {
  const items = REF.sai_xray.items as string[];
  const r = await runDlrn(['stats', 'icc', '--data', casePath('icc_testretest', 'sai_xray_long.csv'), '--subject', 'id', '--rater', 'time', '--raters', '1,2', '--features', items.join(','), '--threshold', '0.6', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.items, items);
  for (const it of items) {
    assert.equal(out.per_item[it].n_pairs_used, REF.sai_xray.per_item[it].n_pairs_used);
    checkBlock(out.per_item[it], REF.sai_xray.per_item[it], it);
  }
  assert.deepEqual(out['selected_icc3_ge_0.6'], REF.sai_xray['selected_icc3_ge_0.6']);
  assert.match(r.stderr, /W_INCOMPLETE_SUBJECTS/);
});

test('icc CLI bad input: missing column, one rater, NaN rows dropped with a warning', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dlrn-icc-'));
  writeFileSync(join(dir, 'w.csv'), 'a,b\n1,2\n2,NA\n3,3\n5,4\n');
  const miss = await runDlrn(['stats', 'icc', '--data', join(dir, 'w.csv'), '--columns', 'a,c']);
  assert.equal(miss.code, 2);
  assert.match(miss.stderr, /column "c" not found/);
  const one = await runDlrn(['stats', 'icc', '--data', join(dir, 'w.csv'), '--columns', 'a']);
  assert.equal(one.code, 2);
  const ok = await runDlrn(['stats', 'icc', '--data', join(dir, 'w.csv'), '--columns', 'a,b', '--json']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).n_subjects, 3);
  assert.match(ok.stderr, /1 subject row\(s\) with missing ratings dropped/);
});
