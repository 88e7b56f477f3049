/**
 * Benchmark: binary logistic regression (IRLS as R glm, epsilon 1e-14, with dlrn's exact separation
 * check) on seeded synthetic data of n = 5,000 rows × 20 predictors, and a 7-predictor clinical-size
 * model with its nomogram, against R's `glm` timed in the same run on the same CSV. Also reports the
 * largest relative coefficient difference between the two fits.
 *
 * Run: node --import tsx bench/stats-logistic.ts [--reps 5] [--out bench/results/stats-logistic.md]
 * Needs Rscript on PATH for the comparison (apt-get install r-base-core).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../src/core/rng.js';
import { fitLogistic, plogis } from '../src/models/logistic/index.js';
import { buildNomogram } from '../src/nomogram/index.js';
import { writeFileAtomic } from '../src/core/atomic.js';

const args = process.argv.slice(2);
const opt = (k: string): string | undefined => (args.includes(k) ? args[args.indexOf(k) + 1] : undefined);
const reps = Number(opt('--reps') ?? 5);

function makeData(n: number, p: number, rng: Rng): { x: number[][]; y: number[] } {
  const beta = Array.from({ length: p }, (_, j) => (j % 3 === 0 ? 0.4 : j % 3 === 1 ? -0.2 : 0));
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: p }, () => Number(rng.normal().toPrecision(12)));
    let eta = -0.5;
    for (let j = 0; j < p; j++) eta += beta[j] * row[j];
    x.push(row);
    y.push(rng.uniform() < plogis(eta) ? 1 : 0);
  }
  return { x, y };
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeIt(f: () => void): number {
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const dir = mkdtempSync(join(tmpdir(), 'dlrn-bench-logistic-'));
const lines: string[] = [];
try {
  for (const [n, p] of [[5000, 20], [500, 7]] as const) {
    const { x, y } = makeData(n, p, Rng.fromSeed(`bench-logistic-${n}-${p}`));
    const csv = join(dir, `d${n}.csv`);
    writeFileSync(csv, [['y', ...x[0].map((_, j) => `x${j + 1}`)].join(','), ...x.map((r, i) => [y[i], ...r].join(','))].join('\n') + '\n');
    fitLogistic(x, y); // warm-up (JIT)
    const dlrnMs = timeIt(() => fitLogistic(x, y));
    const dlrnNoSep = timeIt(() => fitLogistic(x, y, { separation: 'skip' }));
    const fit = fitLogistic(x, y);
    const nomMs = timeIt(() => buildNomogram({
      intercept: fit.coefficients[0],
      predictors: Array.from({ length: p }, (_, j) => ({ name: `x${j + 1}`, kind: 'numeric' as const, coefficient: fit.coefficients[j + 1], trainingValues: x.map((r) => r[j]) })),
      trainingLinearPredictors: fit.linearPredictors,
    }));
    let rMs = NaN;
    let maxRel = NaN;
    try {
      const script = `d <- read.csv("${csv}"); ctl <- glm.control(epsilon=1e-14, maxit=100)
        g <- glm(y ~ ., data=d, family=binomial, control=ctl)
        t <- sapply(1:${reps}, function(i) system.time(glm(y ~ ., data=d, family=binomial, control=ctl))[["elapsed"]])
        cat(median(t) * 1000, sprintf("%.17g", coef(g)), "\\n")`;
      const out = execFileSync('Rscript', ['-e', script], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
      rMs = out[0];
      maxRel = Math.max(...out.slice(1).map((b, j) => Math.abs(fit.coefficients[j] - b) / Math.abs(b)));
    } catch {
      // R not available: report dlrn only
    }
    lines.push(`| ${n} × ${p} | ${dlrnMs.toFixed(1)} | ${dlrnNoSep.toFixed(1)} | ${Number.isNaN(rMs) ? 'n/a' : rMs.toFixed(1)} | ${nomMs.toFixed(2)} | ${Number.isNaN(maxRel) ? 'n/a' : maxRel.toExponential(1)} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const report = [
  '# stats-logistic benchmark',
  '',
  `Machine: ${cpus()[0]?.model ?? 'unknown'} (${cpus().length} cores), Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end of the run (a shared machine: absolute times are inflated, the dlrn/R ratio is from the same run). Command: \`node --import tsx bench/stats-logistic.ts --reps ${reps}\`.`,
  `Median of ${reps} runs, milliseconds. R: \`glm(y ~ ., binomial, glm.control(epsilon = 1e-14))\` timed with system.time in the same run (includes model-frame building).`,
  '',
  '| n × p | dlrn fitLogistic (default, separation check) | dlrn with separation: "skip" | R glm | dlrn nomogram | max rel. coef. difference vs R |',
  '|---|---|---|---|---|---|',
  ...lines,
  '',
].join('\n');
process.stdout.write(report);
const out = opt('--out');
if (out) writeFileAtomic(out, report);
