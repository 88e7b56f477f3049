#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci` via `prepare`).
// CommonJS on purpose: the CLI runs as pre-compiled bundles (see src/cli/build-bundle.mjs) without Node's ES module
// loader.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const entry = join(__dirname, '..', 'dist', 'cli', 'run.cjs');
if (!existsSync(entry)) {
  process.stderr.write('dlrn: the compiled CLI is missing (dist/cli/run.cjs). Run `npm run build` in the dlrn folder.\n');
  process.exit(2);
}
require(entry);
