import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeVolume } from '../../../src/core/volume.js';
import { MaskError, GeometryMismatchError } from '../../../src/core/errors.js';
import { buildSliceInput, sliceAxisFor } from '../../../src/deep/slice-input.js';
import { parseWindows, applyWindow, WINDOW_PRESETS } from '../../../src/deep/windows.js';
import type { BackboneSpec } from '../../../src/deep/backbone.js';

// A 6×5×3 volume whose HU are linear in the index: HU = i + 10·j + 100·k, so bilinear samples are exact.
const size = [6, 5, 3] as const;
const hu = new Float32Array(90);
for (let k = 0; k < 3; k++) for (let j = 0; j < 5; j++) for (let i = 0; i < 6; i++) hu[i + 6 * (j + 5 * k)] = i + 10 * j + 100 * k;
const image = makeVolume({ size, spacing: [1, 1, 2] }, hu);
const m = new Uint8Array(90);
m[1 + 6 * (1 + 5 * 0)] = 1; // one voxel on slice 0
for (const [i, j] of [[1, 1], [2, 1], [1, 2], [2, 2]]) m[i + 6 * (j + 5 * 1)] = 1; // 4 voxels on slice 1
const mask = makeVolume({ size, spacing: [1, 1, 2] }, m);
const spec: BackboneSpec = { id: 't', inputSize: [2, 2], mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] };
const win = parseWindows('150:300'); // HU 0..300 → 0..1

test('largest slice, bounding box and crop of a known ROI', () => {
  const inp = buildSliceInput(image, mask, spec, { marginMm: 0, windows: win });
  assert.equal(inp.axis, 2);
  assert.equal(inp.largestSlice, 1);
  assert.equal(inp.largestArea, 4);
  assert.deepEqual(inp.bbox, [1, 2, 1, 2]);
  assert.deepEqual(inp.crop, { centreU: 1.5, centreV: 1.5, sideMm: 2 });
});

test('the tensor equals a hand-computed crop, window and normalisation', () => {
  // margin 0: side 2 mm, samples at u,v ∈ {1, 2} → HU = u + 10v + 100 (slice 1).
  const inp = buildSliceInput(image, mask, spec, { marginMm: 0, windows: win });
  const huAt = [111, 112, 121, 122]; // (r,c) = (0,0),(0,1),(1,0),(1,1)
  const expected = huAt.map((h) => (h / 300 - 0.5) / 0.25);
  for (let ch = 0; ch < 3; ch++) {
    for (let p = 0; p < 4; p++) assert.ok(Math.abs(inp.tensor[ch * 4 + p] - expected[p]) < 1e-6, `ch${ch} p${p}`);
  }
  // margin 0.5 mm: side 3 mm, samples at 1.5 ± 0.75 → u,v ∈ {0.75, 2.25}.
  const inp2 = buildSliceInput(image, mask, spec, { marginMm: 0.5, windows: win });
  const pos = [0.75, 2.25];
  const exp2 = [0, 1].flatMap((r) => [0, 1].map((c) => ((pos[c] + 10 * pos[r] + 100) / 300 - 0.5) / 0.25));
  for (let p = 0; p < 4; p++) assert.ok(Math.abs(inp2.tensor[p] - exp2[p]) < 1e-5, `p${p}: ${inp2.tensor[p]} vs ${exp2[p]}`);
});

test('samples outside the volume take the nearest edge voxel', () => {
  const inp = buildSliceInput(image, mask, spec, { marginMm: 10, windows: win });
  // side 22 mm centred at 1.5: first sample at 1.5 - 5.5 = -4 → clamped to 0; last at 7 → clamped to 5 (u) / 4 (v).
  const expected = [[0, 0], [5, 0], [0, 4], [5, 4]].map(([u, v]) => ((u + 10 * v + 100) / 300 - 0.5) / 0.25);
  for (let p = 0; p < 4; p++) assert.ok(Math.abs(inp.tensor[p] - expected[p]) < 1e-5);
});

test('2.5D takes the offsets ±1, ±2, ±4 clamped to the volume', () => {
  const inp = buildSliceInput(image, mask, spec, { marginMm: 0, windows: win, mode: '2.5d' });
  assert.deepEqual(inp.slices, [0, 0, 0, 1, 2, 2, 2]);
  assert.equal(inp.tensor.length, 7 * 3 * 4);
  // Slice 2 image (index 4 in the batch) has HU 100 higher than slice 1.
  assert.ok(Math.abs(inp.tensor[4 * 12] - ((211 / 300 - 0.5) / 0.25)) < 1e-5);
});

test('planes follow the direction matrix', () => {
  assert.equal(sliceAxisFor(image, 'axial'), 2);
  assert.equal(sliceAxisFor(image, 'coronal'), 1);
  assert.equal(sliceAxisFor(image, 'sagittal'), 0);
  // A volume stored coronally: index k runs along P, j along S.
  const cor = { direction: [1, 0, 0, 0, 0, 1, 0, 1, 0] as const };
  assert.equal(sliceAxisFor(cor as never, 'axial'), 1);
  assert.equal(sliceAxisFor(cor as never, 'coronal'), 2);
  const inp = buildSliceInput(image, mask, spec, { plane: 'coronal', marginMm: 0, windows: win });
  assert.equal(inp.axis, 1);
  assert.equal(inp.largestSlice, 1); // j=1 holds 3 ROI voxels, j=2 holds 2
});

test('windows: presets, level:width and errors', () => {
  assert.deepEqual(parseWindows('brain').map((w) => w.name), ['brain', 'brain', 'brain']);
  assert.equal(applyWindow(40, WINDOW_PRESETS.brain), 0.5);
  assert.equal(applyWindow(-100, WINDOW_PRESETS.brain), 0);
  assert.equal(applyWindow(500, WINDOW_PRESETS.brain), 1);
  assert.throws(() => parseWindows('brain,blood'), /1 or 3/);
  assert.throws(() => parseWindows('lung'), /unknown window/);
});

test('an empty mask or a mask on another grid is a clear error', () => {
  const empty = makeVolume({ size, spacing: [1, 1, 2] }, new Uint8Array(90));
  assert.throws(() => buildSliceInput(image, empty, spec), MaskError);
  const other = makeVolume({ size, spacing: [1, 1, 3] }, m);
  assert.throws(() => buildSliceInput(image, other, spec), GeometryMismatchError);
});
