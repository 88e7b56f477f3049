import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readImage, writeImage } from '../../../src/io/read-image.js';
import { readMask } from '../../../src/io/read-mask.js';
import { makeVolume } from '../../../src/core/volume.js';
import { makeGeometry } from '../../../src/core/geometry.js';
import { CorruptFileError, DicomSeriesError, DlrnError, FileNotFoundError, GeometryMismatchError, UnsupportedFormatError } from '../../../src/core/errors.js';
import { int16Bytes, niftiBytes, tempDir } from './fixtures.js';
import { writeSeries } from './dicom-fixtures.js';

// The bad-input list of issue 2: each case gets a typed error that names the file and the problem.

const dir = tempDir('dlrn-bad-');
const good = niftiBytes({ dim: [3, 2, 2, 2, 1, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [1, 1, 1, 1] }, int16Bytes([0, 1, 2, 3, 4, 5, 6, 7]));

async function expectError(path: string, cls: new (...a: never[]) => DlrnError, problem: RegExp, read: (p: string) => Promise<unknown> = readImage): Promise<void> {
  await assert.rejects(read(path), (e: unknown) => {
    assert.ok(e instanceof cls, `expected ${cls.name}, got ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`);
    assert.ok((e as Error).message.includes(path), `message names the file: ${(e as Error).message}`);
    assert.match((e as Error).message, problem);
    return true;
  });
}

test('missing path', async () => {
  await expectError(join(dir, 'nope.nii.gz'), FileNotFoundError, /no such file/);
});

test('empty file', async () => {
  const p = join(dir, 'empty.nii');
  writeFileSync(p, new Uint8Array(0));
  await expectError(p, CorruptFileError, /empty/);
});

test('truncated gzip', async () => {
  const p = join(dir, 'cut.nii.gz');
  const gz = gzipSync(good);
  writeFileSync(p, gz.subarray(0, gz.length - 20));
  await expectError(p, CorruptFileError, /decompress|truncated/);
});

test('wrong magic', async () => {
  const p = join(dir, 'magic.nii');
  const b = good.slice();
  b.set([0x41, 0x42, 0x43, 0x44], 344);
  writeFileSync(p, b);
  await expectError(p, UnsupportedFormatError, /magic/);
  const q = join(dir, 'random.bin');
  writeFileSync(q, new TextEncoder().encode('this is not an image at all, just some text padding'.repeat(10)));
  await expectError(q, UnsupportedFormatError, /unrecognised/);
});

test('header dimensions that do not match the data length', async () => {
  const p = join(dir, 'short.nii');
  writeFileSync(p, good.subarray(0, good.length - 2));
  await expectError(p, CorruptFileError, /shorter than its header/);
  const q = join(dir, 'long.nii');
  writeFileSync(q, new Uint8Array([...good, 0, 0]));
  await expectError(q, CorruptFileError, /longer than its header/);
  const r = join(dir, 'short.nrrd');
  writeFileSync(r, new TextEncoder().encode('NRRD0004\ntype: short\ndimension: 3\nsizes: 2 2 2\nendian: little\nencoding: raw\n\n\0\0\0\0'));
  await expectError(r, CorruptFileError, /shorter/);
});

test('unsupported data type', async () => {
  const p = join(dir, 'complex.nii');
  writeFileSync(p, niftiBytes({ dim: [3, 1, 1, 1, 1, 1, 1, 1], datatype: 32, bitpix: 64, pixdim: [1, 1, 1, 1] }, new Uint8Array(8)));
  await expectError(p, UnsupportedFormatError, /complex64/);
  const q = join(dir, 'rgb.nii');
  writeFileSync(q, niftiBytes({ dim: [3, 1, 1, 1, 1, 1, 1, 1], datatype: 128, bitpix: 24, pixdim: [1, 1, 1, 1] }, new Uint8Array(3)));
  await expectError(q, UnsupportedFormatError, /RGB24/);
});

test('a folder with no DICOM', async () => {
  const d = tempDir('dlrn-nodicom-');
  writeFileSync(join(d, 'a.txt'), 'x');
  await expectError(d, DicomSeriesError, /no DICOM image series/);
});

test('a folder with two series', async () => {
  const d = tempDir('dlrn-two-');
  writeSeries(d, { seriesUid: '1.2.3.41', nz: 2, prefix: 'A' });
  writeSeries(d, { seriesUid: '1.2.3.42', nz: 2, prefix: 'B' });
  await expectError(d, DicomSeriesError, /2 image series.*1\.2\.3\.41.*1\.2\.3\.42/s);
});

test('a mask whose geometry differs from its image', async () => {
  const image = makeGeometry({ size: [2, 2, 2], spacing: [1, 1, 1], origin: [0, 0, 0] });
  const p = join(dir, 'mask.nrrd');
  await writeImage(p, makeVolume({ ...image, origin: [0, 0, 0.5] }, Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 0])));
  await expectError(p, GeometryMismatchError, /origin/, (f) => readMask(f, { like: image }));
  const q = join(dir, 'mask-size.nii.gz');
  await writeImage(q, makeVolume({ size: [2, 2, 3] }, new Uint8Array(12).fill(1)));
  await expectError(q, GeometryMismatchError, /size/, (f) => readMask(f, { like: image }));
});
