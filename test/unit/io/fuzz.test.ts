import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { decodeNifti, encodeNifti } from '../../../src/io/nifti.js';
import { decodeNrrd, decodeNrrdDetailedAsync, encodeNrrd } from '../../../src/io/nrrd.js';
import { parseDicom } from '../../../src/io/dicom/parse.js';
import { decodeFrame, pixelFormat } from '../../../src/io/dicom/pixels.js';
import { makeVolume, type Volume } from '../../../src/core/volume.js';
import { DlrnError } from '../../../src/core/errors.js';
import { Rng } from '../../../src/core/rng.js';
import { ctSliceBytes } from './dicom-fixtures.js';

// Seeded fuzzing of the decoders: every mutated input must either decode to a consistent Volume or throw a
// DlrnError (never another exception), and no case may take long (no hang).

const CASES_PER_FORMAT = 6000;
const MAX_CASE_MS = 1000;

function seeds(): Uint8Array[] {
  const g = { size: [4, 3, 2] as [number, number, number], spacing: [0.5, 0.75, 2] as [number, number, number], origin: [1, -2, 3] as [number, number, number], direction: [0.6, -0.8, 0, 0.8, 0.6, 0, 0, 0, 1] };
  const data = [Int16Array.from({ length: 24 }, (_, i) => i * 37 - 300), Float32Array.from({ length: 24 }, (_, i) => i / 3), Uint8Array.from({ length: 24 }, (_, i) => i % 2)];
  return data.map((d) => encodeNifti(makeVolume(g, d))).concat(data.map((d) => encodeNifti(makeVolume(g, d), { gzip: true })))
    .concat(data.map((d) => encodeNrrd(makeVolume(g, d), { encoding: 'raw' }))).concat(data.map((d) => encodeNrrd(makeVolume(g, d), { encoding: 'gzip' })));
}

function mutate(rng: Rng, src: Uint8Array, headerBytes: number): Uint8Array {
  let b = src.slice();
  const kind = rng.int(7);
  const nMut = 1 + rng.int(4);
  for (let m = 0; m < nMut; m++) {
    if (b.length < 2) break;
    switch (kind) {
      case 0: b[rng.int(Math.min(headerBytes, b.length))] = rng.int(256); break; // header byte
      case 1: { // header 16/32-bit field set to an extreme value
        const at = rng.int(Math.max(1, Math.min(headerBytes, b.length) - 4));
        const dv = new DataView(b.buffer);
        const v = rng.choice([0, -1, 1, 32767, -32768, 2147483647, 0x7fc00000, 255, 7]);
        if (rng.bernoulli(0.5)) dv.setInt16(at, v & 0xffff, true); else dv.setInt32(at, v | 0, true);
        break;
      }
      case 2: b = b.subarray(0, rng.int(b.length)); break; // truncation
      case 3: b = new Uint8Array([...b, ...Array.from({ length: 1 + rng.int(40) }, () => rng.int(256))]); break; // trailing bytes
      case 4: b[rng.int(b.length)] = rng.int(256); break; // any byte (data or gzip stream)
      case 5: { // replace a header character with a digit/sign/paren (NRRD numbers and vectors)
        const at = rng.int(Math.min(headerBytes, b.length));
        b[at] = '0123456789-.(),e \n:'.charCodeAt(rng.int(19));
        break;
      }
      default: { // delete a run of bytes
        const at = rng.int(b.length);
        const len = 1 + rng.int(16);
        b = new Uint8Array([...b.subarray(0, at), ...b.subarray(at + len)]);
      }
    }
  }
  return b;
}

function checkVolume(v: Volume): void {
  assert.equal(v.data.length, v.size[0] * v.size[1] * v.size[2]);
  for (const s of v.spacing) assert.ok(Number.isFinite(s) && s > 0, `spacing ${v.spacing}`);
  for (const x of [...v.origin, ...v.direction]) assert.ok(Number.isFinite(x), 'finite geometry');
}

function fuzz(name: string, decode: (b: Uint8Array) => Volume, inputs: Uint8Array[], headerBytes: (b: Uint8Array) => number, rngKey: string): { decoded: number; errors: number; slowest: number } {
  const rng = Rng.fromSeed(20250601).child(rngKey);
  let decoded = 0;
  let errors = 0;
  let slowest = 0;
  for (let c = 0; c < CASES_PER_FORMAT; c++) {
    const src = inputs[rng.int(inputs.length)];
    const input = mutate(rng, src, headerBytes(src));
    const t = performance.now();
    try {
      checkVolume(decode(input));
      decoded++;
    } catch (e) {
      if (!(e instanceof DlrnError)) {
        assert.fail(`${name} case ${c}: ${(e as Error)?.constructor?.name} ${(e as Error)?.message} (input ${input.length} bytes, head ${Buffer.from(input.subarray(0, 48)).toString('hex')})`);
      }
      errors++;
    }
    slowest = Math.max(slowest, performance.now() - t);
  }
  assert.ok(slowest < MAX_CASE_MS, `${name}: slowest case took ${slowest.toFixed(0)} ms`);
  return { decoded, errors, slowest };
}

const all = seeds();
const isNrrd = (b: Uint8Array): boolean => b[0] === 0x4e;

test(`NIfTI: ${CASES_PER_FORMAT} seeded mutations, only DlrnErrors and consistent volumes`, () => {
  const inputs = all.filter((b) => !isNrrd(b));
  const r = fuzz('NIfTI', (b) => decodeNifti(b, 'fuzz.nii'), inputs, (b) => (b[0] === 0x1f ? b.length : 352), 'nifti');
  console.log(`NIfTI fuzz: ${r.decoded} decoded, ${r.errors} typed errors, slowest ${r.slowest.toFixed(1)} ms`);
  assert.ok(r.errors > 0 && r.decoded > 0, 'the mutations exercise both outcomes');
});

test(`NRRD: ${CASES_PER_FORMAT} seeded mutations, only DlrnErrors and consistent volumes`, () => {
  const inputs = all.filter(isNrrd);
  const r = fuzz('NRRD', (b) => decodeNrrd(b, 'fuzz.nrrd'), inputs, (b) => b.indexOf(0x0a0a) > 0 ? b.indexOf(0x0a0a) : new TextDecoder('latin1').decode(b.subarray(0, 600)).indexOf('\n\n') + 2, 'nrrd');
  console.log(`NRRD fuzz: ${r.decoded} decoded, ${r.errors} typed errors, slowest ${r.slowest.toFixed(1)} ms`);
  assert.ok(r.errors > 0 && r.decoded > 0);
});

test('NRRD: the thread-pool decoder (async inflation) gives the synchronous decoder\'s volume or error on 1500 mutations', async () => {
  const inputs = all.filter(isNrrd);
  const rng = Rng.fromSeed(20250602).child('nrrd-async');
  const outcome = (f: () => Volume): string => {
    try {
      const v = f();
      return JSON.stringify([v.size, v.spacing, v.origin, v.direction, v.data.constructor.name, Array.from(v.data)]);
    } catch (e) {
      return `ERR ${(e as DlrnError).code}: ${(e as Error).message}`;
    }
  };
  let errors = 0;
  for (let c = 0; c < 1500; c++) {
    const src = inputs[rng.int(inputs.length)];
    const input = mutate(rng, src, new TextDecoder('latin1').decode(src.subarray(0, 600)).indexOf('\n\n') + 2);
    const sync = outcome(() => decodeNrrd(input, 'fuzz.nrrd'));
    let asyncOutcome: string;
    try {
      const volume = (await decodeNrrdDetailedAsync(input, 'fuzz.nrrd')).volume;
      asyncOutcome = outcome(() => volume);
    } catch (e) {
      asyncOutcome = `ERR ${(e as DlrnError).code}: ${(e as Error).message}`;
    }
    if (sync.startsWith('ERR ')) errors++;
    assert.equal(asyncOutcome, sync, `case ${c}`);
  }
  assert.ok(errors > 0 && errors < 1500, 'both outcomes exercised');
});

test('DICOM: 3000 seeded mutations of a CT slice parse to a dataset or a DlrnError', () => {
  const src = ctSliceBytes({ seriesUid: '1.2.3', sopUid: '1.2.3.4', ipp: [0, 0, 0], rows: 4, cols: 5, stored: Array.from({ length: 20 }, (_, i) => i), intercept: -1024 });
  const rng = Rng.fromSeed(20250601).child('dicom');
  let ok = 0;
  for (let c = 0; c < 3000; c++) {
    const input = mutate(rng, src, src.length);
    try {
      const ds = parseDicom(input, 'fuzz.dcm');
      const pf = pixelFormat(ds);
      if (pf.frames === 1 && pf.rows * pf.columns <= 1e5) decodeFrame(ds, pf, 0, new Float64Array(pf.rows * pf.columns), 0, 1, 0);
      ok++;
    } catch (e) {
      if (!(e instanceof DlrnError)) assert.fail(`DICOM case ${c}: ${(e as Error)?.constructor?.name} ${(e as Error)?.message}`);
    }
  }
  assert.ok(ok > 0);
});

test('a gzip bomb-like NIfTI (huge claimed size, tiny data) fails fast without allocating', () => {
  const b = encodeNifti(makeVolume({ size: [2, 2, 2] }, new Int16Array(8))).slice();
  new DataView(b.buffer).setInt16(42, 32767, true);
  new DataView(b.buffer).setInt16(44, 32767, true);
  new DataView(b.buffer).setInt16(46, 32767, true);
  const t = performance.now();
  assert.throws(() => decodeNifti(gzipSync(b)), DlrnError);
  assert.ok(performance.now() - t < 200);
});
