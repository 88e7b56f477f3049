// Time of the README's main job, `dlrn demo`, from nothing: the synthetic paper cohort (192 + 83 patients,
// matrix 256) generated into a fresh folder, radiomics + DL features, the whole study, results.json, the
// bundle, and the report. Target (issue 7): under 3 minutes on this 2-core machine. Reports wall and CPU time
// per phase (CPU = all threads of the process), the load average (other processes share the cores), and a
// second run on the same folder (cohort and features reused).
// Run: node --import tsx bench/study-demo.ts [--keep] [--no-report]   (or on dist/ after `npm run build`)
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { renderReport } from '../src/report/index.js';
import { runDemo } from '../src/study/index.js';
import { generateCohort } from '../src/synthetic/index.js';

const { values } = parseArgs({ options: { keep: { type: 'boolean' }, 'no-report': { type: 'boolean' } } });
const dir = mkdtempSync(join(tmpdir(), 'dlrn-bench-demo-'));

interface Phase { name: string; wall: number; cpu: number }

async function timedDemo(): Promise<{ phases: Phase[]; wall: number; cpu: number; summary: string; load: [number, number] }> {
  const phases: Phase[] = [];
  let name = 'start';
  let t = performance.now();
  let c = process.cpuUsage();
  const close = (next: string): void => {
    const cu = process.cpuUsage(c);
    phases.push({ name, wall: (performance.now() - t) / 1000, cpu: (cu.user + cu.system) / 1e6 });
    name = next;
    t = performance.now();
    c = process.cpuUsage();
  };
  const load0 = loadavg()[0];
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const run = await runDemo({ outDir: dir, generate: generateCohort, progress: { onPhase: (p) => close(p) } });
  close('report');
  if (!values['no-report']) await renderReport(dir);
  close('end');
  const cu = process.cpuUsage(c0);
  return { phases: phases.filter((p) => p.name !== 'start' || p.wall > 0.05), wall: (performance.now() - t0) / 1000, cpu: (cu.user + cu.system) / 1e6, summary: run.summary, load: [load0, loadavg()[0]] };
}

const first = await timedDemo();
const second = await timedDemo();
if (!values.keep) rmSync(dir, { recursive: true, force: true });

const fmt = (p: Phase) => `${p.name} ${p.wall.toFixed(1)} s (CPU ${p.cpu.toFixed(1)} s)`;
console.log([
  `machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} logical CPUs, node ${process.version}`,
  'command: node --import tsx bench/study-demo.ts',
  `fresh run: ${first.wall.toFixed(1)} s wall, ${first.cpu.toFixed(1)} s CPU; 1-min load average ${first.load[0].toFixed(2)} at start, ${first.load[1].toFixed(2)} at end (target < 180 s)`,
  `  phases: ${first.phases.map(fmt).join('; ')}`,
  `second run (cohort and features reused): ${second.wall.toFixed(1)} s wall, ${second.cpu.toFixed(1)} s CPU`,
  `  phases: ${second.phases.map(fmt).join('; ')}`,
  '',
  first.summary,
].join('\n'));
