import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BundleError, FileNotFoundError } from '../core/errors.js';
import { writeFileAtomic } from '../core/atomic.js';
import type { StudyResults } from '../study/results.js';
import { reportHtml } from './page.js';
import { findChromium, htmlToPdf } from './pdf.js';

/** What {@link renderReport} wrote. */
export interface RenderedReport {
  readonly html: string;
  /** The PDF path, or null when it was not made (with the reason in `pdfNote`). */
  readonly pdf: string | null;
  readonly pdfNote?: string;
}

/** Reads and checks DIR/results.json. */
export function readResults(dir: string): StudyResults {
  const p = join(dir, 'results.json');
  if (!existsSync(p)) throw new FileNotFoundError(p, { expected: 'a study output folder with results.json', fix: 'run `dlrn study --config ... --out DIR` first.' });
  let r: StudyResults;
  try {
    r = JSON.parse(readFileSync(p, 'utf8')) as StudyResults;
  } catch (e) {
    throw new BundleError('results.json is not valid JSON', { file: p, cause: e });
  }
  if (r.format !== 'dlrn-results' || r.format_version !== 1) {
    throw new BundleError('results.json has an unknown format', { file: p, expected: 'format dlrn-results, version 1', found: `${String(r.format)} ${String(r.format_version)}` });
  }
  return r;
}

/**
 * Renders the study report of an output folder: DIR/report.html (self-contained, offline) and, when a
 * Chromium is installed and `pdf` is not false, DIR/report.pdf. Both are written atomically.
 */
export async function renderReport(dir: string, opts: { pdf?: boolean } = {}): Promise<RenderedReport> {
  const r = readResults(dir);
  const svgPath = r.nomogram?.svg ? join(dir, r.nomogram.svg) : null;
  const nomogramSvg = svgPath && existsSync(svgPath) ? readFileSync(svgPath, 'utf8') : null;
  const html = join(dir, 'report.html');
  writeFileAtomic(html, reportHtml(r, nomogramSvg));
  if (opts.pdf === false) return { html, pdf: null, pdfNote: 'PDF not requested' };
  if (!findChromium()) return { html, pdf: null, pdfNote: 'no Chromium installed: install it (Debian: apt-get install chromium) for report.pdf' };
  const pdf = join(dir, 'report.pdf');
  const tmp = join(dir, `.report.${process.pid}.pdf`);
  try {
    await htmlToPdf(html, tmp);
    renameSync(tmp, pdf);
  } finally {
    rmSync(tmp, { force: true });
  }
  return { html, pdf };
}
