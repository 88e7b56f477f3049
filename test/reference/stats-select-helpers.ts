// Helpers for the stats-select reference tests: read ../shared/reference/stats cases and compare
// numbers with stated tolerances (reference JSON conventions: "Inf", "-Inf", "NaN" strings, null = NA).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { shared } from '../helpers/paths.js';
import { readCsv, parseNumberField } from '../../src/table/csv.js';

/** expected.json of a reference case. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadCase(name: string): any {
  return JSON.parse(readFileSync(shared('reference', 'stats', name, 'expected.json'), 'utf8'));
}

/** Path of a file in a reference case folder. */
export function casePath(name: string, file: string): string {
  return shared('reference', 'stats', name, file);
}

function toNum(v: unknown): number {
  if (v === 'Inf') return Infinity;
  if (v === '-Inf') return -Infinity;
  if (v === 'NaN' || v === null) return NaN;
  return v as number;
}

/**
 * Asserts |actual - expected| <= max(abs, rel·|expected|) element-wise (numbers or arrays, nested).
 * Non-finite values must match exactly.
 */
export function assertClose(actual: unknown, expected: unknown, rel: number, label: string, abs = 0): void {
  if (Array.isArray(expected) || ArrayBuffer.isView(expected)) {
    const e = Array.from(expected as ArrayLike<unknown>);
    const a = Array.from(actual as ArrayLike<unknown>);
    assert.equal(a.length, e.length, `${label}: length ${a.length} vs ${e.length}`);
    e.forEach((v, i) => assertClose(a[i], v, rel, `${label}[${i}]`, abs));
    return;
  }
  const a = toNum(actual);
  const e = toNum(expected);
  if (!Number.isFinite(e) || !Number.isFinite(a)) {
    assert.ok(Object.is(a, e) || (Number.isNaN(a) && Number.isNaN(e)), `${label}: ${a} vs ${e}`);
    return;
  }
  const tol = Math.max(abs, rel * Math.abs(e));
  assert.ok(Math.abs(a - e) <= tol, `${label}: got ${a}, expected ${e} (|diff| ${Math.abs(a - e)} > ${tol})`);
}

/** The WDBC case: features, training/test rows in data.csv order, and the training fold ids. */
export function wdbc(): { features: string[]; xTrain: number[][]; yTrain: number[]; xTest: number[][]; yTest: number[]; foldid: number[] } {
  const t = readCsv(casePath('feature_selection_lasso_wdbc', 'data.csv'));
  const features = t.header.filter((h) => !['row_id', 'y', 'set'].includes(h));
  const cols = features.map((f) => t.header.indexOf(f));
  const iy = t.header.indexOf('y');
  const is = t.header.indexOf('set');
  const xTrain: number[][] = [], yTrain: number[] = [], xTest: number[][] = [], yTest: number[] = [];
  for (const r of t.rows) {
    const x = cols.map((c) => parseNumberField(r[c]));
    if (r[is] === 'train') { xTrain.push(x); yTrain.push(Number(r[iy])); } else { xTest.push(x); yTest.push(Number(r[iy])); }
  }
  const f = readCsv(casePath('feature_selection_lasso_wdbc', 'foldid.csv'));
  const foldid = f.rows.map((r) => Number(r[f.header.indexOf('foldid')]));
  return { features, xTrain, yTrain, xTest, yTest, foldid };
}
