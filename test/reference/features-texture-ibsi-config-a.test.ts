// Reads ../shared: IBSI 1 CT phantom (NIfTI) and the configuration A reference values.
// Configuration A: no interpolation, intensities rounded to integers, range re-segmentation [−500, 400] HU,
// fixed bin size 25 HU from −500, 2D (per slice) and 2.5D aggregations. This checks the texture families
// together with the preprocessing functions of src/preprocess; the full end-to-end (CLI) check belongs to
// the extractor tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ibsiTexture } from '../../src/features/texture/index.js';
import { discretise, resegmentRange, roundIntensities } from '../../src/preprocess/index.js';
import { readVolume } from './features-texture-helpers/cases.js';
import { ibsiTextureReferences } from './features-texture-helpers/ibsi.js';

test('CT phantom, configuration A: all 272 texture reference values within tolerance', () => {
  const img = readVolume('reference/radiomics/ibsi/ibsi1/ct_phantom/nifti/image.nii.gz');
  const lab = readVolume('reference/radiomics/ibsi/ibsi1/ct_phantom/nifti/mask.nii.gz');
  const values = roundIntensities(img.data);
  const morph = new Uint8Array(lab.data.length);
  for (let i = 0; i < morph.length; i++) morph[i] = lab.data[i] > 0 ? 1 : 0;
  const intensity = resegmentRange(values, morph, { lower: -500, upper: 400 }).mask;
  const d = discretise(values, intensity, { binWidth: 25, convention: 'ibsi', lowerBound: -500 });
  const f = ibsiTexture({ size: img.size, spacing: img.spacing, levels: d.levels, nLevels: d.nLevels }, morph, { spatial: ['2D', '2_5D'] });
  const refs = ibsiTextureReferences('config_A');
  assert.equal(refs.length, 272);
  const failures = refs
    .filter((r) => !(r.tag in f) || !(Math.abs(f[r.tag] - r.value) <= r.tolerance))
    .map((r) => `${r.tag}: ${f[r.tag]} vs ${r.text} ± ${r.tolerance}`);
  assert.deepEqual(failures, []);
});
