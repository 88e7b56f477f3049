// Reads ../shared/reference/radiomics/pyradiomics/data (brain1, breast1, prostate phantom). extractBatch in one thread
// reads each case while the one before is computed: same rows, in manifest order, as extracting every case alone,
// including failing cases between good ones (a missing file, an absent label).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractBatch, type BatchCase } from '../../../src/features/extractor/batch.js';
import { extractCaseFiles, toCaseError } from '../../../src/features/extractor/extract-case.js';
import { shared } from '../../helpers/paths.js';

const D = shared('reference/radiomics/pyradiomics/data');

test('extractBatch (one thread, reading ahead): results equal single-case extraction, order kept, errors per case', async () => {
  const cases: BatchCase[] = [
    { id: 'brain1', image: `${D}/brain1_image.nrrd`, mask: `${D}/brain1_label.nrrd` },
    { id: 'missing', image: `${D}/no-such-image.nrrd`, mask: `${D}/brain1_label.nrrd` },
    { id: 'breast1', image: `${D}/breast1_image.nrrd`, mask: `${D}/breast1_label.nrrd` },
    { id: 'absent-label', image: `${D}/brain1_image.nrrd`, mask: `${D}/brain1_label.nrrd`, label: 9 },
    { id: 'prostate', image: `${D}/prostate_phantom_subvolume.nrrd`, mask: `${D}/prostate_phantom_subvolume-label.nrrd` },
  ];
  const seen: string[] = [];
  const batch = await extractBatch(cases, { mode: 'pyradiomics' }, { jobs: 1, onResult: (r) => seen.push(r.case.id) });
  assert.deepEqual(batch.map((r) => r.case.id), cases.map((c) => c.id));
  assert.deepEqual(seen, cases.map((c) => c.id));
  for (const [i, c] of cases.entries()) {
    let alone;
    try {
      alone = { result: await extractCaseFiles(c.image, c.mask, { mode: 'pyradiomics' }, c.label), error: null };
    } catch (e) {
      alone = { result: null, error: toCaseError(e) };
    }
    assert.deepEqual(batch[i].error, alone.error, c.id);
    assert.deepEqual(batch[i].result, alone.result, c.id);
    assert.ok(batch[i].ms >= 0);
  }
  assert.equal(batch[1].error?.code, 'E_NOT_FOUND');
  assert.equal(batch[3].error?.code, 'E_MASK');
  assert.equal(batch.filter((r) => r.result !== null).length, 3);
});
