// Reads ../shared/reference/stats/logistic_nomogram_birthwt (R 4.2.2, rms 6.5, pROC 1.18 on MASS
// birthwt). Inputs are the fitted probabilities given in expected.json (the glm fits themselves are
// checked by the logistic tests); here: ROC, paired DeLong, calibration and decision curves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calibrationAnalysis, decisionCurve, modelRocSummary, pairedDelong } from '../../src/evaluation/index.js';
import { assertCalibrationBlock, assertClose, assertDcaBlock, loadCsvColumns, loadExpected } from './stats-eval-compare.js';

const CASE = 'logistic_nomogram_birthwt';
const E = loadExpected(CASE);
const y = loadCsvColumns(CASE, 'data.csv').num('low');
const pFull = E.fitted_probabilities_full as number[];
const pSmall = E.fitted_probabilities_small as number[];

test('birthwt: ROC of the full and small models, paired DeLong full vs small', () => {
  assertClose(modelRocSummary(y, pFull), E.roc_full, 1e-12, 'roc_full');
  assertClose(modelRocSummary(y, pSmall), E.roc_small, 1e-12, 'roc_small');
  assertClose(pairedDelong(y, pFull, pSmall), E.delong_full_vs_small, 1e-12, 'delong_full_vs_small');
});

test('birthwt: apparent calibration of the full model (val.prob, lowess, HL)', () => {
  const got = calibrationAnalysis(y, pFull);
  assertCalibrationBlock(got, E.calibration_apparent, 'calibration_apparent');
  assert.ok(Math.abs(got.c_index_exact - E.lrm_full.somers2_exact.C) < 1e-12);
});

test('birthwt: decision curves of both models', () => {
  assertDcaBlock(decisionCurve(y, pFull), E.dca_full, 'dca_full');
  assertDcaBlock(decisionCurve(y, pSmall), E.dca_small, 'dca_small');
});
