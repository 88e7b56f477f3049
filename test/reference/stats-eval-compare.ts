// Helpers for the stats-eval reference tests: load a case of ../shared/reference/stats and compare
// numbers field by field with a relative tolerance (non-finite values are the strings "Inf", "-Inf", "NaN").
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { shared } from '../helpers/paths.js';
import { parseNumberField, readCsv } from '../../src/table/csv.js';

/** expected.json of a stats reference case. */
export function loadExpected(caseName: string): any {
  return JSON.parse(readFileSync(shared('reference', 'stats', caseName, 'expected.json'), 'utf8'));
}

/** Numeric columns of a case CSV by name (text columns as strings). */
export function loadCsvColumns(caseName: string, file: string): { num: (c: string) => Float64Array; text: (c: string) => string[]; n: number } {
  const t = readCsv(shared('reference', 'stats', caseName, file));
  const idx = (c: string) => {
    const i = t.header.indexOf(c);
    if (i < 0) throw new Error(`no column ${c}`);
    return i;
  };
  return {
    n: t.rows.length,
    num: (c) => Float64Array.from(t.rows, (r) => parseNumberField(r[idx(c)])),
    text: (c) => t.rows.map((r) => r[idx(c)]),
  };
}

function asNumber(v: unknown): number {
  if (v === 'Inf') return Infinity;
  if (v === '-Inf') return -Infinity;
  if (v === 'NaN' || v === null) return NaN;
  return v as number;
}

/** Largest relative difference found by {@link assertClose} (per test run), for reports. */
export const worst = { rel: 0, where: '' };
/** The same, per tolerance used (e.g. worstByTolerance.get(1e-12)). */
export const worstByTolerance = new Map<number, { rel: number; where: string }>();

/**
 * Asserts that `got` matches `want` (number, array or object of those) to relative tolerance `rel`
 * (absolute below `absFloor`). Objects are compared on the keys of `want` only when `keys` is not given.
 */
export function assertClose(got: unknown, want: unknown, rel: number, where: string, absFloor = 0): void {
  if (Array.isArray(want)) {
    const g = Array.from(got as ArrayLike<unknown>);
    assert.equal(g.length, want.length, `${where}: length`);
    want.forEach((w, i) => assertClose(g[i], w, rel, `${where}[${i}]`, absFloor));
    return;
  }
  if (want !== null && typeof want === 'object') {
    for (const k of Object.keys(want)) assertClose((got as Record<string, unknown>)[k], (want as Record<string, unknown>)[k], rel, `${where}.${k}`, absFloor);
    return;
  }
  if (typeof want === 'string' && !['Inf', '-Inf', 'NaN'].includes(want)) {
    assert.equal(got, want, where);
    return;
  }
  if (typeof want === 'boolean') {
    assert.equal(got, want, where);
    return;
  }
  const w = asNumber(want);
  const g = typeof got === 'string' && ['Inf', '-Inf', 'NaN'].includes(got) ? asNumber(got) : (got as number);
  assert.equal(typeof g, 'number', `${where}: expected a number, got ${typeof got}`);
  if (Number.isNaN(w) || !Number.isFinite(w)) {
    assert.ok(Object.is(g, w) || (Number.isNaN(w) && Number.isNaN(g)), `${where}: got ${g}, want ${w}`);
    return;
  }
  const d = Math.abs(g - w);
  const scale = Math.max(Math.abs(w), absFloor);
  const r = scale === 0 ? d : d / scale;
  if (r > worst.rel) { worst.rel = r; worst.where = where; }
  const wt = worstByTolerance.get(rel) ?? { rel: 0, where: '' };
  if (r >= wt.rel) worstByTolerance.set(rel, r > wt.rel ? { rel: r, where } : wt);
  assert.ok(d <= rel * scale || d === 0, `${where}: got ${g}, want ${w} (relative difference ${r.toExponential(2)} > ${rel})`);
}

/**
 * Compares a calibration block with a reference `calibration_*` block at the README tolerances:
 * closed-form fields 1e-12 relative; rms's loosely converged recalibration fields (Intercept, Slope,
 * U, U:Chi-sq, U:p, Q) 2e-6 absolute; exact recalibration and calibration-in-the-large 1e-9 (absolute
 * near 0); p-values that R forms as 1 - pchisq(...) 1e-15 absolute.
 */
export function assertCalibrationBlock(got: any, want: any, where: string): void {
  const vp = want.val_prob;
  for (const k of ['Dxy', 'C (ROC)', 'R2', 'D', 'D:Chi-sq', 'Brier', 'Emax', 'E90', 'Eavg', 'S:z', 'S:p']) {
    assertClose(got.val_prob[k], vp[k], 1e-12, `${where}.val_prob.${k}`);
  }
  for (const k of ['Intercept', 'Slope', 'U', 'U:Chi-sq', 'U:p', 'Q']) {
    assertClose(got.val_prob[k], vp[k], 2e-6, `${where}.val_prob.${k} (rms loose fit)`, 1);
  }
  assert.equal(got.val_prob['D:p'], null);
  assertClose(got.D_p_computed, want.D_p_computed, 1e-12, `${where}.D_p_computed`, 1e-3);
  assertClose(got.recalibration_exact.intercept, want.recalibration_exact.intercept, 1e-9, `${where}.recalibration_exact.intercept`, 1);
  assertClose(got.recalibration_exact.slope, want.recalibration_exact.slope, 1e-9, `${where}.recalibration_exact.slope`);
  assertClose(got.calibration_in_the_large.intercept, want.calibration_in_the_large.intercept, 1e-9, `${where}.calibration_in_the_large`, 1);
  const { note: _n, ...formulas } = want.formulas;
  assertClose(got.formulas, formulas, 1e-12, `${where}.formulas`);
  assertClose(got.lowess.x, want.lowess.x, 1e-12, `${where}.lowess.x`);
  assertClose(got.lowess.y, want.lowess.y, 1e-12, `${where}.lowess.y`, 1e-2);
  const hl = want.hosmer_lemeshow.resourceselection_replica;
  const ghl = got.hosmer_lemeshow.resourceselection_replica;
  const { p_value: hp, ...hlRest } = hl;
  assertClose(ghl, hlRest, 1e-12, `${where}.hosmer_lemeshow`);
  assertClose(ghl.p_value, hp, 1e-12, `${where}.hosmer_lemeshow.p_value`, 1e-3);
  const ph = want.hosmer_lemeshow.performance_hosmer;
  if (ph) {
    // performance::performance_hosmer agrees with ResourceSelection's rule whenever the breaks are distinct.
    assertClose(ghl.chisq, ph.chisq, 1e-12, `${where}.performance_hosmer.chisq`);
    assert.equal(ghl.df, ph.df);
  }
}

/** Compares a decision-curve block (all fields 1e-12; interventions avoided 1e-10 absolute, a difference quotient). */
export function assertDcaBlock(got: any, want: any, where: string): void {
  const { thresholds_note: _t, net_interventions_avoided_per_100: nia, ...rest } = want;
  assertClose(got, rest, 1e-12, where, 1e-12);
  assertClose(got.net_interventions_avoided_per_100, nia, 1e-12, `${where}.net_interventions_avoided_per_100`, 100);
}
