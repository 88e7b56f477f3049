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
  const g = got as number;
  assert.equal(typeof g, 'number', `${where}: expected a number, got ${typeof got}`);
  if (Number.isNaN(w) || !Number.isFinite(w)) {
    assert.ok(Object.is(g, w) || (Number.isNaN(w) && Number.isNaN(g)), `${where}: got ${g}, want ${w}`);
    return;
  }
  const d = Math.abs(g - w);
  const scale = Math.max(Math.abs(w), absFloor);
  const r = scale === 0 ? d : d / scale;
  if (r > worst.rel) { worst.rel = r; worst.where = where; }
  assert.ok(d <= rel * scale || d === 0, `${where}: got ${g}, want ${w} (relative difference ${r.toExponential(2)} > ${rel})`);
}
