/**
 * The text summary printed by `dlrn study` and `dlrn demo`: AUC (95 % DeLong CI) per model and cohort.
 */
import { COHORT_IDS, MODEL_IDS, type StudyResults } from './results.js';

const COHORT_NAMES = { training: 'Training', internal_test: 'Internal test', external_test: 'External test' } as const;
const MODEL_NAMES = { clinical: 'Clinical', rad: 'Rad', dl: 'DL', dlr: 'DLR', dlrn: 'DLRN' } as const;

/** AUC (95 % CI) per model (rows) and cohort (columns), aligned in plain text. */
export function summaryTable(r: StudyResults): string {
  const cohorts = COHORT_IDS.filter((c) => r.cohorts[c]);
  const header = ['Model', ...cohorts.map((c) => `${COHORT_NAMES[c]} (n=${r.cohorts[c]!.n}, ${r.cohorts[c]!.n_positive}+)`)];
  const rows = MODEL_IDS.filter((m) => r.models[m]).map((m) => {
    const model = r.models[m]!;
    return [MODEL_NAMES[m], ...cohorts.map((c) => {
      const p = model.cohorts[c];
      return p ? `${p.auc.toFixed(3)} (${p.auc_ci_lower.toFixed(3)}–${p.auc_ci_upper.toFixed(3)})` : '–';
    })];
  });
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => c.padEnd(widths[j])).join('  ').trimEnd();
  return [`AUC (95 % DeLong CI) — ${r.study.name}`, line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}
