// `dlrn study` end to end on a small two-centre phantom cohort (real NIfTI files, real radiomics and DL
// extraction): the summary table, the output files, the resumable feature caches (a rerun reuses every patient,
// an interrupted cache is completed with only the missing patients, and the results do not change), the
// negative control (issue 7, acceptance 2) on extracted features, and config errors.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDlrn } from '../helpers/cli.js';
import { loadStudyConfig, runStudy } from '../../src/study/index.js';
import { phantomConfig, writePhantomCohort } from '../unit/study/helpers/phantom-cohort.js';

let dir = '';
let config = '';
let out = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dlrn-study-e2e-'));
  await writePhantomCohort(dir, { nCentre1: 32, nCentre2: 20, seed: 3, signal: 0.7, clinicalSignal: 1.4, size: 20, slices: 5 });
  config = join(dir, 'study.yaml');
  writeFileSync(config, phantomConfig());
  out = join(dir, 'out');
});

function aucs(o: string): Record<string, Record<string, number>> {
  const r = JSON.parse(readFileSync(join(o, 'results.json'), 'utf8'));
  const res: Record<string, Record<string, number>> = {};
  for (const [m, v] of Object.entries(r.models as Record<string, { cohorts: Record<string, { auc: number }> }>)) {
    res[m] = Object.fromEntries(Object.entries(v.cohorts).map(([c, p]) => [c, p.auc]));
  }
  return res;
}

test('dlrn study: summary of every model on both cohorts, output files, extraction log', async () => {
  const r = await runDlrn(['study', '--config', config, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /AUC \(95 % DeLong CI\) — phantom/);
  assert.match(r.stdout, /Training \(n=32, 10\+\)\s+External test \(n=20, 6\+\)/);
  for (const m of ['Clinical', 'Rad', 'DL', 'DLR', 'DLRN']) assert.match(r.stdout, new RegExp(`^${m}\\s+0\\.\\d{3} \\(0\\.\\d{3}–[01]\\.\\d{3}\\)`, 'm'), m);
  for (const f of ['results.json', 'run.log', 'model.dlrn.json', 'nomogram.svg', 'tables/predictions.csv', 'tables/dlrn_design.csv', 'features/radiomics.csv', 'features/deep.csv']) {
    assert.ok(existsSync(join(out, f)), f);
  }
  const log = readFileSync(join(out, 'run.log'), 'utf8');
  assert.match(log, /radiomics: 107 features per patient \(0 reused from the cache, 52 extracted/);
  assert.match(log, /deep: 1280 features per patient from mobilenetv2 .*0 reused, 52 computed/);
  const res = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
  assert.deepEqual(res.selection.clinical.selected, ['epilepsy']);
  assert.deepEqual(res.models.dlrn.inputs, ['dlr_signature', 'epilepsy']);
  assert.equal(res.features.deep.backbone, 'mobilenetv2');
  assert.equal(res.features.deep.pca_components, 4);
});

test('feature caches: a rerun reuses every patient; an interrupted cache is completed; results are unchanged', async () => {
  // in-process runs (the command itself was checked above): faster than starting the CLI again
  const first = aucs(out);
  const cfg = loadStudyConfig(config);
  await runStudy(cfg, { outDir: out });
  let log = readFileSync(join(out, 'run.log'), 'utf8');
  assert.match(log, /\(52 reused from the cache, 0 extracted/);
  assert.match(log, /52 reused, 0 computed/);
  assert.deepEqual(aucs(out), first);
  // simulate an interrupted extraction: the caches lost their last patients
  for (const [f, k] of [['radiomics.csv', 7], ['deep.csv', 3]] as const) {
    const cachePath = join(out, 'features', f);
    const lines = readFileSync(cachePath, 'utf8').trimEnd().split('\n');
    writeFileSync(cachePath, lines.slice(0, lines.length - k).join('\n') + '\n');
  }
  await runStudy(cfg, { outDir: out });
  log = readFileSync(join(out, 'run.log'), 'utf8');
  assert.match(log, /\(45 reused from the cache, 7 extracted/);
  assert.match(log, /49 reused, 3 computed/);
  assert.deepEqual(aucs(out), first, 'recomputed features give the same study');
});

test('negative control: permuted training outcomes (seeded), external AUC CIs contain 0.5', async () => {
  const nc = join(dir, 'out-nc');
  cpSync(join(out, 'features'), join(nc, 'features'), { recursive: true });
  await runStudy(loadStudyConfig(config), { outDir: nc, permuteTrainingLabels: 7 });
  const res = JSON.parse(readFileSync(join(nc, 'results.json'), 'utf8'));
  for (const m of ['rad', 'dl', 'dlr', 'dlrn']) {
    const p = res.models[m].cohorts.external_test;
    assert.ok(p.auc_ci_lower <= 0.5 && p.auc_ci_upper >= 0.5, `${m}: ${p.auc_ci_lower}–${p.auc_ci_upper}`);
  }
  assert.ok(res.tripod.notes.some((n: string) => /NEGATIVE CONTROL/.test(n)));
});

test('dlrn study: a config error exits with code 2 and lists the allowed keys', async () => {
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, phantomConfig().replace('seed: 11', 'sed: 11'));
  const r = await runDlrn(['study', '--config', bad, '--out', join(dir, 'x')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown setting "sed".*one of the keys name, seed, manifest/);
});
