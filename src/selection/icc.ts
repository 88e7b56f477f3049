/**
 * Intraclass correlation coefficients (Shrout & Fleiss 1979; McGraw & Wong 1996) from the classical
 * two-way ANOVA of an n subjects × k raters table, with the numbers of R's `psych::ICC(x, lmer = FALSE)`
 * (psych 2.2.9) and `psy::icc` (psy 1.2):
 *
 * Mean squares: MSR (subjects, df n-1), MSC (raters, df k-1), MSE (residual, df (n-1)(k-1)),
 * MSW = (SSC + SSE)/(n(k-1)) (within subjects, one-way).
 * - ICC1  = (MSR - MSW)/(MSR + (k-1)MSW)                       one-way random, single rater
 * - ICC2  = (MSR - MSE)/(MSR + (k-1)MSE + k(MSC - MSE)/n)      two-way random, absolute agreement, single
 * - ICC3  = (MSR - MSE)/(MSR + (k-1)MSE)                       two-way mixed, consistency, single
 * - ICC1k = (MSR - MSW)/MSR, ICC2k = (MSR - MSE)/(MSR + (MSC - MSE)/n), ICC3k = (MSR - MSE)/MSR (mean of k raters)
 * F tests: F1 = MSR/MSW on (n-1, n(k-1)) df for ICC1/ICC1k; F = MSR/MSE on (n-1, (n-1)(k-1)) df for the others;
 * p = upper tail. 95 % limits (α = 0.05): ICC1 and ICC3 from F·/qf bounds (Shrout & Fleiss eq. for
 * cases 1 and 3); ICC2 from the Satterthwaite-type df v of McGraw & Wong (1996); the k forms from the
 * single forms (Spearman-Brown for ICC2k; 1 - 1/F bounds for ICC1k and ICC3k) — psych's formulas.
 * In degenerate tables (tiny v) the ICC2 bounds are NaN, as psych's.
 * psy: subject variance (MSR - MSE)/k, rater variance (MSC - MSE)/n, residual MSE; consistency = ICC3,
 * agreement = ICC2.
 */
import { InvalidInputError } from '../core/errors.js';
import { pf, qf } from '../math/distributions.js';
import { toColumnMajor, type MatrixInput } from './matrix.js';
import { accurateSum } from './sums.js';

/** One ICC form: estimate, F test and confidence limits. */
export interface IccForm {
  readonly ICC: number;
  readonly F: number;
  readonly df1: number;
  readonly df2: number;
  readonly p_value: number;
  readonly ci_lower: number;
  readonly ci_upper: number;
}

/** The ICC block of the reference outputs. */
export interface IccBlock {
  readonly n_subjects: number;
  readonly n_raters: number;
  readonly psych: { readonly ICC1: IccForm; readonly ICC2: IccForm; readonly ICC3: IccForm; readonly ICC1k: IccForm; readonly ICC2k: IccForm; readonly ICC3k: IccForm };
  readonly mean_squares: {
    readonly MS_subjects: number; readonly MS_raters: number; readonly MS_residual: number; readonly MS_within: number;
    readonly df_subjects: number; readonly df_raters: number; readonly df_residual: number;
  };
  readonly psy: { readonly icc_consistency: number; readonly icc_agreement: number; readonly subject_variance: number; readonly rater_variance: number; readonly residual_variance: number };
}

/** Options of {@link icc}. */
export interface IccOptions {
  /** 1 - confidence level of the limits (default 0.05, psych's fixed value). */
  readonly alpha?: number;
}

/**
 * All six ICC forms of a complete subjects × raters table (rows = subjects, columns = raters or
 * repeated measurements). Throws {@link InvalidInputError} for missing values (drop incomplete subjects
 * first, as `na.omit`), fewer than 2 subjects or raters, or a table without between-subject variation.
 */
export function icc(table: MatrixInput, options: IccOptions = {}): IccBlock {
  const m = toColumnMajor(table, 'ICC table', false);
  const n = m.nrow;
  const k = m.ncol;
  if (n < 2 || k < 2) throw new InvalidInputError('an ICC needs at least 2 subjects and 2 raters', { found: `${n} subjects × ${k} raters` });
  for (let i = 0; i < m.data.length; i++) {
    if (!Number.isFinite(m.data[i])) {
      throw new InvalidInputError('the ICC table has missing values', { found: `subject ${(i % n) + 1}, rater ${Math.floor(i / n) + 1}`, fix: 'drop subjects with missing ratings (complete cases), as psych::ICC does with na.omit.' });
    }
  }
  const alpha = options.alpha ?? 0.05;
  const at = (i: number, j: number): number => m.data[i + j * n];
  const g = accurateSum(m.data) / (n * k);
  const rowMean = Float64Array.from({ length: n }, (_, i) => accurateSum(Array.from({ length: k }, (_, j) => at(i, j))) / k);
  const colMean = Float64Array.from({ length: k }, (_, j) => accurateSum(m.data.subarray(j * n, (j + 1) * n)) / n);
  const ssr = k * accurateSum(Array.from(rowMean, (r) => (r - g) ** 2));
  const ssc = n * accurateSum(Array.from(colMean, (c) => (c - g) ** 2));
  const res: number[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) res.push((at(i, j) - rowMean[i] - colMean[j] + g) ** 2);
  const sse = accurateSum(res);
  const dfr = n - 1;
  const dfc = k - 1;
  const dfe = (n - 1) * (k - 1);
  const msr = ssr / dfr;
  const msc = ssc / dfc;
  const mse = sse / dfe;
  const msw = (ssc + sse) / (dfc + dfe);
  if (!(msr > 0)) throw new InvalidInputError('the ICC is undefined: every subject has the same mean rating', { found: `MS subjects = ${msr}` });

  const icc1 = (msr - msw) / (msr + (k - 1) * msw);
  const icc2 = (msr - mse) / (msr + (k - 1) * mse + (k * (msc - mse)) / n);
  const icc3 = (msr - mse) / (msr + (k - 1) * mse);
  const icc1k = (msr - msw) / msr;
  const icc2k = (msr - mse) / (msr + (msc - mse) / n);
  const icc3k = (msr - mse) / msr;

  const q = 1 - alpha / 2;
  // qf returns Inf where the upper quantile overflows (tiny df), as R does; the ICC2 bound is then NaN, as in psych
  const qfR = qf;
  const f1 = msr / msw;
  const df1n = n - 1;
  const df1d = n * (k - 1);
  const f2 = msr / mse; // Infinity when the raters agree perfectly up to a rater offset (MSE = 0)
  const df2n = n - 1;
  const df2d = (n - 1) * (k - 1);
  const p1 = f1 === Infinity ? 0 : pf(f1, df1n, df1d, false);
  const p2 = f2 === Infinity ? 0 : pf(f2, df2n, df2d, false);
  // limits of F-based intervals; an infinite F gives the limit 1 of the ICC bounds
  const bound = (f: number, lo: boolean, d1: number, d2: number): number => (f === Infinity ? Infinity : lo ? f / qf(q, d1, d2) : f * qf(q, d2, d1));
  const f1L = bound(f1, true, df1n, df1d);
  const f1U = bound(f1, false, df1n, df1d);
  const f3L = bound(f2, true, df2n, df2d);
  const f3U = bound(f2, false, df2n, df2d);
  const ratio = (f: number, c: number): number => (f === Infinity ? 1 : (f - 1) / (f + c));
  const inv = (f: number): number => 1 - 1 / f;
  // absolute agreement (ICC2) limits with the approximate df v (McGraw & Wong 1996); v → k-1 as MSE → 0
  let l2: number;
  let u2: number;
  if (mse > 0) {
    const fj = msc / mse;
    const vn = (k - 1) * (n - 1) * (k * icc2 * fj + n * (1 + (k - 1) * icc2) - k * icc2) ** 2;
    const vd = (n - 1) * k ** 2 * icc2 ** 2 * fj ** 2 + (n * (1 + (k - 1) * icc2) - k * icc2) ** 2;
    const v = vn / vd;
    const fU = qfR(q, n - 1, v);
    const fL = qfR(q, v, n - 1);
    l2 = (n * (msr - fU * mse)) / (fU * (k * msc + (k * n - k - n) * mse) + n * msr);
    u2 = (n * (fL * msr - mse)) / (k * msc + (k * n - k - n) * mse + n * fL * msr);
  } else if (msc > 0) {
    const v = k - 1;
    const fU = qf(q, n - 1, v);
    const fL = qf(q, v, n - 1);
    l2 = (n * msr) / (fU * k * msc + n * msr);
    u2 = (n * fL * msr) / (k * msc + n * fL * msr);
  } else {
    l2 = 1;
    u2 = 1;
  }

  const form = (ICC: number, F: number, df1: number, df2: number, p_value: number, ci_lower: number, ci_upper: number): IccForm => ({ ICC, F, df1, df2, p_value, ci_lower, ci_upper });
  const subjectVariance = (msr - mse) / k;
  const raterVariance = (msc - mse) / n;
  return {
    n_subjects: n,
    n_raters: k,
    psych: {
      ICC1: form(icc1, f1, df1n, df1d, p1, ratio(f1L, k - 1), ratio(f1U, k - 1)),
      ICC2: form(icc2, f2, df2n, df2d, p2, l2, u2),
      ICC3: form(icc3, f2, df2n, df2d, p2, ratio(f3L, k - 1), ratio(f3U, k - 1)),
      ICC1k: form(icc1k, f1, df1n, df1d, p1, inv(f1L), inv(f1U)),
      ICC2k: form(icc2k, f2, df2n, df2d, p2, (l2 * k) / (1 + l2 * (k - 1)), (u2 * k) / (1 + u2 * (k - 1))),
      ICC3k: form(icc3k, f2, df2n, df2d, p2, inv(f3L), inv(f3U)),
    },
    mean_squares: { MS_subjects: msr, MS_raters: msc, MS_residual: mse, MS_within: msw, df_subjects: dfr, df_raters: dfc, df_residual: dfe },
    psy: {
      icc_consistency: subjectVariance / (subjectVariance + mse),
      icc_agreement: subjectVariance / (subjectVariance + raterVariance + mse),
      subject_variance: subjectVariance,
      rater_variance: raterVariance,
      residual_variance: mse,
    },
  };
}

/** One observation of a long table: subject id, rater (or time point) id, value (NaN = missing). */
export interface LongRating {
  readonly subject: string;
  readonly rater: string;
  readonly value: number;
}

/**
 * Pivots a long table to subjects × raters (raters in first-seen order, or `raters` when given), keeping
 * only subjects with a value for every rater (complete cases). Duplicate (subject, rater) pairs are an error.
 */
export function iccTableFromLong(rows: readonly LongRating[], raters?: readonly string[]): { subjects: string[]; raters: string[]; table: number[][]; dropped: string[] } {
  const raterList = raters ? [...raters] : [...new Set(rows.map((r) => r.rater))];
  const rIdx = new Map(raterList.map((r, i) => [r, i]));
  const bySubject = new Map<string, number[]>();
  for (const r of rows) {
    const j = rIdx.get(r.rater);
    if (j === undefined) continue;
    let v = bySubject.get(r.subject);
    if (!v) { v = new Array<number>(raterList.length).fill(NaN); bySubject.set(r.subject, v); }
    if (!Number.isNaN(v[j])) {
      throw new InvalidInputError('a subject has two values for the same rater', { found: `subject ${JSON.stringify(r.subject)}, rater ${JSON.stringify(r.rater)}`, fix: 'keep one row per (subject, rater).' });
    }
    v[j] = r.value;
  }
  const subjects: string[] = [];
  const table: number[][] = [];
  const dropped: string[] = [];
  for (const [s, v] of bySubject) {
    if (v.every((x) => Number.isFinite(x))) { subjects.push(s); table.push(v); } else dropped.push(s);
  }
  return { subjects, raters: raterList, table, dropped };
}

/** Result of {@link iccScreen}: per-feature ICC blocks and the kept features. */
export interface IccScreenResult {
  readonly perFeature: ReadonlyMap<string, IccBlock & { readonly n_pairs_used: number }>;
  /** Features whose chosen ICC point estimate is ≥ the threshold, in input order. */
  readonly selected: readonly string[];
  readonly form: 'ICC1' | 'ICC2' | 'ICC3';
  readonly threshold: number;
}

/**
 * Feature-stability screen (e.g. test-retest or two segmentations): one ICC per feature from its
 * subjects × raters table, keeping features whose ICC (default ICC3 = ICC(3,1)) point estimate is at
 * least `threshold` (default 0.75).
 */
export function iccScreen(tables: ReadonlyMap<string, readonly (readonly number[])[]>, options: { threshold?: number; form?: 'ICC1' | 'ICC2' | 'ICC3'; alpha?: number } = {}): IccScreenResult {
  const threshold = options.threshold ?? 0.75;
  const form = options.form ?? 'ICC3';
  const perFeature = new Map<string, IccBlock & { n_pairs_used: number }>();
  const selected: string[] = [];
  for (const [name, t] of tables) {
    const b = icc(t, { alpha: options.alpha });
    perFeature.set(name, { ...b, n_pairs_used: t.length });
    if (b.psych[form].ICC >= threshold) selected.push(name);
  }
  return { perFeature, selected, form, threshold };
}
