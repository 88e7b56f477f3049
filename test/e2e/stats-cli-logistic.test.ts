// End-to-end `dlrn stats logistic` runs compared field by field with R (reads ../shared/reference/stats):
// MASS Pima (training file + validation file: every block, including calibration, DCA, DeLong and the
// nomogram with five validation patients) and pROC aSAH (clinical vs combined model: paired DeLong,
// NRI/IDI, nomogram with --patient-rows), plus the single-file --validate-where path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDlrn } from '../helpers/cli.js';
import { shared } from '../helpers/paths.js';
import { close, compareGlm, compareLrm, compareNomogram, expectedOf, TOL } from '../reference/stats-logistic-helpers.js';

const ref = (c: string, f: string) => shared('reference', 'stats', c, f);
const tmp = mkdtempSync(join(tmpdir(), 'dlrn-stats-logistic-'));

/** Calibration block vs R: closed forms of the (ML) predictions 1e-9; rms's loosely converged recalibration 2e-6 absolute. */
function compareCalibration(got: any, want: any, label: string): void {
  for (const k of ['Dxy', 'C (ROC)', 'R2', 'D', 'D:Chi-sq', 'Brier', 'Emax', 'E90', 'Eavg', 'S:z', 'S:p']) close(got.val_prob[k], want.val_prob[k], TOL.coef, `${label}.val_prob.${k}`, 1e-6);
  for (const k of ['Intercept', 'Slope', 'U', 'U:Chi-sq', 'U:p', 'Q']) close(got.val_prob[k], want.val_prob[k], 2e-6, `${label}.val_prob.${k}`, 1);
  assert.equal(got.val_prob['D:p'], null);
  close(got.D_p_computed, want.D_p_computed, TOL.coef, `${label}.D_p_computed`, 1e-6);
  close(got.recalibration_exact.intercept, want.recalibration_exact.intercept, TOL.coef, `${label}.recalibration_exact.intercept`, 1);
  close(got.recalibration_exact.slope, want.recalibration_exact.slope, TOL.coef, `${label}.recalibration_exact.slope`, 1);
  close(got.calibration_in_the_large.intercept, want.calibration_in_the_large.intercept, TOL.coef, `${label}.calibration_in_the_large`, 1);
  for (const k of ['L0', 'L01', 'D_chisq']) close(got.formulas[k], want.formulas[k], TOL.coef, `${label}.formulas.${k}`);
  close(got.lowess.x, want.lowess.x, TOL.coef, `${label}.lowess.x`);
  close(got.lowess.y, want.lowess.y, TOL.coef, `${label}.lowess.y`, 1e-2);
  const w = want.hosmer_lemeshow.resourceselection_replica;
  const g = got.hosmer_lemeshow.resourceselection_replica;
  for (const k of ['g', 'df']) assert.equal(g[k], w[k], `${label}.hl.${k}`);
  for (const k of ['group_n', 'observed_events', 'observed_nonevents']) assert.deepEqual(g[k], w[k], `${label}.hl.${k}`);
  for (const k of ['chisq', 'p_value', 'breaks', 'expected_events', 'expected_nonevents']) close(g[k], w[k], TOL.coef, `${label}.hl.${k}`);
}

function compareRoc(got: any, want: any, label: string): void {
  close(got.auc, want.auc, TOL.closed, `${label}.auc`);
  close(got.delong_var, want.delong_var, TOL.coef, `${label}.delong_var`);
  close(got.ci_lower, want.ci_lower, TOL.coef, `${label}.ci_lower`);
  close(got.ci_upper, want.ci_upper, TOL.coef, `${label}.ci_upper`);
  close(got.youden_best, want.youden_best, TOL.coef, `${label}.youden_best`);
}

function compareDca(got: any, want: any, label: string): void {
  for (const k of ['n', 'prevalence', 'thresholds', 'tp', 'fp']) assert.deepEqual(got[k], want[k], `${label}.${k}`);
  for (const k of ['net_benefit_model', 'net_benefit_treat_all', 'net_benefit_treat_none', 'standardized_net_benefit_model']) close(got[k], want[k], TOL.closed, `${label}.${k}`, 1e-12);
  close(got.net_interventions_avoided_per_100, want.net_interventions_avoided_per_100, TOL.closed, `${label}.net_interventions_avoided_per_100`, 100);
}

async function runJson(args: string[]): Promise<any> {
  const r = await runDlrn(['stats', 'logistic', ...args, '--json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('pima end to end: training + validation files, every block against R', async () => {
  const E = expectedOf('calibration_dca_pima');
  const testCsv = readFileSync(ref('calibration_dca_pima', 'test.csv'), 'utf8').trim().split('\n');
  const patients = join(tmp, 'pima-patients.csv');
  writeFileSync(patients, testCsv.slice(0, 6).join('\n') + '\n');
  const svg = join(tmp, 'pima.svg');
  const out = join(tmp, 'pima.json');
  const J = await runJson([
    '--data', ref('calibration_dca_pima', 'train.csv'), '--validate-data', ref('calibration_dca_pima', 'test.csv'), '--label', 'y',
    '--predictors', 'npreg,glu,bp,skin,bmi,ped,age', '--compare-with', 'glu',
    '--nomogram', '--fun-at', E.nomogram.probability_axis.requested_fun_at.join(','), '--patients', patients, '--svg', svg, '--out', out,
  ]);
  compareGlm(J.glm_train, E.glm_train, 'glm_train');
  compareLrm(J.lrm_train, E.lrm_train, 'lrm_train');
  close(J.predictions.train_probability, E.predictions.train_probability, TOL.coef, 'predictions.train_probability');
  close(J.predictions.test_probability, E.predictions.test_probability, TOL.coef, 'predictions.test_probability');
  close(J.predictions.test_linear_predictor, E.predictions.test_linear_predictor, TOL.coef, 'predictions.test_linear_predictor', 1);
  close(J.predictions.test_probability_small, E.predictions.test_probability_glucose_only, TOL.coef, 'predictions.test_probability_small');
  compareRoc(J.roc_train, E.roc_train, 'roc_train');
  compareRoc(J.roc_test, E.roc_test, 'roc_test');
  compareRoc(J.roc_test_small, E.roc_test_glucose_only, 'roc_test_small');
  compareCalibration(J.calibration_train_apparent, E.calibration_train_apparent, 'calibration_train_apparent');
  compareCalibration(J.calibration_test_external, E.calibration_test_external, 'calibration_test_external');
  for (const k of ['D', 'df', 'p_value']) close(J.delong_unpaired_train_vs_test[k], E.delong_unpaired_train_vs_test[k], TOL.coef, `delong_unpaired_train_vs_test.${k}`);
  for (const k of ['Z', 'p_value', 'diff_ci_lower', 'diff_ci_upper']) close(J.delong_paired_test_model_vs_small[k], E.delong_paired_test_model_vs_glucose[k], TOL.coef, `delong_paired_test_model_vs_small.${k}`, 1e-6);
  compareDca(J.dca_train, E.dca_train, 'dca_train');
  compareDca(J.dca_test, E.dca_test, 'dca_test');
  compareNomogram(J.nomogram, E.nomogram, 'nomogram');
  assert.ok(J.nri_idi_test_small_to_model.nri > 0);
  assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')).glm_train.terms, E.glm_train.terms);
  assert.ok(existsSync(svg) && readFileSync(svg, 'utf8').includes('>Total Points</text>'));
});

test('aSAH end to end: combined vs clinical model (paired DeLong, NRI/IDI, nomogram rows)', async () => {
  const E = expectedOf('combined_nomogram_asah');
  const J = await runJson([
    '--data', ref('combined_nomogram_asah', 'data.csv'), '--label', 'y', '--predictors', 'age,gender,wfns,s100b', '--categorical', 'gender:Male',
    '--compare-with', 'age,gender,wfns', '--nomogram', '--fun-at', E.nomogram.probability_axis.requested_fun_at.join(','), '--patient-rows', '1,5,7,29,113',
  ]);
  compareGlm(J.glm_train, E.glm_combined, 'glm_train');
  compareGlm(J.glm_train_small, (({ profile_ci_lower: _l, profile_ci_upper: _u, ...rest }) => rest)(E.glm_clinical), 'glm_train_small');
  compareLrm(J.lrm_train, E.lrm_combined, 'lrm_train');
  close(J.predictions.train_probability, E.fitted_probabilities_combined, TOL.coef, 'train_probability');
  close(J.predictions.train_probability_small, E.fitted_probabilities_clinical, TOL.coef, 'train_probability_small');
  compareRoc(J.roc_train, E.roc_combined, 'roc_train');
  compareRoc(J.roc_train_small, E.roc_clinical, 'roc_train_small');
  for (const k of ['Z', 'p_value', 'diff_ci_lower', 'diff_ci_upper']) close(J.delong_paired_train_model_vs_small[k], E.delong_combined_vs_clinical[k], TOL.coef, `delong_paired.${k}`, 1e-6);
  const nri = E.nri_idi;
  for (const k of Object.keys(nri)) {
    if (typeof nri[k] !== 'number') continue;
    close(J.nri_idi_train_small_to_model[k], nri[k], TOL.coef, `nri_idi.${k}`, 1e-6);
  }
  compareCalibration(J.calibration_train_apparent, E.calibration_combined, 'calibration_train_apparent');
  compareDca(J.dca_train, E.dca_combined, 'dca_train');
  compareNomogram(J.nomogram, E.nomogram, 'nomogram');
});

test('single file with --where / --validate-where gives the same fit and validation predictions', async () => {
  const tr = readFileSync(ref('calibration_dca_pima', 'train.csv'), 'utf8').trim().split('\n');
  const te = readFileSync(ref('calibration_dca_pima', 'test.csv'), 'utf8').trim().split('\n');
  const both = join(tmp, 'pima-both.csv');
  writeFileSync(both, [`${tr[0]},"set"`, ...tr.slice(1).map((l) => `${l},"train"`), ...te.slice(1).map((l) => `${l},"test"`)].join('\n') + '\n');
  const E = expectedOf('calibration_dca_pima');
  const J = await runJson(['--data', both, '--label', 'y', '--predictors', 'npreg,glu,bp,skin,bmi,ped,age', '--where', 'set=train', '--validate-where', 'set=test', '--no-profile']);
  close(J.glm_train.estimate, E.glm_train.estimate, TOL.coef, 'estimate');
  close(J.predictions.test_probability, E.predictions.test_probability, TOL.coef, 'test_probability');
  assert.equal(J.data.n_train, 200);
  assert.equal(J.data.n_test, 332);
  assert.equal(J.glm_train.profile_ci_lower, undefined);
});
