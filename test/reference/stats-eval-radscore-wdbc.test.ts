// Reads ../shared/reference/stats/feature_selection_lasso_wdbc: AUC and DeLong 95% CI of the glmnet
// rad-score (given in expected.json) on the training and test rows (pROC 1.18), at 1e-12.
import { test } from 'node:test';
import { rocAnalysis } from '../../src/evaluation/index.js';
import { assertClose, loadCsvColumns, loadExpected } from './stats-eval-compare.js';

const CASE = 'feature_selection_lasso_wdbc';
const R = loadExpected(CASE).lasso.default_thresh.radscore;
const D = loadCsvColumns(CASE, 'data.csv');
const y = D.num('y');
const set = D.text('set');

for (const part of ['train', 'test'] as const) {
  test(`wdbc rad-score: AUC and DeLong CI on the ${part} rows`, () => {
    const yy = y.filter((_, i) => set[i] === part);
    const got = rocAnalysis(yy, R[part] as number[]);
    assertClose(got.auc, R[`auc_${part}`], 1e-12, `auc_${part}`);
    assertClose([got.delong.ci_lower, got.delong.ci_upper], R[`auc_${part}_ci`], 1e-12, `auc_${part}_ci`);
  });
}
