import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { diagnosticsName } from './naming.js';

/**
 * Provenance columns: the dlrn and Node versions (in place of PyRadiomics' `diagnostics_Versions_*`) and a hash of the
 * effective settings, so every output row says how it was made.
 */

let cachedVersion: string | undefined;

/** The dlrn package version (from package.json next to src/ or dist/). */
export function dlrnVersion(): string {
  if (cachedVersion === undefined) {
    try {
      cachedVersion = String(JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version);
    } catch {
      cachedVersion = 'unknown';
    }
  }
  return cachedVersion;
}

/** `diagnostics_Versions_dlrn` and `diagnostics_Versions_Node`. */
export function versionDiagnostics(): Record<string, string> {
  return { [diagnosticsName('Versions', 'dlrn')]: dlrnVersion(), [diagnosticsName('Versions', 'Node')]: process.versions.node };
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v as object).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** First 16 hex digits of the SHA-256 of the canonical JSON of the effective settings. */
export function settingsHash(settings: unknown): string {
  return createHash('sha256').update(canonical(settings)).digest('hex').slice(0, 16);
}
