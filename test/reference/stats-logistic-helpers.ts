// Helpers of the stats-logistic reference tests (they read ../shared/reference/stats): fit a case's
// model through the library (CSV loader → design → IRLS) and compare numbers with R's, field by field.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { shared } from '../helpers/paths.js';
import { loadStatsData, type Cohort, type StatsData } from '../../src/cli/stats/data.js';
import { fitLogistic, type LogisticFit } from '../../src/models/logistic/index.js';
import { buildDesign, encodeRows, type Design, type PredictorSpec } from '../../src/models/design/index.js';

/** expected.json of a reference case. */
export function expectedOf(caseName: string): any {
  return JSON.parse(readFileSync(shared('reference', 'stats', caseName, 'expected.json'), 'utf8'));
}

/** A model of a case fitted by the library. */
export interface CaseModel {
  readonly data: StatsData;
  readonly design: Design;
  readonly fit: LogisticFit;
  /** Predictions for another cohort encoded with the training coding. */
  predict(c: Cohort, type: 'link' | 'response'): Float64Array;
}

/** Loads `file` of `caseName` and fits `label ~ predictors` (categorical: name → reference level). */
export function fitCase(caseName: string, file: string, label: string, predictors: string[], categorical: Record<string, string> = {}, validateFile?: string): CaseModel {
  const dir = (f: string) => shared('reference', 'stats', caseName, f);
  const data = loadStatsData({
    file: dir(file), label, numeric: predictors.filter((p) => !(p in categorical)), text: predictors.filter((p) => p in categorical),
    validateFile: validateFile ? dir(validateFile) : undefined,
  });
  const specs: PredictorSpec[] = predictors.map((p) => (p in categorical ? { name: p, kind: 'categorical', reference: categorical[p] } : { name: p, kind: 'numeric' }));
  const design = buildDesign(data.train, specs, data.train.n);
  const fit = fitLogistic(design.rows, data.train.y, { termNames: design.terms.map((t) => t.term) });
  return { data, design, fit, predict: (c, type) => fit.predict(encodeRows(design.coding, c, c.n), type) };
}

function num(v: unknown): number {
  if (v === 'Inf') return Infinity;
  if (v === '-Inf') return -Infinity;
  if (v === 'NaN' || v === null) return NaN;
  return v as number;
}

/** Worst relative differences seen, by label (for the report). */
export const worstSeen = new Map<string, number>();

/**
 * Asserts |got - want| <= rel · max(|want|, scale) element-wise (numbers, arrays, matrices, records of
 * those; records are compared on the keys of `want`). Records the worst relative difference under `label`.
 */
export function close(got: unknown, want: unknown, rel: number, label: string, scale = 0): void {
  if (Array.isArray(want)) {
    const g = Array.from(got as ArrayLike<unknown>);
    assert.equal(g.length, want.length, `${label}: length ${g.length} vs ${want.length}`);
    want.forEach((w, i) => close(g[i], w, rel, `${label}[${i}]`, scale));
    return;
  }
  if (want !== null && typeof want === 'object') {
    for (const k of Object.keys(want)) {
      assert.ok(got !== null && typeof got === 'object' && k in (got as object), `${label}: missing key ${k}`);
      close((got as Record<string, unknown>)[k], (want as Record<string, unknown>)[k], rel, `${label}.${k}`, scale);
    }
    return;
  }
  if (typeof want === 'boolean' || (typeof want === 'string' && !['Inf', '-Inf', 'NaN'].includes(want))) {
    assert.equal(got, want, label);
    return;
  }
  const g = num(got);
  const w = num(want);
  if (!Number.isFinite(w)) {
    assert.ok(Object.is(g, w) || (Number.isNaN(g) && Number.isNaN(w)), `${label}: ${g} vs ${w}`);
    return;
  }
  const d = Math.abs(g - w);
  const denom = Math.max(Math.abs(w), scale);
  const r = denom > 0 ? d / denom : d;
  const key = label.replace(/\[\d+\]/g, '');
  worstSeen.set(key, Math.max(worstSeen.get(key) ?? 0, r));
  assert.ok(r <= rel, `${label}: got ${g}, R ${w} (relative difference ${r.toExponential(2)} > ${rel})`);
}

/** README tolerances: closed-form 1e-12, ML coefficients 1e-9, standard errors 1e-8. */
export const TOL = { closed: 1e-12, coef: 1e-9, se: 1e-8 } as const;

/**
 * Compares a glm block (from `glmBlock`) with R's at the README tolerances: estimates (and the
 * quantities that only shift them: OR) 1e-9; SE, z, Wald limits, covariance 1e-8; p 1e-7 (its
 * relative error is ~z² times that of z); deviance, AIC, log-likelihood 1e-12 (flat at the optimum);
 * counts and flags exactly. Profile limits (MASS interpolates a spline through a grid; ours are exact
 * roots) within 1e-3 standard errors.
 */
export function compareGlm(got: any, want: any, label: string): void {
  assert.deepEqual([...got.terms], want.terms, `${label}.terms`);
  close(got.estimate, want.estimate, TOL.coef, `${label}.estimate`);
  close(got.odds_ratio, want.odds_ratio, TOL.coef, `${label}.odds_ratio`);
  close(got.std_error, want.std_error, TOL.se, `${label}.std_error`);
  close(got.z_value, want.z_value, TOL.se, `${label}.z_value`);
  close(got.p_value, want.p_value, 1e-7, `${label}.p_value`);
  const se = want.std_error as number[];
  for (const k of ['wald_ci_lower', 'wald_ci_upper']) {
    (want[k] as number[]).forEach((w, j) => close(got[k][j], w, TOL.se, `${label}.${k}[${j}]`, se[j]));
  }
  close(got.or_wald_ci_lower, want.or_wald_ci_lower, TOL.se, `${label}.or_wald_ci_lower`);
  close(got.or_wald_ci_upper, want.or_wald_ci_upper, TOL.se, `${label}.or_wald_ci_upper`);
  const diag = (want.vcov as number[][]).map((r, i) => Math.abs(r[i]));
  (want.vcov as number[][]).forEach((r, i) => r.forEach((w, j) => close(got.vcov[i][j], w, TOL.se, `${label}.vcov[${i}][${j}]`, Math.sqrt(diag[i] * diag[j]))));
  for (const k of ['deviance', 'null_deviance', 'aic', 'loglik']) close(got[k], want[k], TOL.closed, `${label}.${k}`);
  for (const k of ['df_residual', 'df_null', 'iterations', 'converged', 'conf_level']) assert.equal(got[k], want[k], `${label}.${k}`);
  if (want.profile_ci_lower) {
    (want.profile_ci_lower as number[]).forEach((w, j) => close(got.profile_ci_lower[j], w, 1e-3, `${label}.profile_ci_lower[${j}]`, se[j]));
    (want.profile_ci_upper as number[]).forEach((w, j) => close(got.profile_ci_upper[j], w, 1e-3, `${label}.profile_ci_upper[${j}]`, se[j]));
  }
}

/** Compares an lrm block: coefficients 1e-9, every statistic 1e-10 (d.f., Obs exactly; rms's P bottoms out at 2^-53 steps). */
export function compareLrm(got: any, want: any, label: string): void {
  assert.deepEqual(Object.keys(got.coefficients), Object.keys(want.coefficients), `${label}.coefficients names`);
  close(got.coefficients, want.coefficients, TOL.coef, `${label}.coefficients`);
  assert.deepEqual(Object.keys(got.stats), Object.keys(want.stats), `${label}.stats names (rms order)`);
  for (const [k, w] of Object.entries(want.stats as Record<string, number>)) {
    if (k === 'Obs' || k === 'd.f.') assert.equal(got.stats[k], w, `${label}.stats.${k}`);
    else if (k === 'P') close(got.stats[k], w, 1e-9, `${label}.stats.P`, 2 ** -52);
    else close(got.stats[k], w, 1e-10, `${label}.stats.${k}`);
  }
  close(got.somers2_exact, want.somers2_exact, TOL.closed, `${label}.somers2_exact`);
}

/**
 * Compares a nomogram block: every axis value, Xbeta, points, scale and conversion at 1e-9 relative
 * (they are linear in the ML coefficients), axis values and the shown flags exactly; patients'
 * points at 1e-9 relative to the 100-point scale.
 */
export function compareNomogram(got: any, want: any, label: string): void {
  for (const k of ['sc_points_per_lp_unit', 'model_intercept', 'sum_R_min', 'lp_at_zero_points']) close(got[k], want[k], TOL.coef, `${label}.${k}`);
  assert.equal(got.maxscale, want.maxscale);
  assert.deepEqual(Object.keys(got.predictors), Object.keys(want.predictors), `${label}.predictors`);
  for (const [name, w] of Object.entries<any>(want.predictors)) {
    const g = got.predictors[name];
    assert.equal(g.discrete, w.discrete, `${label}.${name}.discrete`);
    assert.deepEqual([...g.axis_values], w.axis_values, `${label}.${name}.axis_values (bit for bit, R pretty)`);
    close(g.Xbeta, w.Xbeta, TOL.coef, `${label}.${name}.Xbeta`, 1e-12);
    close(g.points, w.points, TOL.coef, `${label}.${name}.points`, 1);
    close(g.R_min, w.R_min, TOL.coef, `${label}.${name}.R_min`, 1e-12);
    close(g.R_max, w.R_max, TOL.coef, `${label}.${name}.R_max`, 1e-12);
    if ('coefficient' in w) {
      close(g.coefficient, w.coefficient, TOL.coef, `${label}.${name}.coefficient`);
      close(g.points_per_unit, w.points_per_unit, TOL.coef, `${label}.${name}.points_per_unit`);
    }
  }
  assert.deepEqual([...got.total_points_axis], want.total_points_axis, `${label}.total_points_axis`);
  assert.deepEqual([...got.lp_axis.lp_values], want.lp_axis.lp_values, `${label}.lp_axis.lp_values`);
  close(got.lp_axis.total_points, want.lp_axis.total_points, TOL.coef, `${label}.lp_axis.total_points`, 1);
  const pa = want.probability_axis;
  assert.deepEqual([...got.probability_axis.requested_fun_at], pa.requested_fun_at);
  assert.deepEqual([...got.probability_axis.shown], pa.shown, `${label}.probability_axis.shown`);
  assert.deepEqual([...got.probability_axis.probability], pa.probability);
  close(got.probability_axis.total_points, pa.total_points, TOL.coef, `${label}.probability_axis.total_points`, 1);
  if (want.patients) {
    assert.equal(got.patients.rows.length, want.patients.rows.length);
    want.patients.rows.forEach((w: any, i: number) => {
      const g = got.patients.rows[i];
      assert.deepEqual(g.values, w.values, `${label}.patients[${i}].values`);
      close(g.points, w.points, TOL.coef, `${label}.patients[${i}].points`, 1);
      close(g.total_points, w.total_points, TOL.coef, `${label}.patients[${i}].total_points`, 1);
      for (const k of ['lp', 'probability', 'lp_from_points']) close(g[k], w[k], TOL.coef, `${label}.patients[${i}].${k}`, 1e-3);
    });
  }
}
