import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskBoundingBox, padBox, cropArray, cropToMask } from '../../../src/preprocess/crop.js';
import { makeVolume } from '../../../src/core/volume.js';
import { MaskError } from '../../../src/core/errors.js';

test('bounding box, padding clipped to the grid, crop copies the right voxels', () => {
  const size = [4, 3, 2] as const;
  const mask = new Uint8Array(24);
  mask[1 + 4 * (1 + 3 * 0)] = 1; // (1,1,0)
  mask[2 + 4 * (2 + 3 * 1)] = 1; // (2,2,1)
  const box = maskBoundingBox(mask, size);
  assert.deepEqual(box, { lo: [1, 1, 0], hi: [2, 2, 1] });
  assert.deepEqual(padBox(box, 5, size), { lo: [0, 0, 0], hi: [3, 2, 1] });
  const data = Float64Array.from({ length: 24 }, (_, i) => i);
  const c = cropArray(data, size, box);
  assert.deepEqual(Array.from(c), [5, 6, 9, 10, 17, 18, 21, 22]);
  assert.throws(() => maskBoundingBox(new Uint8Array(24), size), MaskError);
});

test('cropToMask moves the origin so physical positions are kept', () => {
  const g = { size: [4, 3, 2], spacing: [2, 3, 4], origin: [10, 20, 30], direction: [-1, 0, 0, 0, 1, 0, 0, 0, 1] };
  const img = makeVolume(g, Int16Array.from({ length: 24 }, (_, i) => i));
  const m = new Uint8Array(24);
  m[3 + 4 * (2 + 3 * 1)] = 1;
  m[2 + 4 * (1 + 3 * 1)] = 1;
  const r = cropToMask(img, makeVolume(g, m));
  assert.deepEqual(r.image.size, [2, 2, 1]);
  assert.deepEqual(r.image.origin, [10 - 2 * 2, 20 + 3 * 1, 30 + 4 * 1]);
  assert.ok(r.image.data instanceof Int16Array);
  assert.deepEqual(Array.from(r.image.data), [18, 19, 22, 23]);
});
