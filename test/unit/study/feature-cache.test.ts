// Feature caches: rows are reused only for the same patient files (paths, mask label, size/mtime fingerprint)
// and the same settings hash; values survive the CSV round trip exactly; writes are atomic and periodic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FeatureCache, sourceFingerprint, type CacheSource } from '../../../src/study/index.js';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'dlrn-cache-'));
  const sources: CacheSource[] = ['a', 'b', 'c'].map((id) => {
    writeFileSync(join(dir, `${id}.nii`), `image ${id}`);
    writeFileSync(join(dir, `${id}_m.nii`), `mask ${id}`);
    return { id, image: join(dir, `${id}.nii`), mask: join(dir, `${id}_m.nii`), maskLabel: 1 };
  });
  return { dir, sources, path: join(dir, 'features', 'x.csv') };
}

test('a cache round-trips values exactly and reloads only matching rows', () => {
  const { sources, path } = setup();
  const c = new FeatureCache(path, 'h1');
  const v = [0.1 + 0.2, -1e-300, NaN, 12345.678901234567];
  c.put(sources[0], ['f1', 'f2', 'f3', 'f4'], v);
  c.put(sources[1], ['f1', 'f2', 'f3', 'f4'], [1, 2, 3, 4]);
  c.flush();
  const again = new FeatureCache(path, 'h1');
  assert.equal(again.load(sources), 2);
  assert.ok(again.has('a') && again.has('b') && !again.has('c'));
  const [a] = again.valuesFor(['a']);
  assert.equal(a[0], 0.1 + 0.2);
  assert.equal(a[1], -1e-300);
  assert.ok(Number.isNaN(a[2]));
  assert.equal(a[3], 12345.678901234567);
  assert.deepEqual(again.featureNames(), ['f1', 'f2', 'f3', 'f4']);
  assert.match(readFileSync(path, 'utf8').split('\n')[0], /^id,image,mask,mask_label,fingerprint,settings_hash,dlrn_version,f1,/);
});

test('other settings, another mask label or a changed file invalidate a row', () => {
  const { sources, path } = setup();
  const c = new FeatureCache(path, 'h1');
  for (const s of sources) c.put(s, ['f'], [1]);
  c.flush();
  assert.equal(new FeatureCache(path, 'h2').load(sources), 0, 'other settings hash');
  assert.equal(new FeatureCache(path, 'h1').load([{ ...sources[0], maskLabel: 2 }, sources[1]]), 1, 'other mask label');
  const before = sourceFingerprint(sources[2]);
  writeFileSync(sources[2].image, 'a longer image content');
  utimesSync(sources[2].image, new Date(2000, 1, 1), new Date(2000, 1, 1));
  assert.notEqual(sourceFingerprint(sources[2]), before);
  assert.equal(new FeatureCache(path, 'h1').load(sources), 2, 'changed image file');
  writeFileSync(path, 'garbage\n"unterminated');
  assert.equal(new FeatureCache(path, 'h1').load(sources), 0, 'an unreadable cache is ignored, not fatal');
});

test('names must agree between patients; flush(false) writes at most every interval', () => {
  const { sources, path } = setup();
  const c = new FeatureCache(path, 'h');
  c.put(sources[0], ['f1', 'f2'], [1, 2]);
  assert.throws(() => c.put(sources[1], ['f1', 'g'], [1, 2]), /features differ/);
  c.flush(false, 60_000);
  assert.throws(() => readFileSync(path), /ENOENT/, 'not yet written');
  c.flush(true);
  assert.equal(readFileSync(path, 'utf8').trim().split('\n').length, 2);
});
