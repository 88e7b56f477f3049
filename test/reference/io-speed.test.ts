// Reads ../shared: issue 2 acceptance 4 — reading the 3.9 MB IBSI CT phantom .nii.gz and its 60-slice DICOM
// series each takes under 1 s (best of 3 runs, so that a busy machine does not make the test flaky;
// bench/io-read.ts reports cold and warm times in detail).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readImage } from '../../src/io/index.js';
import { shared } from '../helpers/paths.js';

const CT = shared('reference', 'radiomics', 'ibsi', 'ibsi1', 'ct_phantom');

async function bestOf3(path: string): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const v = await readImage(path);
    best = Math.min(best, performance.now() - t);
    assert.equal(v.size[2], 60);
  }
  return best;
}

test('IBSI CT phantom .nii.gz reads in under 1 s', async () => {
  const ms = await bestOf3(`${CT}/nifti/image.nii.gz`);
  console.log(`CT phantom .nii.gz: ${ms.toFixed(0)} ms`);
  assert.ok(ms < 1000, `${ms} ms`);
});

test('IBSI CT phantom 60-slice DICOM series reads in under 1 s', async () => {
  const ms = await bestOf3(`${CT}/dicom/image`);
  console.log(`CT phantom DICOM series: ${ms.toFixed(0)} ms`);
  assert.ok(ms < 1000, `${ms} ms`);
});
