import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pyFloat, pyFloatTuple, pyIntTuple } from '../../../src/features/extractor/python-format.js';
import { pyradiomicsFeatureName, parsePyradiomicsFeatureName, nanDiagnostics } from '../../../src/features/extractor/naming.js';
import { countComponents, summariseMask } from '../../../src/features/extractor/mask-stats.js';
import { parsePythonLiteral, pyradiomicsPass, pyradiomicsTolerance } from '../../../src/features/extractor/conformance.js';
import { ibsiConfig, IBSI_CONFIGS } from '../../../src/features/extractor/ibsi-configs.js';
import { settingsHash } from '../../../src/features/extractor/provenance.js';
import { batchTable, batchRecords } from '../../../src/features/extractor/batch.js';
import { InvalidInputError } from '../../../src/core/errors.js';

test('Python float repr', () => {
  assert.equal(pyFloat(0), '0.0');
  assert.equal(pyFloat(3057), '3057.0');
  assert.equal(pyFloat(0.7812499999999999), '0.7812499999999999');
  assert.equal(pyFloat(1e-5), '1e-05');
  assert.equal(pyFloat(1.5e16), '1.5e+16');
  assert.equal(pyFloat(-2.5e-7), '-2.5e-07');
  assert.equal(pyFloat(NaN), 'nan');
  assert.equal(pyFloatTuple([1, 0.5]), '(1.0, 0.5)');
  assert.equal(pyIntTuple([162, 84, 11]), '(162, 84, 11)');
});

test('one naming function, and its inverse', () => {
  assert.equal(pyradiomicsFeatureName('original', 'glcm', 'Contrast'), 'original_glcm_Contrast');
  assert.deepEqual(parsePyradiomicsFeatureName('original_firstorder_10Percentile'), { imageType: 'original', featureClass: 'firstorder', feature: '10Percentile' });
  assert.equal(parsePyradiomicsFeatureName('diagnostics_Image-original_Mean'), null);
  assert.deepEqual(nanDiagnostics({ a: 1 }, 3), {});
  assert.match(nanDiagnostics({ a: NaN, b: 2 }, 1).diagnostics_dlrn_NaNFeatures, /^a \(.*one grey level/);
});

test('connected components: 26- vs 6-connectivity, and mask summary', () => {
  // two voxels touching at a corner, plus one isolated voxel
  const size = [4, 4, 4] as const;
  const m = new Uint8Array(64);
  const at = (i: number, j: number, k: number) => i + 4 * (j + 4 * k);
  m[at(0, 0, 0)] = 1;
  m[at(1, 1, 1)] = 1;
  m[at(3, 3, 3)] = 1;
  assert.equal(countComponents(m, size, true), 2);
  assert.equal(countComponents(m, size, false), 3);
  const s = summariseMask(m, size);
  assert.equal(s.voxelCount, 3);
  assert.deepEqual(s.lo, [0, 0, 0]);
  assert.deepEqual(s.hi, [3, 3, 3]);
  assert.deepEqual(s.centerOfMassIndex, [4 / 3, 4 / 3, 4 / 3]);
});

test('Python literal parser (settings rows of PyRadiomics outputs)', () => {
  assert.deepEqual(parsePythonLiteral("{'a': None, 'b': [1, -2.5e-3], 'c': (1, 2), 'd': True, 'e': 'sitkBSpline'}"),
    { a: null, b: [1, -0.0025], c: [1, 2], d: true, e: 'sitkBSpline' });
  assert.throws(() => parsePythonLiteral('{1: }'));
});

test('agreement rules: 1e-6 relative, mesh area/volume shape 1e-3, NaN equals NaN', () => {
  assert.ok(pyradiomicsPass(1 + 5e-7, 1, 1e-6));
  assert.ok(!pyradiomicsPass(1 + 5e-6, 1, 1e-6));
  assert.ok(pyradiomicsPass(1e-17, -2e-17, 1e-6));
  assert.ok(pyradiomicsPass(NaN, NaN, 1e-6));
  assert.equal(pyradiomicsTolerance('original_shape_MeshVolume'), 1e-3);
  assert.equal(pyradiomicsTolerance('original_shape_Maximum3DDiameter'), 1e-6);
  assert.equal(pyradiomicsTolerance('original_glcm_Contrast'), 1e-6);
});

test('IBSI configurations as data', () => {
  assert.deepEqual(Object.keys(IBSI_CONFIGS).sort(), ['A', 'B', 'C', 'D', 'E', 'none']);
  assert.equal(ibsiConfig('c').id, 'C');
  assert.equal(ibsiConfig('phantom').id, 'none');
  const e = ibsiConfig('E');
  assert.equal(e.interpolation?.image, 'bspline');
  assert.equal(e.interpolation?.mask, 'linear');
  assert.deepEqual(e.resegmentRange, [-1000, 400]);
  assert.equal(e.outlierSigma, 3);
  assert.deepEqual(ibsiConfig('B').interpolation?.spacing, [2, 2, null]);
  assert.deepEqual(ibsiConfig('A').textureSpatial, ['2D', '2_5D']);
  assert.throws(() => ibsiConfig('F'), InvalidInputError);
});

test('settings hash is stable and key-order independent', () => {
  assert.equal(settingsHash({ a: 1, b: [1, 2] }), settingsHash({ b: [1, 2], a: 1 }));
  assert.notEqual(settingsHash({ a: 1 }), settingsHash({ a: 2 }));
  assert.match(settingsHash({}), /^[0-9a-f]{16}$/);
});

test('batch table: id, paths, label, error first; failing rows have empty features; JSON drops empty cells', () => {
  const ok = { diagnostics: { diagnostics_x: '1' }, features: { original_firstorder_Mean: 2.5, original_glcm_Correlation: NaN } };
  const results = [
    { case: { id: 'a', image: 'a.nii', mask: 'am.nii', label: 1 }, result: ok, error: null, ms: 1 },
    { case: { id: 'b', image: 'b.nii', mask: 'bm.nii' }, result: null, error: { name: 'MaskError', code: 'E_MASK', message: 'empty' }, ms: 1 },
  ];
  const t = batchTable(results);
  assert.deepEqual(t.header, ['id', 'image', 'mask', 'label', 'error', 'diagnostics_x', 'original_firstorder_Mean', 'original_glcm_Correlation']);
  assert.deepEqual(t.rows[1], ['b', 'b.nii', 'bm.nii', '', 'E_MASK: empty', '', '', '']);
  const j = batchRecords(results);
  assert.equal(j[0].original_glcm_Correlation, null);
  assert.equal(j[1].error, 'E_MASK: empty');
  assert.ok(!('original_firstorder_Mean' in j[1]));
});

test('run-based component count agrees with a plain breadth-first search on random masks', async () => {
  const { Rng } = await import('../../../src/core/rng.js');
  const rng = Rng.fromSeed(7);
  const bfs = (m: Uint8Array, [nx, ny, nz]: readonly [number, number, number], full: boolean): number => {
    const seen = new Uint8Array(m.length);
    let c = 0;
    for (let s = 0; s < m.length; s++) {
      if (!m[s] || seen[s]) continue;
      c++;
      const queue = [s];
      seen[s] = 1;
      while (queue.length) {
        const p = queue.pop()!;
        const i = p % nx, j = Math.floor(p / nx) % ny, k = Math.floor(p / (nx * ny));
        for (let dk = -1; dk <= 1; dk++) for (let dj = -1; dj <= 1; dj++) for (let di = -1; di <= 1; di++) {
          const d = Math.abs(di) + Math.abs(dj) + Math.abs(dk);
          if (d === 0 || (!full && d > 1)) continue;
          const a = i + di, b = j + dj, e = k + dk;
          if (a < 0 || b < 0 || e < 0 || a >= nx || b >= ny || e >= nz) continue;
          const q = a + nx * (b + ny * e);
          if (m[q] && !seen[q]) { seen[q] = 1; queue.push(q); }
        }
      }
    }
    return c;
  };
  for (let t = 0; t < 40; t++) {
    const size = [1 + rng.int(9), 1 + rng.int(9), 1 + rng.int(6)] as const;
    const m = new Uint8Array(size[0] * size[1] * size[2]);
    const density = rng.uniform() * 0.6;
    for (let p = 0; p < m.length; p++) m[p] = rng.bernoulli(density) ? 1 : 0;
    assert.equal(countComponents(m, size, true), bfs(m, size, true));
    assert.equal(countComponents(m, size, false), bfs(m, size, false));
  }
});
