// Reads ../shared/reference/stats/icc_testretest (psych 2.2.9 ICC, psy 1.2 icc): every field of the
// Shrout-Fleiss block and of the 20 per-item test-retest blocks, and the selected items.
// Tolerance 1e-12 relative (closed form), with an absolute floor of 1e-14 for quantities that are zero up
// to rounding (e.g. MS_raters = 4e-30 in R's aov, exactly 0 here; small rater variances).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { icc, iccScreen, iccTableFromLong, type IccBlock } from '../../src/selection/icc.js';
import { readCsv, parseNumberField } from '../../src/table/csv.js';
import { assertClose, casePath, loadCase } from './stats-select-helpers.js';

const REF = loadCase('icc_testretest');

function checkBlock(b: IccBlock, r: any, label: string): void {
  assert.equal(b.n_subjects, r.n_subjects, `${label} n_subjects`);
  assert.equal(b.n_raters, r.n_raters, `${label} n_raters`);
  for (const form of ['ICC1', 'ICC2', 'ICC3', 'ICC1k', 'ICC2k', 'ICC3k'] as const) {
    for (const k of ['ICC', 'F', 'p_value', 'ci_lower', 'ci_upper'] as const) assertClose(b.psych[form][k], r.psych[form][k], 1e-12, `${label} ${form}.${k}`, 1e-14);
    assert.equal(b.psych[form].df1, r.psych[form].df1);
    assert.equal(b.psych[form].df2, r.psych[form].df2);
  }
  for (const [k, v] of Object.entries(r.mean_squares)) assertClose(b.mean_squares[k as keyof IccBlock['mean_squares']], v, 1e-12, `${label} ${k}`, 1e-14);
  for (const [k, v] of Object.entries(r.psy)) assertClose(b.psy[k as keyof IccBlock['psy']], v, 1e-12, `${label} psy.${k}`, 1e-14);
}

test('Shrout & Fleiss 6 × 4: psych::ICC six forms and psy::icc', () => {
  const t = readCsv(casePath('icc_testretest', 'shrout_fleiss.csv'));
  const m = t.rows.map((r) => ['J1', 'J2', 'J3', 'J4'].map((c) => Number(r[t.header.indexOf(c)])));
  checkBlock(icc(m), REF.shrout_fleiss, 'shrout_fleiss');
});

test('sai XRAY test-retest: per-item ICC blocks from the long table, and the selected items', () => {
  const t = readCsv(casePath('icc_testretest', 'sai_xray_long.csv'));
  const r = REF.sai_xray;
  const tables = new Map<string, number[][]>();
  for (const item of r.items as string[]) {
    const j = t.header.indexOf(item);
    const rows = t.rows.map((row) => ({ subject: row[0], rater: row[1], value: parseNumberField(row[j]) }));
    const { table } = iccTableFromLong(rows, ['1', '2']);
    assert.equal(table.length, r.per_item[item].n_pairs_used, `${item} n_pairs_used`);
    checkBlock(icc(table), r.per_item[item], item);
    tables.set(item, table);
  }
  assert.deepEqual(iccScreen(tables, { threshold: 0.75 }).selected, r['selected_icc3_ge_0.75']);
  assert.deepEqual(iccScreen(tables, { threshold: 0.6 }).selected, r['selected_icc3_ge_0.6']);
});
