// The speed paths of the readers: sized inflate output, voxels viewed on an owned buffer, readLabelMap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { inflate } from '../../../src/io/bytes.js';
import { decodeVoxels } from '../../../src/io/voxel-codec.js';
import { encodeNifti, readLabelMap, readMask } from '../../../src/io/index.js';
import { makeVolume } from '../../../src/core/volume.js';
import { MaskError } from '../../../src/core/errors.js';

const data = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 251);

test('inflate: same bytes whatever the size hint (right, wrong, absent) and for two gzip members', () => {
  const gz = gzipSync(data);
  assert.deepEqual(inflate(gz, 'x', 'test'), data); // ISIZE trailer hint
  assert.deepEqual(inflate(gz, 'x', 'test', undefined, data.length), data);
  assert.deepEqual(inflate(gz, 'x', 'test', undefined, 20_000), data); // too small: several chunks
  assert.deepEqual(inflate(gz, 'x', 'test', undefined, 10 * data.length), data);
  const twoMembers = new Uint8Array([...gzipSync(data.subarray(0, 60_000)), ...gzipSync(data.subarray(60_000))]);
  assert.deepEqual(inflate(twoMembers, 'x', 'test'), data); // trailer only sizes the last member
  assert.throws(() => inflate(gz, 'x', 'test', 1000, data.length), /cannot be decompressed/); // the limit still holds
});

test('decodeVoxels: a view on owned aligned bytes (swapped in place), a copy otherwise, same values', () => {
  const values = Int16Array.from({ length: 64 }, (_, i) => i * 300 - 9000);
  const le = new Uint8Array(8 + 128);
  le.set(new Uint8Array(values.buffer), 8);
  const be = le.slice();
  for (let p = 8; p < be.length; p += 2) [be[p], be[p + 1]] = [be[p + 1], be[p]];
  const view = decodeVoxels(le, 8, 64, 'int16', true, { ownsBytes: true });
  assert.deepEqual(view, values);
  assert.equal(view.buffer, le.buffer);
  const copy = decodeVoxels(le, 8, 64, 'int16', true);
  assert.deepEqual(copy, values);
  assert.notEqual(copy.buffer, le.buffer);
  assert.deepEqual(decodeVoxels(be, 8, 64, 'int16', false, { ownsBytes: true }), values);
  const odd = new Uint8Array(9 + 128);
  odd.set(new Uint8Array(values.buffer), 9);
  const unaligned = decodeVoxels(odd, 9, 64, 'int16', true, { ownsBytes: true });
  assert.deepEqual(unaligned, values);
  assert.notEqual(unaligned.buffer, odd.buffer);
});

test('readLabelMap: the label map readMask returns, and readMask\'s error for an absent label', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dlrn-labelmap-'));
  try {
    const lm = new Uint8Array(4 * 4 * 3);
    lm[5] = 2; lm[17] = 2; lm[30] = 3;
    const file = join(dir, 'mask.nii.gz');
    writeFileSync(file, encodeNifti(makeVolume({ size: [4, 4, 3], spacing: [1, 1, 2] }, lm), { gzip: true }));
    const viaMask = await readMask(file, { label: 2 });
    const viaMap = await readLabelMap(file, { label: 2 });
    assert.deepEqual(viaMap.data, viaMask.labelMap.data);
    assert.deepEqual(viaMap.size, viaMask.labelMap.size);
    const e1 = await readMask(file, { label: 1 }).catch((e: unknown) => e);
    const e2 = await readLabelMap(file, { label: 1 }).catch((e: unknown) => e);
    assert.ok(e2 instanceof MaskError);
    assert.equal((e2 as Error).message, (e1 as Error).message);
    assert.match((e2 as Error).message, /label 1 is not present.*labels 2, 3/);
    await assert.rejects(readLabelMap(file, { label: NaN }), /must be a number/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
