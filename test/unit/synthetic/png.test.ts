import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { crc32, encodePng } from '../../../src/synthetic/png.js';
import { InvalidInputError } from '../../../src/core/errors.js';

test('crc32 gives the standard check value of "123456789" (0xCBF43926) and of the IEND chunk type', () => {
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  // the CRC of an empty IEND chunk is fixed by the PNG spec: AE 42 60 82
  assert.equal(crc32(new TextEncoder().encode('IEND')), 0xae426082);
});

/** Splits a PNG into its chunks (type → payload), checking each chunk's CRC. */
function chunks(png: Uint8Array): Map<string, Uint8Array[]> {
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out = new Map<string, Uint8Array[]>();
  let o = 8;
  while (o < png.length) {
    const len = dv.getUint32(o);
    const type = String.fromCharCode(...png.subarray(o + 4, o + 8));
    const payload = png.subarray(o + 8, o + 8 + len);
    assert.equal(dv.getUint32(o + 8 + len), crc32(png.subarray(o + 4, o + 8 + len)), `CRC of ${type}`);
    out.set(type, [...(out.get(type) ?? []), payload]);
    o += 12 + len;
  }
  return out;
}

test('an RGB PNG has the signature, an IHDR with size/depth/colour type, and IDAT rows that inflate to the pixels', () => {
  const w = 3, h = 2;
  const data = Uint8Array.from({ length: w * h * 3 }, (_, i) => (i * 37) % 256);
  const png = encodePng({ width: w, height: h, channels: 3, data });
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const c = chunks(png);
  const ihdr = new DataView(c.get('IHDR')![0].buffer, c.get('IHDR')![0].byteOffset, 13);
  assert.equal(ihdr.getUint32(0), 3);
  assert.equal(ihdr.getUint32(4), 2);
  assert.equal(ihdr.getUint8(8), 8); // bit depth
  assert.equal(ihdr.getUint8(9), 2); // truecolour
  assert.ok(c.has('IEND'));
  const raw = inflateSync(c.get('IDAT')![0]);
  assert.equal(raw.length, h * (1 + w * 3));
  for (let y = 0; y < h; y++) {
    assert.equal(raw[y * (1 + w * 3)], 0, 'filter type 0');
    assert.deepEqual([...raw.subarray(y * (1 + w * 3) + 1, (y + 1) * (1 + w * 3))], [...data.subarray(y * w * 3, (y + 1) * w * 3)]);
  }
});

test('a grey PNG uses colour type 0; a size that does not match the data is an InvalidInputError', () => {
  const png = encodePng({ width: 2, height: 2, channels: 1, data: Uint8Array.of(0, 64, 128, 255) });
  assert.equal(chunks(png).get('IHDR')![0][9], 0);
  assert.throws(() => encodePng({ width: 2, height: 2, channels: 1, data: new Uint8Array(3) }), InvalidInputError);
});
