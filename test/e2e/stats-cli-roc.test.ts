// Reads ../shared/reference/stats/roc_asah: `dlrn stats roc --json` compared field by field with
// pROC's expected.json (1e-12), and the CLI's errors on bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDlrn } from '../helpers/cli.js';
import { shared } from '../helpers/paths.js';
import { assertClose, loadExpected } from '../reference/stats-eval-compare.js';

const DATA = shared('reference', 'stats', 'roc_asah', 'data.csv');

test('dlrn stats roc reproduces roc_asah: ROC blocks, paired and unpaired DeLong', async () => {
  const r = await runDlrn(['stats', 'roc', '--data', DATA, '--label', 'y', '--score', 's100b', '--score', 'ndka', '--score', 'wfns',
    '--by', 'gender:Male,Female', '--placements', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const got = JSON.parse(r.stdout);
  const E = loadExpected('roc_asah');
  for (const s of ['s100b', 'ndka', 'wfns']) {
    const { bootstrap_approx: _b, ...want } = E.roc[s];
    if (s !== 's100b') delete (got.roc[s].delong as Record<string, unknown>).placements;
    assertClose(got.roc[s], want, 1e-12, `roc.${s}`);
  }
  assert.deepEqual(Object.keys(got.paired_delong), ['s100b_vs_ndka', 's100b_vs_wfns', 'ndka_vs_wfns']);
  for (const [k, want] of Object.entries<any>(E.paired_delong)) assertClose(got.paired_delong[k], want, 1e-12, `paired_delong.${k}`);
  const { note: _n, ...unp } = E.unpaired_delong.s100b_male_vs_female;
  assertClose(got.unpaired_delong.s100b, unp, 1e-12, 'unpaired_delong.s100b');
});

test('dlrn stats roc: bad input gives clear typed errors (exit 2)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dlrn-roc-'));
  const f = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };
  const three = f('three.csv', 'y,s\n0,1\n1,2\n2,3\n0,4\n');
  let r = await runDlrn(['stats', 'roc', '--data', three, '--label', 'y', '--score', 's']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /E_INVALID_INPUT.*not binary/);
  const nan = f('nan.csv', 'y,s\n0,1\n1,nan\n0,3\n1,4\n');
  r = await runDlrn(['stats', 'roc', '--data', nan, '--label', 'y', '--score', 's']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /missing values.*rows 2/);
  const one = f('one.csv', 'y,s\n1,1\n1,2\n1,3\n');
  r = await runDlrn(['stats', 'roc', '--data', one, '--label', 'y', '--score', 's']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /single outcome class/);
  r = await runDlrn(['stats', 'roc', '--data', DATA, '--label', 'y', '--score', 's100b', '--by', 'wfns']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /exactly two groups/);
});
