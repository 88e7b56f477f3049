// Reference test (reads ../shared/reference/stats/calibration_dca_pima): glm and rms lrm on the
// Pima training cohort, predictions on the validation cohort (probability and linear predictor, and the
// glucose-only model), and the nomogram with five validation patients, against R 4.2.2 / rms 6.5.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedOf, fitCase, compareGlm, compareLrm, compareNomogram, close, TOL } from './stats-logistic-helpers.js';
import { glmBlock, lrmBlock, lrmStatistics } from '../../src/models/logistic/index.js';
import { nomogramBlock, nomogramFromFit, nomogramPoints } from '../../src/nomogram/index.js';

const CASE = 'calibration_dca_pima';
const E = expectedOf(CASE);
const PRED = ['npreg', 'glu', 'bp', 'skin', 'bmi', 'ped', 'age'];
const m = fitCase(CASE, 'train.csv', 'y', PRED, {}, 'test.csv');
const glu = fitCase(CASE, 'train.csv', 'y', ['glu'], {}, 'test.csv');

test('pima glm_train: every field', () => {
  compareGlm(glmBlock(m.fit), E.glm_train, 'glm_train');
});

test('pima lrm_train: coefficients and stats (C/Dxy/Gamma/Tau-a binned as rms 6.5)', () => {
  compareLrm(lrmBlock(m.fit), E.lrm_train, 'lrm_train');
  // rms's binning makes 2 of the 8976 discordant pairs ties here; the exact C is Hmisc somers2's.
  const s = lrmStatistics(m.fit);
  assert.equal(Math.round((s.c - s.cExact) * 68 * 132 * 2), 2);
});

test('pima predictions on the validation cohort', () => {
  const v = m.data.validation!;
  close(m.fit.fittedValues, E.predictions.train_probability, TOL.coef, 'train_probability');
  close(m.predict(v, 'response'), E.predictions.test_probability, TOL.coef, 'test_probability');
  close(m.predict(v, 'link'), E.predictions.test_linear_predictor, TOL.coef, 'test_linear_predictor', 1);
  close(glu.predict(v, 'response'), E.predictions.test_probability_glucose_only, TOL.coef, 'test_probability_glucose_only');
});

test('pima nomogram with five validation patients', () => {
  const nom = nomogramFromFit(m.fit, m.design.coding, m.data.train, { funAt: E.nomogram.probability_axis.requested_fun_at });
  const v = m.data.validation!;
  const patients = [0, 1, 2, 3, 4].map((i) => nomogramPoints(nom, Object.fromEntries(PRED.map((p) => [p, v.numeric.get(p)![i]]))));
  compareNomogram(nomogramBlock(nom, patients), E.nomogram, 'nomogram');
});
