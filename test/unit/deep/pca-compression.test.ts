// Deep features of real CT (../shared/data/sts-ct-cohort, CC BY 3.0) compressed by PCA fitted on training rows only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readImage, readMask } from '../../../src/io/index.js';
import { extractDeepFeaturesBatch, loadOnnxBackbone } from '../../../src/deep/index.js';
import { PCA } from '../../../src/selection/index.js';
import { shared } from '../../helpers/paths.js';

test('PCA of deep features is fitted on training rows and only applied to test rows', async () => {
  const ids = ['STS_001', 'STS_002', 'STS_004', 'STS_005', 'STS_006', 'STS_010', 'STS_012', 'STS_014', 'STS_019', 'STS_022'];
  const cases = [];
  for (const id of ids) {
    const image = await readImage(shared('data/sts-ct-cohort/cases', id, 'CT_image.nii.gz'));
    const { mask } = await readMask(shared('data/sts-ct-cohort/cases', id, 'CT_mask.nii.gz'), { like: image });
    cases.push({ image, mask });
  }
  const bb = await loadOnnxBackbone();
  const feats = (await extractDeepFeaturesBatch(cases, bb)).map((f) => Array.from(f.values));
  await bb.dispose();
  const train = feats.slice(0, 7);
  const test = feats.slice(7);
  const pca = new PCA({ nComponents: 4 }).fit(train);
  assert.equal(pca.nFeatures, 1280);
  // Training centring: the means are those of the 7 training rows, not of all 10.
  for (const j of [0, 100, 1279]) assert.ok(Math.abs(pca.mean[j] - train.reduce((s, r) => s + r[j], 0) / 7) < 1e-12);
  const scores = pca.transform(test);
  // Each test score is the projection of (row − training mean) on the training loadings.
  for (let i = 0; i < test.length; i++) {
    for (let c = 0; c < 4; c++) {
      let s = 0;
      for (let j = 0; j < 1280; j++) s += (test[i][j] - pca.mean[j]) * pca.components[c * 1280 + j];
      assert.ok(Math.abs(scores.data[c * test.length + i] - s) < 1e-9);
    }
  }
  // Transforming more rows does not change the fitted PCA (no refit on test data).
  const before = Array.from(pca.components.subarray(0, 10));
  pca.transform(feats);
  assert.deepEqual(Array.from(pca.components.subarray(0, 10)), before);
  assert.ok(pca.explainedVarianceRatio[0] >= pca.explainedVarianceRatio[1]);
});
