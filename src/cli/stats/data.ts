/**
 * Shared data loading and output for `dlrn stats <analysis>`: reads a CSV table into numeric and text
 * columns plus a binary label, split into training rows and (optional) validation rows, with clear
 * errors (label not binary, missing values naming rows, non-numeric cells, constant predictors) and
 * warnings (few events per variable, rows dropped by `--na-drop`).
 */
import { InvalidInputError, type DlrnWarning } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/atomic.js';
import { readCsv, columnIndex, parseNumberField, type CsvTable } from '../../table/csv.js';

/** `parseArgs` option specs shared by the analyses (merge them with an analysis' own options). */
export const DATA_OPTIONS = {
  data: { type: 'string' },
  label: { type: 'string' },
  positive: { type: 'string' },
  where: { type: 'string', multiple: true },
  'validate-where': { type: 'string', multiple: true },
  'validate-data': { type: 'string' },
  'na-drop': { type: 'boolean' },
  json: { type: 'boolean' },
  out: { type: 'string' },
} as const;

/** Help lines for {@link DATA_OPTIONS}, to paste into an analysis' help text. */
export const DATA_OPTIONS_HELP = [
  '  --data F.csv               the table (one row per patient, a header line)  [required]',
  '  --label COL                binary outcome column, coded 0/1 (1 = event)  [required]',
  '  --positive VALUE           the label value meaning 1, when the label is not coded 0/1 (e.g. --positive CVT)',
  '  --where COL=VALUE          training rows: keep only rows where COL equals VALUE (repeatable; all must hold)',
  '  --validate-where COL=VALUE validation rows: rows where COL equals VALUE (repeatable; all must hold);',
  '                             they are removed from the training rows and never used for fitting',
  '  --validate-data F.csv      validation rows from a separate table with the same columns',
  '  --na-drop                  drop rows with a missing value (empty, NA, nan) in a used column and report',
  '                             the count; without it missing values are an error naming the rows',
  '  --json                     print the result as JSON (field names as in docs/stats.md)',
  '  --out F.json               also write the JSON result to F.json',
].join('\n');

/** A `COL=VALUE` row filter. */
export interface RowFilter {
  readonly column: string;
  readonly value: string;
}

/** What to load: the file, the label and the columns an analysis uses. */
export interface StatsDataSpec {
  /** CSV file with a header line. */
  readonly file: string;
  /** Binary label column. */
  readonly label: string;
  /** Label value that means 1 (event); when absent the label must be coded 0/1. */
  readonly positive?: string;
  /** Training filters (`--where`), all must hold; default: every row. */
  readonly where?: readonly RowFilter[];
  /** Validation filters (`--validate-where`), all must hold; matching rows leave the training set. */
  readonly validateWhere?: readonly RowFilter[];
  /** A separate validation CSV (`--validate-data`); cannot be combined with `validateWhere`. */
  readonly validateFile?: string;
  /** Drop rows with missing values in used columns instead of failing (default false). */
  readonly naDrop?: boolean;
  /** Columns parsed as numbers. */
  readonly numeric?: readonly string[];
  /** Columns kept as text (categorical predictors, grouping columns). */
  readonly text?: readonly string[];
  /**
   * What to do with a column of {@link numeric} / {@link text} that has a single distinct value on the
   * training rows: `'error'` (default), `'warn'` or `'off'`.
   */
  readonly constant?: 'error' | 'warn' | 'off';
  /** Number of candidate variables for the events-per-variable warning (default: numeric + text columns). */
  readonly epvVariables?: number;
}

/** One set of rows (training or validation) with its label and columns. */
export interface Cohort {
  /** `'train'` or `'validation'`. */
  readonly name: 'train' | 'validation';
  /** File the rows come from. */
  readonly file: string;
  /** Number of rows. */
  readonly n: number;
  /** 1-based data row numbers in the file (the header is not counted; line = row + 1). */
  readonly rows: readonly number[];
  /** Binary label (1 = event). */
  readonly y: Uint8Array;
  /** Number of events (y = 1). */
  readonly events: number;
  /** Numeric columns by name. */
  readonly numeric: ReadonlyMap<string, Float64Array>;
  /** Text columns by name (trimmed). */
  readonly text: ReadonlyMap<string, readonly string[]>;
}

/** The loaded data of an analysis. */
export interface StatsData {
  readonly label: string;
  readonly train: Cohort;
  /** Present when `--validate-where` or `--validate-data` was given. */
  readonly validation?: Cohort;
  /** Rows dropped by `--na-drop` (0 without it). */
  readonly naDropped: { readonly train: number; readonly validation: number };
  /** Non-fatal problems to show the user (also put into the JSON output). */
  readonly warnings: readonly DlrnWarning[];
}

/** Parses `COL=VALUE` (the first `=` splits; VALUE may be empty). */
export function parseRowFilter(option: string, text: string): RowFilter {
  const i = text.indexOf('=');
  if (i <= 0) {
    throw new InvalidInputError(`--${option} must look like COL=VALUE`, { found: JSON.stringify(text), fix: `e.g. --${option} set=train` });
  }
  return { column: text.slice(0, i).trim(), value: text.slice(i + 1).trim() };
}

/** True when a cell is a missing value (empty, NA, nan; case-insensitive for nan). */
export function isMissingCell(s: string): boolean {
  const t = s.trim();
  return t === '' || t === 'NA' || t.toLowerCase() === 'nan';
}

function cellEquals(cell: string, value: string): boolean {
  const a = cell.trim();
  if (a === value) return true;
  const x = Number(a);
  const v = Number(value);
  return a !== '' && value !== '' && Number.isFinite(x) && Number.isFinite(v) && x === v;
}

function listRows(rows: readonly number[], max = 10): string {
  const shown = rows.slice(0, max).join(', ');
  return rows.length > max ? `${shown} and ${rows.length - max} more` : shown;
}

function describeValues(values: Iterable<string>, max = 10): string {
  const all = [...values];
  const shown = all.slice(0, max).map((v) => JSON.stringify(v)).join(', ');
  return all.length > max ? `${shown} and ${all.length - max} more` : shown;
}

interface Selected { table: CsvTable; file: string; rowIdx: number[] }

function selectRows(table: CsvTable, file: string, filters: readonly RowFilter[]): number[] {
  const cols = filters.map((f) => columnIndex(table, f.column, file));
  const out: number[] = [];
  table.rows.forEach((r, i) => {
    if (filters.every((f, k) => cellEquals(r[cols[k]], f.value))) out.push(i);
  });
  return out;
}

function labelValue(cell: string, positive: string | undefined): number {
  if (isMissingCell(cell)) return NaN;
  const t = cell.trim();
  if (positive !== undefined) return cellEquals(t, positive) ? 1 : 0;
  const x = Number(t);
  return x === 0 || x === 1 ? x : -1;
}

function buildCohort(name: 'train' | 'validation', sel: Selected, spec: StatsDataSpec, naDrop: boolean): { cohort: Cohort; dropped: number } {
  const { table, file, rowIdx } = sel;
  const labelCol = columnIndex(table, spec.label, file);
  const numeric = spec.numeric ?? [];
  const text = spec.text ?? [];
  const numCols = numeric.map((c) => columnIndex(table, c, file));
  const textCols = text.map((c) => columnIndex(table, c, file));

  // Label checks: binary, and the same two values when --positive is used.
  const distinct = new Set<string>();
  const bad: number[] = [];
  for (const i of rowIdx) {
    const cell = table.rows[i][labelCol];
    if (isMissingCell(cell)) continue;
    distinct.add(cell.trim());
    if (labelValue(cell, spec.positive) < 0) bad.push(i + 1);
  }
  if (bad.length > 0) {
    throw new InvalidInputError(`the label column "${spec.label}" is not binary`, {
      file, expected: 'values 0 and 1 (1 = event)', found: `values ${describeValues(distinct)} (rows ${listRows(bad)} are neither 0 nor 1)`,
      fix: 'recode the label to 0/1, or name the event value with --positive VALUE.',
    });
  }
  if (spec.positive !== undefined && distinct.size > 2) {
    throw new InvalidInputError(`the label column "${spec.label}" is not binary`, {
      file, expected: `two distinct values, one of them ${JSON.stringify(spec.positive)}`, found: `${distinct.size} values: ${describeValues(distinct)}`,
      fix: 'keep only two outcome groups (e.g. with --where) or recode the label.',
    });
  }

  // Missing values and non-numeric cells in used columns.
  const missing: number[] = [];
  const badCells: string[] = [];
  let nBad = 0;
  const keep: number[] = [];
  for (const i of rowIdx) {
    const r = table.rows[i];
    let miss = isMissingCell(r[labelCol]);
    for (let k = 0; k < numCols.length; k++) {
      const cell = r[numCols[k]];
      if (isMissingCell(cell)) { miss = true; continue; }
      if (!Number.isFinite(parseNumberField(cell))) {
        nBad++;
        if (badCells.length < 10) badCells.push(`row ${i + 1} ${numeric[k]}=${JSON.stringify(cell)}`);
      }
    }
    for (const c of textCols) if (isMissingCell(r[c])) miss = true;
    if (miss) missing.push(i + 1); else keep.push(i);
  }
  if (nBad > 0) {
    throw new InvalidInputError('a numeric column holds values that are not finite numbers', {
      file, expected: `finite numbers in ${numeric.join(', ')}`,
      found: `${nBad} cells, e.g. ${badCells.join('; ')}`,
      fix: 'fix the cells, or declare a text column as categorical (logistic: --categorical COL).',
    });
  }
  if (missing.length > 0 && !naDrop) {
    throw new InvalidInputError(`missing values in the ${name === 'train' ? 'training' : 'validation'} rows`, {
      file, expected: `a value in every used column (${[spec.label, ...numeric, ...text].join(', ')})`,
      found: `${missing.length} rows with missing values: data rows ${listRows(missing)} (1-based, header not counted)`,
      fix: 'fill in or remove those rows, or pass --na-drop to drop them (the count is reported).',
    });
  }

  const n = keep.length;
  const y = new Uint8Array(n);
  let events = 0;
  keep.forEach((i, k) => { y[k] = labelValue(table.rows[i][labelCol], spec.positive); events += y[k]; });
  const numMap = new Map<string, Float64Array>();
  numeric.forEach((c, k) => {
    const v = new Float64Array(n);
    keep.forEach((i, j) => { v[j] = parseNumberField(table.rows[i][numCols[k]]); });
    numMap.set(c, v);
  });
  const textMap = new Map<string, readonly string[]>();
  text.forEach((c, k) => textMap.set(c, keep.map((i) => table.rows[i][textCols[k]].trim())));

  if (n === 0) {
    throw new InvalidInputError(`no ${name === 'train' ? 'training' : 'validation'} rows left`, {
      file, found: rowIdx.length === 0 ? 'no row matches the row filters' : 'every selected row has a missing value',
      fix: 'check --where / --validate-where values (they are compared as text, or as numbers when both are numbers).',
    });
  }
  if (events === 0 || events === n) {
    throw new InvalidInputError(`the ${name === 'train' ? 'training' : 'validation'} rows hold a single outcome class`, {
      file, expected: `both events (${spec.label} = 1) and non-events (${spec.label} = 0)`, found: `${n} rows, ${events} events`,
      fix: 'check the row filters and the label column.',
    });
  }
  return { cohort: { name, file, n, rows: keep.map((i) => i + 1), y, events, numeric: numMap, text: textMap }, dropped: missing.length };
}

/** Columns of {@link Cohort} that take a single value; empty when none. */
export function constantColumns(c: Cohort): string[] {
  const out: string[] = [];
  for (const [name, v] of c.numeric) if (v.every((x) => x === v[0])) out.push(name);
  for (const [name, v] of c.text) if (v.every((x) => x === v[0])) out.push(name);
  return out;
}

/**
 * The events-per-variable warning: returned when the smaller outcome class of the training rows
 * has fewer than 10 members per candidate variable (Peduzzi et al. 1996), worded for fewer than 10
 * events overall. `undefined` when there is nothing to warn about.
 */
export function eventsPerVariableWarning(events: number, n: number, variables: number): DlrnWarning | undefined {
  const minority = Math.min(events, n - events);
  const epv = variables > 0 ? minority / variables : Infinity;
  if (minority < 10) {
    return {
      code: 'W_FEW_EVENTS',
      message: `only ${minority} ${minority === events ? 'events' : 'non-events'} in the training rows (fewer than 10); ` +
        `events per variable = ${minority}/${variables} = ${epv.toFixed(2)}: estimates, p-values and CIs are unreliable.`,
    };
  }
  if (epv < 10) {
    return {
      code: 'W_LOW_EPV',
      message: `events per variable = ${minority}/${variables} = ${epv.toFixed(2)} (< 10) in the training rows: the model may be overfitted; ` +
        'consider fewer predictors or penalised regression (dlrn stats lasso).',
    };
  }
  return undefined;
}

/**
 * Loads the rows and columns an analysis needs (see {@link StatsDataSpec}).
 * Throws {@link InvalidInputError} for a missing column, a non-binary label, non-numeric cells,
 * missing values (unless `naDrop`), a single outcome class, or (default) a constant column.
 */
export function loadStatsData(spec: StatsDataSpec): StatsData {
  if (spec.validateFile !== undefined && spec.validateWhere && spec.validateWhere.length > 0) {
    throw new InvalidInputError('--validate-data and --validate-where cannot be combined', { fix: 'use one way of naming the validation rows.' });
  }
  const table = readCsv(spec.file);
  columnIndex(table, spec.label, spec.file);
  const trainIdx = selectRows(table, spec.file, spec.where ?? []);
  let valSel: Selected | undefined;
  let trainKeep = trainIdx;
  if (spec.validateWhere && spec.validateWhere.length > 0) {
    const valIdx = selectRows(table, spec.file, spec.validateWhere);
    const isVal = new Set(valIdx);
    trainKeep = trainIdx.filter((i) => !isVal.has(i));
    valSel = { table, file: spec.file, rowIdx: valIdx };
  } else if (spec.validateFile !== undefined) {
    const vt = readCsv(spec.validateFile);
    valSel = { table: vt, file: spec.validateFile, rowIdx: vt.rows.map((_, i) => i) };
  }
  const naDrop = spec.naDrop ?? false;
  const tr = buildCohort('train', { table, file: spec.file, rowIdx: trainKeep }, spec, naDrop);
  const va = valSel ? buildCohort('validation', valSel, spec, naDrop) : undefined;

  const warnings: DlrnWarning[] = [];
  if (tr.dropped > 0 || (va?.dropped ?? 0) > 0) {
    warnings.push({
      code: 'W_NA_DROPPED',
      message: `--na-drop: dropped ${tr.dropped} training row(s)${va ? ` and ${va.dropped} validation row(s)` : ''} with missing values.`,
    });
  }
  const constant = constantColumns(tr.cohort);
  const mode = spec.constant ?? 'error';
  if (constant.length > 0 && mode === 'error') {
    throw new InvalidInputError('a predictor is constant on the training rows', {
      file: spec.file, expected: 'at least two distinct values in every predictor', found: `constant column(s): ${constant.join(', ')}`,
      fix: 'remove the column from the predictors (it carries no information and makes the model unidentifiable).',
    });
  }
  if (constant.length > 0 && mode === 'warn') {
    warnings.push({ code: 'W_CONSTANT_COLUMN', message: `constant on the training rows (ignored by most statistics): ${constant.join(', ')}` });
  }
  const nVars = spec.epvVariables ?? (spec.numeric?.length ?? 0) + (spec.text?.length ?? 0);
  const epv = eventsPerVariableWarning(tr.cohort.events, tr.cohort.n, Math.max(1, nVars));
  if (epv) warnings.push(epv);
  return { label: spec.label, train: tr.cohort, validation: va?.cohort, naDropped: { train: tr.dropped, validation: va?.dropped ?? 0 }, warnings };
}

/** Values of parsed CLI options, as returned by `parseOptions`. */
export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

/**
 * Builds a {@link StatsDataSpec} from the values of {@link DATA_OPTIONS} (`analysis` names the
 * command in error messages) and the columns the analysis uses.
 */
export function dataSpecFromOptions(
  analysis: string,
  values: OptionValues,
  columns: Pick<StatsDataSpec, 'numeric' | 'text' | 'constant' | 'epvVariables'>,
): StatsDataSpec {
  const need = (k: string): string => {
    const v = values[k];
    if (typeof v !== 'string' || v === '') {
      throw new InvalidInputError(`dlrn stats ${analysis}: --${k} is required`, { fix: `run \`dlrn stats ${analysis} --help\`.` });
    }
    return v;
  };
  const list = (k: string): string[] => (Array.isArray(values[k]) ? (values[k] as string[]) : []);
  return {
    file: need('data'),
    label: need('label'),
    positive: typeof values.positive === 'string' ? values.positive : undefined,
    where: list('where').map((s) => parseRowFilter('where', s)),
    validateWhere: list('validate-where').map((s) => parseRowFilter('validate-where', s)),
    validateFile: typeof values['validate-data'] === 'string' ? values['validate-data'] : undefined,
    naDrop: values['na-drop'] === true,
    ...columns,
  };
}

/** Splits a comma-separated column list (`--predictors a,b,c`), trimming blanks; repeated options are joined. */
export function splitList(value: string | string[] | boolean | boolean[] | undefined): string[] {
  const parts = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
  return parts.flatMap((p) => p.split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

/** The header of a CSV file (for "all other numeric columns" defaults). */
export function csvHeader(file: string): readonly string[] {
  return readCsv(file).header;
}

/**
 * Serialises a result in the reference-JSON conventions: non-finite numbers as the strings
 * `"Inf"`, `"-Inf"`, `"NaN"`; typed arrays as arrays; `undefined` fields left out; numbers in
 * JavaScript's shortest round-trip form.
 */
export function toReferenceJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'number') {
      if (Number.isNaN(v)) return 'NaN';
      if (v === Infinity) return 'Inf';
      if (v === -Infinity) return '-Inf';
      return v;
    }
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
    if (v instanceof Map) return Object.fromEntries(v);
    return v;
  }, indent);
}

/** Writes warnings to stderr, one line each (`dlrn stats <analysis>: warning [CODE] ...`). */
export function printWarnings(analysis: string, warnings: readonly DlrnWarning[]): void {
  for (const w of warnings) process.stderr.write(`dlrn stats ${analysis}: warning [${w.code}] ${w.message}\n`);
}

/**
 * Prints an analysis result: JSON on stdout with `--json` (otherwise the given text summary),
 * and the JSON also to `--out F` (written atomically). Warnings go to stderr.
 */
export function emitResult(analysis: string, values: OptionValues, result: unknown, textSummary: () => string, warnings: readonly DlrnWarning[] = []): void {
  printWarnings(analysis, warnings);
  const json = toReferenceJson(result);
  if (typeof values.out === 'string' && values.out !== '') writeFileAtomic(values.out, json + '\n');
  process.stdout.write(values.json === true ? json + '\n' : textSummary().trimEnd() + '\n');
}
