// Runs the benchmarks in bench/ one after another (or those named as arguments, e.g. `io-read`), each in its own
// process from the TypeScript sources (tsx). Benchmarks print their numbers and write bench/results/<area>.md;
// BENCHMARKS.md summarises them. They are kept apart from the tests: `npm test` never runs them.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const wanted = process.argv.slice(2);
const files = readdirSync('bench').filter((f) => f.endsWith('.ts')).filter((f) => !wanted.length || wanted.some((w) => f.startsWith(w))).sort();
let failed = 0;
for (const f of files) {
  process.stdout.write(`\n=== bench/${f}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${f}`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
spawnSync(process.execPath, ['scripts/benchmarks-md.mjs'], { stdio: 'inherit' });
process.exit(failed ? 1 : 0);
