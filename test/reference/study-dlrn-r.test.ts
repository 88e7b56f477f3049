// Issue 7, acceptance 3: the final DLRN logistic model of a study equals R's glm, and its AUCs equal pROC, on the
// same selected features. test/reference/study-fixtures/dlrn-glm/table.csv is the DLRN design a `dlrn study` run
// exported (DLR signature per patient, clinical variables, cohort, outcome; see README.md there);
// expected.json was computed from it once by generate.R (R 4.2.2 glm, pROC 1.18.0). The study's own code path
// runs on the same table: clinical selection (univariate, then multivariable), the DLRN regression, its
// predictions, the training Youden threshold, and the AUC with its DeLong CI on both cohorts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../../src/table/csv.js';
import {
  analyseClinical, clinicalTermNames, cohortPerformance, encodeClinical, fitDlrnLogistic, learnClinicalVariables, youdenThreshold, type ClinicalVariableDoc,
} from '../../src/study/index.js';
import { REPO_ROOT } from '../helpers/paths.js';

const FIX = join(REPO_ROOT, 'test/reference/study-fixtures/dlrn-glm');
const R = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8'));
const t = readCsv(join(FIX, 'table.csv'));
const rows = t.rows.map((r) => Object.fromEntries(t.header.map((h, j) => [h, r[j]])));
const train = rows.filter((r) => r.cohort === 'training');
const test_ = rows.filter((r) => r.cohort === 'external_test');
const y = (rs: typeof rows) => Float64Array.from(rs, (r) => Number(r.outcome));

function rel(a: number, b: number, tol: number, what: string): void {
  assert.ok(Math.abs(a - b) <= tol * Math.max(Math.abs(b), 1e-300) || Math.abs(a - b) < 1e-300, `${what}: ${a} vs R ${b} (rel ${Math.abs(a - b) / Math.abs(b)})`);
}

const docs: ClinicalVariableDoc[] = [
  { name: 'age', type: 'numeric', reference: null, label: null },
  { name: 'epilepsy', type: 'binary', reference: null, label: null },
  { name: 'sex', type: 'categorical', reference: 'M', label: null },
];

test('clinical selection equals R: univariate Wald p of each variable, multivariable p, the selected set', () => {
  const vars = learnClinicalVariables(docs, train);
  const a = analyseClinical(vars, encodeClinical(vars, train).rows, y(train), 0.05, 0.05);
  for (const v of ['age', 'epilepsy', 'sex']) rel(a.pUnivariate[v] as number, R.clinical.univariate_p[v][0], 1e-8, `univariate p ${v}`);
  const sexRow = a.univariate.find((u) => u.variable === 'sex')!;
  assert.equal(sexRow.term, 'sexF', 'treatment coding against the reference M');
  rel(sexRow.estimate, R.clinical.univariate_sex.estimate[1], 1e-9, 'sexF estimate');
  rel(sexRow.std_error as number, R.clinical.univariate_sex.std_error[1], 1e-8, 'sexF SE');
  assert.deepEqual(Object.keys(a.pMultivariable), R.clinical.entered);
  R.clinical.entered.forEach((v: string, k: number) => rel(a.pMultivariable[v], R.clinical.multivariable.p_value[k + 1], 1e-8, `multivariable p ${v}`));
  assert.deepEqual(a.selected, R.clinical.selected);
});

test('the DLRN regression equals R glm: coefficients (1e-9), SEs, z and p (1e-8), deviance', () => {
  const vars = learnClinicalVariables(docs, train).filter((v) => R.clinical.selected.includes(v.name));
  const terms = clinicalTermNames(vars);
  const design = (rs: typeof rows) => {
    const c = encodeClinical(vars, rs).rows;
    return rs.map((r, i) => Float64Array.from([Number(r.dlr_signature), ...c[i]]));
  };
  const fit = fitDlrnLogistic(design(train), y(train), terms);
  assert.deepEqual(fit.terms, R.glm_dlrn.terms);
  fit.coefficients.forEach((b, j) => rel(b, R.glm_dlrn.estimate[j], 1e-9, `coefficient ${fit.terms[j]}`));
  fit.stdErrors.forEach((s, j) => rel(s, R.glm_dlrn.std_error[j], 1e-8, `SE ${fit.terms[j]}`));
  fit.zValues.forEach((z, j) => rel(z, R.glm_dlrn.z_value[j], 1e-8, `z ${fit.terms[j]}`));
  fit.pValues.forEach((p, j) => rel(p, R.glm_dlrn.p_value[j], 1e-8, `p ${fit.terms[j]}`));
  rel(fit.deviance, R.glm_dlrn.deviance[0], 1e-12, 'deviance');

  // predictions, the training Youden threshold, and AUC / DeLong CI on both cohorts as the study reports them
  const pTr = fit.predict(design(train));
  const pTe = fit.predict(design(test_));
  pTr.forEach((p, i) => rel(p, R.predictions.training[i], 1e-10, `training probability ${i + 1}`));
  pTe.forEach((p, i) => rel(p, R.predictions.external_test[i], 1e-10, `test probability ${i + 1}`));
  const thr = youdenThreshold(y(train), pTr);
  rel(thr, Math.min(...R.youden_thresholds_training), 1e-10, 'Youden threshold (lowest of ties)');
  for (const [name, yy, p] of [['roc_training', y(train), pTr], ['roc_external_test', y(test_), pTe]] as const) {
    const perf = cohortPerformance(yy, p, thr);
    rel(perf.auc, R[name].auc[0], 1e-12, `${name} AUC`);
    rel(perf.auc_delong_var, R[name].delong_var[0], 1e-12, `${name} DeLong variance`);
    rel(perf.auc_ci_lower, R[name].ci_lower[0], 1e-12, `${name} CI lower`);
    rel(perf.auc_ci_upper, R[name].ci_upper[0], 1e-12, `${name} CI upper`);
  }
});
