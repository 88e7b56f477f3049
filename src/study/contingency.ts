/**
 * Tests of association for the cohort table (class-wise comparison of a categorical variable in training):
 * - Pearson's chi-squared test of an r × c table, df = (r − 1)(c − 1); for 2 × 2 tables with Yates'
 *   continuity correction, X² = Σ (|O − E| − min(½, |O − E|))² / E, as R's `chisq.test(correct = TRUE)`;
 * - Fisher's exact test of a 2 × 2 table, two-sided as R's `fisher.test`: the sum of the hypergeometric
 *   probabilities of all tables with the same margins that are no more likely than the observed one
 *   (with R's relative tolerance 1e-7);
 * - {@link associationTest}: Fisher for 2 × 2 tables with an expected count below 5, otherwise chi-squared.
 */
import { InvalidInputError } from '../core/errors.js';
import { pchisq } from '../math/distributions.js';
import { lgamma } from '../math/special.js';

/** Result of a test of association. */
export interface AssociationTest {
  readonly method: 'chi-squared' | 'chi-squared (Yates)' | 'Fisher exact';
  readonly statistic: number | null;
  readonly df: number | null;
  readonly p_value: number;
}

function margins(t: readonly (readonly number[])[]): { rows: number[]; cols: number[]; n: number } {
  const rows = t.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = t[0].map((_, j) => t.reduce((a, r) => a + r[j], 0));
  return { rows, cols, n: rows.reduce((a, b) => a + b, 0) };
}

/** Pearson's chi-squared test (Yates-corrected for 2 × 2). Rows or columns with a zero margin are dropped. */
export function chiSquaredTest(table: readonly (readonly number[])[]): AssociationTest {
  const m0 = margins(table);
  const t = table.filter((_, i) => m0.rows[i] > 0).map((r) => r.filter((_, j) => m0.cols[j] > 0));
  if (t.length < 2 || t[0].length < 2) throw new InvalidInputError('a chi-squared test needs at least 2 non-empty rows and columns', { found: `${t.length} × ${t[0]?.length ?? 0}` });
  const { rows, cols, n } = margins(t);
  const yates = t.length === 2 && t[0].length === 2;
  let x2 = 0;
  for (let i = 0; i < t.length; i++) {
    for (let j = 0; j < t[0].length; j++) {
      const e = (rows[i] * cols[j]) / n;
      const d = Math.abs(t[i][j] - e);
      const dd = yates ? d - Math.min(0.5, d) : d;
      x2 += (dd * dd) / e;
    }
  }
  const df = (t.length - 1) * (t[0].length - 1);
  return { method: yates ? 'chi-squared (Yates)' : 'chi-squared', statistic: x2, df, p_value: pchisq(x2, df, false) };
}

function logChoose(n: number, k: number): number {
  return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1);
}

/** Fisher's exact test of a 2 × 2 table [[a, b], [c, d]], two-sided (see the module comment). */
export function fisherExact2x2(t: readonly (readonly number[])[]): AssociationTest {
  const [[a, b], [c, d]] = t;
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const n = r1 + r2;
  const lo = Math.max(0, c1 - r2);
  const hi = Math.min(r1, c1);
  const logDen = logChoose(n, c1);
  const prob = (x: number): number => Math.exp(logChoose(r1, x) + logChoose(r2, c1 - x) - logDen);
  const pObs = prob(a);
  let p = 0;
  for (let x = lo; x <= hi; x++) {
    const px = prob(x);
    if (px <= pObs * (1 + 1e-7)) p += px;
  }
  return { method: 'Fisher exact', statistic: null, df: null, p_value: Math.min(1, p) };
}

/** Fisher's exact test for a 2 × 2 table with an expected count below 5, otherwise the chi-squared test. */
export function associationTest(table: readonly (readonly number[])[]): AssociationTest {
  if (table.length === 2 && table[0].length === 2) {
    const { rows, cols, n } = margins(table);
    if (rows.some((r) => r === 0) || cols.some((c) => c === 0)) return { method: 'Fisher exact', statistic: null, df: null, p_value: 1 };
    const minExpected = Math.min(...rows.flatMap((r) => cols.map((c) => (r * c) / n)));
    if (minExpected < 5) return fisherExact2x2(table);
  }
  return chiSquaredTest(table);
}
