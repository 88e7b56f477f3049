// IBSI 1 reference-value tables (../shared/reference/radiomics/ibsi/ibsi1/reference_values) for texture tags.
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../../src/table/csv.js';
import { shared } from '../../helpers/paths.js';

/** One reference row: IBSI tag, reference value (as printed) and tolerance. */
export interface IbsiReference {
  readonly tag: string;
  readonly text: string;
  readonly value: number;
  readonly tolerance: number;
}

/** Texture prefixes of the IBSI tags. */
export const TEXTURE_TAG = /^(cm|rlm|szm|dzm|ngt|ngl)_/;

/** The texture rows of one IBSI 1 reference CSV (`digital_phantom`, `config_A`, ...). */
export function ibsiTextureReferences(dataset: string): IbsiReference[] {
  const t = parseCsv(readFileSync(shared(`reference/radiomics/ibsi/ibsi1/reference_values/ibsi_1_reference_values_${dataset}.csv`), 'utf8'));
  const tag = t.header.indexOf('tag');
  const val = t.header.indexOf('reference value');
  const tol = t.header.indexOf('tolerance');
  return t.rows
    .filter((r) => TEXTURE_TAG.test(r[tag]) && r[val] !== '')
    .map((r) => ({ tag: r[tag], text: r[val], value: Number(r[val]), tolerance: Number(r[tol] || '0') }));
}

/**
 * Whether `v` agrees with a reference printed to 3 significant digits with tolerance 0 (digital phantom): it
 * rounds to the printed value, i.e. |v − ref| ≤ half a unit of the third significant digit.
 */
export function matchesPrinted(v: number, ref: number): boolean {
  if (ref === 0) return Math.abs(v) < 1e-9;
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(ref))) - 2);
  return Math.abs(v - ref) <= 0.5 * unit * (1 + 1e-9);
}
