// Reads ../shared/reference/stats/calibration_dca_pima (R 4.2.2, rms 6.5, pROC 1.18 on MASS Pima):
// calibration (val.prob, lowess, recalibration, HL), ROC, DeLong and decision curves of the given
// model predictions, at the README tolerances.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  calibrationAnalysis, decisionCurve, modelRocSummary, pairedDelong, unpairedDelong,
} from '../../src/evaluation/index.js';
import { assertCalibrationBlock, assertClose, assertDcaBlock, loadCsvColumns, loadExpected } from './stats-eval-compare.js';

const CASE = 'calibration_dca_pima';
const E = loadExpected(CASE);
const yTrain = loadCsvColumns(CASE, 'train.csv').num('y');
const yTest = loadCsvColumns(CASE, 'test.csv').num('y');
const pTrain = E.predictions.train_probability as number[];
const pTest = E.predictions.test_probability as number[];
const pGlu = E.predictions.test_probability_glucose_only as number[];

test('pima: calibration of the training predictions (apparent)', () => {
  assertCalibrationBlock(calibrationAnalysis(yTrain, pTrain), E.calibration_train_apparent, 'calibration_train_apparent');
});

test('pima: calibration of the validation predictions (external: intercept -0.088, slope 0.953)', () => {
  const got = calibrationAnalysis(yTest, pTest);
  assertCalibrationBlock(got, E.calibration_test_external, 'calibration_test_external');
  assert.ok(Math.abs(got.recalibration_exact.slope - 0.953) < 1e-3);
});

test('pima: ROC summaries, unpaired train-vs-test and paired model-vs-glucose DeLong', () => {
  assertClose(modelRocSummary(yTrain, pTrain), E.roc_train, 1e-12, 'roc_train');
  assertClose(modelRocSummary(yTest, pTest), E.roc_test, 1e-12, 'roc_test');
  assertClose(modelRocSummary(yTest, pGlu), E.roc_test_glucose_only, 1e-12, 'roc_test_glucose_only');
  const { note: _n, ...unp } = E.delong_unpaired_train_vs_test;
  assertClose(unpairedDelong(yTrain, pTrain, yTest, pTest), unp, 1e-12, 'delong_unpaired_train_vs_test');
  assertClose(pairedDelong(yTest, pTest, pGlu), E.delong_paired_test_model_vs_glucose, 1e-12, 'delong_paired_test_model_vs_glucose');
});

test('pima: decision curves of training and validation predictions', () => {
  assertDcaBlock(decisionCurve(yTrain, pTrain), E.dca_train, 'dca_train');
  assertDcaBlock(decisionCurve(yTest, pTest), E.dca_test, 'dca_test');
});
