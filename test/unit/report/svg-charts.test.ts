import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rocChartSvg, rocPoints, dcaChartSvg, lassoPathSvg, cvCurveSvg, barChartSvg, calibrationChartSvg, linearScale, ticks, fmtNum, esc } from '../../../src/report/svg/index.js';

function balanced(svg: string): boolean {
  // Every opened element is closed (self-closing tags excluded), in order.
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, close, name, self] = m;
    if (self) continue;
    if (close) { if (stack.pop() !== name) return false; } else stack.push(name);
  }
  return stack.length === 0;
}

test('scales, ticks and number formatting', () => {
  const s = linearScale([0, 1], [50, 450]);
  assert.equal(s(0), 50);
  assert.equal(s(0.5), 250);
  assert.deepEqual(ticks([0, 1]), [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]);
  assert.equal(fmtNum(0.6000000000000001), '0.6');
  assert.equal(esc('<a&"b">'), '&lt;a&amp;&quot;b&quot;&gt;');
});

test('ROC chart: one path per model, AUC with CI in the legend, chance line, balanced XML', () => {
  const p = rocPoints([1, 0.8, 0.5, 0], [0, 0.6, 0.9, 1]);
  assert.deepEqual(p.fpr, [0, 0.09999999999999998, 0.4, 1]);
  const svg = rocChartSvg({ title: 'External test', curves: [{ name: 'DLRN', ...p, auc: 0.911, ciLower: 0.85, ciUpper: 0.97 }, { name: 'Rad', ...p, auc: 0.8 }] });
  assert.equal((svg.match(/class="series"/g) ?? []).length, 2);
  assert.match(svg, /DLRN: AUC 0\.911 \(0\.850–0\.970\)/);
  assert.match(svg, /stroke-dasharray="4 4"/);
  assert.ok(balanced(svg));
});

test('other charts render balanced SVG with their elements', () => {
  const th = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  const dca = dcaChartSvg({ title: 'DCA', thresholds: th, models: [{ name: 'DLRN', netBenefit: th.map((t) => 0.25 - t / 4) }], treatAll: th.map((t) => 0.25 - 0.75 * t / (1 - t)), prevalence: 0.25 });
  assert.ok(balanced(dca));
  assert.match(dca, /Treat all/);
  const lam = [1, 0.5, 0.25, 0.125];
  const path = lassoPathSvg({ title: 'LASSO path', lambda: lam, beta: [[0, 0.1, 0.3, 0.4], [0, 0, -0.2, -0.5]], names: ['a', 'b'], lambdaMin: 0.25, lambda1se: 0.5 });
  assert.ok(balanced(path));
  assert.match(path, /λ\.min/);
  const cv = cvCurveSvg({ title: 'CV', lambda: lam, cvm: [1.2, 1, 0.9, 0.95], cvlo: [1.1, 0.9, 0.8, 0.85], cvup: [1.3, 1.1, 1, 1.05], measure: 'Binomial deviance', lambdaMin: 0.25, lambda1se: 0.5 });
  assert.ok(balanced(cv));
  assert.match(cv, /fill-opacity="0.15"/);
  const bars = barChartSvg({ title: 'Coefficients', xLabel: 'β', labels: ['x1', 'x2'], values: [0.5, -1.2] });
  assert.ok(balanced(bars));
  assert.equal((bars.match(/<rect x=/g) ?? []).length, 1 + 2 + 0); // frame + 2 bars (background rect has no x)
  const cal = calibrationChartSvg({ title: 'Calibration', curves: [{ name: 'DLRN', smoothX: [0.1, 0.5, 0.9], smoothY: [0.12, 0.45, 0.88], groupPredicted: [0.2, 0.6], groupObserved: [0.25, 0.55] }] });
  assert.ok(balanced(cal));
  assert.equal((cal.match(/<circle/g) ?? []).length, 2);
});
