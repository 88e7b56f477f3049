// Reads ../shared/reference/stats/feature_selection_lasso_wdbc: `dlrn stats lasso` (default thresh) against
// glmnet 4.1.6's path, cv.glmnet (deviance and AUC with the reference fold ids) and the rad-score, and
// bad input (fold-id file of the wrong length, constant feature, missing values).
// Tolerances as in test/reference/stats-select-lasso-wdbc.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDlrn } from '../helpers/cli.js';
import { assertClose, casePath, loadCase } from '../reference/stats-select-helpers.js';

const REF = loadCase('feature_selection_lasso_wdbc').lasso;
const DATA = casePath('feature_selection_lasso_wdbc', 'data.csv');
const FOLDS = casePath('feature_selection_lasso_wdbc', 'foldid.csv');
const BASE = ['stats', 'lasso', '--data', DATA, '--label', 'y', '--where', 'set=train', '--exclude', 'row_id', '--foldid', FOLDS, '--json'];

test('lasso CLI (deviance, validation rows): path, cv and rad-score equal glmnet', async () => {
  const r = await runDlrn([...BASE, '--validate-where', 'set=test']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const ref = REF.default_thresh;
  assert.deepEqual(out.features, REF.features);
  assertClose(out.path.lambda, ref.path.lambda, 1e-14, 'lambda');
  assertClose(out.path.a0, ref.path.a0, 1e-8, 'a0', 1e-10);
  out.path.beta.forEach((row: number[], j: number) => assertClose(row, ref.path.beta[j], 1e-8, `beta[${j}]`, 1e-10));
  assert.deepEqual(out.path.df, ref.path.df);
  assertClose(out.path.dev_ratio, ref.path.dev_ratio, 0, 'dev_ratio', 1e-12);
  const cv = ref.cv_deviance;
  assert.equal(out.cv.type_measure, cv.type_measure);
  for (const k of ['cvm', 'cvsd', 'cvup', 'cvlo']) assertClose(out.cv[k], cv[k], 1e-10, k);
  assert.deepEqual(out.cv.nzero, cv.nzero);
  assert.equal(out.cv.lambda_min, cv.lambda_min);
  assert.equal(out.cv.lambda_1se, cv.lambda_1se);
  for (const which of ['coef_lambda_min', 'coef_lambda_1se']) {
    assert.deepEqual(Object.keys(out.cv[which].nonzero), Object.keys(cv[which].nonzero));
    for (const [k, v] of Object.entries(cv[which].all)) assertClose(out.cv[which].all[k], v, 1e-8, `${which}.${k}`, 1e-10);
  }
  assertClose(out.radscore.train, ref.radscore.train, 1e-9, 'radscore.train', 1e-9);
  assertClose(out.radscore.test, ref.radscore.test, 1e-9, 'radscore.test', 1e-9);
});

test('lasso CLI (AUC): cv curve and λ choices equal cv.glmnet', async () => {
  const r = await runDlrn([...BASE, '--measure', 'auc']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const cv = REF.default_thresh.cv_auc;
  assert.equal(out.cv.type_measure, 'AUC');
  assertClose(out.cv.cvm, cv.cvm, 1e-10, 'cvm');
  assertClose(out.cv.cvsd, cv.cvsd, 1e-10, 'cvsd');
  assert.equal(out.cv.index_min, cv.index_min);
  assert.equal(out.cv.index_1se, cv.index_1se);
});

test('lasso CLI bad input: fold ids of the wrong length, constant feature, missing values', async () => {
  const wrong = await runDlrn(['stats', 'lasso', '--data', DATA, '--label', 'y', '--exclude', 'row_id,set', '--foldid', FOLDS]);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /569 fold ids/);
  assert.match(wrong.stderr, /398 fold ids/);

  const dir = mkdtempSync(join(tmpdir(), 'dlrn-lasso-'));
  const lines = readFileSync(DATA, 'utf8').trim().split('\n').slice(0, 121);
  const withConst = lines.map((l, i) => `${l},${i === 0 ? '"flat"' : '7'}`);
  writeFileSync(join(dir, 'const.csv'), withConst.join('\n') + '\n');
  const c = await runDlrn(['stats', 'lasso', '--data', join(dir, 'const.csv'), '--label', 'y', '--exclude', 'row_id,set', '--nfolds', '5', '--nlambda', '20', '--json']);
  assert.equal(c.code, 0, c.stderr);
  assert.match(c.stderr, /warning \[W_CONSTANT_FEATURE\].*flat/);
  const out = JSON.parse(c.stdout);
  assert.deepEqual(out.settings.excluded_constant_features, ['flat']);
  assert.ok(out.path.beta[out.features.indexOf('flat')].every((b: number) => b === 0));

  const withNa = lines.map((l, i) => (i === 5 ? l.replace(/,[^,]*$/, ',NA') : l));
  writeFileSync(join(dir, 'na.csv'), withNa.join('\n') + '\n');
  const na = await runDlrn(['stats', 'lasso', '--data', join(dir, 'na.csv'), '--label', 'y', '--exclude', 'row_id,set', '--nfolds', '5', '--nlambda', '20']);
  assert.equal(na.code, 2);
  assert.match(na.stderr, /missing values/);
  assert.match(na.stderr, /data rows 5\b/);
  const dropped = await runDlrn(['stats', 'lasso', '--data', join(dir, 'na.csv'), '--label', 'y', '--exclude', 'row_id,set', '--nfolds', '5', '--nlambda', '20', '--na-drop', '--json']);
  assert.equal(dropped.code, 0, dropped.stderr);
  assert.equal(JSON.parse(dropped.stdout).data.n_train, 119);
  assert.match(dropped.stderr, /dropped 1 training row/);
});
