// Process entry of the CLI (used by bin/dlrn.js through dist/, and by tests through tsx).
import { setFlagsFromString } from 'node:v8';
import { runCli } from './main.js';

// A dlrn command is a short burst of allocation (volumes, per-class matrices): letting V8's young generation grow
// 8× per step instead of 2× cuts the scavenges of one `dlrn extract` from ~15–35 to ~5–10 and halves its GC time
// (measured with --trace-gc on brain1 and the IBSI CT phantom). It only changes how fast the young generation
// reaches its usual maximum size.
setFlagsFromString('--semi-space-growth-factor=8');

process.exitCode = await runCli(process.argv.slice(2));
