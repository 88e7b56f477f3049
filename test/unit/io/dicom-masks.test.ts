import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMask } from '../../../src/io/read-mask.js';
import { encodeDicomSeg } from '../../../src/io/dicom/seg-write.js';
import { encodePart10, type DicomItem, type DicomValue } from '../../../src/io/dicom/write-dataset.js';
import { SOP, T } from '../../../src/io/dicom/tags.js';
import { makeGeometry } from '../../../src/core/geometry.js';
import { makeVolume } from '../../../src/core/volume.js';
import { maskVoxelCount } from '../../../src/core/mask.js';
import { Rng } from '../../../src/core/rng.js';
import { GeometryMismatchError, InvalidInputError, MaskError } from '../../../src/core/errors.js';
import { tempDir } from './fixtures.js';

type El = readonly [string, DicomValue];
const item = (e: [number, El][]): DicomItem => new Map(e);

/** An RTSTRUCT with ROIs given as lists of contours (each a list of [x, y, z] points, LPS mm). */
function rtstruct(rois: { number: number; name: string; contours: number[][][] }[]): Uint8Array {
  const ds = item([
    [T.SOPClassUID, ['UI', SOP.RTStructureSet]],
    [T.SOPInstanceUID, ['UI', '1.2.3.100']],
    [T.Modality, ['CS', 'RTSTRUCT']],
    [T.StructureSetROISequence, ['SQ', rois.map((r) => item([[T.ROINumber, ['IS', String(r.number)]], [T.ROIName, ['LO', r.name]]]))]],
    [T.ROIContourSequence, ['SQ', rois.map((r) => item([
      [T.ReferencedROINumber, ['IS', String(r.number)]],
      [T.ContourSequence, ['SQ', r.contours.map((c) => item([
        [T.ContourGeometricType, ['CS', 'CLOSED_PLANAR']],
        [T.NumberOfContourPoints, ['IS', String(c.length)]],
        [T.ContourData, ['DS', c.flat().join('\\')]],
      ]))]],
    ]))]],
  ]);
  return encodePart10(ds, SOP.RTStructureSet, '1.2.3.100', '1.2.3.4');
}

const square = (x0: number, y0: number, x1: number, y1: number, z: number): number[][] => [[x0, y0, z], [x1, y0, z], [x1, y1, z], [x0, y1, z]];
const grid = makeGeometry({ size: [10, 10, 3], spacing: [1, 1, 2], origin: [0, 0, 0] });

test('RTSTRUCT: voxel centres strictly inside a contour are set; a nested contour is a hole (XOR)', async () => {
  const dir = tempDir();
  const f = join(dir, 'rs.dcm');
  writeFileSync(f, rtstruct([
    { number: 1, name: 'GTV', contours: [square(1.5, 1.5, 5.5, 5.5, 2), square(2.5, 2.5, 4.5, 4.5, 2)] },
    { number: 2, name: 'Edge', contours: [square(1, 1, 5, 5, 4)] },
  ]));
  const gtv = await readMask(f, { like: grid, roiName: 'GTV' });
  // centres 2..5 in x and y on slice 1 (z = 2): 16 voxels, minus the hole's centres 3..4: 4 voxels
  assert.equal(maskVoxelCount(gtv.mask), 12);
  assert.equal(gtv.mask.data[2 + 10 * 2 + 100], 1);
  assert.equal(gtv.mask.data[3 + 10 * 3 + 100], 0);
  assert.equal(gtv.mask.data[2 + 10 * 2], 0, 'other slices stay empty');
  // centres on the boundary: half-open rule, x0 ≤ i < x1 and y0 ≤ j < y1 → 4 × 4 on slice 2
  const edge = await readMask(f, { like: grid, roiName: 'edge' });
  assert.equal(maskVoxelCount(edge.mask), 16);
  assert.equal(edge.mask.data[1 + 10 * 1 + 200], 1);
  assert.equal(edge.mask.data[5 + 10 * 5 + 200], 0);
  await assert.rejects(readMask(f, { like: grid }), (e: unknown) => e instanceof MaskError && /"GTV"/.test(e.message) && /"Edge"/.test(e.message) && /--roi-name/.test(e.message));
  await assert.rejects(readMask(f, { like: grid, roiName: 'PTV' }), (e: unknown) => e instanceof MaskError && /PTV/.test(e.message));
  await assert.rejects(readMask(f, { roiName: 'GTV' }), InvalidInputError);
});

test('RTSTRUCT on a rotated grid: contours are mapped through the direction matrix', async () => {
  const dir = tempDir();
  const f = join(dir, 'rs.dcm');
  // voxel (i, j) centre is at x = −j, y = i (columns (0,1,0) and (−1,0,0))
  const rot = makeGeometry({ size: [10, 10, 1], spacing: [1, 1, 1], origin: [0, 0, 0], direction: [0, -1, 0, 1, 0, 0, 0, 0, 1] });
  writeFileSync(f, rtstruct([{ number: 7, name: 'R', contours: [square(-5.5, 1.5, -1.5, 5.5, 0)] }]));
  const m = await readMask(f, { like: rot });
  assert.equal(maskVoxelCount(m.mask), 16);
  for (let j = 0; j < 10; j++) for (let i = 0; i < 10; i++) assert.equal(m.mask.data[i + 10 * j], i >= 2 && i <= 5 && j >= 2 && j <= 5 ? 1 : 0);
});

test('DICOM SEG: write → read on the same grid is exact (bits packed across frames of 3×3 pixels)', async () => {
  const rng = Rng.fromSeed(11);
  const g = makeGeometry({ size: [3, 3, 5], spacing: [0.8, 0.9, 2.5], origin: [-12.5, 40.25, -7], direction: [0.6, -0.8, 0, 0.8, 0.6, 0, 0, 0, 1] });
  const data = Uint8Array.from({ length: 45 }, (_, p) => (p >= 9 && p < 18 ? 0 : rng.bernoulli(0.5) ? 1 : 0));
  const mask = makeVolume(g, data);
  const dir = tempDir();
  const f = join(dir, 'seg.dcm');
  writeFileSync(f, encodeDicomSeg(mask, { segmentLabel: 'lesion', segmentNumber: 2 }));
  const back = await readMask(f, { like: g, segmentNumber: 2 });
  assert.deepEqual([...back.mask.data], [...data]);
  assert.deepEqual([...back.labelMap.data], [...data].map((x) => x * 2));
  await assert.rejects(readMask(f, { like: g, segmentNumber: 1 }), (e: unknown) => e instanceof MaskError && /segment 1/.test(e.message) && /lesion/.test(e.message));
  const shifted = makeGeometry({ ...g, origin: [-12.1, 40.25, -7] });
  await assert.rejects(readMask(f, { like: shifted, segmentNumber: 2 }), GeometryMismatchError);
  const otherSpacing = makeGeometry({ ...g, spacing: [1, 1, 2.5] });
  await assert.rejects(readMask(f, { like: otherSpacing, segmentNumber: 2 }), GeometryMismatchError);
  assert.equal(encodeDicomSeg(mask, { segmentLabel: 'lesion', segmentNumber: 2 }).length, encodeDicomSeg(mask, { segmentLabel: 'lesion', segmentNumber: 2 }).length);
  assert.deepEqual(encodeDicomSeg(mask), encodeDicomSeg(mask), 'the writer is deterministic');
});

test('DICOM SEG: fractional frames (≥ 0.5 of MaximumFractionalValue) and overlapping segments', async () => {
  // 2×2 frames on a 2×2×2 grid; segment 1 on slice 0 and segment 2 on slices 0 and 1
  const g = makeGeometry({ size: [2, 2, 2], spacing: [1, 1, 1], origin: [0, 0, 0] });
  const frames = [
    { seg: 1, z: 0, px: [255, 128, 127, 0] },
    { seg: 2, z: 0, px: [200, 0, 200, 0] },
    { seg: 2, z: 1, px: [0, 0, 0, 255] },
  ];
  const fg = (seg: number, z: number): DicomItem => item([
    [T.PlanePositionSequence, ['SQ', [item([[T.ImagePositionPatient, ['DS', `0\\0\\${z}`]]])]]],
    [T.SegmentIdentificationSequence, ['SQ', [item([[T.ReferencedSegmentNumber, ['US', [seg]]]])]]],
  ]);
  const ds = item([
    [T.SOPClassUID, ['UI', SOP.Segmentation]], [T.SOPInstanceUID, ['UI', '1.2.3.200']], [T.Modality, ['CS', 'SEG']],
    [T.SamplesPerPixel, ['US', [1]]], [T.NumberOfFrames, ['IS', '3']], [T.Rows, ['US', [2]]], [T.Columns, ['US', [2]]],
    [T.BitsAllocated, ['US', [8]]], [T.BitsStored, ['US', [8]]], [T.HighBit, ['US', [7]]], [T.PixelRepresentation, ['US', [0]]],
    [T.SegmentationType, ['CS', 'FRACTIONAL']], [T.SegmentationFractionalType, ['CS', 'PROBABILITY']], [T.MaximumFractionalValue, ['US', [255]]],
    [T.SegmentSequence, ['SQ', [item([[T.SegmentNumber, ['US', [1]]], [T.SegmentLabel, ['LO', 'a']]]), item([[T.SegmentNumber, ['US', [2]]], [T.SegmentLabel, ['LO', 'b']]])]]],
    [T.SharedFunctionalGroupsSequence, ['SQ', [item([
      [T.PixelMeasuresSequence, ['SQ', [item([[T.PixelSpacing, ['DS', '1\\1']], [T.SliceThickness, ['DS', '1']]])]]],
      [T.PlaneOrientationSequence, ['SQ', [item([[T.ImageOrientationPatient, ['DS', '1\\0\\0\\0\\1\\0']]])]]],
    ])]]],
    [T.PerFrameFunctionalGroupsSequence, ['SQ', frames.map((f) => fg(f.seg, f.z))]],
    [T.PixelData, ['OB', Uint8Array.from(frames.flatMap((f) => f.px))]],
  ]);
  const f = join(tempDir(), 'frac.dcm');
  writeFileSync(f, encodePart10(ds, SOP.Segmentation, '1.2.3.200', '1.2.3.4'));
  const a = await readMask(f, { like: g, segmentNumber: 1 });
  assert.deepEqual([...a.mask.data], [1, 1, 0, 0, 0, 0, 0, 0], '255 and 128 of 255 are ≥ 0.5, 127 is not');
  const b = await readMask(f, { like: g, segmentNumber: 2 });
  assert.deepEqual([...b.mask.data], [1, 0, 1, 0, 0, 0, 0, 1], 'segment 2 is exact where it overlaps segment 1');
  assert.deepEqual([...b.labelMap.data], [2, 1, 2, 0, 0, 0, 0, 2], 'the label map keeps the higher segment number');
});
