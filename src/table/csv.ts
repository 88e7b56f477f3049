import { InvalidInputError } from '../core/errors.js';
import { readTextChecked } from '../core/read-file.js';

/** A parsed CSV table: header names and rows of raw strings (same length as the header). */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF; a UTF-8 BOM is skipped).
 * Every row must have as many fields as the header; a ragged row is an {@link InvalidInputError}
 * naming its line.
 */
export function parseCsv(text: string, file?: string, delimiter = ','): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records: string[][] = [];
  const lines: number[] = [];
  let field = '';
  let row: string[] = [];
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') {
      inQuotes = true;
    } else if (c === delimiter) {
      row.push(field); field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (!(row.length === 1 && row[0] === '')) { records.push(row); lines.push(rowLine); }
      row = [];
      line++;
      rowLine = line;
    } else {
      field += c;
    }
  }
  if (inQuotes) throw new InvalidInputError('unterminated quoted field in CSV', { file, found: `a quote opened on line ${rowLine} that never closes` });
  if (field !== '' || row.length > 0) { row.push(field); records.push(row); lines.push(rowLine); }
  if (records.length === 0) throw new InvalidInputError('the CSV file is empty', { file, expected: 'a header line and data rows' });
  const header = records[0].map((h) => h.trim());
  const rows = records.slice(1);
  rows.forEach((r, i) => {
    if (r.length !== header.length) {
      throw new InvalidInputError('a CSV row has the wrong number of fields', {
        file, expected: `${header.length} fields (as in the header)`, found: `${r.length} fields on line ${lines[i + 1]}`,
      });
    }
  });
  return { header, rows };
}

/** Reads and parses a CSV file, with typed errors for a missing file. */
export function readCsv(path: string, delimiter = ','): CsvTable {
  return parseCsv(readTextChecked(path, 'a CSV file'), path, delimiter);
}

/** Index of a column by name; throws an error listing the columns when it is absent. */
export function columnIndex(table: CsvTable, name: string, file?: string): number {
  const i = table.header.indexOf(name);
  if (i < 0) {
    throw new InvalidInputError(`column "${name}" not found`, { file, expected: `a column named "${name}"`, found: `columns ${table.header.join(', ')}` });
  }
  return i;
}

/** Formats one CSV field: numbers in shortest round-trip form, NaN as "nan" (as PyRadiomics/pandas), quoting when needed. */
export function formatCsvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'nan';
    if (v === Infinity) return 'inf';
    if (v === -Infinity) return '-inf';
    return String(v);
  }
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Serialises a header and rows to CSV text (LF line ends, trailing newline). */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const out = [header.map(formatCsvField).join(',')];
  for (const r of rows) out.push(r.map(formatCsvField).join(','));
  return out.join('\n') + '\n';
}

/** Serialises records (objects) to CSV; columns = union of keys in first-seen order unless given. */
export function recordsToCsv(records: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  const cols = columns ?? [...new Set(records.flatMap((r) => Object.keys(r)))];
  return toCsv(cols, records.map((r) => cols.map((c) => r[c])));
}

/** Parses a CSV number field: '' / 'NA' / 'nan' → NaN; otherwise Number(), NaN when not numeric. */
export function parseNumberField(s: string): number {
  const t = s.trim();
  if (t === '' || t === 'NA' || t.toLowerCase() === 'nan') return NaN;
  if (t.toLowerCase() === 'inf') return Infinity;
  if (t.toLowerCase() === '-inf') return -Infinity;
  return Number(t);
}
