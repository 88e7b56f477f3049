// Reads ../shared/reference/radiomics/pyradiomics (test images and generated outputs, BSD-3) and the IBSI digital
// phantom (CC BY 4.0). Settings paths the upstream baselines do not cover, checked against PyRadiomics outputs or
// independent hand computations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readImage, readMask } from '../../src/io/index.js';
import { readCsv } from '../../src/table/csv.js';
import { extractPyradiomics } from '../../src/features/extractor/pyradiomics-extract.js';
import { extractIbsi } from '../../src/features/extractor/ibsi-extract.js';
import { ibsiConfig } from '../../src/features/extractor/ibsi-configs.js';
import { defaultPyradiomicsParams, parsePyradiomicsParams } from '../../src/features/extractor/params-file.js';
import { pyradiomicsPass, pyradiomicsTolerance } from '../../src/features/extractor/conformance.js';
import { shared } from '../helpers/paths.js';
import { makeVolume } from '../../src/core/volume.js';

const PY = shared('reference/radiomics/pyradiomics');
const brain = async () => ({ image: await readImage(`${PY}/data/brain1_image.nrrd`), labelMap: (await readMask(`${PY}/data/brain1_label.nrrd`)).labelMap });
const generated = () => readCsv(`${PY}/generated/brain1_default_original.csv`).rows.filter(([k]) => k.startsWith('original_'));

test('preCrop (crop with padDistance before extraction) does not change any original-image feature', async () => {
  const r = extractPyradiomics(await brain(), parsePyradiomicsParams('setting:\n  preCrop: true\n  padDistance: 2\n'));
  const bad = generated().filter(([k, v]) => !pyradiomicsPass(r.features[k], Number(v), pyradiomicsTolerance(k)));
  assert.deepEqual(bad, []);
});

test('featureClass lists select exactly the named features; deprecated ones only by name', async () => {
  const p = parsePyradiomicsParams('featureClass:\n  firstorder: [Mean, StandardDeviation]\n  shape: [Compactness1, MeshVolume]\n');
  const b = await brain();
  const r = extractPyradiomics(b, p);
  assert.deepEqual(Object.keys(r.features), ['original_shape_Compactness1', 'original_shape_MeshVolume', 'original_firstorder_Mean', 'original_firstorder_StandardDeviation']);
  const ref = new Map(generated().map(([k, v]) => [k, v] as [string, string]));
  // StandardDeviation = sqrt(Variance); Compactness1 = V / sqrt(pi A^3)
  const variance = Number(ref.get('original_firstorder_Variance'));
  assert.ok(Math.abs(r.features.original_firstorder_StandardDeviation - Math.sqrt(variance)) <= 1e-9 * Math.sqrt(variance));
  const v = Number(ref.get('original_shape_MeshVolume'));
  const a = Number(ref.get('original_shape_SurfaceArea'));
  const c1 = v / Math.sqrt(Math.PI * a ** 3);
  assert.ok(Math.abs(r.features.original_shape_Compactness1 - c1) <= 1e-3 * c1);
  assert.throws(() => extractPyradiomics(b, parsePyradiomicsParams('featureClass:\n  glcm: [Contrastt]\n')), /unknown feature "Contrastt" in class glcm/);
});

test('label override picks another label; all-default params reproduce the default column set', async () => {
  const b = await brain();
  const r = extractPyradiomics(b, defaultPyradiomicsParams(), 1);
  assert.equal(Object.keys(r.features).length, generated().length);
  assert.throws(() => extractPyradiomics(b, defaultPyradiomicsParams(), 3), /label 3 is not present.*labels 1/);
});

test('IBSI configuration D (references withheld): mean ± 3σ filter of the interpolated ROI', () => {
  // 2 mm voxels resampled to 2 mm leave the grid unchanged; the ROI holds 60 voxels near 10 HU and 4 at 300 HU
  const n = 6;
  const data = new Float32Array(n ** 3).fill(-1000);
  const mask = new Uint8Array(n ** 3);
  let q = 0;
  for (let k = 1; k < 5; k++) for (let j = 1; j < 5; j++) for (let i = 1; i < 5; i++) {
    const p = i + n * (j + n * k);
    mask[p] = 1;
    data[p] = q < 4 ? 300 : 10 + (q % 5);
    q++;
  }
  const g = { size: [n, n, n], spacing: [2, 2, 2] };
  const r = extractIbsi({ image: makeVolume(g, data), labelMap: makeVolume(g, mask) }, ibsiConfig('D'));
  const xs = Array.from(data).filter((_, p) => mask[p] === 1);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
  const kept = xs.filter((x) => x >= mean - 3 * sd && x <= mean + 3 * sd).length;
  assert.equal(kept, 60); // the 300 HU voxels are outliers
  assert.equal(r.diagnostics.int_mask_vox_count_interp_roi, 64);
  assert.equal(r.diagnostics.int_mask_vox_count_reseg_roi, kept);
  assert.equal(r.diagnostics.morph_mask_vox_count_reseg_roi, 64);
  assert.equal(r.diagnostics.int_mask_max_int_reseg_roi, 14);
  assert.equal(typeof r.features.cm_joint_max_3D_avg, 'number');
  assert.ok(!('cm_joint_max_2D_avg' in r.features));
});
