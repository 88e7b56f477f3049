// Logistic regression by IRLS: closed-form checks (2×2 table, intercept-only models), score equations
// with offsets, weights as replicated rows, predictions, input errors and profile-likelihood limits
// against exact roots computed in R (fixtures/profile-exact.R; reads ../shared for the data).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fitLogistic, profileConfint, logit, plogis } from '../../../src/models/logistic/index.js';
import { InvalidInputError, ModelFitError } from '../../../src/core/errors.js';
import { Rng } from '../../../src/core/rng.js';
import { loadStatsData } from '../../../src/cli/stats/data.js';
import { buildDesign } from '../../../src/models/design/index.js';
import { shared } from '../../helpers/paths.js';

/** Rows of a 2×2 table: a = (x=1,y=1), b = (x=1,y=0), c = (x=0,y=1), d = (x=0,y=0). */
function table2x2(a: number, b: number, c: number, d: number): { X: number[][]; y: number[] } {
  const X: number[][] = [];
  const y: number[] = [];
  const add = (x: number, yy: number, k: number) => { for (let i = 0; i < k; i++) { X.push([x]); y.push(yy); } };
  add(1, 1, a); add(1, 0, b); add(0, 1, c); add(0, 0, d);
  return { X, y };
}

const rel = (g: number, w: number) => Math.abs(g - w) / Math.abs(w);

test('2×2 table: coefficients, SEs and deviance equal the closed forms', () => {
  const [a, b, c, d] = [17, 9, 12, 31];
  const { X, y } = table2x2(a, b, c, d);
  const f = fitLogistic(X, y, { termNames: ['x'] });
  assert.deepEqual(f.terms, ['(Intercept)', 'x']);
  assert.ok(rel(f.coefficients[0], Math.log(c / d)) < 1e-12);
  assert.ok(rel(f.coefficients[1], Math.log((a * d) / (b * c))) < 1e-12);
  assert.ok(rel(f.stdErrors[0], Math.sqrt(1 / c + 1 / d)) < 1e-10);
  assert.ok(rel(f.stdErrors[1], Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)) < 1e-10);
  const dev = -2 * (a * Math.log(a / (a + b)) + b * Math.log(b / (a + b)) + c * Math.log(c / (c + d)) + d * Math.log(d / (c + d)));
  assert.ok(rel(f.deviance, dev) < 1e-12);
  const n = a + b + c + d;
  const ev = a + c;
  const nullDev = -2 * (ev * Math.log(ev / n) + (n - ev) * Math.log(1 - ev / n));
  assert.ok(rel(f.nullDeviance, nullDev) < 1e-12);
  assert.ok(rel(f.aic, dev + 4) < 1e-12);
  assert.ok(rel(f.logLik, -dev / 2) < 1e-12);
  assert.equal(f.dfResidual, n - 2);
  assert.equal(f.dfNull, n - 1);
  assert.ok(f.converged);
  // Wald interval and odds ratio
  const ci = f.confint(0.95);
  assert.ok(rel(ci.upper[1] - ci.lower[1], 2 * 1.959963984540054 * f.stdErrors[1]) < 1e-12);
  assert.ok(rel(f.oddsRatios().oddsRatio[1], (a * d) / (b * c)) < 1e-12);
  assert.ok(Math.abs(f.vcov[0][1] + 1 / c + 1 / d) < 1e-10, 'cov(b0, b1) = -var(b0) for a binary x');
});

test('intercept-only model with an offset solves the score equation Σ(y - mu) = 0', () => {
  const rng = Rng.fromSeed(7);
  const n = 300;
  const p = Array.from({ length: n }, () => 0.05 + 0.9 * rng.uniform());
  const y = p.map((q) => (rng.uniform() < Math.min(1, q * 1.3) ? 1 : 0));
  const offset = p.map(logit);
  const f = fitLogistic(Array.from({ length: n }, () => []), y, { offset });
  assert.deepEqual(f.terms, ['(Intercept)']);
  let score = 0;
  for (let i = 0; i < n; i++) score += y[i] - plogis(f.coefficients[0] + offset[i]);
  assert.ok(Math.abs(score) < 1e-9, `score ${score}`);
  // The offset is part of the linear predictor and of the null model (R: glm refits y ~ 1 + offset).
  assert.ok(Math.abs(f.linearPredictors[3] - (f.coefficients[0] + offset[3])) < 1e-14);
  assert.ok(Math.abs(f.nullDeviance - f.deviance) < 1e-9);
  assert.equal(f.dfNull, n - 1);
});

test('an offset equal to the fitted logit gives intercept 0 (calibration-in-the-large of a calibrated model)', () => {
  const { X, y } = table2x2(8, 20, 14, 25);
  const base = fitLogistic(X, y);
  const f = fitLogistic(X.map(() => []), y, { offset: base.linearPredictors });
  assert.ok(Math.abs(f.coefficients[0]) < 1e-12);
});

test('integer weights give the same fit as replicated rows', () => {
  const rng = Rng.fromSeed(3);
  const rows = Array.from({ length: 40 }, () => [rng.normal(), rng.normal()]);
  const y = rows.map((r) => (rng.uniform() < plogis(0.3 + r[0] - 0.5 * r[1]) ? 1 : 0));
  const w = rows.map(() => 1 + rng.int(3));
  const weighted = fitLogistic(rows, y, { weights: w });
  const Xr: number[][] = [];
  const yr: number[] = [];
  rows.forEach((r, i) => { for (let k = 0; k < w[i]; k++) { Xr.push(r); yr.push(y[i]); } });
  const rep = fitLogistic(Xr, yr);
  for (let j = 0; j < 3; j++) {
    assert.ok(rel(weighted.coefficients[j], rep.coefficients[j]) < 1e-10);
    // As in R, the covariance comes from the weights of the last IRLS step (before its update), so
    // two paths converging in different numbers of steps agree on the SEs to ~1e-8, not 1e-14.
    assert.ok(rel(weighted.stdErrors[j], rep.stdErrors[j]) < 1e-7);
  }
  assert.ok(rel(weighted.deviance, rep.deviance) < 1e-12);
  assert.equal(weighted.nObs, 40);
});

test('predict: link and response from the coefficients; fitted values reproduce', () => {
  const rng = Rng.fromSeed(11);
  const X = Array.from({ length: 60 }, () => [rng.normal(), rng.uniform()]);
  const y = X.map((r) => (rng.uniform() < plogis(r[0] + 2 * r[1] - 1) ? 1 : 0));
  const f = fitLogistic(X, y);
  const lp = f.predict([[0.5, 0.25]], 'link')[0];
  assert.ok(Math.abs(lp - (f.coefficients[0] + 0.5 * f.coefficients[1] + 0.25 * f.coefficients[2])) < 1e-15);
  assert.ok(Math.abs(f.predict([[0.5, 0.25]], 'response')[0] - plogis(lp)) < 1e-15);
  const again = f.predict(X, 'response');
  for (let i = 0; i < X.length; i++) assert.ok(Math.abs(again[i] - f.fittedValues[i]) < 1e-14);
  assert.throws(() => f.predict([[1]], 'link'), InvalidInputError);
});

test('bad input: non-binary outcome, NaN predictors, ragged rows, too few rows', () => {
  assert.throws(() => fitLogistic([[1], [2], [3]], [0, 1, 2]), (e: unknown) => e instanceof InvalidInputError && /binary/.test(e.message));
  assert.throws(() => fitLogistic([[1], [NaN], [3], [4]], [0, 1, 0, 1]), (e: unknown) => e instanceof InvalidInputError && /row 2/.test(e.message));
  assert.throws(() => fitLogistic([[1, 2], [3]], [0, 1]), InvalidInputError);
  assert.throws(() => fitLogistic([[1], [2]], [0, 1]), ModelFitError);
  assert.throws(() => fitLogistic([[1], [2], [3]], [0, 1, 0], { weights: [1, -1, 1] }), InvalidInputError);
});

test('collinear predictors are a ModelFitError naming the aliased term', () => {
  const rng = Rng.fromSeed(5);
  const X = Array.from({ length: 50 }, () => { const a = rng.normal(); const b = rng.normal(); return [a, b, a - 2 * b]; });
  const y = X.map((r) => (rng.uniform() < plogis(r[0]) ? 1 : 0));
  assert.throws(() => fitLogistic(X, y, { termNames: ['a', 'b', 'c'] }), (e: unknown) => e instanceof ModelFitError && /"c"/.test(e.message) && /linear combination/.test(e.message));
});

test('complete separation is a ModelFitError naming the variable', () => {
  const X = [[-3], [-2], [-1.5], [-1], [-0.5], [0.5], [1], [1.5], [2], [3]];
  const y = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
  assert.throws(() => fitLogistic(X, y, { termNames: ['dose'] }), (e: unknown) => e instanceof ModelFitError && /complete separation/.test(e.message) && /dose \(\+∞\)/.test(e.message));
});

test('quasi-complete separation (a category with events only) is detected and names the dummy', () => {
  // group b: all events; groups a, c overlap
  const g = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'c', 'c'];
  const y = [0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 0, 1];
  const X = g.map((v) => [v === 'b' ? 1 : 0, v === 'c' ? 1 : 0]);
  let err: unknown;
  try { fitLogistic(X, y, { termNames: ['groupb', 'groupc'] }); } catch (e) { err = e; }
  assert.ok(err instanceof ModelFitError, 'expected a ModelFitError');
  assert.match(err.message, /quasi-complete separation/);
  assert.match(err.message, /groupb \(\+∞\)/);
  assert.doesNotMatch(err.message, /groupc/);
  const warned = fitLogistic(X, y, { termNames: ['groupb', 'groupc'], separation: 'warn' });
  assert.equal(warned.separation?.kind, 'quasi-complete');
  assert.deepEqual(warned.separation?.terms.map((t) => t.term), ['groupb']);
  assert.ok(warned.warnings.some((w) => w.code === 'W_SEPARATION'));
  assert.ok(warned.coefficients[1] > 10, 'the separated coefficient diverges');
});

test('overlapping data are not flagged as separated', () => {
  const rng = Rng.fromSeed(21);
  const X = Array.from({ length: 200 }, () => [rng.normal(), rng.normal(), rng.bernoulli(0.3) ? 1 : 0]);
  const y = X.map((r) => (rng.uniform() < plogis(2 * r[0] + r[2]) ? 1 : 0));
  const f = fitLogistic(X, y);
  assert.equal(f.separation, undefined);
  assert.deepEqual(f.warnings, []);
});

test('profile-likelihood limits equal the exact roots computed in R (uniroot) to 1e-8 SE', () => {
  const want = JSON.parse(readFileSync(new URL('./fixtures/profile-exact.json', import.meta.url), 'utf8'));
  const preds = ['age', 'lwt', 'race', 'smoke', 'ptl', 'ht', 'ui'];
  const data = loadStatsData({ file: shared('reference', 'stats', 'logistic_nomogram_birthwt', 'data.csv'), label: 'low', numeric: preds.filter((p) => p !== 'race'), text: ['race'] });
  const des = buildDesign(data.train, preds.map((p) => (p === 'race' ? { name: p, kind: 'categorical' as const, reference: 'white' } : { name: p, kind: 'numeric' as const })), data.train.n);
  const f = fitLogistic(des.rows, data.train.y, { termNames: des.terms.map((t) => t.term) });
  assert.deepEqual(f.terms, want.terms);
  const ci = profileConfint(f, 0.95);
  for (let j = 0; j < f.terms.length; j++) {
    assert.ok(Math.abs(ci.lower[j] - want.lower[j]) < 1e-8 * f.stdErrors[j], `${f.terms[j]} lower ${ci.lower[j]} vs ${want.lower[j]}`);
    assert.ok(Math.abs(ci.upper[j] - want.upper[j]) < 1e-8 * f.stdErrors[j], `${f.terms[j]} upper`);
    assert.ok(ci.lower[j] < f.coefficients[j] && f.coefficients[j] < ci.upper[j]);
  }
});

test('offset and prior weights, with and without intercept, match R glm (fixtures/glm-offset-weights.R)', () => {
  const R = JSON.parse(readFileSync(new URL('./fixtures/glm-offset-weights.json', import.meta.url), 'utf8'));
  const data = loadStatsData({ file: shared('reference', 'stats', 'logistic_nomogram_birthwt', 'data.csv'), label: 'low', numeric: ['lwt', 'smoke', 'ht'] });
  const c = data.train;
  const col = (k: string) => c.numeric.get(k)!;
  const rows = (ks: string[]) => Array.from({ length: c.n }, (_, i) => ks.map((k) => col(k)[i]));
  const check = (f: ReturnType<typeof fitLogistic>, want: any, label: string) => {
    want.estimate.forEach((w: number, j: number) => assert.ok(rel(f.coefficients[j], w) < 1e-9, `${label} estimate ${j}`));
    want.std_error.forEach((w: number, j: number) => assert.ok(rel(f.stdErrors[j], w) < 1e-8, `${label} se ${j}`));
    for (const [k, v] of [['deviance', f.deviance], ['null_deviance', f.nullDeviance], ['aic', f.aic]] as const) assert.ok(rel(v, want[k]) < 1e-12, `${label} ${k}: ${v} vs ${want[k]}`);
    assert.equal(f.dfNull, want.df_null);
    assert.equal(f.dfResidual, want.df_residual);
    assert.equal(f.iterations, want.iterations);
  };
  check(fitLogistic(rows(['lwt', 'smoke', 'ht']), c.y, { weights: R.weights, offset: R.offset }), R.weighted_offset, 'weights + offset');
  check(fitLogistic(rows(['lwt', 'smoke']), c.y, { offset: R.offset, intercept: false }), R.no_intercept_offset, 'no intercept + offset');
  check(fitLogistic(rows([]), c.y, { offset: R.offset }), R.intercept_offset, 'intercept + offset (calibration-in-the-large form)');
});
