import { fmtNum } from './escape.js';
import { lineChartSvg, PALETTE, type Series } from './line-chart.js';

/** ROC curves of several models on one cohort; legend entries carry the AUC and its 95 % CI. */
export function rocChartSvg(spec: {
  title: string;
  curves: readonly { name: string; fpr: ArrayLike<number>; tpr: ArrayLike<number>; auc: number; ciLower?: number; ciUpper?: number; color?: string }[];
}): string {
  const series: Series[] = spec.curves.map((c, i) => ({
    name: `${c.name}: AUC ${c.auc.toFixed(3)}${c.ciLower !== undefined && c.ciUpper !== undefined ? ` (${c.ciLower.toFixed(3)}–${c.ciUpper.toFixed(3)})` : ''}`,
    x: c.fpr, y: c.tpr, color: c.color ?? PALETTE[i % PALETTE.length],
  }));
  return lineChartSvg({ title: spec.title, xLabel: '1 − specificity', yLabel: 'Sensitivity', series, xDomain: [0, 1], yDomain: [0, 1], diagonal: true, legend: 'bottom-right', width: 460, height: 440 });
}

/** ROC points (1 − specificity, sensitivity) sorted for drawing from pROC-style arrays. */
export function rocPoints(sensitivities: ArrayLike<number>, specificities: ArrayLike<number>): { fpr: number[]; tpr: number[] } {
  const pts = Array.from({ length: sensitivities.length }, (_, i) => [1 - specificities[i], sensitivities[i]] as const);
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { fpr: pts.map((p) => p[0]), tpr: pts.map((p) => p[1]) };
}

/** Calibration plot: per model, grouped observed vs predicted points and an optional smooth (lowess) curve. */
export function calibrationChartSvg(spec: {
  title: string;
  curves: readonly { name: string; groupPredicted?: ArrayLike<number>; groupObserved?: ArrayLike<number>; smoothX?: ArrayLike<number>; smoothY?: ArrayLike<number>; color?: string }[];
}): string {
  const series: Series[] = [];
  spec.curves.forEach((c, i) => {
    const color = c.color ?? PALETTE[i % PALETTE.length];
    if (c.smoothX && c.smoothY) series.push({ name: `${c.name} (lowess)`, x: c.smoothX, y: c.smoothY, color });
    if (c.groupPredicted && c.groupObserved) series.push({ name: `${c.name} (deciles)`, x: c.groupPredicted, y: c.groupObserved, color, dash: '2 3', markers: true, width: 1 });
  });
  return lineChartSvg({ title: spec.title, xLabel: 'Predicted probability', yLabel: 'Observed proportion', series, xDomain: [0, 1], yDomain: [0, 1], diagonal: true, legend: 'top-left', width: 460, height: 440 });
}

/** Decision curves: net benefit of each model, treat-all and treat-none, over threshold probabilities. */
export function dcaChartSvg(spec: {
  title: string;
  thresholds: ArrayLike<number>;
  models: readonly { name: string; netBenefit: ArrayLike<number>; color?: string }[];
  treatAll: ArrayLike<number>;
  prevalence: number;
}): string {
  const zeros = Array.from(spec.thresholds, () => 0);
  const series: Series[] = [
    ...spec.models.map((m, i) => ({ name: m.name, x: spec.thresholds, y: m.netBenefit, color: m.color ?? PALETTE[i % PALETTE.length] })),
    { name: 'Treat all', x: spec.thresholds, y: spec.treatAll, color: '#777', dash: '6 3', width: 1.5 },
    { name: 'Treat none', x: spec.thresholds, y: zeros, color: '#000', width: 1 },
  ];
  const top = Math.max(0.05, spec.prevalence * 1.1);
  return lineChartSvg({ title: spec.title, xLabel: 'Threshold probability', yLabel: 'Net benefit', series, xDomain: [0, 1], yDomain: [-0.05, top], legend: 'top-right', width: 520, height: 400 });
}

/** LASSO coefficient paths (standardised or original scale) against log λ, with λ.min and λ.1se marked. */
export function lassoPathSvg(spec: { title: string; lambda: ArrayLike<number>; beta: readonly ArrayLike<number>[]; names: readonly string[]; lambdaMin?: number; lambda1se?: number; maxLegend?: number }): string {
  const series: Series[] = spec.beta.map((b, i) => ({ name: i < (spec.maxLegend ?? 0) ? spec.names[i] : '', x: spec.lambda, y: b, width: 1.2 }));
  const vlines = [
    ...(spec.lambdaMin !== undefined ? [{ x: spec.lambdaMin, label: `λ.min ${fmtNum(spec.lambdaMin, 3)}` }] : []),
    ...(spec.lambda1se !== undefined ? [{ x: spec.lambda1se, label: `λ.1se ${fmtNum(spec.lambda1se, 3)}`, dash: '6 3' }] : []),
  ];
  return lineChartSvg({ title: spec.title, xLabel: 'λ (log scale)', yLabel: 'Coefficient', series, logX: true, vlines, legend: 'none', width: 520, height: 380 });
}

/** Cross-validation curve (mean ± 1 SE of the CV measure) against log λ, with λ.min and λ.1se marked. */
export function cvCurveSvg(spec: { title: string; lambda: ArrayLike<number>; cvm: ArrayLike<number>; cvlo: ArrayLike<number>; cvup: ArrayLike<number>; measure: string; lambdaMin: number; lambda1se: number }): string {
  return lineChartSvg({
    title: spec.title, xLabel: 'λ (log scale)', yLabel: spec.measure, logX: true, legend: 'none', width: 520, height: 380,
    series: [{ name: 'CV', x: spec.lambda, y: spec.cvm, lower: spec.cvlo, upper: spec.cvup, markers: true, color: '#D55E00' }],
    vlines: [{ x: spec.lambdaMin, label: 'λ.min' }, { x: spec.lambda1se, label: 'λ.1se', dash: '6 3' }],
  });
}
