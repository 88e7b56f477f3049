#!/bin/sh
":" //; unset NODE_EXTRA_CA_CERTS; exec node "$0" "$@"
// The `dlrn` command. This file is read twice: first by the shell (the `#!/bin/sh` line above), which drops
// NODE_EXTRA_CA_CERTS and starts Node on this same file; then by Node, for which the shell line is a string and a
// comment. Why: when NODE_EXTRA_CA_CERTS is set (corporate machines, CI sandboxes), Node 20 parses the named CA
// bundle and its own root store before running any script, 0.06–0.13 s per process on our benchmark machine, a third
// to a half of a whole `dlrn extract`. dlrn opens no TLS connection (no command talks to a network; if one ever does,
// it must keep the variable), so the store is never used. `node bin/dlrn.cjs ...` (e.g. on Windows, where npm's shims
// need a POSIX sh) runs the same CLI without this shortcut.
// CommonJS on purpose: the CLI runs as pre-compiled bundles (see src/cli/build-bundle.mjs) without Node's ES module
// loader. The CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci` via `prepare`).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const entry = join(__dirname, '..', 'dist', 'cli', 'run.cjs');
if (!existsSync(entry)) {
  process.stderr.write('dlrn: the compiled CLI is missing (dist/cli/run.cjs). Run `npm run build` in the dlrn folder.\n');
  process.exit(2);
}
require(entry);
