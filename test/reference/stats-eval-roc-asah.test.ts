// Reads ../shared/reference/stats/roc_asah (pROC 1.18 on aSAH): every ROC/DeLong field at 1e-12
// relative, the bootstrap CI within 0.02 of pROC's approximate one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/core/rng.js';
import { pairedDelong, rocAnalysis, unpairedDelong } from '../../src/evaluation/index.js';
import { assertClose, loadCsvColumns, loadExpected } from './stats-eval-compare.js';

const CASE = 'roc_asah';
const E = loadExpected(CASE);
const D = loadCsvColumns(CASE, 'data.csv');
const y = D.num('y');
const TOL = 1e-12;

for (const name of ['s100b', 'ndka', 'wfns']) {
  test(`roc_asah: ROC block of ${name} matches pROC field by field`, () => {
    const want = E.roc[name];
    const got = rocAnalysis(y, D.num(name), { placements: name === 's100b', name });
    const { bootstrap_approx: _b, ...exact } = want;
    assertClose(got, exact, TOL, `roc.${name}`);
    assert.equal(got.direction, want.direction);
    assert.equal(got.direction_auto, want.direction_auto);
  });
}

for (const [name, seed] of [['s100b', 20240601], ['ndka', 20240602]] as const) {
  test(`roc_asah: stratified bootstrap CI of ${name} lands within 0.02 of pROC's (approximate)`, () => {
    const want = E.roc[name].bootstrap_approx;
    const got = rocAnalysis(y, D.num(name), { bootstrapRng: Rng.fromSeed(seed).child('bootstrap'), bootstrapReplicates: 2000 }).bootstrap!;
    assert.ok(Math.abs(got.ci_lower - want.ci_lower) < 0.02, `lower ${got.ci_lower} vs ${want.ci_lower}`);
    assert.ok(Math.abs(got.ci_upper - want.ci_upper) < 0.02, `upper ${got.ci_upper} vs ${want.ci_upper}`);
    // Seeded: the same seed gives the same interval.
    const again = rocAnalysis(y, D.num(name), { bootstrapRng: Rng.fromSeed(seed).child('bootstrap'), bootstrapReplicates: 2000 }).bootstrap!;
    assert.deepEqual(again, got);
  });
}

test('roc_asah: paired DeLong tests (Z, p, CI of the difference, variances, covariance)', () => {
  for (const [key, want] of Object.entries<any>(E.paired_delong)) {
    const got = pairedDelong(y, D.num(want.predictor_1), D.num(want.predictor_2), { names: [want.predictor_1, want.predictor_2] });
    assertClose(got, want, TOL, `paired_delong.${key}`);
  }
});

test('roc_asah: unpaired DeLong s100b men vs women (D, df, p with the t distribution)', () => {
  const want = E.unpaired_delong.s100b_male_vs_female;
  const g = D.text('gender');
  const s = D.num('s100b');
  const pick = (sex: string) => [y.filter((_, i) => g[i] === sex), s.filter((_, i) => g[i] === sex)] as const;
  const [ym, sm] = pick('Male');
  const [yf, sf] = pick('Female');
  const got = unpairedDelong(ym, sm, yf, sf);
  const { note: _n, cohort_1: _c1, cohort_2: _c2, ...nums } = want;
  assertClose(got, nums, TOL, 'unpaired_delong');
});
