import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DlrnError } from '../core/errors.js';

/** Chromium/Chrome executables looked for, in order (after $DLRN_CHROMIUM). */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The Chromium binary to use for PDF rendering, or null when none is installed. */
export function findChromium(): string | null {
  const env = process.env.DLRN_CHROMIUM;
  if (env && existsSync(env)) return env;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Flags for a headless Chromium on a machine without network access (no background connections). */
export const HEADLESS_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-extensions', '--no-default-browser-check',
];

/**
 * Prints an HTML file to PDF with headless Chromium (`--print-to-pdf`). Throws a DlrnError when no
 * Chromium is installed (install Debian's `chromium`, or set $DLRN_CHROMIUM) or when printing fails.
 */
export async function htmlToPdf(htmlPath: string, pdfPath: string, timeoutMs = 60_000): Promise<void> {
  const bin = findChromium();
  if (!bin) {
    throw new DlrnError('E_NO_CHROMIUM', 'cannot render the PDF: no Chromium found', {
      expected: `one of ${CANDIDATES.join(', ')} or $DLRN_CHROMIUM`, found: 'none', fix: 'install Chromium (Debian: apt-get install chromium); the HTML report is complete without it.',
    });
  }
  const profile = mkdtempSync(join(tmpdir(), 'dlrn-chromium-'));
  try {
    await new Promise<void>((resolvePromise, reject) => {
      const child = spawn(bin, [...HEADLESS_FLAGS, `--user-data-dir=${profile}`, '--no-pdf-header-footer', `--print-to-pdf=${pdfPath}`, pathToFileURL(htmlPath).href], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (b) => (err = (err + b).slice(-2000)));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0 && existsSync(pdfPath)) resolvePromise();
        else reject(new DlrnError('E_PDF', `Chromium could not print the report (exit ${code})`, { found: err.trim().split('\n').slice(-3).join(' | ') }));
      });
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
