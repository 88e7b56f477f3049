// Process entry of the CLI (bundled to dist/bundles/cli/run.cjs for bin/dlrn.cjs, and run by tests through tsx).
import { runCli } from './main.js';

// (no top-level await: the build runs this module as a CommonJS bundle)
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
