import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeNrrd, encodeNrrd } from '../../../src/io/nrrd.js';
import { readImage, writeImage } from '../../../src/io/read-image.js';
import { makeVolume, type VoxelArray } from '../../../src/core/volume.js';
import { CorruptFileError, UnsupportedFormatError } from '../../../src/core/errors.js';
import { int16Bytes, nrrdBytes, tempDir } from './fixtures.js';

// Expected geometries follow the NRRD spec and ITK's NrrdImageIO space conversion, worked out by hand.

const head = (extra: string[]): string[] => ['NRRD0004', 'type: short', 'dimension: 3', 'sizes: 2 2 2', 'endian: little', ...extra];
const vals = [0, 1, 2, 3, 4, 5, -6, 700];

test('LPS space: spacing = |space direction|, direction = unit vectors, origin as written', () => {
  const v = decodeNrrd(nrrdBytes(head(['encoding: raw', 'space: left-posterior-superior', 'space directions: (0,2,0) (-3,0,0) (0,0,4)', 'space origin: (1,2,3)']), int16Bytes(vals)));
  assert.deepEqual([...v.spacing], [2, 3, 4]);
  assert.deepEqual([...v.direction], [0, -1, 0, 1, 0, 0, 0, 0, 1]);
  assert.deepEqual([...v.origin], [1, 2, 3]);
  assert.deepEqual([...v.data], vals);
});

test('RAS space is converted to LPS by negating x and y (directions and origin)', () => {
  const v = decodeNrrd(nrrdBytes(head(['encoding: raw', 'space: right-anterior-superior', 'space directions: (1,0,0) (0,1,0) (0,0,1)', 'space origin: (10,20,30)']), int16Bytes(vals)));
  assert.deepEqual([...v.direction], [-1, 0, 0, 0, -1, 0, 0, 0, 1]);
  assert.deepEqual([...v.origin], [-10, -20, 30]);
});

test('LAS space: ITK negates x only (its NrrdImageIO behaviour, reproduced on purpose)', () => {
  const v = decodeNrrd(nrrdBytes(head(['encoding: raw', 'space: left-anterior-superior', 'space directions: (1,0,0) (0,1,0) (0,0,1)', 'space origin: (10,20,30)']), int16Bytes(vals)));
  assert.deepEqual([...v.direction], [-1, 0, 0, 0, 1, 0, 0, 0, 1]);
  assert.deepEqual([...v.origin], [-10, 20, 30]);
});

test('no space: spacings field, zero origin, identity direction', () => {
  const v = decodeNrrd(nrrdBytes(head(['encoding: raw', 'spacings: 0.5 0.25 2']), int16Bytes(vals)));
  assert.deepEqual([...v.spacing], [0.5, 0.25, 2]);
  assert.deepEqual([...v.origin], [0, 0, 0]);
});

test('encodings: gzip, ascii; big endian; line skip and byte skip (including -1)', () => {
  const gz = decodeNrrd(nrrdBytes(head(['encoding: gzip']), gzipSync(int16Bytes(vals))));
  assert.deepEqual([...gz.data], vals);
  const ascii = decodeNrrd(new TextEncoder().encode(['NRRD0004', 'type: float', 'dimension: 2', 'sizes: 3 2', 'encoding: ascii', '', '1.5 2 3', '-4 5e1 6', ''].join('\n')));
  assert.deepEqual([...ascii.size], [3, 2, 1]);
  assert.ok(ascii.data instanceof Float32Array);
  assert.deepEqual([...ascii.data], [1.5, 2, 3, -4, 50, 6]);
  const be = decodeNrrd(nrrdBytes(['NRRD0004', 'type: short', 'dimension: 3', 'sizes: 2 2 2', 'endian: big', 'encoding: raw'], int16Bytes(vals, false)));
  assert.deepEqual([...be.data], vals);
  const skipped = new Uint8Array([...new TextEncoder().encode('junk line\n'), 9, 9, 9, ...int16Bytes(vals)]);
  assert.deepEqual([...decodeNrrd(nrrdBytes(head(['encoding: raw', 'line skip: 1', 'byte skip: 3']), skipped)).data], vals);
  const tail = new Uint8Array([7, 7, 7, 7, 7, ...int16Bytes(vals)]);
  assert.deepEqual([...decodeNrrd(nrrdBytes(head(['encoding: raw', 'byte skip: -1']), tail)).data], vals);
});

test('type names of the NRRD spec map to typed arrays', () => {
  const cases: [string, new (n: number) => VoxelArray][] = [
    ['uchar', Uint8Array], ['signed char', Int8Array], ['unsigned short', Uint16Array], ['int16_t', Int16Array],
    ['int', Int32Array], ['uint32', Uint32Array], ['float', Float32Array], ['double', Float64Array],
  ];
  for (const [name, C] of cases) {
    const bytes = new Uint8Array(new C(8).buffer);
    const v = decodeNrrd(nrrdBytes(['NRRD0004', `type: ${name}`, 'dimension: 3', 'sizes: 2 2 2', 'endian: little', 'encoding: raw'], bytes));
    assert.equal(v.data.constructor, C, name);
  }
});

test('comments, key/value pairs and CRLF line ends are accepted', () => {
  const lines = ['NRRD0005', '# a comment', 'type: short', 'dimension: 3', 'sizes: 2 2 2', 'endian: little', 'encoding: raw', 'DICOM:=something: with colons', 'space: LPS'];
  const text = lines.join('\r\n') + '\r\n\r\n';
  const t = new TextEncoder().encode(text);
  const b = new Uint8Array(t.length + 16);
  b.set(t);
  b.set(int16Bytes(vals), t.length);
  assert.deepEqual([...decodeNrrd(b).data], vals);
});

function roundTrip(data: VoxelArray, encoding: 'gzip' | 'raw'): void {
  const v = makeVolume({ size: [3, 2, 2], spacing: [0.7031249999999999, 1.1, 3.3], origin: [-123.456789012345, 0.1, 1e-7], direction: [0.6, -0.8, 0, 0.8, 0.6, 0, 0, 0, 1] }, data);
  const back = decodeNrrd(encodeNrrd(v, { encoding }));
  assert.equal(back.data.constructor, data.constructor);
  assert.deepEqual([...back.data], [...data]);
  assert.deepEqual([...back.origin], [...v.origin], 'origins are written with full double precision');
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(back.spacing[i] - v.spacing[i]) <= 1e-15 * v.spacing[i]);
  for (let i = 0; i < 9; i++) assert.ok(Math.abs(back.direction[i] - v.direction[i]) <= 1e-15);
}

test('write → read round trips keep voxels and geometry (float32, int16, uint8 and others; gzip and raw)', () => {
  const x = [0, 1, -2, 3, 100, -7, 8, 9, 10, 11, 12, 13];
  for (const enc of ['gzip', 'raw'] as const) {
    roundTrip(Float32Array.from(x.map((a) => a / 7)), enc);
    roundTrip(Int16Array.from(x.map((a) => a * 300)), enc);
    roundTrip(Uint8Array.from(x.map((a) => Math.abs(a))), enc);
    roundTrip(Float64Array.from(x.map((a) => a / 3)), enc);
    roundTrip(Int32Array.from(x.map((a) => a * 1e6)), enc);
  }
});

test('writeImage/readImage by extension, and a detached .nhdr header with its raw data file', async () => {
  const dir = tempDir();
  const v = makeVolume({ size: [2, 2, 2], spacing: [1, 2, 3], origin: [4, 5, 6] }, Int16Array.from(vals));
  for (const name of ['a.nrrd', 'a.nii', 'a.nii.gz']) {
    await writeImage(join(dir, name), v);
    const back = await readImage(join(dir, name));
    assert.deepEqual([...back.data], vals, name);
    assert.deepEqual([...back.origin], [4, 5, 6], name);
  }
  writeFileSync(join(dir, 'b.raw'), int16Bytes(vals));
  writeFileSync(join(dir, 'b.nhdr'), ['NRRD0004', 'type: short', 'dimension: 3', 'sizes: 2 2 2', 'endian: little', 'encoding: raw', 'space: LPS', 'space directions: (1,0,0) (0,1,0) (0,0,1)', 'space origin: (0,0,0)', 'data file: b.raw', ''].join('\n'));
  assert.deepEqual([...(await readImage(join(dir, 'b.nhdr'))).data], vals);
  await assert.rejects(writeImage(join(dir, 'c.png'), v), /\.png/);
});

test('malformed headers and data give typed errors naming the file', () => {
  const bad = (lines: string[], data: Uint8Array, cls: new (...a: never[]) => Error, re: RegExp): void => {
    assert.throws(() => decodeNrrd(nrrdBytes(lines, data), 'x.nrrd'), (e: unknown) => e instanceof cls && re.test((e as Error).message) && /x\.nrrd/.test((e as Error).message));
  };
  bad(head(['encoding: raw']), int16Bytes(vals.slice(0, 7)), CorruptFileError, /shorter/);
  bad(head(['encoding: raw']), int16Bytes([...vals, 1]), CorruptFileError, /longer/);
  bad(head(['encoding: bzip2']), int16Bytes(vals), UnsupportedFormatError, /bzip2/);
  bad(['NRRD0004', 'type: long long', 'dimension: 1', 'sizes: 2', 'encoding: raw', 'endian: little'], new Uint8Array(16), UnsupportedFormatError, /voxel type/);
  bad(['NRRD0004', 'type: short', 'dimension: 3', 'sizes: 2 2', 'encoding: raw', 'endian: little'], int16Bytes(vals), CorruptFileError, /sizes/);
  bad(['NRRD0004', 'type: short', 'dimension: 3', 'sizes: 2 2 2', 'encoding: raw'], int16Bytes(vals), CorruptFileError, /endian/);
  bad(head(['encoding: raw', 'space: LPS', 'space directions: (1,0,0) (0,1,0)']), int16Bytes(vals), CorruptFileError, /space directions/);
  bad(head(['encoding: raw', 'space: LPS', 'space directions: (1,0,0) (2,0,0) (0,0,1)']), int16Bytes(vals), CorruptFileError, /independent/);
  bad(['NRRD0004', 'type: short', 'dimension: 4', 'sizes: 3 2 2 2', 'kinds: vector domain domain domain', 'encoding: raw', 'endian: little'], new Uint8Array(48), UnsupportedFormatError, /multi-component/);
  bad(head(['encoding: gzip']), gzipSync(int16Bytes(vals)).subarray(0, 12), CorruptFileError, /truncated|decompressed/);
  bad(['NRRD0004', 'type: short', 'this line has no colon'], new Uint8Array(0), CorruptFileError, /malformed/);
});
