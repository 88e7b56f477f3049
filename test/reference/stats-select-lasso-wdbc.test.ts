// Reads ../shared/reference/stats/feature_selection_lasso_wdbc (glmnet 4.1.6, pROC 1.18): every field of the
// `lasso` block, for the default thresh (1e-7) and the tight thresh (1e-12).
// Tolerances: λ sequence 1e-14 relative (glmnet's rule is replicated operation by operation); path
// coefficients, intercepts, deviance ratios and CV curves are compared with glmnet's own numbers at 1e-8 or
// tighter, because dlrn replicates glmnet's coordinate descent step by step (same passes: npasses equal),
// which is stricter than the README's "loosely"; active sets (non-zero patterns) and df exactly; λ_min/λ_1se
// and their indices exactly; the exact solver against `polished_optimum` at 1e-8 (README: ~1e-8).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cvGlmnetMeasures, fitGlmnet, resolveGlmnetOptions, lassoKktViolation, lassoObjective, polishLasso, type CvGlmnetResult, type GlmnetFit } from '../../src/models/glmnet/index.js';
import { modelRocSummary } from '../../src/evaluation/index.js';
import { assertClose, loadCase, wdbc } from './stats-select-helpers.js';

const REF = loadCase('feature_selection_lasso_wdbc').lasso;
const D = wdbc();

function checkPath(fit: GlmnetFit, ref: any, label: string): void {
  assert.deepEqual(D.features, REF.features);
  assert.equal(fit.length, ref.lambda.length, `${label}: path length`);
  assertClose(fit.lambda, ref.lambda, 1e-14, `${label} lambda`);
  assertClose(fit.a0, ref.a0, 1e-8, `${label} a0`, 1e-10);
  const rows = fit.betaRows();
  ref.beta.forEach((row: number[], j: number) => {
    row.forEach((b, m) => assert.equal(rows[j][m] !== 0, b !== 0, `${label}: active set differs at feature ${D.features[j]}, λ index ${m + 1}`));
    assertClose(rows[j], row, 1e-8, `${label} beta ${D.features[j]}`, 1e-10);
  });
  assert.deepEqual(Array.from(fit.df), ref.df, `${label} df`);
  assertClose(fit.devRatio, ref.dev_ratio, 0, `${label} dev_ratio`, 1e-12);
  assertClose(fit.nulldev, ref.nulldev, 1e-13, `${label} nulldev`);
  assert.equal(fit.npasses, ref.npasses, `${label} npasses`);
}

function checkCv(cv: CvGlmnetResult, ref: any, label: string): void {
  assert.equal(cv.name, ref.type_measure, `${label} type_measure`);
  assertClose(cv.lambda, ref.lambda, 1e-14, `${label} lambda`);
  for (const k of ['cvm', 'cvsd', 'cvup', 'cvlo'] as const) assertClose(cv[k], ref[k], 1e-10, `${label} ${k}`);
  assert.deepEqual(Array.from(cv.nzero), ref.nzero, `${label} nzero`);
  assert.equal(cv.lambdaMin, ref.lambda_min, `${label} lambda_min`);
  assert.equal(cv.lambda1se, ref.lambda_1se, `${label} lambda_1se`);
  assert.equal(cv.indexMin + 1, ref.index_min, `${label} index_min`);
  assert.equal(cv.index1se + 1, ref.index_1se, `${label} index_1se`);
  for (const [which, s] of [['coef_lambda_min', 'lambda.min'], ['coef_lambda_1se', 'lambda.1se']] as const) {
    const c = cv.coef(s);
    const all = { '(Intercept)': c.intercept, ...Object.fromEntries(D.features.map((f, j) => [f, c.beta[j]])) };
    assert.deepEqual(Object.keys(all), Object.keys(ref[which].all), `${label} ${which} names`);
    for (const [k, v] of Object.entries(ref[which].all)) assertClose(all[k as keyof typeof all], v, 1e-8, `${label} ${which}.all.${k}`, 1e-10);
    const nonzero = Object.keys(all).filter((k) => all[k as keyof typeof all] !== 0);
    assert.deepEqual(nonzero, Object.keys(ref[which].nonzero), `${label} ${which}.nonzero`);
    assert.equal(nonzero.length - 1, ref[which].n_nonzero_features, `${label} ${which}.n_nonzero_features`);
  }
}

for (const which of ['default_thresh', 'tight_thresh'] as const) {
  const ref = REF[which];
  const thresh = ref.settings.thresh as number;

  test(`lasso ${which}: settings are glmnet's defaults`, () => {
    const o = resolveGlmnetOptions({ thresh }, D.xTrain.length, D.features.length);
    assert.equal(o.alpha, ref.settings.alpha);
    assert.equal(o.nlambda, ref.settings.nlambda);
    assert.equal(o.lambdaMinRatio, ref.settings.lambda_min_ratio);
    assert.equal(o.standardize, ref.settings.standardize);
    assert.equal(o.thresh, ref.settings.thresh);
    assert.equal(o.maxit, ref.settings.maxit);
    for (const k of ['fdev', 'devmax', 'eps', 'big', 'mnlam', 'pmin'] as const) assert.equal(o.control[k], ref.settings.glmnet_control[k], k);
  });

  test(`lasso ${which}: path (λ, a0, beta, df, dev_ratio, nulldev, npasses) and accuracy diagnostics`, () => {
    const fit = fitGlmnet(D.xTrain, D.yTrain, { thresh, featureNames: D.features });
    checkPath(fit, ref.path, which);
    const acc = ref.accuracy;
    for (let m = 0; m < fit.length; m++) {
      const c = fit.coefAt(m);
      assertClose(lassoObjective(D.xTrain, D.yTrain, c, fit.lambda[m]), acc.objective_per_lambda[m], 1e-12, `objective_per_lambda[${m}]`);
      assertClose(lassoKktViolation(D.xTrain, D.yTrain, c, fit.lambda[m]), acc.kkt_rel_violation_per_lambda[m], 1e-5, `kkt_rel_violation_per_lambda[${m}]`, 1e-10);
    }
    // the exact solver, started from glmnet's solution, reaches the polished optimum
    for (const [name, po] of Object.entries<any>(acc.polished_optimum)) {
      const m = po.lambda_index - 1;
      assert.equal(fit.lambda[m], po.lambda, `${name} lambda`);
      const start = fit.coefAt(m);
      assertClose(lassoObjective(D.xTrain, D.yTrain, start, po.lambda), po.glmnet_objective, 1e-12, `${name} glmnet_objective`);
      assertClose(lassoKktViolation(D.xTrain, D.yTrain, start, po.lambda), po.glmnet_kkt_rel_violation, 1e-5, `${name} glmnet_kkt_rel_violation`);
      const pl = polishLasso(D.xTrain, D.yTrain, start, po.lambda);
      assertClose(pl.intercept, po.intercept, 1e-8, `${name} intercept`);
      const nz = D.features.filter((_, j) => pl.beta[j] !== 0);
      assert.deepEqual(nz, Object.keys(po.coefficients), `${name} non-zero set`);
      for (const [f, v] of Object.entries<number>(po.coefficients)) assertClose(pl.beta[D.features.indexOf(f)], v, 1e-8, `${name} ${f}`);
      assertClose(pl.objective, po.objective, 1e-13, `${name} objective`);
      assert.ok(pl.kktRelViolation < 1e-12, `${name} kkt ${pl.kktRelViolation}`);
      assert.equal(pl.signsUnchanged, po.signs_unchanged, `${name} signs_unchanged`);
    }
  });

  test(`lasso ${which}: cv.glmnet deviance and AUC with the reference fold ids`, () => {
    const cv = cvGlmnetMeasures(D.xTrain, D.yTrain, { thresh, foldid: D.foldid, featureNames: D.features }, ['deviance', 'auc']);
    assert.equal(cv.deviance.nfolds, ref.settings.nfolds);
    checkCv(cv.deviance, ref.cv_deviance, `${which} cv_deviance`);
    checkCv(cv.auc, ref.cv_auc, `${which} cv_auc`);
    if (ref.radscore) {
      const rs = ref.radscore;
      const tr = cv.deviance.predictLink(D.xTrain, 'lambda.min');
      const te = cv.deviance.predictLink(D.xTest, 'lambda.min');
      assertClose(tr, rs.train, 1e-9, 'radscore.train', 1e-9);
      assertClose(te, rs.test, 1e-9, 'radscore.test', 1e-9);
      const rtr = modelRocSummary(D.yTrain, tr);
      const rte = modelRocSummary(D.yTest, te);
      assertClose(rtr.auc, rs.auc_train, 1e-12, 'auc_train');
      assertClose([rtr.ci_lower, rtr.ci_upper], rs.auc_train_ci, 1e-10, 'auc_train_ci');
      assertClose(rte.auc, rs.auc_test, 1e-12, 'auc_test');
      assertClose([rte.ci_lower, rte.ci_upper], rs.auc_test_ci, 1e-10, 'auc_test_ci');
    }
  });
}
