// Reads ../shared: IBSI 1 digital phantom (image/mask NIfTI) and its reference values.
// Every texture feature (GLCM, GLRLM, GLSZM, GLDZM, NGTDM, NGLDM) in every aggregation must round to the
// consensus value (reported to 3 significant digits, tolerance 0).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ibsiTexture, TEXTURE_FEATURE_DEFS } from '../../src/features/texture/index.js';
import { readVolume } from './features-texture-helpers/cases.js';
import { ibsiTextureReferences, matchesPrinted } from './features-texture-helpers/ibsi.js';

const refs = ibsiTextureReferences('digital_phantom');

function phantom(): ReturnType<typeof ibsiTexture> {
  const img = readVolume('reference/radiomics/ibsi/ibsi1/digital_phantom/image.nii.gz');
  const msk = readVolume('reference/radiomics/ibsi/ibsi1/digital_phantom/mask.nii.gz');
  // the phantom's grey levels 1..6 are the discretised levels (no discretisation needed, N_g = 6)
  const levels = Int32Array.from(img.data, (v, i) => (msk.data[i] !== 0 ? v : 0));
  return ibsiTexture({ size: img.size, spacing: img.spacing, levels, nLevels: 6 });
}

test('digital phantom: all 408 texture reference values are reproduced', () => {
  assert.equal(refs.length, 408);
  const f = phantom();
  const failures = refs.filter((r) => !(r.tag in f) || !matchesPrinted(f[r.tag], r.value)).map((r) => `${r.tag}: ${f[r.tag]} vs ${r.text}`);
  assert.deepEqual(failures, []);
});

test('every IBSI texture tag stem of the registry has reference values, and every reference tag has a registry entry', () => {
  const stems = new Set(TEXTURE_FEATURE_DEFS.map((d) => d.ibsiTag).filter((t): t is string => t !== null));
  const refStems = new Set(refs.map((r) => r.tag.replace(/_(2D|2_5D|3D)(_avg|_comb)?$/, '')));
  assert.deepEqual([...stems].sort(), [...refStems].sort());
  for (const d of TEXTURE_FEATURE_DEFS) {
    if (d.ibsiTag !== null) assert.match(d.ibsiId ?? '', /^[0-9A-Z]{4}$/, d.ibsiTag);
  }
});
