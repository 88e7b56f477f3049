// Whole-process benchmark of `dlrn extract` (compiled CLI): run `npm run build` first.
//   node --import tsx bench/radiomics-extract.ts [--runs 7] [--out bench/results/radiomics.md]
// Cases (default PyRadiomics settings: original image, all classes):
//   * the IBSI 1 CT phantom (125k ROI voxels)                  target ≤ 0.68 s (PyRadiomics 3.x: ~2.05 s)
//   * brain1 (4137 ROI voxels)                                  target ≤ 0.26 s (PyRadiomics: ~0.79 s)
//   * a --jobs 2 batch of the 24 STS CT cases (manifest)        target ≤ 6.25 s (PyRadiomics case by case: ~25 s)
// PyRadiomics is not installed here (no PyPI): its times are the figures of issue 3, measured on this machine type.
// dlrn runs as users run it: the `dlrn` command, bin/dlrn.cjs executed directly (npm's bin link points at it), whose
// shell line drops NODE_EXTRA_CA_CERTS before Node starts (when it is set, as in this sandbox, Node 20 parses the
// whole CA bundle at start-up, ~0.1 s before any script runs). Each case is also timed with the variable removed
// from the benchmark's own environment (the two columns should agree), and brain1 also as `node bin/dlrn.cjs`, which
// bypasses the shell line (how Windows users without a POSIX sh run it).
// The machine is shared: the table records the load and the CPU idle share during the run, and CPU time.
// Reads ../shared (CT phantom: CC BY-NC 3.0, read in place; STS cohort: CC BY 3.0).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../src/core/atomic.js';
import { readCsv } from '../src/table/csv.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.DLRN_SHARED ? resolve(process.env.DLRN_SHARED) : resolve(ROOT, '..', 'shared');
const CLI = join(ROOT, 'bin/dlrn.cjs'); // the `dlrn` command users run (npm's bin link points at it)
const BUILT = join(ROOT, 'dist/cli/run.cjs');
const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const RUNS = Number(arg('--runs', '7'));
const OUT = resolve(arg('--out', join(ROOT, 'bench/results/radiomics.md')));
if (!existsSync(BUILT)) throw new Error('build first: npm run build (dist/cli/run.cjs is missing)');

interface Timing { wall: number; cpu: number }

const NO_CERTS = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_EXTRA_CA_CERTS'));

/** Runs a command (argv[0]: an executable) under /usr/bin/time; wall and CPU (user + sys, all threads) seconds. */
function timed(args: string[], env: NodeJS.ProcessEnv = process.env): Timing {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`failed: ${args.join(' ')}\n${r.stderr}`);
  const [u, s] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, cpu: u + s };
}

/** Total and idle CPU jiffies (all CPUs), to report the idle share during a measurement. */
function cpuJiffies(): { total: number; idle: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { total: f.reduce((a, b) => a + b, 0), idle: f[3] + f[4] };
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

interface Row { label: string; wall: number; min: number; cpu: number; wallNoCerts: number; idle: number }

/** Median of `runs` after one warm-up, alternating the two environments run by run (so both see the same load). */
function bench(label: string, args: string[], runs: number): Row {
  timed(args); // warm the file cache
  const a: Timing[] = [];
  const b: Timing[] = [];
  const j0 = cpuJiffies();
  for (let i = 0; i < runs; i++) {
    a.push(timed(args));
    b.push(timed(args, NO_CERTS));
  }
  const j1 = cpuJiffies();
  const r: Row = {
    label, wall: median(a.map((t) => t.wall)), min: Math.min(...a.map((t) => t.wall)), cpu: median(a.map((t) => t.cpu)),
    wallNoCerts: median(b.map((t) => t.wall)), idle: (j1.idle - j0.idle) / (j1.total - j0.total),
  };
  process.stderr.write(`${label}: median ${r.wall.toFixed(3)} s wall (min ${r.min.toFixed(3)}), ${r.cpu.toFixed(3)} s CPU; without NODE_EXTRA_CA_CERTS ${r.wallNoCerts.toFixed(3)} s; CPU idle ${(100 * r.idle).toFixed(0)} %\n`);
  return r;
}

const tmp = mkdtempSync(join(tmpdir(), 'dlrn-bench-'));
const ct = join(SHARED, 'reference/radiomics/ibsi/ibsi1/ct_phantom/nifti');
const py = join(SHARED, 'reference/radiomics/pyradiomics/data');
const sts = readCsv(join(SHARED, 'data/sts-ct-cohort/labels.csv')).rows.map((r) => r[0]);
const manifest = join(tmp, 'sts.csv');
writeFileSync(manifest, ['id,image,mask', ...sts.map((id) => `${id},${join(SHARED, 'data/sts-ct-cohort/cases', id, 'CT_image.nii.gz')},${join(SHARED, 'data/sts-ct-cohort/cases', id, 'CT_mask.nii.gz')}`)].join('\n') + '\n');

const load0 = loadavg()[0];
const node = bench('node start-up (empty script)', [process.execPath, '-e', '0'], RUNS);
const brain1 = [CLI, 'extract', '--image', join(py, 'brain1_image.nrrd'), '--mask', join(py, 'brain1_label.nrrd'), '--out', join(tmp, 'b.csv')];
const batchArgs = (jobs: number) => [CLI, 'extract', '--manifest', manifest, '--jobs', String(jobs), '--quiet', '--out', join(tmp, 'sts.csv')];
const rows = [
  { ...bench('IBSI CT phantom (125k ROI voxels)', [CLI, 'extract', '--image', join(ct, 'image.nii.gz'), '--mask', join(ct, 'mask.nii.gz'), '--out', join(tmp, 'ct.csv')], RUNS), py: 2.05, target: 2.05 / 3 },
  { ...bench('brain1 (4137 ROI voxels)', brain1, RUNS), py: 0.79, target: 0.79 / 3 },
  { ...bench('24 STS CT cases, --jobs 2 (manifest)', batchArgs(2), Math.max(1, Math.min(RUNS, 3))), py: 25, target: 25 / 4 },
];
const jobs1 = bench('24 STS CT cases, --jobs 1 (for comparison)', batchArgs(1), Math.max(1, Math.min(RUNS, 3)));
const byNode = bench('brain1 as `node bin/dlrn.cjs` (no shell line)', [process.execPath, ...brain1], RUNS);
const load1 = loadavg()[0];

const s = (x: number) => `${x.toFixed(3)} s`;
const lines = [
  '# Radiomics benchmark (`bench/radiomics-extract.ts`)', '',
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} (KVM guest), Node ${process.versions.node}; load average ${load0.toFixed(1)} → ${load1.toFixed(1)} during the run.`,
  'Other developers\' test suites share these two vCPUs: the "CPU idle" column is the idle share of both vCPUs during each',
  'row\'s runs (50 % = one vCPU busy elsewhere); only rows measured at ~100 % idle are comparable with the targets.', '',
  `Command: \`npm run build && node --import tsx bench/radiomics-extract.ts --runs ${RUNS}\` — whole process \`bin/dlrn.cjs extract ...\` (the \`dlrn\` command as npm links it),`,
  'default PyRadiomics settings (original image, all classes), output to a CSV file; median of the runs after one warm-up.',
  'CPU = user + system time of all threads (V8 compiles optimised code on background threads).', '',
  'PyRadiomics is not installed on this machine (no PyPI access), so its column holds the figures of issue 3, measured',
  'there with PyRadiomics 3.x on this machine type (including ~0.6 s of Python start-up).', '',
  'This sandbox sets `NODE_EXTRA_CA_CERTS` for every process; Node 20 then parses the 220 kB CA bundle at start-up before',
  'running any script. The `dlrn` command drops the variable in its shell line (dlrn opens no TLS connection); the "without"',
  'column is the same run with the variable also removed from the benchmark\'s environment (the two should agree), and the',
  'last row runs brain1 as `node bin/dlrn.cjs`, which skips the shell line and so pays the start-up cost.', '',
  `Node start-up alone (empty script): ${s(node.wall)} wall, ${s(node.cpu)} CPU; without NODE_EXTRA_CA_CERTS ${s(node.wallNoCerts)}.`, '',
  '| case | dlrn wall (median) | dlrn wall (min) | dlrn CPU | wall without NODE_EXTRA_CA_CERTS | CPU idle | PyRadiomics | target | met (median wall / without) |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.label} | ${s(r.wall)} | ${s(r.min)} | ${s(r.cpu)} | ${s(r.wallNoCerts)} | ${(100 * r.idle).toFixed(0)} % | ${r.py} s | ≤ ${r.target.toFixed(2)} s | ${r.wall <= r.target ? 'yes' : 'no'} / ${r.wallNoCerts <= r.target ? 'yes' : 'no'} |`),
  ...[jobs1, byNode].map((r) => `| ${r.label} | ${s(r.wall)} | ${s(r.min)} | ${s(r.cpu)} | ${s(r.wallNoCerts)} | ${(100 * r.idle).toFixed(0)} % | | | |`),
  '',
];
writeFileAtomic(OUT, lines.join('\n'));
rmSync(tmp, { recursive: true, force: true });
process.stderr.write(`wrote ${OUT}\n`);
