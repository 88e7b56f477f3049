import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { readImage } from '../../../src/io/read-image.js';
import { CorruptFileError, DicomSeriesError, UnsupportedFormatError } from '../../../src/core/errors.js';
import { encodeDataset } from '../../../src/io/dicom/write-dataset.js';
import { parseDicom } from '../../../src/io/dicom/parse.js';
import { T } from '../../../src/io/dicom/tags.js';
import { ctSliceBytes, writeSeries } from './dicom-fixtures.js';
import { tempDir } from './fixtures.js';

test('slices are sorted by position along the normal, whatever the file order; geometry from IPP/IOP/PixelSpacing', async () => {
  const dir = tempDir();
  writeSeries(dir, { seriesUid: '1.2.3.1', nz: 4, order: [2, 0, 3, 1], extra: { pixelSpacing: [0.75, 0.5], intercept: -1024 } });
  const v = await readImage(dir);
  assert.deepEqual([...v.size], [4, 3, 4]);
  assert.deepEqual([...v.spacing], [0.5, 0.75, 2.5], 'x spacing is the column spacing (second Pixel Spacing value)');
  assert.deepEqual([...v.origin], [-10, -20, 5]);
  assert.deepEqual([...v.direction], [1, 0, 0, 0, 1, 0, 0, 0, 1]);
  // voxel (i, j, k) = stored k·100 + j·4 + i, minus 1024
  for (const [i, j, k] of [[0, 0, 0], [3, 2, 1], [1, 1, 3]]) assert.equal(v.data[i + 4 * (j + 3 * k)], k * 100 + j * 4 + i - 1024);
});

test('sagittal slices: normal = row × column, sorted along it', async () => {
  const dir = tempDir();
  // row (0,1,0), column (0,0,−1) → normal (−1,0,0): larger x comes first
  for (let k = 0; k < 3; k++) {
    writeFileSync(join(dir, `s${k}.dcm`), ctSliceBytes({ seriesUid: '1.2.3.9', sopUid: `1.2.3.9.${k}`, ipp: [5 + 2 * k, 0, 0], iop: [0, 1, 0, 0, 0, -1], rows: 2, cols: 2, stored: [k, k, k, k] }));
  }
  const v = await readImage(dir);
  assert.deepEqual([...v.origin], [9, 0, 0]);
  assert.deepEqual([...v.direction], [0, 0, -1, 1, 0, 0, 0, -1, 0]);
  assert.deepEqual([...v.spacing], [0.5, 0.5, 2]);
  assert.deepEqual([v.data[0], v.data[4], v.data[8]], [2, 1, 0]);
});

test('rescaled voxel type follows GDCM best fit over the BitsStored range', async () => {
  const read = async (extra: object): Promise<ReturnType<typeof readImage>> => {
    const dir = tempDir();
    writeSeries(dir, { seriesUid: '1.2.3.2', nz: 2, extra });
    return readImage(dir);
  };
  assert.ok((await read({ pixelRepresentation: 1, intercept: -1024 })).data instanceof Int32Array, 'int16 stored on 16 bits − 1024 needs int32');
  assert.ok((await read({ pixelRepresentation: 0, bitsStored: 12, intercept: -1024 })).data instanceof Int16Array, '12-bit unsigned − 1024 fits int16');
  assert.ok((await read({ pixelRepresentation: 0 })).data instanceof Uint16Array, 'no rescale keeps the stored type');
  const f = await read({ pixelRepresentation: 1, slope: 0.5, intercept: 1 });
  assert.ok(f.data instanceof Float64Array, 'a non-integer slope gives float64');
  assert.equal(f.data[5], 5 * 0.5 + 1);
});

test('BitsStored < BitsAllocated: unused high bits are masked and signed values sign-extended', async () => {
  const dir = tempDir();
  // 12-bit two's complement −5 = 0xFFB, with garbage in the 4 unused high bits
  writeFileSync(join(dir, 'a.dcm'), ctSliceBytes({ seriesUid: '1.2.3.3', sopUid: '1.2.3.3.1', ipp: [0, 0, 0], rows: 1, cols: 2, stored: [0xaffb, 0x5007], bitsStored: 12, pixelRepresentation: 1 }));
  const v = await readImage(dir);
  assert.deepEqual([...v.data], [-5, 7]);
});

test('a folder with two series is refused with both UIDs; seriesUid picks one; a wrong UID is refused', async () => {
  const dir = tempDir();
  writeSeries(dir, { seriesUid: '1.2.826.0.1.111', nz: 3, prefix: 'A' });
  writeSeries(dir, { seriesUid: '1.2.826.0.1.222', nz: 2, prefix: 'B' });
  await assert.rejects(readImage(dir), (e: unknown) => e instanceof DicomSeriesError && /1\.2\.826\.0\.1\.111/.test(e.message) && /1\.2\.826\.0\.1\.222/.test(e.message) && /--series-uid/.test(e.message) && e.message.includes(dir));
  assert.equal((await readImage(dir, { seriesUid: '1.2.826.0.1.222' })).size[2], 2);
  await assert.rejects(readImage(dir, { seriesUid: '9.9' }), DicomSeriesError);
  // one file of a series selects that series
  assert.equal((await readImage(join(dir, 'A_0001.dcm'))).size[2], 3);
});

test('a folder without DICOM images is refused; non-DICOM files beside a series are skipped', async () => {
  const empty = tempDir();
  writeFileSync(join(empty, 'notes.txt'), 'hello');
  await assert.rejects(readImage(empty), (e: unknown) => e instanceof DicomSeriesError && e.message.includes(empty) && /no DICOM image/.test(e.message));
  const dir = tempDir();
  writeSeries(dir, { seriesUid: '1.2.3.4', nz: 2 });
  writeFileSync(join(dir, 'README.txt'), 'not dicom');
  mkdirSync(join(dir, 'sub'));
  assert.equal((await readImage(dir)).size[2], 2);
});

test('missing slices, duplicate positions and compressed syntaxes are refused', async () => {
  const gap = tempDir();
  writeSeries(gap, { seriesUid: '1.2.3.5', nz: 5, order: [0, 1, 3, 4] });
  await assert.rejects(readImage(gap), (e: unknown) => e instanceof DicomSeriesError && /not uniform/.test(e.message));
  const dup = tempDir();
  writeSeries(dup, { seriesUid: '1.2.3.6', nz: 2, prefix: 'A' });
  writeFileSync(join(dup, 'B.dcm'), ctSliceBytes({ seriesUid: '1.2.3.6', sopUid: '1.2.3.6.99', ipp: [-10, -20, 5], rows: 3, cols: 4, stored: new Array(12).fill(0) }));
  await assert.rejects(readImage(dup), (e: unknown) => e instanceof DicomSeriesError && /same position/.test(e.message));
  const rle = tempDir();
  writeFileSync(join(rle, 'a.dcm'), ctSliceBytes({ seriesUid: '1.2.3.7', sopUid: '1.2.3.7.1', ipp: [0, 0, 0], rows: 2, cols: 2, stored: [1, 2, 3, 4], transferSyntax: '1.2.840.10008.1.2.5' }));
  await assert.rejects(readImage(rle), (e: unknown) => e instanceof UnsupportedFormatError && /RLE/.test(e.message) && /gdcmconv|dcmdjpeg/.test(e.message));
});

test('a truncated DICOM slice is an error naming it, never a dropped slice', async () => {
  const dir = tempDir();
  writeSeries(dir, { seriesUid: '1.2.3.8', nz: 3 });
  const whole = ctSliceBytes({ seriesUid: '1.2.3.8', sopUid: '1.2.3.8.77', ipp: [-10, -20, 12.5], rows: 3, cols: 4, stored: new Array(12).fill(1) });
  writeFileSync(join(dir, 'cut.dcm'), whole.subarray(0, whole.length - 7));
  await assert.rejects(readImage(dir), (e: unknown) => e instanceof CorruptFileError && /cut\.dcm/.test(e.message));
});

test('deflated explicit VR little endian files are inflated', () => {
  const body = encodeDataset(new Map([[T.Modality, ['CS', 'CT'] as const], [T.Rows, ['US', [7]] as const]]));
  const meta = encodeDataset(new Map([[T.TransferSyntaxUID, ['UI', '1.2.840.10008.1.2.1.99'] as const]]));
  const file = new Uint8Array(132 + meta.length + 0);
  file.set([0x44, 0x49, 0x43, 0x4d], 128);
  file.set(meta, 132);
  const deflated = deflateRawSync(body);
  const all = new Uint8Array(file.length + deflated.length);
  all.set(file);
  all.set(deflated, file.length);
  const ds = parseDicom(all, 'd.dcm');
  assert.equal(ds.string(T.Modality), 'CT');
  assert.equal(ds.number(T.Rows), 7);
});
