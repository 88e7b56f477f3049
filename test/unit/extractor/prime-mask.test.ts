// primePyradiomicsMask: the label-map work done ahead of the image gives the same extraction, and does not change
// which error a bad case reports (checks keep their order).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeVolume } from '../../../src/core/volume.js';
import { GeometryMismatchError, MaskError } from '../../../src/core/errors.js';
import { Rng } from '../../../src/core/rng.js';
import { defaultPyradiomicsParams } from '../../../src/features/extractor/params-file.js';
import { extractPyradiomics, primePyradiomicsMask } from '../../../src/features/extractor/pyradiomics-extract.js';

function phantom(seed: number) {
  const size = [24, 20, 8];
  const rng = Rng.fromSeed(seed);
  const img = new Int16Array(24 * 20 * 8);
  const lab = new Uint8Array(img.length);
  for (let k = 0, p = 0; k < 8; k++) {
    for (let j = 0; j < 20; j++) {
      for (let i = 0; i < 24; i++, p++) {
        img[p] = Math.round(40 + 30 * rng.nextUint32() / 2 ** 32);
        if ((i - 12) ** 2 / 49 + (j - 10) ** 2 / 25 + (k - 4) ** 2 / 6 < 1) lab[p] = 2;
        else if (i < 3 && j < 3) lab[p] = 1;
      }
    }
  }
  const g = { size, spacing: [0.7, 0.7, 2] };
  return { image: makeVolume(g, img), labelMap: makeVolume(g, lab) };
}

test('primed label map: identical features and diagnostics; a primed label map of another label is not used', () => {
  const params = defaultPyradiomicsParams();
  const plain = extractPyradiomics(phantom(1), params, 2);
  const c = phantom(1);
  primePyradiomicsMask(c.labelMap, params, 2);
  assert.deepEqual(extractPyradiomics(c, params, 2), plain);
  const d = phantom(1);
  primePyradiomicsMask(d.labelMap, params, 1); // primed for label 1, extracted for label 2
  assert.deepEqual(extractPyradiomics(d, params, 2), plain);
  assert.notEqual(extractPyradiomics(phantom(1), params, 1).diagnostics['diagnostics_Mask-original_VoxelNum'], plain.diagnostics['diagnostics_Mask-original_VoxelNum']);
});

test('primed shape class: used only for the same ROI mask and spacing (label map spacing within tolerance, re-segmented shape)', () => {
  const params = defaultPyradiomicsParams();
  // a label map whose spacing differs from the image's within the geometry tolerance: shape must use the image's
  const a = phantom(4);
  const nudgedGrid = { size: [24, 20, 8], spacing: [0.7 * (1 + 1e-9), 0.7, 2] };
  const nudged = { image: a.image, labelMap: makeVolume(nudgedGrid, a.labelMap.data) };
  const plain = extractPyradiomics({ image: a.image, labelMap: makeVolume(nudgedGrid, a.labelMap.data) }, params, 2);
  assert.notEqual(plain.features.original_shape_MeshVolume, extractPyradiomics({ image: makeVolume(nudgedGrid, a.image.data), labelMap: makeVolume(nudgedGrid, a.labelMap.data) }, params, 2).features.original_shape_MeshVolume, 'shape follows the image spacing');
  primePyradiomicsMask(nudged.labelMap, params, 2);
  assert.deepEqual(extractPyradiomics(nudged, params, 2), plain);
  // re-segmentation that also applies to the shape mask: the shape of the label mask must not be used
  const reseg = { ...params, settings: { ...params.settings, resegmentRange: [45, 1000] as [number, number], resegmentShape: true } };
  const b = phantom(5);
  const expected = extractPyradiomics(phantom(5), reseg, 2);
  primePyradiomicsMask(b.labelMap, reseg, 2);
  const got = extractPyradiomics(b, reseg, 2);
  assert.deepEqual(got, expected);
  assert.notEqual(got.features.original_shape_VoxelVolume, extractPyradiomics(phantom(5), params, 2).features.original_shape_VoxelVolume);
});

test('primed label map: errors are the same as without priming (geometry before label)', () => {
  const params = defaultPyradiomicsParams();
  const c = phantom(2);
  const shifted = { image: c.image, labelMap: makeVolume({ size: [24, 20, 8], spacing: [0.7, 0.7, 2], origin: [5, 0, 0] }, c.labelMap.data) };
  primePyradiomicsMask(shifted.labelMap, params, 7); // label 7 is absent: priming must not throw
  assert.throws(() => extractPyradiomics(shifted, params, 7), GeometryMismatchError);
  const e = phantom(3);
  primePyradiomicsMask(e.labelMap, params, 7);
  assert.throws(() => extractPyradiomics(e, params, 7), MaskError);
});
