// The worked example on real data runs as documented (docs/study.md): examples/sts-ct/study.yaml on the 24
// soft-tissue-sarcoma CT scans of ../shared/data/sts-ct-cohort (reads ../shared; skipped without it).
// Checks the cohorts, that every model is evaluated on both cohorts, and that `dlrn predict` on a training
// patient reproduces the study's probability.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadStudyConfig, predictPatient, readBundle, runStudy } from '../../src/study/index.js';
import { HAS_SHARED, REPO_ROOT, shared } from '../helpers/paths.js';

test('examples/sts-ct: the worked example runs end to end and its bundle reproduces a training patient', { skip: !HAS_SHARED && 'needs ../shared' }, async () => {
  const out = mkdtempSync(join(tmpdir(), 'dlrn-sts-'));
  const run = await runStudy(loadStudyConfig(join(REPO_ROOT, 'examples/sts-ct/study.yaml')), { outDir: out });
  const r = run.results;
  assert.equal(r.study.name, 'sts-lung-metastasis');
  assert.deepEqual([r.cohorts.training?.n, r.cohorts.training?.n_positive, r.cohorts.internal_test?.n, r.cohorts.internal_test?.n_positive], [16, 5, 8, 3]);
  assert.equal(r.models.clinical, undefined, 'no clinical variables in this cohort');
  for (const m of ['rad', 'dl', 'dlr', 'dlrn'] as const) {
    for (const c of ['training', 'internal_test'] as const) {
      const p = r.models[m]!.cohorts[c]!;
      assert.ok(p.auc >= 0 && p.auc <= 1 && p.auc_ci_lower <= p.auc && p.auc <= p.auc_ci_upper, `${m} ${c}`);
    }
  }
  assert.ok(r.selection.dlr.selected.length >= 1);
  const id = r.cohorts.training!.ids[0];
  const p = await predictPatient(readBundle(join(out, 'model.dlrn.json')), {
    image: shared('data/sts-ct-cohort/cases', id, 'CT_image.nii.gz'), mask: shared('data/sts-ct-cohort/cases', id, 'CT_mask.nii.gz'), clinical: {},
  });
  assert.equal(p.probability, r.models.dlrn!.cohorts.training!.probabilities[0]);
  assert.match(readFileSync(join(out, 'run.log'), 'utf8'), /radiomics: 107 features per patient \(0 reused from the cache, 24 extracted/);
});
