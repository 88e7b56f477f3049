import { COHORT_IDS, type StudyResults } from '../../study/results.js';
import { pText, table } from '../format.js';
import { COHORT_LABEL } from '../labels.js';

/** Cohort definitions and the baseline-characteristics table (class-wise, per cohort). */
export function cohortSection(r: StudyResults): string {
  const present = COHORT_IDS.filter((c) => r.cohorts[c]);
  const defs = table(['Cohort', 'Definition', 'n', 'Positive', 'Negative', 'Prevalence'], present.map((c) => {
    const s = r.cohorts[c]!;
    return [COHORT_LABEL[c], s.definition, s.n, s.n_positive, s.n_negative, `${((100 * s.n_positive) / s.n).toFixed(1)} %`];
  }));
  const header = ['Variable', ...present.flatMap((c) => [`${COHORT_LABEL[c]}: ${r.study.positive_class}`, `${COHORT_LABEL[c]}: other`]), 'p (training)'];
  const rows = r.cohort_table.map((row) => [
    row.variable,
    ...present.flatMap((c) => {
      const cell = row.cells[c];
      return cell ? [cell.positive, cell.negative] : ['–', '–'];
    }),
    pText(row.p_training),
  ]);
  return `<section id="cohorts"><h2>Cohorts</h2>${defs}<h3>Baseline characteristics</h3>
<p>Numeric variables: mean ± SD; binary and categorical: n (%). p: Mann-Whitney U (numeric) or χ² / Fisher (categorical) between classes in the training cohort.</p>
${table(header, rows, 'cohort-table')}</section>`;
}
