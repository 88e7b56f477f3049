// Reference test (reads ../shared/reference/stats/combined_nomogram_asah): the "clinical vs combined
// model" pattern on pROC::aSAH: glm and rms lrm of both models (factor gender with reference Male),
// fitted probabilities, and the combined model's nomogram (numeric, factor and 5-level numeric
// predictors) with five patients, against R 4.2.2 / rms 6.5.
import { test } from 'node:test';
import { expectedOf, fitCase, compareGlm, compareLrm, compareNomogram, close, TOL } from './stats-logistic-helpers.js';
import { glmBlock, lrmBlock } from '../../src/models/logistic/index.js';
import { nomogramBlock, nomogramFromFit, nomogramPoints } from '../../src/nomogram/index.js';

const CASE = 'combined_nomogram_asah';
const E = expectedOf(CASE);
const COMB = ['age', 'gender', 'wfns', 's100b'];
const clin = fitCase(CASE, 'data.csv', 'y', ['age', 'gender', 'wfns'], { gender: 'Male' });
const comb = fitCase(CASE, 'data.csv', 'y', COMB, { gender: 'Male' });

test('asah glm_clinical and glm_combined: every field (genderFemale)', () => {
  compareGlm(glmBlock(clin.fit), E.glm_clinical, 'glm_clinical');
  compareGlm(glmBlock(comb.fit), E.glm_combined, 'glm_combined');
});

test('asah lrm_clinical and lrm_combined (gender=Female)', () => {
  compareLrm(lrmBlock(clin.fit, clin.design.terms.map((t) => t.rmsName)), E.lrm_clinical, 'lrm_clinical');
  compareLrm(lrmBlock(comb.fit, comb.design.terms.map((t) => t.rmsName)), E.lrm_combined, 'lrm_combined');
});

test('asah fitted probabilities', () => {
  close(clin.fit.fittedValues, E.fitted_probabilities_clinical, TOL.coef, 'fitted_probabilities_clinical');
  close(comb.fit.fittedValues, E.fitted_probabilities_combined, TOL.coef, 'fitted_probabilities_combined');
});

test('asah nomogram of the combined model with five patients', () => {
  const nom = nomogramFromFit(comb.fit, comb.design.coding, comb.data.train, { funAt: E.nomogram.probability_axis.requested_fun_at });
  const c = comb.data.train;
  const patients = [1, 5, 7, 29, 113].map((row) => nomogramPoints(nom, Object.fromEntries(COMB.map((p) => [p, p === 'gender' ? c.text.get(p)![row - 1] : c.numeric.get(p)![row - 1]]))));
  compareNomogram(nomogramBlock(nom, patients), E.nomogram, 'nomogram');
});
