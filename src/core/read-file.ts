import { readFileSync } from 'node:fs';
import { FileNotFoundError } from './errors.js';

/**
 * Reads a whole file, turning a missing path into a {@link FileNotFoundError} that names it and what was
 * expected there (other errors, e.g. permissions, are rethrown as they are).
 */
export function readFileChecked(path: string, expected?: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FileNotFoundError(path, expected ? { expected } : {});
    throw e;
  }
}

/** {@link readFileChecked} as UTF-8 text. */
export function readTextChecked(path: string, expected?: string): string {
  return readFileChecked(path, expected).toString('utf8');
}
