// Realism of the synthetic hematomas as the radiomics extractor sees them: PyRadiomics-mode default
// features (original image, binWidth 25) of synthetic cases versus the percentiles over 36 real hemorrhage
// ROIs (PhysioNet CT-ICH; reads ../shared/data/realism/ct-ich-hematoma-features.csv, see its README).
// For every feature of the CSV: the synthetic 5th/50th/95th percentiles, the real ones, and whether the
// synthetic median lies inside the real 5–95 % range. Writes a Markdown table to stdout.
// Run: node --import tsx bench/synth-realism.ts [--n 48] [--matrix 512] [--group all|iph]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultPyradiomicsParams, extractPyradiomics } from '../src/features/extractor/index.js';
import { planCohort, renderCase, resolveSynthOptions } from '../src/synthetic/index.js';

const { values } = parseArgs({ options: { n: { type: 'string' }, matrix: { type: 'string' }, group: { type: 'string' }, seed: { type: 'string' } } });
const n = Number(values.n ?? 48);
const matrix = Number(values.matrix ?? 512);
const group = values.group ?? 'all';
const shared = process.env.DLRN_SHARED ?? join(import.meta.dirname, '..', '..', 'shared');
const csv = readFileSync(join(shared, 'data/realism/ct-ich-hematoma-features.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const real = new Map(csv.filter((r) => r[1] === group).map((r) => [r[0], r.slice(3).map(Number)]));

const options = resolveSynthOptions({ matrix, seed: Number(values.seed ?? 42) });
const plans = planCohort(options);
const step = Math.max(1, Math.floor(plans.length / n));
const chosen = plans.filter((_, i) => i % step === 0).slice(0, n);
const params = defaultPyradiomicsParams();
const values2 = new Map<string, number[]>();
const t0 = performance.now();
for (const p of chosen) {
  const r = renderCase(p);
  const f = extractPyradiomics({ image: r.image, labelMap: r.mask }, params).features;
  for (const [k, v] of Object.entries(f)) {
    if (!values2.has(k)) values2.set(k, []);
    values2.get(k)!.push(v);
  }
}
const secs = (performance.now() - t0) / 1000;

function quantile(xs: number[], q: number): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const h = (s.length - 1) * q, lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)]) - s[lo]);
}
const fmt = (x: number) => (Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-2 && x !== 0) ? x.toExponential(2) : x.toFixed(Math.abs(x) >= 100 ? 0 : 2));
const rows: string[] = [];
let inside = 0, total = 0;
for (const [name, q] of real) {
  const xs = values2.get(name);
  if (!xs) continue;
  const s = [0.05, 0.5, 0.95].map((p) => quantile(xs, p));
  const ok = s[1] >= q[0] && s[1] <= q[4];
  total++;
  if (ok) inside++;
  rows.push(`| ${name.replace('original_', '')} | ${fmt(s[0])} / ${fmt(s[1])} / ${fmt(s[2])} | ${fmt(q[0])} / ${fmt(q[2])} / ${fmt(q[4])} | ${ok ? 'yes' : '**no**'} |`);
}
console.log(`Synthetic: ${chosen.length} cases of the default cohort (seed ${options.seed}, every ${step}th), matrix ${matrix}; rendering + extraction ${secs.toFixed(0)} s.`);
console.log(`Real: CT-ICH ROIs, group \`${group}\` (../shared/data/realism). Synthetic median inside the real 5–95 % range: ${inside} of ${total} features.\n`);
console.log('| feature | synthetic p5 / p50 / p95 | real p5 / p50 / p95 | median inside |');
console.log('|---|---|---|---|');
console.log(rows.join('\n'));
