import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEXTURE_FEATURE_DEFS } from '../../../src/features/texture/index.js';

test('registry: 96 texture features, unique IBSI ids and tags, PyRadiomics names unique per family', () => {
  assert.equal(TEXTURE_FEATURE_DEFS.length, 96);
  const ids = TEXTURE_FEATURE_DEFS.map((d) => d.ibsiId).filter((x) => x !== null);
  assert.equal(new Set(ids).size, ids.length);
  const tags = TEXTURE_FEATURE_DEFS.map((d) => d.ibsiTag).filter((x) => x !== null);
  assert.equal(new Set(tags).size, tags.length);
  const py = TEXTURE_FEATURE_DEFS.filter((d) => d.pyradiomicsName !== null).map((d) => `${d.family}_${d.pyradiomicsName}`);
  assert.equal(new Set(py).size, py.length);
  assert.equal(py.length, 24 + 16 + 16 + 14 + 5);
});
