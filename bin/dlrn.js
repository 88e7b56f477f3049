#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci` via `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const entry = new URL('../dist/cli/run.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('dlrn: the compiled CLI is missing (dist/cli/run.js). Run `npm run build` in the dlrn folder.\n');
  process.exit(2);
}
await import(entry.href);
