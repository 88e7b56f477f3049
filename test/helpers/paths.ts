import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The shared reference folder (`../shared` next to the repository, or $DLRN_SHARED).
 * Tests that read from it say so in their file comment; CI always has it.
 */
export const SHARED = process.env.DLRN_SHARED ? resolve(process.env.DLRN_SHARED) : resolve(REPO_ROOT, '..', 'shared');

/** A path inside the shared folder. */
export function shared(...parts: string[]): string {
  return join(SHARED, ...parts);
}

/** True when the shared folder is present. */
export const HAS_SHARED = existsSync(SHARED);
