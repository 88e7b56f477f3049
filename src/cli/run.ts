// Process entry of the CLI (used by bin/dlrn.js through dist/, and by tests through tsx).
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2));
