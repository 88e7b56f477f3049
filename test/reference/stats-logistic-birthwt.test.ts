// Reference test (reads ../shared/reference/stats/logistic_nomogram_birthwt): glm (full and small
// model), rms lrm statistics, fitted probabilities and the rms nomogram with five patients, against
// R 4.2.2 / rms 6.5 on MASS::birthwt, at the tolerances of the reference README.
import { test } from 'node:test';
import { expectedOf, fitCase, compareGlm, compareLrm, compareNomogram, close, TOL } from './stats-logistic-helpers.js';
import { glmBlock, lrmBlock } from '../../src/models/logistic/index.js';
import { nomogramBlock, nomogramFromFit, nomogramPoints } from '../../src/nomogram/index.js';

const CASE = 'logistic_nomogram_birthwt';
const E = expectedOf(CASE);
const FULL = ['age', 'lwt', 'race', 'smoke', 'ptl', 'ht', 'ui'];
const full = fitCase(CASE, 'data.csv', 'low', FULL, { race: 'white' });
const small = fitCase(CASE, 'data.csv', 'low', ['lwt', 'smoke', 'ht']);

test('birthwt glm_full: every field of R glm/summary.glm/confint', () => {
  compareGlm(glmBlock(full.fit), E.glm_full, 'glm_full');
});

test('birthwt glm_small: every field', () => {
  compareGlm(glmBlock(small.fit), E.glm_small, 'glm_small');
});

test('birthwt lrm_full: rms coefficients (race=black) and stats', () => {
  compareLrm(lrmBlock(full.fit, full.design.terms.map((t) => t.rmsName)), E.lrm_full, 'lrm_full');
});

test('birthwt fitted probabilities of both models', () => {
  close(full.fit.fittedValues, E.fitted_probabilities_full, TOL.coef, 'fitted_probabilities_full');
  close(small.fit.fittedValues, E.fitted_probabilities_small, TOL.coef, 'fitted_probabilities_small');
});

test('birthwt nomogram: axes, points, total points <-> lp <-> risk, five patients', () => {
  const nom = nomogramFromFit(full.fit, full.design.coding, full.data.train, { funAt: E.nomogram.probability_axis.requested_fun_at });
  const c = full.data.train;
  const patients = [1, 50, 100, 131, 189].map((row) => {
    const v: Record<string, number | string> = {};
    for (const p of FULL) v[p] = p === 'race' ? c.text.get(p)![row - 1] : c.numeric.get(p)![row - 1];
    return nomogramPoints(nom, v);
  });
  compareNomogram(nomogramBlock(nom, patients), E.nomogram, 'nomogram');
  close([nom.predictors[0].axisValues[0], nom.predictors[0].axisValues.at(-1)], [10, 45], 0, 'age axis spans pretty(c(14, 45), 10)');
});
