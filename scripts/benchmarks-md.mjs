// Builds BENCHMARKS.md: the hand-written summary (bench/SUMMARY.md: targets, figures, met or not) followed by every
// benchmark's own results file (bench/results/*.md, written by the benchmarks themselves), headings shifted one level.
// Run after the benchmarks: `node scripts/benchmarks-md.mjs` (scripts/run-bench.mjs does it at the end).
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ORDER = ['io', 'radiomics', 'features-intensity-shape', 'features-texture', 'stats', 'stats-logistic', 'deep', 'synth', 'study'];
const files = readdirSync(join(ROOT, 'bench/results')).filter((f) => f.endsWith('.md'));
const rank = (f) => { const i = ORDER.indexOf(f.replace(/\.md$/, '')); return i < 0 ? ORDER.length : i; };
files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
const parts = [readFileSync(join(ROOT, 'bench/SUMMARY.md'), 'utf8').trimEnd(), '', '# Details (bench/results/)', ''];
for (const f of files) {
  const text = readFileSync(join(ROOT, 'bench/results', f), 'utf8').trimEnd();
  const shifted = text.replace(/^(#{1,5}) /gm, '#$1 ');
  parts.push(`<!-- from bench/results/${f} -->`, shifted.startsWith('## ') ? shifted : `## ${f}\n\n${shifted}`, '');
}
const out = join(ROOT, 'BENCHMARKS.md');
writeFileSync(`${out}.tmp`, parts.join('\n'));
renameSync(`${out}.tmp`, out);
console.log(`wrote BENCHMARKS.md (${files.length} result files)`);
