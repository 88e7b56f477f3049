/**
 * `dlrn stats icc`: intraclass correlation (psych::ICC six forms, psy::icc) from a wide table (rows =
 * subjects, one column per rater or repeated measurement) or a long table (subject, rater and value
 * columns; several value columns give one ICC per feature, as in radiomics test-retest screens). Only
 * parses options and formats output; the work is done by `src/selection/icc.ts`.
 */
import { InvalidInputError, type DlrnWarning } from '../../core/errors.js';
import { readCsv, columnIndex, parseNumberField } from '../../table/csv.js';
import { parseOptions } from '../args.js';
import { icc, iccScreen, iccTableFromLong } from '../../selection/icc.js';
import { emitResult, isMissingCell, splitList } from './data.js';
import { numberArg } from './common-eval.js';

/** Help text of `dlrn stats icc`. */
export const help = `Usage: dlrn stats icc --data F.csv --columns A,B,...          (wide table)
       dlrn stats icc --data F.csv --subject COL --rater COL --features A,B,...   (long table)

Intraclass correlation coefficients with the numbers of R's psych::ICC(x, lmer=FALSE) (all six
Shrout-Fleiss forms: ICC1, ICC2, ICC3, ICC1k, ICC2k, ICC3k with F, df1, df2, p and 95% limits; the
ANOVA mean squares) and psy::icc (consistency, agreement, variance components).

Wide table (one row per subject):
  --columns A,B,...          the rater / measurement columns (at least 2)
Long table (one row per subject and rater):
  --subject COL              subject id column
  --rater COL                rater or time-point column (e.g. time = 1, 2)
  --features A,B,...         value columns; one ICC per feature (repeatable, comma-separated)
  --raters R1,R2,...         rater values to use, in this order (default: all, in order of appearance)
  Subjects missing a value for a rater are dropped for that feature (complete cases; counted in
  n_pairs_used and reported as a warning), as psych::ICC does with na.omit.

Selection (long tables with several features):
  --threshold T              keep features whose ICC point estimate is >= T (default 0.75)
  --form ICC1|ICC2|ICC3      the ICC used for the selection (default ICC3 = ICC(3,1), consistency)

Other:
  --json                     print the result as JSON
  --out F.json               also write the JSON result to F.json

JSON: a wide table or a single --features column gives the ICC block {n_subjects, n_raters, psych:
{ICC1..ICC3k: {ICC, F, df1, df2, p_value, ci_lower, ci_upper}}, mean_squares, psy}; several features give
{items, per_item: {<feature>: ICC block + n_pairs_used}, selected_<form>_ge_<T>, selection_rule}.
`;

const OPTIONS = {
  data: { type: 'string' },
  columns: { type: 'string', multiple: true },
  subject: { type: 'string' },
  rater: { type: 'string' },
  features: { type: 'string', multiple: true },
  raters: { type: 'string' },
  threshold: { type: 'string' },
  form: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
} as const;

function num(cell: string): number {
  return isMissingCell(cell) ? NaN : parseNumberField(cell);
}

/** Runs `dlrn stats icc`. */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions('stats icc', argv, OPTIONS);
  const file = values.data;
  if (typeof file !== 'string' || file === '') throw new InvalidInputError('dlrn stats icc: --data is required', { fix: 'run `dlrn stats icc --help`.' });
  const t = readCsv(file);
  const warnings: DlrnWarning[] = [];
  const columns = splitList(values.columns);
  const threshold = numberArg('icc', values, 'threshold', 0.75, (x) => x >= -1 && x <= 1, 'a number in [-1, 1]');
  const form = values.form === undefined ? 'ICC3' : String(values.form);
  if (form !== 'ICC1' && form !== 'ICC2' && form !== 'ICC3') throw new InvalidInputError('dlrn stats icc: --form must be ICC1, ICC2 or ICC3', { found: form });

  if (columns.length > 0) {
    if (typeof values.subject === 'string' || typeof values.rater === 'string') throw new InvalidInputError('dlrn stats icc: use either --columns (wide) or --subject/--rater/--features (long)');
    if (columns.length < 2) throw new InvalidInputError('dlrn stats icc: --columns needs at least 2 columns', { found: columns.join(', ') });
    const idx = columns.map((c) => columnIndex(t, c, file));
    const rows: number[][] = [];
    const dropped: number[] = [];
    t.rows.forEach((r, i) => {
      const v = idx.map((j) => num(r[j]));
      if (v.some((x) => Number.isNaN(x))) { dropped.push(i + 1); return; }
      if (v.some((x) => !Number.isFinite(x))) throw new InvalidInputError('a rating is not a finite number', { file, found: `data row ${i + 1}` });
      rows.push(v);
    });
    if (dropped.length) warnings.push({ code: 'W_INCOMPLETE_SUBJECTS', message: `${dropped.length} subject row(s) with missing ratings dropped (complete cases): data rows ${dropped.slice(0, 10).join(', ')}${dropped.length > 10 ? ', ...' : ''}` });
    const block = icc(rows);
    emitResult('icc', values, { ...block, columns, warnings }, () => summaryLine('ICC', block), warnings);
    return 0;
  }

  if (typeof values.subject !== 'string' || typeof values.rater !== 'string') {
    throw new InvalidInputError('dlrn stats icc: give --columns (wide table) or --subject and --rater (long table)', { fix: 'run `dlrn stats icc --help`.' });
  }
  const features = splitList(values.features);
  if (features.length === 0) throw new InvalidInputError('dlrn stats icc: --features is required with a long table', { fix: 'e.g. --features original_firstorder_Mean' });
  const si = columnIndex(t, values.subject, file);
  const ri = columnIndex(t, values.rater, file);
  const raters = typeof values.raters === 'string' ? splitList(values.raters) : undefined;
  const tables = new Map<string, number[][]>();
  for (const f of features) {
    const j = columnIndex(t, f, file);
    const long = t.rows.map((r) => ({ subject: r[si].trim(), rater: r[ri].trim(), value: num(r[j]) }));
    const { table, dropped, raters: used } = iccTableFromLong(long, raters);
    if (used.length < 2) throw new InvalidInputError('an ICC needs at least 2 raters', { file, found: `rater values: ${used.join(', ')}` });
    if (dropped.length) warnings.push({ code: 'W_INCOMPLETE_SUBJECTS', message: `${f}: ${dropped.length} subject(s) without a value for every rater dropped (complete cases)` });
    tables.set(f, table);
  }
  if (features.length === 1) {
    const table = tables.get(features[0])!;
    const block = icc(table);
    emitResult('icc', values, { item: features[0], n_pairs_used: table.length, ...block, warnings }, () => summaryLine(features[0], block), warnings);
    return 0;
  }
  const s = iccScreen(tables, { threshold, form });
  const perItem: Record<string, unknown> = {};
  for (const f of features) perItem[f] = { item: f, ...s.perFeature.get(f)! };
  const result = {
    items: features,
    per_item: perItem,
    [`selected_${form.toLowerCase()}_ge_${threshold}`]: s.selected,
    selection_rule: `features whose ${form} point estimate is >= ${threshold}`,
    warnings,
  };
  emitResult('icc', values, result, () => [
    ...features.map((f) => summaryLine(f, s.perFeature.get(f)!)),
    `kept (${form} >= ${threshold}): ${s.selected.join(', ') || '(none)'}`,
  ].join('\n'), warnings);
  return 0;
}

function summaryLine(name: string, b: ReturnType<typeof icc>): string {
  const f = (x: number): string => x.toFixed(3);
  const p = b.psych;
  return `${name}: n=${b.n_subjects}, k=${b.n_raters}; ICC1 ${f(p.ICC1.ICC)}, ICC2 ${f(p.ICC2.ICC)} [${f(p.ICC2.ci_lower)}, ${f(p.ICC2.ci_upper)}], ICC3 ${f(p.ICC3.ICC)} [${f(p.ICC3.ci_lower)}, ${f(p.ICC3.ci_upper)}]`;
}
