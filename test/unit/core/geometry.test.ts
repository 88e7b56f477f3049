import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeGeometry, indexToPhysical, physicalToIndex, sameGeometry, assertSameGeometry, geometryDifference } from '../../../src/core/geometry.js';
import { makeVolume } from '../../../src/core/volume.js';
import { maskFromLabelMap, labelCounts, dice, boundingBox } from '../../../src/core/mask.js';
import { GeometryMismatchError, MaskError, CorruptFileError, DlrnError } from '../../../src/core/errors.js';

const g = makeGeometry({ size: [4, 5, 6], spacing: [0.5, 0.75, 3], origin: [10, -20, 5], direction: [0, 1, 0, -1, 0, 0, 0, 0, 1] });

test('index → physical follows origin + D·diag(spacing)·index', () => {
  // i axis maps to column 0 of D = (0,-1,0); j axis to (1,0,0); k to (0,0,1)
  assert.deepEqual(indexToPhysical(g, [2, 0, 0]), [10, -21, 5]);
  assert.deepEqual(indexToPhysical(g, [0, 4, 0]), [13, -20, 5]);
  assert.deepEqual(indexToPhysical(g, [0, 0, 2]), [10, -20, 11]);
});

test('physical → index inverts index → physical', () => {
  for (const idx of [[0, 0, 0], [1.5, 2.25, 3], [3, 4, 5]] as const) {
    const back = physicalToIndex(g, indexToPhysical(g, idx));
    for (let d = 0; d < 3; d++) assert.ok(Math.abs(back[d] - idx[d]) < 1e-12);
  }
});

test('geometry comparison has a tolerance and names the difference', () => {
  const h = makeGeometry({ ...g, origin: [10 + 1e-9, -20, 5] });
  assert.ok(sameGeometry(g, h));
  const k = makeGeometry({ ...g, origin: [10.01, -20, 5] });
  assert.match(geometryDifference(g, k) ?? '', /origin/);
  assert.throws(() => assertSameGeometry(g, k, 'image and mask', undefined, 'm.nrrd'), (e: unknown) => e instanceof GeometryMismatchError && e.code === 'E_GEOMETRY_MISMATCH' && /m\.nrrd/.test(e.message) && /Potential fix/.test(e.message));
  assert.ok(!sameGeometry(g, makeGeometry({ ...g, size: [4, 5, 7] })));
});

test('makeGeometry rejects bad shapes', () => {
  assert.throws(() => makeGeometry({ size: [0, 1, 1] }), RangeError);
  assert.throws(() => makeGeometry({ size: [1, 1, 1], spacing: [1, -1, 1] }), RangeError);
  assert.throws(() => makeGeometry({ size: [1, 1, 1], direction: [1, 0, 0] }), RangeError);
});

test('makeVolume checks the data length', () => {
  assert.throws(() => makeVolume(g, new Float32Array(10)), CorruptFileError);
  const v = makeVolume(g, new Float32Array(120));
  assert.equal(v.data.length, 120);
  assert.ok(Object.isFrozen(v));
});

test('masks from label maps, label counts, Dice and bounding box', () => {
  const lab = new Uint8Array(120);
  lab[5] = 2; lab[6] = 2; lab[7] = 1; lab[119] = 2;
  const lm = makeVolume(g, lab);
  const m2 = maskFromLabelMap(lm, 2);
  assert.equal(m2.data.reduce((s, x) => s + x, 0), 3);
  assert.deepEqual([...labelCounts(lm).entries()], [[0, 116], [1, 1], [2, 3]]);
  assert.throws(() => maskFromLabelMap(lm, 3), (e: unknown) => e instanceof MaskError && /labels 1, 2/.test((e as DlrnError).message));
  assert.equal(dice(m2, m2), 1);
  assert.equal(dice(m2, maskFromLabelMap(lm, 1)), 0);
  assert.deepEqual(boundingBox(m2), { lo: [1, 1, 0], hi: [3, 4, 5] });
});
