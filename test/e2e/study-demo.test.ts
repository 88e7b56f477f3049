// `dlrn demo` mechanics on a small synthetic cohort (src/synthetic, reduced counts and matrix 64 for speed): the
// cohort is generated once and reused, the study runs on it, the lead's report renders from its results.json;
// and the command's help. A small cohort can be separable, so the test uses a conservative config (the signature
// classifier, epilepsy as the only clinical candidate); the built-in config is validated in
// test/unit/study/config.test.ts and run at full size by bench/study-demo.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReport } from '../../src/report/index.js';
import { DEMO_CONFIG_YAML, isDemoCohortComplete, runDemo } from '../../src/study/index.js';
import { runDlrn } from '../helpers/cli.js';
import { generateCohort } from '../../src/synthetic/index.js';

test('runDemo: generates the cohort once, runs the study on it, and the report renders from its results', async () => {
  const out = mkdtempSync(join(tmpdir(), 'dlrn-demo-'));
  const cohort = { preset: 'small', nCentre1: 50, nCentre2: 30, matrix: 64, seed: 3 } as const;
  const configYaml = DEMO_CONFIG_YAML
    .replace(/clinical:\n  variables:\n(    - .*\n)+/, 'clinical:\n  variables:\n    - {name: epilepsy, type: binary, label: Epilepsy}\n')
    .replace('classifiers: [logistic, svm, random_forest]', 'classifiers: [signature]')
    .replace('nfolds: 10', 'nfolds: 5');
  assert.notEqual(configYaml, DEMO_CONFIG_YAML);
  const first = await runDemo({ outDir: out, cohort, generate: generateCohort, configYaml });
  assert.equal(first.cohortReused, false);
  assert.ok(isDemoCohortComplete(join(out, 'cohort'), cohort));
  assert.ok(!isDemoCohortComplete(join(out, 'cohort'), { ...cohort, seed: 4 }), 'other options: not this cohort');
  assert.equal(readFileSync(join(out, 'study.yaml'), 'utf8'), configYaml);
  const r = first.results;
  assert.deepEqual([r.cohorts.training?.n, r.cohorts.external_test?.n], [50, 30]);
  for (const m of ['rad', 'dl', 'dlr', 'dlrn'] as const) assert.ok(r.models[m]?.cohorts.external_test, m);
  assert.match(first.summary, /DLRN\s+0\.\d{3}/);
  const again = await runDemo({ outDir: out, cohort, generate: generateCohort, configYaml });
  assert.equal(again.cohortReused, true);
  assert.match(readFileSync(join(out, 'run.log'), 'utf8'), /\(80 reused from the cache, 0 extracted/);
  assert.deepEqual(again.results.models.dlrn?.cohorts.external_test?.probabilities, r.models.dlrn?.cohorts.external_test?.probabilities);
  const rep = await renderReport(out, { pdf: false });
  assert.ok(existsSync(rep.html));
  assert.match(readFileSync(rep.html, 'utf8'), /dlrn-demo-cvt/);
});

test('dlrn demo --help documents the command', async () => {
  const h = await runDlrn(['demo', '--help']);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /Usage:\n  dlrn demo \[--out DIR\]/);
  assert.match(h.stdout, /192 patients,\n46 CVT|192 patients/);
});
