// Time to generate the default synthetic cohort (paper preset: 192 + 83 patients) at matrix 256 on this
// machine, written to a temporary folder (NIfTI .nii.gz images and masks, manifest, hidden parameters).
// Target (issue 6): under 60 s. Also reports CPU time, files size and a per-case breakdown at matrix 512.
// Run: node --import tsx bench/synth-cohort.ts [--jobs N] [--matrix 256] [--n N]   (or on dist/ after build)
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { planCase, renderCase, resolveSynthOptions, writeSyntheticCohort } from '../src/synthetic/index.js';

const { values } = parseArgs({ options: { jobs: { type: 'string' }, matrix: { type: 'string' }, n: { type: 'string' }, keep: { type: 'boolean' } } });
const jobs = Number(values.jobs ?? availableParallelism());
const matrix = Number(values.matrix ?? 256);
const nOverride = values.n ? Number(values.n) : undefined;
const options = resolveSynthOptions({ matrix, ...(nOverride ? { nCentre1: Math.round(nOverride * 0.7), nCentre2: nOverride - Math.round(nOverride * 0.7) } : {}) });
const dir = mkdtempSync(join(tmpdir(), 'dlrn-bench-synth-'));

function dirBytes(d: string): number {
  let s = 0;
  for (const e of readdirSync(d, { withFileTypes: true })) s += e.isDirectory() ? dirBytes(join(d, e.name)) : statSync(join(d, e.name)).size;
  return s;
}

const load0 = loadavg()[0];
const c0 = process.cpuUsage();
const t0 = performance.now();
const res = await writeSyntheticCohort(options, dir, { jobs });
const wall = (performance.now() - t0) / 1000;
const cpuMain = process.cpuUsage(c0);
const bytes = dirBytes(dir);
const n = res.plans.length;

// single-case timings in this thread (rendering only, no file writing)
const one = (m: number): number => {
  const o = resolveSynthOptions({ matrix: m });
  renderCase(planCase(o, 'warm-up', 1, 0));
  const t = performance.now();
  for (let k = 0; k < 4; k++) renderCase(planCase(o, `bench-${k}`, (k % 2 ? 2 : 1) as 1 | 2, (k % 2) as 0 | 1));
  return (performance.now() - t) / 4;
};
const ms256 = one(256);
const ms512 = one(512);
if (!values.keep) rmSync(dir, { recursive: true, force: true });

const lines = [
  `machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} logical CPUs, node ${process.version}; 1-min load average at start ${load0.toFixed(2)}`,
  `command: node --import tsx bench/synth-cohort.ts --jobs ${jobs} --matrix ${matrix}${nOverride ? ` --n ${nOverride}` : ''}`,
  `cohort: ${n} patients (${options.nCentre1} centre 1, ${options.nCentre2} centre 2), matrix ${matrix}, ${jobs} worker thread(s)`,
  `wall time: ${wall.toFixed(1)} s (${(wall / n * 1000).toFixed(0)} ms per patient; target < 60 s for 275 patients at matrix 256)`,
  `process CPU (all threads): ${((cpuMain.user + cpuMain.system) / 1e6).toFixed(1)} s`,
  `files: ${(bytes / 1e6).toFixed(0)} MB (${(bytes / n / 1e6).toFixed(2)} MB per patient, image + mask .nii.gz)`,
  `render one case in this thread (no file writing): ${ms256.toFixed(0)} ms at matrix 256, ${ms512.toFixed(0)} ms at matrix 512`,
];
console.log(lines.join('\n'));
