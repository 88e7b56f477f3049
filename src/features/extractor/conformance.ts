import { readCsv } from '../../table/csv.js';
import type { ExtractionResult } from './pyradiomics-extract.js';

/**
 * Comparison of extraction results with reference values: the IBSI 1 consensus tables and PyRadiomics outputs. Used
 * by the reference tests and by `scripts/conformance.ts` (which writes docs/conformance.md).
 */

/** One row of an IBSI reference table (`dataset,family,feature,consensus,reference value,tolerance,...,tag`). */
export interface IbsiReferenceRow {
  readonly family: string;
  readonly feature: string;
  readonly tag: string;
  /** The reference value as written (its digits define the rounding allowance). */
  readonly reference: string;
  readonly tolerance: number;
}

/** Reads an IBSI reference CSV; rows without a reference value are dropped. */
export function readIbsiReference(path: string): IbsiReferenceRow[] {
  const t = readCsv(path);
  const col = (n: string) => t.header.indexOf(n);
  const [iF, iN, iV, iT, iTag] = [col('family'), col('feature'), col('reference value'), col('tolerance'), col('tag')];
  return t.rows
    .filter((r) => r[iV].trim() !== '')
    .map((r) => ({ family: r[iF], feature: r[iN], tag: r[iTag], reference: r[iV].trim(), tolerance: Number(r[iT] || 0) }));
}

/**
 * Half a unit of the last significant digit of a reference value as written (IBSI reports consensus values to
 * 3 significant digits): `0.519` → 0.0005, `-266` → 0.5, `358000` → 500.
 */
export function roundingAllowance(reference: string): number {
  const t = reference.trim().replace(/^[-+]/, '');
  const [mant, expPart] = t.toLowerCase().split('e');
  const e = expPart ? Number(expPart) : 0;
  const [ip, fp = ''] = mant.split('.');
  const digits = ip.replace(/^0+/, '');
  const p = fp.length > 0 ? e - fp.length : e + digits.length - digits.replace(/0+$/, '').length;
  return p < 0 ? 0.5 / 10 ** -p : 0.5 * 10 ** p;
}

/** IBSI rule: |ours − reference| ≤ tolerance + the rounding allowance of the reference as written. */
export function ibsiPass(ours: number, reference: string, tolerance: number): boolean {
  return Number.isFinite(ours) && Math.abs(ours - Number(reference)) <= tolerance + roundingAllowance(reference);
}

/** Status of one compared value. */
export type ComparisonStatus = 'pass' | 'fail' | 'missing';

/** One IBSI comparison. */
export interface IbsiComparison extends IbsiReferenceRow {
  readonly ours: number | null;
  readonly status: ComparisonStatus;
}

/** Compares an IBSI-mode result (features and numeric diagnostics by tag) with reference rows. */
export function compareIbsi(result: ExtractionResult, rows: readonly IbsiReferenceRow[]): IbsiComparison[] {
  return rows.map((r) => {
    const v = r.tag in result.features ? result.features[r.tag] : result.diagnostics[r.tag];
    if (typeof v !== 'number') return { ...r, ours: null, status: 'missing' as const };
    return { ...r, ours: v, status: ibsiPass(v, r.reference, r.tolerance) ? 'pass' as const : 'fail' as const };
  });
}

/** Relative difference |a − b| / |b| (0 when both are 0; Infinity when b = 0 ≠ a). */
export function relativeDifference(a: number, b: number): number {
  if (a === b) return 0;
  if (Number.isNaN(a) && Number.isNaN(b)) return 0;
  return Math.abs(a - b) / Math.abs(b);
}

/**
 * PyRadiomics agreement rule: relative difference ≤ `relTol`, or absolute difference ≤ `absFloor` (for values that
 * are 0 up to round-off, e.g. a cluster shade of 1e-17). NaN matches NaN.
 */
export function pyradiomicsPass(ours: number, reference: number, relTol: number, absFloor = 1e-12): boolean {
  if (Number.isNaN(reference)) return Number.isNaN(ours);
  return relativeDifference(ours, reference) <= relTol || Math.abs(ours - reference) <= absFloor;
}

/**
 * The PyRadiomics shape features computed from the marching-cubes mesh's volume or area, compared within 0.1 %
 * (PyRadiomics' own 2018 brain1 baseline and a 2025 run differ by up to 0.09 % on these).
 */
export const MESH_SHAPE_FEATURES: readonly string[] = ['MeshVolume', 'SurfaceArea', 'SurfaceVolumeRatio', 'Sphericity',
  'Compactness1', 'Compactness2', 'SphericalDisproportion', 'MeshSurface', 'Perimeter', 'PerimeterSurfaceRatio'];

/** Tolerance for one PyRadiomics column: 1e-3 for mesh-based shape features, else 1e-6. */
export function pyradiomicsTolerance(column: string): number {
  const m = /_shape2?D?_(.+)$/.exec(column);
  return m && MESH_SHAPE_FEATURES.includes(m[1]) ? 1e-3 : 1e-6;
}

/**
 * Parses a Python literal as PyRadiomics prints settings (`{'binWidth': 25, 'interpolator': None, ...}`) into plain
 * JSON values (dicts, lists, tuples → arrays, numbers, strings, True/False/None).
 */
export function parsePythonLiteral(text: string): unknown {
  let i = 0;
  const s = text;
  const ws = () => { while (i < s.length && /\s/.test(s[i])) i++; };
  const value = (): unknown => {
    ws();
    const c = s[i];
    if (c === '{') {
      i++;
      const o: Record<string, unknown> = {};
      ws();
      if (s[i] === '}') { i++; return o; }
      for (;;) {
        const k = value();
        ws();
        if (s[i++] !== ':') throw new SyntaxError(`expected ':' at ${i - 1} in ${s}`);
        o[String(k)] = value();
        ws();
        if (s[i] === ',') { i++; ws(); if (s[i] === '}') { i++; return o; } continue; }
        if (s[i] === '}') { i++; return o; }
        throw new SyntaxError(`expected ',' or '}' at ${i} in ${s}`);
      }
    }
    if (c === '[' || c === '(') {
      const close = c === '[' ? ']' : ')';
      i++;
      const a: unknown[] = [];
      ws();
      if (s[i] === close) { i++; return a; }
      for (;;) {
        a.push(value());
        ws();
        if (s[i] === ',') { i++; ws(); if (s[i] === close) { i++; return a; } continue; }
        if (s[i] === close) { i++; return a; }
        throw new SyntaxError(`expected ',' or '${close}' at ${i} in ${s}`);
      }
    }
    if (c === "'" || c === '"') {
      i++;
      let out = '';
      while (i < s.length && s[i] !== c) { if (s[i] === '\\') i++; out += s[i++]; }
      i++;
      return out;
    }
    const m = /^(None|True|False|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|nan|inf|-inf)/.exec(s.slice(i));
    if (!m) throw new SyntaxError(`unexpected token at ${i} in ${s}`);
    i += m[0].length;
    if (m[0] === 'None') return null;
    if (m[0] === 'True') return true;
    if (m[0] === 'False') return false;
    return Number(m[0] === 'inf' ? Infinity : m[0] === '-inf' ? -Infinity : m[0]);
  };
  const v = value();
  return v;
}
