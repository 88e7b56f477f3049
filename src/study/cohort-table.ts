/**
 * The baseline-characteristics table (TRIPOD item 13b / "Table 1"): every clinical variable summarised per
 * cohort and per class from the values as recorded (before imputation), with the number missing, and the
 * training comparison of positive vs negative patients (Mann-Whitney for numeric variables; Fisher's exact
 * or chi-squared test for binary and categorical ones, see src/study/contingency.ts).
 */
import { InvalidInputError } from '../core/errors.js';
import { quantile } from '../math/quantile.js';
import { sortLevels } from '../models/design/index.js';
import { mannWhitneyTest } from '../selection/univariate-tests.js';
import type { ClinicalVariableDoc } from './config-schema.js';
import { isMissing, normaliseClinicalValue } from './clinical.js';
import { associationTest } from './contingency.js';
import type { StudyCohorts } from './cohorts.js';
import { COHORT_IDS, type CohortId, type CohortTableRow } from './results.js';

/** Number formatting with about 3 significant digits (at least 1 decimal below 100). */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return 'NA';
  const a = Math.abs(x);
  const d = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return x.toFixed(d);
}

function numericSummary(v: readonly number[]): string {
  if (v.length === 0) return '–';
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  const sd = v.length > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1)) : NaN;
  const [q1, q2, q3] = quantile(v, [0.25, 0.5, 0.75]);
  return `${formatNumber(m)} ± ${formatNumber(sd)}; ${formatNumber(q2)} [${formatNumber(q1)}, ${formatNumber(q3)}]`;
}

function percent(k: number, n: number): string {
  return n > 0 ? `${k} (${((100 * k) / n).toFixed(1)} %)` : '0';
}

function levelSummary(v: readonly string[], levels: readonly string[], binary: boolean): string {
  if (binary) return percent(v.filter((s) => s === '1').length, v.length);
  return levels.map((l) => `${l}: ${percent(v.filter((s) => s === l).length, v.length)}`).join('; ');
}

/** Builds the cohort table (see the module comment). */
export function cohortTable(vars: readonly ClinicalVariableDoc[], cohorts: StudyCohorts): CohortTableRow[] {
  return vars.map((d) => {
    const values = (idx: readonly number[]): { present: string[]; missing: number } => {
      const present: string[] = [];
      let missing = 0;
      for (const i of idx) {
        const raw = cohorts.cases[i].row[d.name];
        if (isMissing(raw)) missing++;
        else present.push(normaliseClinicalValue(d, raw, `(patient ${cohorts.cases[i].id})`));
      }
      return { present, missing };
    };
    const all = COHORT_IDS.flatMap((c) => cohorts.members[c]).map((i) => cohorts.cases[i].row[d.name]).filter((s) => !isMissing(s));
    const levels = d.type === 'numeric' ? [] : sortLevels(all.map((s) => normaliseClinicalValue(d, s, '')));
    const summarise = (v: string[]): string => (d.type === 'numeric' ? numericSummary(v.map(Number)) : levelSummary(v, levels, d.type === 'binary'));
    const cells: Partial<Record<CohortId, { all: string; positive: string; negative: string; missing: number }>> = {};
    for (const c of COHORT_IDS) {
      const idx = cohorts.members[c];
      if (idx.length === 0) continue;
      const pos = values(idx.filter((i) => cohorts.cases[i].outcome === 1));
      const neg = values(idx.filter((i) => cohorts.cases[i].outcome === 0));
      cells[c] = { all: summarise([...pos.present, ...neg.present]), positive: summarise(pos.present), negative: summarise(neg.present), missing: pos.missing + neg.missing };
    }
    let p: number | null = null;
    const tr = cohorts.members.training;
    const pos = values(tr.filter((i) => cohorts.cases[i].outcome === 1)).present;
    const neg = values(tr.filter((i) => cohorts.cases[i].outcome === 0)).present;
    try {
      if (d.type === 'numeric') p = pos.length && neg.length ? mannWhitneyTest(pos.map(Number), neg.map(Number)).pValue : null;
      else {
        const lv = levels.length >= 2 ? levels : ['0', '1'];
        p = associationTest([lv.map((l) => pos.filter((s) => s === l).length), lv.map((l) => neg.filter((s) => s === l).length)]).p_value;
      }
    } catch (e) {
      if (!(e instanceof InvalidInputError)) throw e;
      p = null;
    }
    return { variable: d.label ?? d.name, type: d.type, cells, p_training: p };
  });
}
