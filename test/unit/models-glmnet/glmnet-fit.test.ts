import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cvGlmnet, fitGlmnet, lassoKktViolation, lassoObjective, polishLasso, randomFoldIds } from '../../../src/models/glmnet/index.js';
import { Rng } from '../../../src/core/rng.js';
import { InvalidInputError, ModelFitError } from '../../../src/core/errors.js';

const rng = Rng.fromSeed(42);
const n = 120;
const p = 8;
const X = Array.from({ length: n }, () => Array.from({ length: p }, () => rng.normal()));
const y = X.map((r) => (rng.uniform() < 1 / (1 + Math.exp(-(1.5 * r[0] - r[1]))) ? 1 : 0));

function popSd(v: number[]): number {
  const m = v.reduce((s, x) => s + x, 0) / v.length;
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / v.length);
}

test("λ sequence: λ_max from the standardised gradient at the null model, geometric ratio, glmnet's λ_1", () => {
  const fit = fitGlmnet(X, y);
  const ybar = y.reduce((s: number, v) => s + v, 0) / n;
  let lmax = 0;
  for (let j = 0; j < p; j++) {
    const col = X.map((r) => r[j]);
    const m = col.reduce((s, v) => s + v, 0) / n;
    const sd = popSd(col);
    let g = 0;
    for (let i = 0; i < n; i++) g += ((col[i] - m) / sd) * (y[i] - ybar);
    lmax = Math.max(lmax, Math.abs(g) / n);
  }
  const ratio = Math.pow(1e-4, 1 / 99);
  assert.ok(Math.abs(fit.lambda[1] / (lmax * ratio) - 1) < 1e-12);
  for (let k = 2; k < fit.length; k++) assert.ok(Math.abs(fit.lambda[k] / fit.lambda[k - 1] / ratio - 1) < 1e-12);
  assert.ok(Math.abs(fit.lambda[0] / lmax - 1) < 1e-12);
  // at λ_1 every coefficient is 0 and the intercept is logit(ȳ)
  assert.equal(fit.df[0], 0);
  assert.ok(Math.abs(fit.a0[0] - Math.log(ybar / (1 - ybar))) < 1e-12);
  // df never exceeds p, and the deviance ratio grows along the path
  for (let k = 1; k < fit.length; k++) assert.ok(fit.devRatio[k] >= fit.devRatio[k - 1] - 1e-12);
});

test('n < p uses λ.min.ratio = 0.01; user λ values are used in decreasing order', () => {
  const Xs = X.slice(0, 6);
  const ys = [0, 1, 0, 1, 1, 0];
  const fit = fitGlmnet(Xs, ys, { nlambda: 10 });
  assert.equal(fit.options.lambdaMinRatio, 0.01);
  const u = fitGlmnet(X, y, { lambda: [0.01, 0.1, 0.05] });
  assert.deepEqual(Array.from(u.lambda), [0.1, 0.05, 0.01]);
});

test('tight threshold: KKT conditions hold along the path and polishing reaches them to rounding', () => {
  const fit = fitGlmnet(X, y, { thresh: 1e-14, nlambda: 30 });
  for (let m = 1; m < fit.length; m++) assert.ok(lassoKktViolation(X, y, fit.coefAt(m), fit.lambda[m]) < 1e-4, `λ index ${m}`);
  const m = 15;
  const pl = polishLasso(X, y, fit.coefAt(m), fit.lambda[m]);
  assert.ok(pl.kktRelViolation < 1e-12);
  assert.ok(pl.objective <= lassoObjective(X, y, fit.coefAt(m), fit.lambda[m]) + 1e-15);
  // a start with a wrong active set (all zero) still reaches the same optimum
  const fromZero = polishLasso(X, y, { intercept: 0, beta: new Float64Array(p) }, fit.lambda[m]);
  assert.ok(Math.abs(fromZero.objective - pl.objective) < 1e-14);
  pl.beta.forEach((b, j) => assert.ok(Math.abs(b - fromZero.beta[j]) < 1e-8));
});

test('coef(s) interpolates between path values; predictions use the original scale', () => {
  const fit = fitGlmnet(X, y, { nlambda: 20 });
  const a = fit.coefAt(5), b = fit.coefAt(6);
  const s = (fit.lambda[5] + fit.lambda[6]) / 2;
  const c = fit.coef(s);
  const frac = (s - fit.lambda[6]) / (fit.lambda[5] - fit.lambda[6]);
  c.beta.forEach((v, j) => assert.ok(Math.abs(v - (frac * a.beta[j] + (1 - frac) * b.beta[j])) < 1e-14));
  const eta = fit.predictLink([X[0]], fit.lambda[10])[0];
  const cc = fit.coefAt(10);
  const manual = cc.intercept + X[0].reduce((t, v, j) => t + v * cc.beta[j], 0);
  assert.ok(Math.abs(eta - manual) < 1e-12);
  assert.equal(fit.predictProba([X[0]], fit.lambda[10])[0], 1 / (1 + Math.exp(-eta)));
});

test('bad input: constant feature excluded with a warning, NaN, bad options, one class', () => {
  const Xc = X.map((r) => [...r, 3]);
  const fit = fitGlmnet(Xc, y, { featureNames: [...Array.from({ length: p }, (_, j) => `f${j}`), 'const'] });
  assert.deepEqual(fit.excluded, ['const']);
  assert.ok(fit.warnings.some((w) => w.code === 'W_CONSTANT_FEATURE' && /const/.test(w.message)));
  for (let m = 0; m < fit.length; m++) assert.equal(fit.beta[p + m * (p + 1)], 0);
  const Xn = X.map((r) => [...r]);
  Xn[7][2] = NaN;
  assert.throws(() => fitGlmnet(Xn, y), (e: unknown) => e instanceof InvalidInputError && /row 8, column 3/.test((e as Error).message));
  assert.throws(() => fitGlmnet(X, y, { alpha: 1.5 }), InvalidInputError);
  assert.throws(() => fitGlmnet(X, y.map(() => 0)), InvalidInputError);
  assert.throws(() => fitGlmnet(X, y.map((_, i) => (i === 0 ? 1 : 0))), ModelFitError);
});

test('cvGlmnet: fold ids checked, seeded folds reproducible, AUC falls back to deviance with tiny folds', () => {
  assert.throws(() => cvGlmnet(X, y, { foldid: [1, 2, 3] }), (e: unknown) => e instanceof InvalidInputError && /120 fold ids/.test((e as Error).message) && /found: 3 fold ids/i.test((e as Error).message));
  assert.throws(() => cvGlmnet(X, y, { foldid: y.map((_, i) => (i % 3) + 1 + (i % 3 === 1 ? 2 : 0)) }), /empty/);
  const a = cvGlmnet(X, y, { nfolds: 5, seed: 7, nlambda: 20 });
  const b = cvGlmnet(X, y, { nfolds: 5, seed: 7, nlambda: 20 });
  assert.deepEqual(Array.from(a.foldid), Array.from(b.foldid));
  assert.deepEqual(Array.from(a.cvm), Array.from(b.cvm));
  const counts = [0, 0, 0, 0, 0];
  a.foldid.forEach((f) => counts[f - 1]++);
  assert.deepEqual(counts, [24, 24, 24, 24, 24]);
  assert.equal(a.coef('lambda.min').lambda, a.lambdaMin);
  assert.ok(a.lambda1se >= a.lambdaMin);
  const small = cvGlmnet(X.slice(0, 40), y.slice(0, 40), { foldid: randomFoldIds(40, 10, Rng.fromSeed(1)), typeMeasure: 'auc', nlambda: 10 });
  assert.equal(small.typeMeasure, 'deviance');
  assert.ok(small.warnings.some((w) => w.code === 'W_AUC_FEW_ROWS'));
});

test('LassoLogisticCV: the Classifier protocol over cvGlmnet at λ_min or λ_1se', async () => {
  const { LassoLogisticCV } = await import('../../../src/models/glmnet/index.js');
  const f = new LassoLogisticCV({ nfolds: 5, seed: 3, nlambda: 30 }).fit(X, y);
  const c = f.cv.coef('lambda.min');
  assert.deepEqual(Array.from(f.coefficients.beta), Array.from(c.beta));
  const eta = c.intercept + X[3].reduce((t, v, j) => t + v * c.beta[j], 0);
  assert.ok(Math.abs(f.decisionFunction([X[3]])[0] - eta) < 1e-12);
  assert.equal(f.predictProba([X[3]])[0], 1 / (1 + Math.exp(-f.decisionFunction([X[3]])[0])));
  assert.ok(f.selected.includes(0), 'the informative feature is selected');
  const sparse = new LassoLogisticCV({ nfolds: 5, seed: 3, nlambda: 30, s: 'lambda.1se' }).fit(X, y);
  assert.ok(sparse.selected.length <= f.selected.length);
});
