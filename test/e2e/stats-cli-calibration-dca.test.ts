// Reads ../shared/reference/stats/calibration_dca_pima: `dlrn stats calibration` and `dlrn stats dca`
// on the validation predictions given in expected.json (written with the labels to a temporary CSV),
// compared field by field with rms/R's numbers; plus bad-input errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDlrn } from '../helpers/cli.js';
import { assertCalibrationBlock, assertDcaBlock, loadCsvColumns, loadExpected } from '../reference/stats-eval-compare.js';

const E = loadExpected('calibration_dca_pima');
const dir = mkdtempSync(join(tmpdir(), 'dlrn-cal-'));
const y = loadCsvColumns('calibration_dca_pima', 'test.csv').num('y');
const CSV = join(dir, 'pima_test_predictions.csv');
writeFileSync(CSV, 'cohort,y,p\n' + Array.from(y, (v, i) => `test,${v},${E.predictions.test_probability[i]}`).join('\n') + '\n');

test('dlrn stats calibration reproduces calibration_test_external (val.prob, lowess, HL)', async () => {
  const out = join(dir, 'cal.json');
  const r = await runDlrn(['stats', 'calibration', '--data', CSV, '--label', 'y', '--prob', 'p', '--where', 'cohort=test', '--json', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assertCalibrationBlock(JSON.parse(r.stdout), E.calibration_test_external, 'cli.calibration');
});

test('dlrn stats dca reproduces dca_test', async () => {
  const r = await runDlrn(['stats', 'dca', '--data', CSV, '--label', 'y', '--prob', 'p', '--json']);
  assert.equal(r.code, 0, r.stderr);
  assertDcaBlock(JSON.parse(r.stdout), E.dca_test, 'cli.dca');
});

test('dlrn stats calibration / dca: bad input is a clear error', async () => {
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, 'y,p\n0,0.2\n1,1.3\n0,0.1\n1,0.7\n');
  let r = await runDlrn(['stats', 'calibration', '--data', bad, '--label', 'y', '--prob', 'p']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /strictly between 0 and 1.*1\.3 at position 2/);
  r = await runDlrn(['stats', 'dca', '--data', bad, '--label', 'y', '--prob', 'p', '--thresholds', '0.1,1.5']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /thresholds must lie strictly between 0 and 1/);
  r = await runDlrn(['stats', 'calibration', '--data', bad, '--label', 'y']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--prob is required/);
});
