import { InvalidInputError } from '../../core/errors.js';
import { siblingModuleUrl } from '../../core/module-url.js';
import { runWorkerPool } from '../../core/worker-pool.js';
import { extractCaseFiles, extractCaseReading, toCaseError, type CaseError, type ExtractionOptions } from './extract-case.js';
import { caseLabel, startCaseReading, type CaseReading } from './read-case.js';
import type { ExtractionResult } from './pyradiomics-extract.js';

/** One case of a batch. */
export interface BatchCase {
  readonly id: string;
  /** Image path (absolute, or relative to the current folder). */
  readonly image: string;
  /** Mask path. */
  readonly mask: string;
  /** Mask label (default: the settings' label). */
  readonly label?: number;
}

/** The outcome of one case: a result or an error, never both. */
export interface BatchCaseResult {
  readonly case: BatchCase;
  readonly result: ExtractionResult | null;
  readonly error: CaseError | null;
  /** Wall time of the case in ms. */
  readonly ms: number;
}

/** Options of {@link extractBatch}. */
export interface BatchOptions {
  /** Worker threads (default 1 = in this thread). */
  readonly jobs?: number;
  /** Called as each case finishes (in completion order). */
  readonly onResult?: (r: BatchCaseResult) => void;
}

/** What one case gave: a result or an error record, and its wall time in ms. */
type CaseOutcome = { result: ExtractionResult | null; error: CaseError | null; ms: number };

/** Runs one case, turning any failure into an error record (a failing case never stops a batch). */
export async function runCase(c: BatchCase, options: ExtractionOptions): Promise<CaseOutcome> {
  const t0 = performance.now();
  return settle(extractCaseFiles(c.image, c.mask, options, c.label), t0);
}

/** The outcome of a case's extraction started at `t0`. */
async function settle(extraction: Promise<ExtractionResult>, t0: number): Promise<CaseOutcome> {
  try {
    const result = await extraction;
    return { result, error: null, ms: performance.now() - t0 };
  } catch (e) {
    return { result: null, error: toCaseError(e), ms: performance.now() - t0 };
  }
}

/**
 * Extracts every case of a batch, with `jobs` worker threads (each case in one thread). A failing case gives a
 * result with `error` set and the others go on. Results are returned in input order.
 */
export async function extractBatch(cases: readonly BatchCase[], options: ExtractionOptions, opts: BatchOptions = {}): Promise<BatchCaseResult[]> {
  const jobs = opts.jobs ?? 1;
  if (!Number.isInteger(jobs) || jobs < 1) {
    throw new InvalidInputError('jobs must be a whole number ≥ 1', { found: String(jobs) });
  }
  const out: (BatchCaseResult | undefined)[] = new Array(cases.length);
  const finish = (index: number, r: CaseOutcome): void => {
    const br: BatchCaseResult = { case: cases[index], ...r };
    out[index] = br;
    opts.onResult?.(br);
  };
  if (jobs === 1 || cases.length <= 1) {
    await runCasesReadingAhead(cases, options, finish);
    return out as BatchCaseResult[];
  }
  const outcomes = await runWorkerPool<BatchCase, CaseOutcome>({
    workerUrl: siblingModuleUrl(import.meta.url, './extract-worker'),
    jobs,
    init: options,
    items: cases,
    onResult: (index, o) => finish(index, o.ok ? o.value : { result: null, error: o.error, ms: 0 }),
  });
  outcomes.forEach((o, i) => {
    if (out[i] === undefined) finish(i, o.ok ? o.value : { result: null, error: o.error, ms: 0 });
  });
  for (let i = 0; i < cases.length; i++) if (out[i] === undefined) finish(i, await runCase(cases[i], options));
  return out as BatchCaseResult[];
}

/**
 * Runs the cases one after another in this thread, each read while the one before is computed: the next case's files
 * are read and their gzip data handed to libuv's threads before this thread starts computing, so the inflation (a
 * good part of a CT case) runs beside the computation instead of before it. At most two cases are in memory.
 */
async function runCasesReadingAhead(
  cases: readonly BatchCase[], options: ExtractionOptions,
  finish: (index: number, r: CaseOutcome) => void,
): Promise<void> {
  const start = (c: BatchCase): { reading: CaseReading; label: number } => {
    const label = caseLabel(options, c.label);
    const reading = startCaseReading(c.image, c.mask, label);
    reading.volumes.catch(() => undefined); // (reported when the case runs)
    return { reading, label };
  };
  let next = cases.length > 0 ? start(cases[0]) : null;
  for (let i = 0; i < cases.length; i++) {
    const t0 = performance.now();
    const current = next as { reading: CaseReading; label: number };
    await current.reading.started;
    next = i + 1 < cases.length ? start(cases[i + 1]) : null;
    if (next) await next.reading.started;
    finish(i, await settle(extractCaseReading(current.reading, options, current.label), t0));
  }
}

/**
 * The output table of a batch: columns `id, image, mask, label, error`, then the diagnostics columns and the feature
 * columns (union over cases, in first-seen order). Failing cases have empty feature cells. The image/mask cells hold
 * the paths as given.
 */
export function batchTable(results: readonly BatchCaseResult[]): { header: string[]; rows: (string | number)[][] } {
  const diag: string[] = [];
  const feat: string[] = [];
  const seenD = new Set<string>();
  const seenF = new Set<string>();
  for (const r of results) {
    if (!r.result) continue;
    for (const k of Object.keys(r.result.diagnostics)) if (!seenD.has(k)) { seenD.add(k); diag.push(k); }
    for (const k of Object.keys(r.result.features)) if (!seenF.has(k)) { seenF.add(k); feat.push(k); }
  }
  const header = ['id', 'image', 'mask', 'label', 'error', ...diag, ...feat];
  const rows = results.map((r) => {
    const base: (string | number)[] = [r.case.id, r.case.image, r.case.mask, r.case.label ?? '', r.error ? `${r.error.code}: ${r.error.message}` : ''];
    const d = r.result?.diagnostics ?? {};
    const f = r.result?.features ?? {};
    return [...base, ...diag.map((k) => d[k] ?? ''), ...feat.map((k) => (k in f ? f[k] : ''))];
  });
  return { header, rows };
}

/** One JSON object per case: column name → value (features as numbers, NaN as null). */
export function batchRecords(results: readonly BatchCaseResult[]): Record<string, string | number | null>[] {
  const t = batchTable(results);
  return t.rows.map((row) => {
    const o: Record<string, string | number | null> = {};
    t.header.forEach((h, i) => {
      const v = row[i];
      if (v === '' && i >= 5) return;
      o[h] = typeof v === 'number' && !Number.isFinite(v) ? null : v;
    });
    return o;
  });
}
