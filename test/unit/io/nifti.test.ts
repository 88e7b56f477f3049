import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { decodeNifti, decodeNiftiDetailed, encodeNifti } from '../../../src/io/nifti.js';
import { makeVolume, type VoxelArray } from '../../../src/core/volume.js';
import { sameGeometry } from '../../../src/core/geometry.js';
import { CorruptFileError, UnsupportedFormatError } from '../../../src/core/errors.js';
import { close, int16Bytes, niftiBytes } from './fixtures.js';

// Expected geometries below are derived by hand from the NIfTI-1 quaternion formula (nifti1.h) and
// ITK's RAS→LPS rule (negate the first two rows), not from the code under test.

const data8 = int16Bytes([0, 1, 2, 3, 4, 5, 6, 7]); // 2×2×2 int16

test('qform 180° about z (b=c=0, d=1): RAS diag(−1,−1,1) is the LPS identity; origin negates x and y', () => {
  const v = decodeNifti(niftiBytes({ dim: [3, 2, 2, 2, 1, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [1, 0.5, 0.75, 2], qformCode: 1, quatern: [0, 0, 1], qoffset: [10, 20, 30] }, data8));
  assert.deepEqual([...v.size], [2, 2, 2]);
  assert.deepEqual([...v.spacing], [0.5, 0.75, 2]);
  assert.deepEqual([...v.origin], [-10, -20, 30]);
  assert.deepEqual([...v.direction], [1, 0, 0, 0, 1, 0, 0, 0, 1]);
  assert.ok(v.data instanceof Int16Array);
  assert.deepEqual([...v.data], [0, 1, 2, 3, 4, 5, 6, 7]);
});

test('qform 90° about z: i → anterior, j → left, i.e. LPS columns (0,−1,0) and (1,0,0)', () => {
  const s = Math.SQRT1_2;
  const v = decodeNifti(niftiBytes({ dim: [3, 2, 2, 2, 1, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [1, 1, 1, 1], qformCode: 1, quatern: [0, 0, s] }, data8));
  close(v.direction, [0, 1, 0, -1, 0, 0, 0, 0, 1], 1e-6, 'direction');
});

test('qfac = −1 (pixdim[0] < 0) negates the third column', () => {
  const v = decodeNifti(niftiBytes({ dim: [3, 2, 2, 2, 1, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [-1, 1, 1, 1], qformCode: 1, quatern: [0, 0, 0] }, data8));
  assert.deepEqual([...v.direction], [-1, 0, 0, 0, -1, 0, 0, 0, -1]);
});

test('sform only: oblique rotation, spacing from pixdim, origin from the 4th column', () => {
  const c = Math.cos(Math.PI / 6), sn = Math.sin(Math.PI / 6);
  const srow: [number[], number[], number[]] = [[2 * c, -3 * sn, 0, 1], [2 * sn, 3 * c, 0, 2], [0, 0, 4, 3]];
  const v = decodeNifti(niftiBytes({ dim: [3, 2, 2, 2, 1, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [1, 2, 3, 4], sformCode: 2, srow }, data8));
  close(v.spacing, [2, 3, 4], 1e-6, 'spacing');
  close(v.origin, [-1, -2, 3], 1e-6, 'origin');
  // LPS columns: (−cos, −sin, 0), (sin, −cos, 0), (0, 0, 1)
  close(v.direction, [-c, sn, 0, -sn, -c, 0, 0, 0, 1], 1e-6, 'direction');
});

test('ITK choice: sform_code 1 (scanner) wins over a different qform; aligned sform (code 2) far from the qform loses', () => {
  const srow: [number[], number[], number[]] = [[-1, 0, 0, 5], [0, -1, 0, 6], [0, 0, 1, 7]]; // LPS identity, origin (5,6,7)
  const common = { dim: [3, 2, 2, 2, 1, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [1, 1, 1, 1], qformCode: 1, quatern: [0, 0, 1] as [number, number, number], qoffset: [-100, -100, -100] as [number, number, number], srow };
  const a = decodeNiftiDetailed(niftiBytes({ ...common, sformCode: 1 }, data8));
  assert.equal(a.transform, 'sform');
  assert.deepEqual([...a.volume.origin], [-5, -6, 7]);
  const b = decodeNiftiDetailed(niftiBytes({ ...common, sformCode: 2 }, data8));
  assert.equal(b.transform, 'qform');
  assert.deepEqual([...b.volume.origin], [100, 100, -100]);
});

test('a sheared sform falls back to the qform; with no qform it is refused (as ITK)', () => {
  const srow: [number[], number[], number[]] = [[1, 0.5, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]];
  const withQ = decodeNiftiDetailed(niftiBytes({ dim: [3, 2, 2, 2, 1, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [1, 1, 1, 1], qformCode: 1, quatern: [0, 0, 1], sformCode: 1, srow }, data8));
  assert.equal(withQ.transform, 'qform');
  assert.throws(() => decodeNifti(niftiBytes({ dim: [3, 2, 2, 2, 1, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [1, 1, 1, 1], sformCode: 1, srow }, data8), 'shear.nii'),
    (e: unknown) => e instanceof CorruptFileError && /shear\.nii/.test(e.message));
});

test('no qform and no sform: origin 0, identity direction', () => {
  const v = decodeNifti(niftiBytes({ dim: [3, 2, 2, 2, 1, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [1, 3, 3, 3] }, data8));
  assert.deepEqual([...v.origin], [0, 0, 0]);
  assert.deepEqual([...v.direction], [1, 0, 0, 0, 1, 0, 0, 0, 1]);
  assert.deepEqual([...v.spacing], [3, 3, 3]);
});

test('scl_slope/scl_inter: applied like ITK (integer data becomes float32); slope 0 means no scaling', () => {
  const scaled = decodeNifti(niftiBytes({ dim: [3, 2, 2, 2, 1, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [1, 1, 1, 1], sclSlope: 2, sclInter: -1024 }, data8));
  assert.ok(scaled.data instanceof Float32Array);
  assert.deepEqual([...scaled.data], [-1024, -1022, -1020, -1018, -1016, -1014, -1012, -1010]);
  const zero = decodeNifti(niftiBytes({ dim: [3, 2, 2, 2, 1, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [1, 1, 1, 1], sclSlope: 0, sclInter: 5 }, data8));
  assert.ok(zero.data instanceof Float32Array, 'slope 0 is taken as 1 but the intercept 5 still applies');
  assert.deepEqual([...zero.data], [5, 6, 7, 8, 9, 10, 11, 12]);
  const plain = decodeNifti(niftiBytes({ dim: [3, 2, 2, 2, 1, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [1, 1, 1, 1], sclSlope: 1, sclInter: 0 }, data8));
  assert.ok(plain.data instanceof Int16Array);
  const f64 = new Uint8Array(new Float64Array([1, 2]).buffer);
  const d = decodeNifti(niftiBytes({ dim: [3, 2, 1, 1, 1, 1, 1, 1], datatype: 64, bitpix: 64, pixdim: [1, 1, 1, 1], sclSlope: 0.5 }, f64));
  assert.ok(d.data instanceof Float64Array);
  assert.deepEqual([...d.data], [0.5, 1]);
});

test('big-endian files are read', () => {
  const v = decodeNifti(niftiBytes({ dim: [3, 2, 2, 2, 1, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [1, 1, 2, 3], littleEndian: false }, int16Bytes([0, -1, 2, -3, 4, -5, 600, -700], false)));
  assert.deepEqual([...v.data], [0, -1, 2, -3, 4, -5, 600, -700]);
  assert.deepEqual([...v.spacing], [1, 2, 3]);
});

test('spatial units: metres and microns are converted to mm', () => {
  const m = decodeNifti(niftiBytes({ dim: [3, 2, 2, 2, 1, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [1, 0.5, 0.5, 0.5], xyztUnits: 1 }, data8));
  assert.deepEqual([...m.spacing], [500, 500, 500]);
  const um = decodeNifti(niftiBytes({ dim: [3, 2, 2, 2, 1, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [1, 500, 500, 500], xyztUnits: 3 }, data8));
  assert.deepEqual([...um.spacing], [0.5, 0.5, 0.5]);
});

test('a negative pixdim is made positive and flips its direction column (ITK ImageFileReader)', () => {
  const v = decodeNifti(niftiBytes({ dim: [3, 2, 2, 2, 1, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [1, -2, 1, 1], qformCode: 1, quatern: [0, 0, 0] }, data8));
  assert.deepEqual([...v.spacing], [2, 1, 1]);
  assert.deepEqual([...v.direction], [1, 0, 0, 0, -1, 0, 0, 0, 1]);
});

test('2-D images become one-slice volumes; trailing unit dimensions are ignored; 4-D is refused', () => {
  const v2 = decodeNifti(niftiBytes({ dim: [2, 4, 2, 1, 1, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [1, 1, 1, 0] }, data8));
  assert.deepEqual([...v2.size], [4, 2, 1]);
  const v4 = decodeNifti(niftiBytes({ dim: [4, 2, 2, 2, 1, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [1, 1, 1, 1, 1] }, data8));
  assert.deepEqual([...v4.size], [2, 2, 2]);
  assert.throws(() => decodeNifti(niftiBytes({ dim: [4, 2, 2, 1, 2, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [1, 1, 1, 1, 1] }, data8), 't.nii'),
    (e: unknown) => e instanceof UnsupportedFormatError && /4-D/.test(e.message) && /t\.nii/.test(e.message));
});

test('vox_offset past 352 (header extensions) is honoured', () => {
  const v = decodeNifti(niftiBytes({ dim: [3, 2, 2, 2, 1, 1, 1, 1], datatype: 4, bitpix: 16, pixdim: [1, 1, 1, 1], voxOffset: 400 }, data8));
  assert.deepEqual([...v.data], [0, 1, 2, 3, 4, 5, 6, 7]);
});

function roundTrip(data: VoxelArray, gzip: boolean): void {
  // float32-representable oblique geometry (NIfTI stores geometry as float32)
  const c = 0.6, s = 0.8; // a rotation about z with exact cos/sin
  const v = makeVolume({ size: [3, 2, 2], spacing: [0.75, 1.25, 2.5], origin: [-120.5, 33.25, 7.125], direction: [c, -s, 0, s, c, 0, 0, 0, 1] }, data);
  const back = decodeNifti(encodeNifti(v, { gzip }));
  assert.equal(back.data.constructor, data.constructor);
  assert.deepEqual([...back.data], [...data]);
  assert.deepEqual([...back.size], [...v.size]);
  assert.ok(sameGeometry(back, v), `geometry ${JSON.stringify([back.spacing, back.origin, back.direction])}`);
  close(back.direction, v.direction, 1e-7, 'direction');
  close(back.origin, v.origin, 1e-5, 'origin');
}

test('write → read round trips keep voxels and geometry (float32, int16, uint8 and the other types; .nii and .nii.gz)', () => {
  const vals = [0, 1, -2, 3, 100, -7, 8, 9, 10, 11, 12, 13];
  for (const gzip of [false, true]) {
    roundTrip(Float32Array.from(vals.map((x) => x * 1.5 + 0.25)), gzip);
    roundTrip(Int16Array.from(vals.map((x) => x * 300)), gzip);
    roundTrip(Uint8Array.from(vals.map((x) => Math.abs(x) * 2)), gzip);
    roundTrip(Int8Array.from(vals), gzip);
    roundTrip(Uint16Array.from(vals.map((x) => Math.abs(x) * 5000 % 65536)), gzip);
    roundTrip(Int32Array.from(vals.map((x) => x * 100000)), gzip);
    roundTrip(Uint32Array.from(vals.map((x) => Math.abs(x) * 300000000)), gzip);
    roundTrip(Float64Array.from(vals.map((x) => x / 3)), gzip);
  }
});

test('the writer produces ITK-style headers: qform and sform code 1, srow = RAS direction × spacing, magic n+1', () => {
  const v = makeVolume({ size: [2, 2, 2], spacing: [0.5, 0.75, 2], origin: [10, -20, 30], direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] }, new Int16Array(8));
  const b = encodeNifti(v);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  assert.equal(dv.getInt32(0, true), 348);
  assert.equal(dv.getInt16(252, true), 1);
  assert.equal(dv.getInt16(254, true), 1);
  assert.equal(String.fromCharCode(b[344], b[345], b[346], b[347]), 'n+1\0');
  const srow = Array.from({ length: 12 }, (_, i) => dv.getFloat32(280 + 4 * i, true));
  assert.deepEqual(srow, [-0.5, 0, 0, -10, 0, -0.75, 0, 20, 0, 0, 2, 30]);
  assert.equal(dv.getFloat32(108, true), 352);
  assert.equal(b.length, 352 + 16);
  // gzip of the same bytes decodes to the same image
  assert.deepEqual([...decodeNifti(gzipSync(b)).data], [...v.data]);
});
