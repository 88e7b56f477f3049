// rms lrm statistics: concordance counts and Gini's mean difference against brute-force pair loops,
// the 0.0002 binning of rms 6.5, and the R² family / key names against their formulas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  binnedConcordanceCounts, concordanceCounts, fitLogistic, formatRounded1, giniMeanDifference, lrmStatistics, lrmStatsRecord, plogis,
} from '../../../src/models/logistic/index.js';
import { Rng } from '../../../src/core/rng.js';

function brute(score: number[], y: number[]) {
  let c = 0; let d = 0; let t = 0;
  for (let i = 0; i < y.length; i++) for (let j = 0; j < y.length; j++) {
    if (y[i] !== 1 || y[j] !== 0) continue;
    if (score[i] > score[j]) c++; else if (score[i] < score[j]) d++; else t++;
  }
  return { c, d, t };
}

test('concordance counts equal the brute-force pair counts (with ties)', () => {
  const rng = Rng.fromSeed(1);
  const s = Array.from({ length: 157 }, () => Math.round(rng.normal() * 4) / 4);
  const y = s.map((v) => (rng.uniform() < plogis(v) ? 1 : 0));
  const got = concordanceCounts(s, y);
  const want = brute(s, y);
  assert.deepEqual([got.concordant, got.discordant, got.tied], [want.c, want.d, want.t]);
  assert.equal(got.events * got.nonEvents, want.c + want.d + want.t);
});

test("Gini's mean difference equals the mean |x_i - x_j| over i ≠ j", () => {
  const rng = Rng.fromSeed(2);
  const x = Array.from({ length: 91 }, () => rng.normal() * 3);
  let s = 0;
  for (let i = 0; i < x.length; i++) for (let j = 0; j < x.length; j++) if (i !== j) s += Math.abs(x[i] - x[j]);
  assert.ok(Math.abs(giniMeanDifference(x) - s / (x.length * (x.length - 1))) < 1e-12);
  assert.equal(giniMeanDifference([2, 2, 2]), 0);
  assert.equal(giniMeanDifference([0, 1]), 1);
});

test('rms binning: probabilities in the same 1/5000 cell tie, others keep their order', () => {
  // cells ⌊5000p + 1⌋: 0.10001 and 0.10019 share cell 501; 0.1002 is in cell 502
  const p = [0.10019, 0.10001, 0.1002, 0.3];
  const y = [1, 0, 0, 0];
  const b = binnedConcordanceCounts(p, y);
  // event in cell 501: ties 0.10001 (cell 501), below 0.1002 (cell 502) and 0.3
  assert.deepEqual([b.concordant, b.discordant, b.tied], [0, 2, 1]);
  const b2 = binnedConcordanceCounts([0.10019, 0.10001], [1, 0]);
  assert.deepEqual([b2.concordant, b2.discordant, b2.tied], [0, 0, 1]);
  const e = concordanceCounts([0.10019, 0.10001], [1, 0]);
  assert.deepEqual([e.concordant, e.discordant, e.tied], [1, 0, 0]);
});

test('lrm statistics follow their definitions (R2 family, Brier, g, names as rms prints them)', () => {
  const rng = Rng.fromSeed(4);
  const X = Array.from({ length: 120 }, () => [rng.normal(), rng.normal()]);
  const y: number[] = X.map((r) => (rng.uniform() < plogis(-0.5 + r[0] + 0.5 * r[1]) ? 1 : 0));
  const f = fitLogistic(X, y);
  const s = lrmStatistics(f);
  const n = 120;
  const n1 = y.reduce((a: number, b: number) => a + b, 0);
  const lr = f.nullDeviance - f.deviance;
  assert.equal(s.obs, n);
  assert.equal(s.df, 2);
  assert.ok(Math.abs(s.modelLR - lr) < 1e-12);
  assert.ok(Math.abs(s.r2 - (1 - Math.exp(-lr / n)) / (1 - Math.exp(-f.nullDeviance / n))) < 1e-14);
  assert.ok(Math.abs(s.r2pn - (1 - Math.exp(-Math.max(lr - 2, 0) / n))) < 1e-14);
  const m = n * (1 - (n1 / n) ** 3 - ((n - n1) / n) ** 3);
  assert.ok(Math.abs(s.effectiveN - m) < 1e-10);
  assert.ok(Math.abs(s.r2m - (1 - Math.exp(-lr / m))) < 1e-14);
  let brier = 0;
  for (let i = 0; i < n; i++) brier += (f.fittedValues[i] - y[i]) ** 2;
  assert.ok(Math.abs(s.brier - brier / n) < 1e-15);
  assert.ok(Math.abs(s.gr - Math.exp(s.g)) < 1e-14);
  const e = brute(Array.from(f.fittedValues), y);
  assert.ok(Math.abs(s.cExact - (e.c + 0.5 * e.t) / (e.c + e.d + e.t)) < 1e-15);
  const rec = lrmStatsRecord(s);
  const mk = formatRounded1(m);
  assert.deepEqual(Object.keys(rec), ['Obs', 'Model L.R.', 'd.f.', 'P', 'C', 'Dxy', 'Gamma', 'Tau-a', 'R2', 'R2(120)', 'R2(2,120)', `R2(${mk})`, `R2(2,${mk})`, 'Brier', 'g', 'gr', 'gp']);
  assert.ok(s.p > 0 && s.p <= 1);
});

test('formatRounded1 prints like R as.character(round(m, 1))', () => {
  assert.equal(formatRounded1(121.748), '121.7');
  assert.equal(formatRounded1(189), '189');
  assert.equal(formatRounded1(78.36), '78.4');
  assert.equal(formatRounded1(80.04), '80');
});
