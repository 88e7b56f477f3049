// Reads ../shared/reference/stats/combined_nomogram_asah (R 4.2.2, rms 6.5, pROC 1.18, Hmisc 4.8 on
// pROC's aSAH): clinical vs combined model, from the fitted probabilities given in expected.json:
// ROC, paired DeLong, NRI/IDI (Hmisc improveProb), calibration and decision curves.
import { test } from 'node:test';
import { calibrationAnalysis, decisionCurve, modelRocSummary, nriIdi, pairedDelong } from '../../src/evaluation/index.js';
import { assertCalibrationBlock, assertClose, assertDcaBlock, loadCsvColumns, loadExpected } from './stats-eval-compare.js';

const CASE = 'combined_nomogram_asah';
const E = loadExpected(CASE);
const y = loadCsvColumns(CASE, 'data.csv').num('y');
const pClin = E.fitted_probabilities_clinical as number[];
const pComb = E.fitted_probabilities_combined as number[];

test('combined asah: ROC of both models and paired DeLong combined vs clinical', () => {
  assertClose(modelRocSummary(y, pClin), E.roc_clinical, 1e-12, 'roc_clinical');
  assertClose(modelRocSummary(y, pComb), E.roc_combined, 1e-12, 'roc_combined');
  assertClose(pairedDelong(y, pComb, pClin), E.delong_combined_vs_clinical, 1e-12, 'delong_combined_vs_clinical');
});

test('combined asah: continuous NRI and IDI as Hmisc::improveProb', () => {
  const { call: _c, note: _n, nri_nonevents: nne, ...rest } = E.nri_idi;
  const got = nriIdi(pClin, pComb, y);
  assertClose(got, rest, 1e-12, 'nri_idi');
  assertClose(got.nri_nonevents, nne, 1e-12, 'nri_idi.nri_nonevents', 1);
});

test('combined asah: calibration of both models', () => {
  assertCalibrationBlock(calibrationAnalysis(y, pClin), E.calibration_clinical, 'calibration_clinical');
  assertCalibrationBlock(calibrationAnalysis(y, pComb), E.calibration_combined, 'calibration_combined');
});

test('combined asah: decision curves of both models', () => {
  assertDcaBlock(decisionCurve(y, pClin), E.dca_clinical, 'dca_clinical');
  assertDcaBlock(decisionCurve(y, pComb), E.dca_combined, 'dca_combined');
});
