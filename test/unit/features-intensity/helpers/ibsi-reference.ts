// Test helper (not a test): reads the IBSI 1 reference-value CSVs of ../shared and compares a value with one.
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../../../src/table/csv.js';

/** One reference row: value as written (3 significant digits) and tolerance. */
export interface IbsiReference {
  readonly tag: string;
  readonly family: string;
  readonly text: string;
  readonly value: number;
  readonly tolerance: number;
}

/** Rows with a reference value, keyed by tag. */
export function readIbsiReference(path: string): Map<string, IbsiReference> {
  const t = parseCsv(readFileSync(path, 'utf8'), path);
  const col = (name: string) => t.header.indexOf(name);
  const out = new Map<string, IbsiReference>();
  for (const r of t.rows) {
    const text = r[col('reference value')].trim();
    if (text === '') continue;
    out.set(r[col('tag')], { tag: r[col('tag')], family: r[col('family')], text, value: Number(text), tolerance: Number(r[col('tolerance')] || 0) });
  }
  return out;
}

/**
 * IBSI reference values are given to 3 significant digits; a value agrees when it lies within the tolerance plus
 * half a unit of that third digit (e.g. 2.15 with tolerance 0 accepts [2.145, 2.155]).
 */
export function ibsiAgrees(ours: number, ref: IbsiReference): { ok: boolean; allowed: number } {
  const half = ref.value === 0 ? 0 : 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(ref.value))) - 2);
  const allowed = ref.tolerance + half * (1 + 1e-9);
  return { ok: Math.abs(ours - ref.value) <= allowed, allowed };
}
