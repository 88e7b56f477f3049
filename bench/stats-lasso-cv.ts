/**
 * Benchmark: 10-fold cross-validated LASSO logistic path (100 λ) on 200 rows × 1,500 features,
 * dlrn's `cvGlmnet` against R's `cv.glmnet` (glmnet 4.1) on the same data and the same fold ids,
 * both timed in this run on this machine. The data are seeded synthetic radiomics-like features
 * (blocks of correlated columns, 10 informative) written to a CSV file that both tools read.
 *
 * Run: node --import tsx bench/stats-lasso-cv.ts [--reps 3] [--out bench/results/stats.md]
 * Needs Rscript with glmnet on PATH for the comparison (apt-get install r-base-core r-cran-glmnet).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../src/core/rng.js';
import { cvGlmnet } from '../src/models/glmnet/index.js';
import { readCsv, parseNumberField } from '../src/table/csv.js';

const N = 200;
const P = 1500;
const NFOLDS = 10;
const args = process.argv.slice(2);
const reps = Number(args[args.indexOf('--reps') + 1]) > 0 && args.includes('--reps') ? Number(args[args.indexOf('--reps') + 1]) : 3;

/** Seeded synthetic data: 150 blocks of 10 correlated features (ρ ≈ 0.5), 10 informative features. */
function makeData(rng: Rng): { x: number[][]; y: number[]; foldid: number[] } {
  const x: number[][] = [];
  const y: number[] = [];
  const beta = new Float64Array(P);
  for (let k = 0; k < 10; k++) beta[k * 150] = (k % 2 === 0 ? 1 : -1) * (0.6 + 0.1 * k);
  for (let i = 0; i < N; i++) {
    const row = new Array<number>(P);
    for (let b = 0; b < P / 10; b++) {
      const common = rng.normal();
      for (let j = 0; j < 10; j++) row[b * 10 + j] = Number((Math.SQRT1_2 * common + Math.SQRT1_2 * rng.normal()).toPrecision(10));
    }
    let eta = -0.3;
    for (let j = 0; j < P; j++) eta += beta[j] * row[j];
    y.push(rng.uniform() < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
    x.push(row);
  }
  const foldid = rng.child('folds').shuffle(Array.from({ length: N }, (_, i) => (i % NFOLDS) + 1));
  return { x, y, foldid };
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const dir = mkdtempSync(join(tmpdir(), 'dlrn-bench-lasso-'));
try {
  const { x, y, foldid } = makeData(Rng.fromSeed(20250101));
  const header = ['y', 'foldid', ...Array.from({ length: P }, (_, j) => `f${j + 1}`)];
  const lines = [header.join(',')];
  for (let i = 0; i < N; i++) lines.push([y[i], foldid[i], ...x[i]].join(','));
  const csv = join(dir, 'data.csv');
  writeFileSync(csv, lines.join('\n') + '\n');

  // dlrn: read the CSV like R does, then time cvGlmnet only
  const t = readCsv(csv);
  const X = t.rows.map((r) => r.slice(2).map(parseNumberField));
  const Y = t.rows.map((r) => Number(r[0]));
  const F = t.rows.map((r) => Number(r[1]));
  const dlrnTimes: number[] = [];
  let lastCv;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    lastCv = cvGlmnet(X, Y, { foldid: F, typeMeasure: 'deviance' });
    dlrnTimes.push((performance.now() - t0) / 1000);
  }

  // R: same file, same folds
  const rScript = join(dir, 'bench.R');
  writeFileSync(rScript, [
    'suppressMessages(library(glmnet))',
    `d <- read.csv("${csv}")`,
    'x <- as.matrix(d[, -(1:2)]); y <- d$y; foldid <- d$foldid',
    `ts <- replicate(${reps}, system.time(cv <<- cv.glmnet(x, y, family = "binomial", foldid = foldid, type.measure = "deviance"))[["elapsed"]])`,
    'cat(ts, "\\n"); cat(sprintf("%.17g", cv$lambda.min), cv$index[1, 1], cv$index[2, 1], length(cv$lambda), "\\n")',
    'cat(sprintf("%.17g", cv$cvm), "\\n")',
    'cat(R.version.string, "glmnet", as.character(packageVersion("glmnet")), "\\n")',
  ].join('\n'));
  let rTimes: number[] = [];
  let rInfo = '';
  let agreement = '';
  try {
    const out = execFileSync('Rscript', [rScript], { encoding: 'utf8' }).trim().split('\n');
    rTimes = out[0].trim().split(/\s+/).map(Number);
    const [lmin, imin, i1se, nl] = out[1].trim().split(/\s+/);
    const rcvm = out[2].trim().split(/\s+/).map(Number);
    rInfo = out[3].trim();
    const cv = lastCv!;
    let maxRel = 0;
    for (let m = 0; m < Math.min(rcvm.length, cv.cvm.length); m++) maxRel = Math.max(maxRel, Math.abs(cv.cvm[m] / rcvm[m] - 1));
    agreement = `λ path length ${cv.lambda.length} (R ${nl}); index.min ${cv.indexMin + 1} (R ${imin}); index.1se ${cv.index1se + 1} (R ${i1se}); ` +
      `λ_min equal: ${cv.lambdaMin === Number(lmin)}; max relative cvm difference ${maxRel.toExponential(2)}`;
  } catch (e) {
    rInfo = `R not available: ${(e as Error).message.split('\n')[0]}`;
  }
  const md = median(dlrnTimes);
  const mr = rTimes.length ? median(rTimes) : NaN;
  const report = [
    `## stats-lasso-cv: 10-fold cv.glmnet, 100 λ, ${N} × ${P} (binomial, deviance)`,
    '',
    `- machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, Node ${process.version}; ${rInfo}`,
    `- command: \`node --import tsx bench/stats-lasso-cv.ts --reps ${reps}\` (both tools timed in the same run, same CSV, same fold ids)`,
    `- dlrn cvGlmnet: ${dlrnTimes.map((v) => v.toFixed(2)).join(', ')} s (median ${md.toFixed(2)} s)`,
    `- R cv.glmnet: ${rTimes.map((v) => v.toFixed(2)).join(', ')} s (median ${Number.isFinite(mr) ? mr.toFixed(2) : 'n/a'} s)`,
    `- ratio dlrn / R (medians): ${Number.isFinite(mr) ? (md / mr).toFixed(2) : 'n/a'}`,
    `- agreement: ${agreement}`,
    '',
  ].join('\n');
  process.stdout.write(report);
  const oi = args.indexOf('--out');
  if (oi >= 0 && args[oi + 1]) writeFileSync(args[oi + 1], report);
  void readFileSync;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
