// The Pipeline: fitted on training rows only (test rows never change a fitted parameter), transforms use the
// training statistics (hand-computed), serialised steps rebuild the same arithmetic bit for bit, and the steps'
// own rules (non-finite fill, min_keep fallback, redundancy choice, LASSO signature and λ fallback).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../../src/core/rng.js';
import { cvGlmnet } from '../../../src/models/glmnet/index.js';
import { matrixFromColumns, type ColumnMajorMatrix } from '../../../src/selection/matrix.js';
import {
  FittedPipeline, Pipeline, correlationStep, lassoStep, mannWhitneyStep, mrmrStep, nonFiniteStep, pcaStep, scalerStep, stratifiedFoldIds, varianceStep,
  type FeatureTable, type StepContext,
} from '../../../src/study/index.js';

const ctx = (log: string[] = []): StepContext => ({ ids: [], rng: Rng.fromSeed(1), log: (l) => log.push(l) });

function table(cols: number[][], names?: string[]): FeatureTable {
  const m = matrixFromColumns(cols);
  return { ids: cols[0].map((_, i) => `p${i}`), names: names ?? cols.map((_, j) => `f${j}`), matrix: m };
}

test('z-score: test rows are scaled with the training mean and population SD', () => {
  const train = table([[1, 2, 3, 6], [10, 10, 10, 14]]);
  const fitted = new Pipeline([scalerStep()]).fit(train, Float64Array.from([0, 1, 0, 1]), ctx());
  // f0: mean 3, SD sqrt(((4+1+0+9)/4)) = sqrt(3.5); f1: mean 11, SD sqrt((1+1+1+9)/4) = sqrt(3)
  const test1 = table([[3, 10], [11, 17]]);
  const out = fitted.transform(test1.matrix);
  assert.deepEqual(Array.from(out.data), [0, 7 / Math.sqrt(3.5), 0, 6 / Math.sqrt(3)]);
});

test('a fitted pipeline transforms each row on its own (a test row never depends on other test rows)', () => {
  const rng = Rng.fromSeed(2);
  const n = 60;
  const y = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
  const cols = Array.from({ length: 12 }, (_, j) => Array.from({ length: n }, (_, i) => rng.normal() + (j < 3 ? y[i] * 0.8 : 0)));
  const all = table(cols);
  const trainIdx = Array.from({ length: 40 }, (_, i) => i);
  const pick = (t: FeatureTable, idx: number[]): FeatureTable => ({ ids: idx.map((i) => t.ids[i]), names: t.names, matrix: matrixFromColumns(cols.map((c) => idx.map((i) => c[i]))) });
  const steps = [nonFiniteStep(), varianceStep(0), scalerStep(), mannWhitneyStep(0.2, 1), correlationStep(0.9, 'spearman'), mrmrStep(5), lassoStep({ nfolds: 5, measure: 'deviance', lambdaRule: 'lambda.min', alpha: 1, minFeatures: 1 })];
  const fitA = new Pipeline(steps).fit(pick(all, trainIdx), y.subarray(0, 40), ctx());
  assert.deepEqual(new Pipeline(steps).fit(pick(all, trainIdx), y.subarray(0, 40), ctx()).toJSON(), fitA.toJSON(), 'deterministic');
  const testRows = pick(all, [40, 41, 42]);
  const alone = fitA.transform(pick(all, [41]).matrix);
  const together = fitA.transform(testRows.matrix);
  for (let j = 0; j < alone.ncol; j++) assert.equal(alone.data[j], together.data[j * 3 + 1]);
});

test('serialisation: a pipeline rebuilt from JSON gives bit-identical outputs', () => {
  const rng = Rng.fromSeed(3);
  const n = 50;
  const y = Float64Array.from({ length: n }, (_, i) => (i < 18 ? 1 : 0));
  const cols = Array.from({ length: 30 }, () => Array.from({ length: n }, (_, i) => rng.normal() + y[i] * rng.uniform()));
  const t = table(cols);
  const fitted = new Pipeline([nonFiniteStep(), varianceStep(0), scalerStep(), pcaStep(6, 'pc'), scalerStep(), mannWhitneyStep(1, 1), lassoStep({ nfolds: 5, measure: 'deviance', lambdaRule: 'lambda.min', alpha: 1, minFeatures: 1 })])
    .fit(t, y, ctx());
  const rebuilt = FittedPipeline.fromJSON(JSON.parse(JSON.stringify(fitted.toJSON())));
  const a = fitted.transform(t.matrix);
  const b = rebuilt.transform(t.matrix);
  assert.deepEqual(Array.from(b.data), Array.from(a.data));
  assert.deepEqual(rebuilt.namesOut, fitted.namesOut);
  const la = fitted.lassoStep()!;
  const lb = rebuilt.lassoStep()!;
  let m: ColumnMajorMatrix = t.matrix;
  for (const s of fitted.steps.slice(0, -1)) m = s.transform(m);
  assert.deepEqual(Array.from(lb.signature(m)), Array.from(la.signature(m)));
});

test('non-finite filter: drops features missing in training, fills test gaps with the training median', () => {
  const train = table([[1, 5, 2, 9], [0, NaN, 1, 1], [4, 4, 6, 8]]);
  const log: string[] = [];
  const f = new Pipeline([nonFiniteStep()]).fit(train, Float64Array.from([0, 1, 0, 1]), ctx(log));
  assert.deepEqual(f.namesOut, ['f0', 'f2']);
  assert.match(log.join('\n'), /dropped 1 feature/);
  const out = f.transform(table([[NaN], [3], [Infinity]]).matrix);
  assert.deepEqual(Array.from(out.data), [3.5, 5]); // medians of [1,5,2,9] and [4,4,6,8]
});

test('Mann-Whitney screening keeps p < threshold, or the min_keep smallest p', () => {
  const y = Float64Array.from([1, 1, 1, 1, 0, 0, 0, 0]);
  const strong = [9, 8, 7, 6, 1, 2, 3, 4];
  const weak = [5, 1, 6, 2, 5, 1, 6, 2];
  const medium = [5, 6, 3, 8, 2, 4, 7, 1];
  const t = table([weak, strong, medium]);
  assert.deepEqual(new Pipeline([mannWhitneyStep(0.05, 1)]).fit(t, y, ctx()).namesOut, ['f1']);
  const log: string[] = [];
  assert.deepEqual(new Pipeline([mannWhitneyStep(1e-9, 2)]).fit(t, y, ctx(log)).namesOut, ['f1', 'f2']);
  assert.match(log.join(''), /kept the 2 with the smallest p/);
});

test('correlation filter keeps the feature with the smaller Mann-Whitney p of a redundant pair', () => {
  const y = Float64Array.from([1, 1, 1, 1, 0, 0, 0, 0]);
  const good = [9, 8, 7, 6, 1, 2, 3, 4];
  // `worse` has the same ranks as `good` except one swap across the classes (Spearman r = 1 − 6·8/(8·63) = 0.905 > 0.9),
  // so its Mann-Whitney p is larger: the filter keeps `good` and drops `worse`; `other` is unrelated.
  const worse = [9, 8, 7, 3.5, 1, 2, 6.5, 4];
  const other = [1, 3, 2, 4, 3, 1, 4, 2];
  const f = new Pipeline([correlationStep(0.9, 'spearman')]).fit(table([worse, other, good]), y, ctx());
  assert.deepEqual(f.namesOut, ['f1', 'f2']);
});

test('LASSO step: coefficients and signature are those of cvGlmnet on the same folds; λ falls back to the first path λ with a feature', () => {
  const rng = Rng.fromSeed(4);
  const n = 80;
  const y = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
  const cols = Array.from({ length: 6 }, (_, j) => Array.from({ length: n }, (_, i) => rng.normal() + (j === 0 ? 1.2 * y[i] : 0)));
  const t = table(cols);
  const c: StepContext = { ids: [], rng: Rng.fromSeed(9), log: () => undefined };
  const fitted = new Pipeline([lassoStep({ nfolds: 5, measure: 'deviance', lambdaRule: 'lambda.min', alpha: 1, minFeatures: 1 })]).fit(t, y, c);
  const lasso = fitted.lassoStep()!;
  const foldid = stratifiedFoldIds(y, 5, Rng.fromSeed(9).child('lasso-folds'));
  const cv = cvGlmnet(t.matrix, y, { foldid });
  assert.equal(lasso.lambda, cv.lambdaMin);
  assert.deepEqual(Array.from(lasso.signature(t.matrix)), Array.from(cv.predictLink(t.matrix, 'lambda.min')));
  assert.deepEqual(lasso.namesOut, t.names.filter((_, j) => cv.coef('lambda.min').beta[j] !== 0));
  // pure noise: nothing at lambda.1se, so the first λ of the path with ≥ 2 features is used
  const noise = table(Array.from({ length: 5 }, () => Array.from({ length: n }, () => rng.normal())));
  const log: string[] = [];
  const f2 = new Pipeline([lassoStep({ nfolds: 5, measure: 'deviance', lambdaRule: 'lambda.1se', alpha: 1, minFeatures: 2 })]).fit(noise, y, { ...c, log: (l) => log.push(l) });
  const l2 = f2.lassoStep()!;
  assert.equal(l2.namesOut.length >= 2, true);
  const cv2 = cvGlmnet(noise.matrix, y, { foldid });
  const m = Array.from(cv2.fit.df).findIndex((d) => d >= 2);
  assert.equal(l2.lambda, cv2.fit.lambda[m]);
  assert.match(log.join('\n'), /the first on the path with ≥ 2/);
});

test('PCA step: at most n − 1 components, named with the prefix, logged', () => {
  const rng = Rng.fromSeed(5);
  const cols = Array.from({ length: 8 }, () => Array.from({ length: 5 }, () => rng.normal()));
  const log: string[] = [];
  const f = new Pipeline([pcaStep(10, 'dl_pc')]).fit(table(cols), Float64Array.from([0, 1, 0, 1, 0]), ctx(log));
  assert.deepEqual(f.namesOut, ['dl_pc1', 'dl_pc2', 'dl_pc3', 'dl_pc4']);
  assert.match(log.join('\n'), /10 components requested, 4 possible/);
});
