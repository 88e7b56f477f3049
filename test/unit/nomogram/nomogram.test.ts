// The nomogram model on a hand-computed example (scale, points, lp at zero points, patient reading,
// axis rules), R's approx semantics, and the SVG drawing (every axis and tick labelled, escaping,
// patient marks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { approxLinear, buildNomogram, nomogramBlock, nomogramPoints, renderNomogramSvg, formatTick, type NomogramInput } from '../../../src/nomogram/index.js';
import { InvalidInputError } from '../../../src/core/errors.js';

// lp = -1 + 0.5·x - 2·z + (0 | 1 | 3 for grade a | b | c)
const input: NomogramInput = {
  intercept: -1,
  predictors: [
    { name: 'x', kind: 'numeric', coefficient: 0.5, trainingValues: Array.from({ length: 41 }, (_, i) => i / 2) }, // 41 values in [0, 20]
    { name: 'z', kind: 'numeric', coefficient: -2, trainingValues: [0, 1, 1, 0] },
    { name: 'grade', kind: 'categorical', levels: ['a', 'b', 'c'], coefficients: [0, 1, 3] },
  ],
  trainingLinearPredictors: [-2.6, 0.4, 11.9],
};

test('scale and points by hand: widest range 10 lp units → 10 points per unit', () => {
  const m = buildNomogram(input, { funAt: [0.1, 0.5, 0.9, 0.99999] });
  assert.equal(m.pointsPerLpUnit, 10);
  assert.equal(m.sumRMin, -2);
  assert.equal(m.lpAtZeroPoints, -3);
  const [x, z, g] = m.predictors;
  assert.equal(x.discrete, false);
  assert.deepEqual(x.axisValues, [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]); // pretty(c(0, 20), 10)
  assert.deepEqual(x.points, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  assert.equal(x.pointsPerUnit, 5);
  assert.equal(z.discrete, true); // ≤ 10 distinct values: the values themselves
  assert.deepEqual(z.axisValues, [0, 1]);
  assert.deepEqual(z.points, [20, 0]);
  assert.deepEqual(g.points, [0, 10, 30]);
  // lp.at = pretty(c(-2.6, 11.9), 10) = -4, -2, ..., 12; total axis = pretty(c(0, 10·(12 + 3)), 10)
  assert.deepEqual(m.lpAxis.lpValues, [-4, -2, 0, 2, 4, 6, 8, 10, 12]);
  assert.deepEqual(m.lpAxis.totalPoints, [-10, 10, 30, 50, 70, 90, 110, 130, 150]);
  assert.deepEqual(m.totalPointsAxis, [0, 20, 40, 60, 80, 100, 120, 140, 160]);
  // 0.99999 (lp 11.5) lies inside plogis(range(lp.at)) and is shown; positions ≈ (qlogis(p) + 3)·10
  assert.deepEqual(m.probabilityAxis.shown, [true, true, true, true]);
  m.probabilityAxis.totalPoints.forEach((t, k) => {
    const p = m.probabilityAxis.probability[k];
    assert.ok(Math.abs(t - (Math.log(p / (1 - p)) + 3) * 10) < 0.05, `${p}: ${t}`);
  });
});

test('a patient: points per predictor, total, lp and lp from points agree', () => {
  const m = buildNomogram(input);
  const r = nomogramPoints(m, { x: 4, z: 1, grade: 'b' });
  assert.deepEqual(r.points, { x: 20, z: 0, grade: 10 });
  assert.equal(r.totalPoints, 30);
  assert.equal(r.lp, 0);
  assert.equal(r.probability, 0.5);
  assert.equal(r.lpFromPoints, 0);
  assert.deepEqual(r.outsideAxis, []);
  assert.deepEqual(nomogramPoints(m, { x: 25, z: 0, grade: 'a' }).outsideAxis, ['x']);
  assert.throws(() => nomogramPoints(m, { x: 1, z: 0, grade: 'd' }), InvalidInputError);
  assert.throws(() => nomogramPoints(m, { x: 1, z: 0 }), /missing/);
});

test('probabilities outside plogis(range(lp.at)) are not shown; one predictor uses maxscale', () => {
  const one: NomogramInput = { intercept: 0, predictors: [input.predictors[0]], trainingLinearPredictors: [0, 10] };
  const m = buildNomogram(one, { funAt: [1e-9, 0.5, 0.999999999] });
  assert.deepEqual(m.probabilityAxis.shown, [false, true, false]);
  assert.deepEqual(m.totalPointsAxis, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
});

test('approxLinear: R approx(rule = 1, ties = mean) semantics', () => {
  const y = approxLinear([1, 2, 2, 3], [10, 20, 40, 50], [0.5, 1, 1.5, 2, 2.5, 3, 3.5]);
  assert.deepEqual(Array.from(y), [NaN, 10, 20, 30, 40, 50, NaN]);
});

test('SVG: labelled axes and ticks, escaped labels, patient marks', () => {
  const m = buildNomogram(input, { funAt: [0.1, 0.5, 0.9], funLabel: 'Risk of <CVT> & bleed' });
  const p = nomogramPoints(m, { x: 4, z: 1, grade: 'b' });
  const svg = renderNomogramSvg(m, { title: 'Test nomogram', patient: p, labels: { x: 'Rad-score' } });
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(svg.trimEnd().endsWith('</svg>'));
  for (const label of ['Points', 'Rad-score', 'z', 'grade', 'Total Points', 'Linear Predictor', 'Risk of &lt;CVT&gt; &amp; bleed', 'Test nomogram']) {
    assert.ok(svg.includes(`>${label}</text>`), `axis label ${label}`);
  }
  for (const tick of ['0', '20', '100', 'a', 'b', 'c', '0.1', '0.5', '0.9', '160']) assert.ok(svg.includes(`>${tick}</text>`), `tick ${tick}`);
  assert.ok(!svg.includes('<CVT>'));
  assert.equal((svg.match(/<circle/g) ?? []).length, 4); // 3 predictors + total points
  assert.ok(svg.includes('total 30 points, risk of &lt;cvt&gt; &amp; bleed 0.5'), 'patient summary text');
  assert.equal(formatTick(0.6000000000000001), '0.6');
});

test('block keeps reference field names', () => {
  const b = nomogramBlock(buildNomogram(input), [nomogramPoints(buildNomogram(input), { x: 0, z: 0, grade: 'a' })]);
  assert.deepEqual(Object.keys(b.predictors.x), ['discrete', 'axis_values', 'Xbeta', 'points', 'R_min', 'R_max', 'coefficient', 'points_per_unit']);
  assert.equal(b.patients?.rows[0].total_points, 20);
  assert.equal(b.lp_at_zero_points, -3);
});

test('SVG: a crowded axis keeps its end labels and no two labels on one line overlap', () => {
  const crowded: NomogramInput = {
    intercept: 0,
    predictors: [
      { name: 'wide', kind: 'numeric', coefficient: 1, trainingValues: Array.from({ length: 50 }, (_, i) => i / 5) },
      { name: 'narrow', kind: 'numeric', coefficient: -0.01, trainingValues: Array.from({ length: 80 }, (_, i) => 30 + i) },
    ],
    trainingLinearPredictors: [0, 9],
  };
  const svg = renderNomogramSvg(buildNomogram(crowded), { fontSize: 13, width: 900 });
  const texts = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" text-anchor="middle">([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), y: m[2], s: m[3] }));
  assert.ok(texts.some((t) => t.s === '30') && texts.some((t) => t.s === '110'), 'end labels of the narrow axis (pretty(c(30, 109)) = 30..110)');
  const byLine = new Map<string, { x: number; s: string }[]>();
  for (const t of texts) byLine.set(t.y, [...(byLine.get(t.y) ?? []), t]);
  for (const row of byLine.values()) {
    row.sort((a, b) => a.x - b.x);
    for (let i = 1; i < row.length; i++) {
      const gap = row[i].x - row[i - 1].x;
      assert.ok(gap >= ((row[i].s.length + row[i - 1].s.length) / 2) * 13 * 0.58, `labels ${row[i - 1].s} and ${row[i].s} overlap`);
    }
  }
});
