// Reads ../shared: the IBSI 1 digital phantom and CT phantom (reference/radiomics/ibsi/ibsi1) and the reference
// values for the digital phantom and configuration A. Every morph_* reference value must be met within its
// tolerance (plus rounding of the 3-significant-digit reference). Configuration A: no interpolation, morphological
// mask = the original mask, intensity mask re-segmented to [-500, 400] HU.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HAS_SHARED, shared } from '../helpers/paths.js';
import { readImage } from '../../src/io/read-image.js';
import { readMask } from '../../src/io/read-mask.js';
import { ibsiMorphology, IBSI_MORPHOLOGY_FEATURES } from '../../src/features/ibsi-morphology/index.js';
import type { FeatureValues, RoiImage } from '../../src/features/types.js';
import { ibsiAgrees, readIbsiReference } from '../unit/features-intensity/helpers/ibsi-reference.js';
import { ctPhantomConfigA } from '../unit/features-intensity/helpers/ct-phantom.js';

const ibsi = (...p: string[]) => shared('reference', 'radiomics', 'ibsi', 'ibsi1', ...p);

function check(ours: FeatureValues, refFile: string, expectedCount: number): void {
  const ref = readIbsiReference(ibsi('reference_values', refFile));
  const failures: string[] = [];
  let checked = 0;
  for (const d of IBSI_MORPHOLOGY_FEATURES) assert.ok((d.ibsiTag as string) in ours, `${d.ibsiTag} computed`);
  for (const r of ref.values()) {
    if (!r.tag.startsWith('morph_') || r.family !== 'Morphology') continue;
    assert.ok(r.tag in ours, `${r.tag} not computed`);
    const { ok, allowed } = ibsiAgrees(ours[r.tag], r);
    if (!ok) failures.push(`${r.tag}: ${ours[r.tag]} vs ${r.text} ± ${allowed}`);
    checked++;
  }
  assert.deepEqual(failures, []);
  assert.equal(checked, expectedCount);
}

test('IBSI digital phantom: morphology within tolerance', { skip: !HAS_SHARED }, async () => {
  const image = await readImage(ibsi('digital_phantom', 'image.nii.gz'));
  const { mask } = await readMask(ibsi('digital_phantom', 'mask.nii.gz'), { like: image });
  const roi: RoiImage = { size: image.size, spacing: image.spacing, values: Float64Array.from(image.data), intensityMask: mask.data, morphologicalMask: mask.data };
  check(ibsiMorphology(roi), 'ibsi_1_reference_values_digital_phantom.csv', 25);
});

test('IBSI CT phantom, configuration A: morphology within tolerance', { skip: !HAS_SHARED }, async () => {
  const roi = await ctPhantomConfigA(shared);
  check(ibsiMorphology(roi), 'ibsi_1_reference_values_config_A.csv', 25);
});
