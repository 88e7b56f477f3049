// Runs every test file under test/ (or those given as arguments) with node's test runner and tsx,
// and prints node's summary (`# pass N`, `# fail N`) followed by one `N passed, N failed` line.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function findTests(dir) {
  const out = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (/\.test\.ts$/.test(e)) out.push(p);
  }
  return out;
}

const args = process.argv.slice(2);
const files = (args.length ? args.flatMap((a) => (statSync(a).isDirectory() ? findTests(a) : [a])) : findTests('test')).sort();
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files.map((f) => relative('.', f))], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
let tail = '';
child.stdout.on('data', (b) => {
  process.stdout.write(b);
  tail = (tail + b.toString()).slice(-4000);
});
child.on('close', (code) => {
  const pass = /ℹ pass (\d+)/.exec(tail)?.[1] ?? '?';
  const fail = /ℹ fail (\d+)/.exec(tail)?.[1] ?? '?';
  process.stdout.write(`\n${pass} passed, ${fail} failed\n`);
  process.exit(code ?? 1);
});
