import { CorruptFileError, GeometryMismatchError, UnsupportedFormatError } from '../../core/errors.js';
import { physicalToIndex, type Geometry } from '../../core/geometry.js';
import { makeVolume, type Volume } from '../../core/volume.js';
import type { DicomDataset } from './dataset.js';
import { assertNativePixelData, decodeFrame, pixelFormat } from './pixels.js';
import { T } from './tags.js';

/** A segment described in a DICOM SEG (SegmentSequence item). */
export interface SegSegment {
  /** SegmentNumber (0062,0004). */
  readonly number: number;
  /** SegmentLabel (0062,0005). */
  readonly label: string;
}

/** The segments of a SEG object. */
export function segSegments(ds: DicomDataset): SegSegment[] {
  return ds.seq(T.SegmentSequence).map((it, i) => ({
    number: it.number(T.SegmentNumber, i + 1, 'US')!,
    label: it.string(T.SegmentLabel) ?? `segment ${i + 1}`,
  }));
}

/** First item of a functional-group sequence, per-frame item first, then shared. */
function group(perFrame: DicomDataset | undefined, shared: DicomDataset | undefined, seqTag: number): DicomDataset | undefined {
  return perFrame?.seq(seqTag)[0] ?? shared?.seq(seqTag)[0];
}

/**
 * Places the frames of a DICOM Segmentation (PS3.3 A.51; binary or fractional, per-frame functional
 * groups) on an image grid and returns a label map of segment numbers (uint16; where segments overlap
 * the higher number is kept). Fractional frames count as inside where value / MaximumFractionalValue ≥ 0.5.
 *
 * Each frame's Image Position (Patient) must fall on a slice of `like` and on whole voxels in-plane, with
 * the same orientation and pixel spacing (tolerance 1e-3 voxel / 1e-4 relative); otherwise a
 * {@link GeometryMismatchError} says how the SEG differs from the image.
 */
export function readSegOnGrid(ds: DicomDataset, like: Geometry, file?: string): Volume<Uint16Array> {
  return makeVolume(like, placeSegFrames(ds, like, file, -1).labels);
}

/**
 * The label map and the binary mask of one segment of a DICOM SEG on an image grid, in one pass
 * (the mask is exact also where segments overlap). Same placement rules as {@link readSegOnGrid};
 * the caller checks that the mask is not empty.
 */
export function readSegSegmentOnGrid(ds: DicomDataset, like: Geometry, segment: number, file?: string): { labelMap: Volume<Uint16Array>; mask: Volume<Uint8Array> } {
  const r = placeSegFrames(ds, like, file, segment);
  return { labelMap: makeVolume(like, r.labels), mask: makeVolume(like, r.mask) };
}

function placeSegFrames(ds: DicomDataset, like: Geometry, file: string | undefined, segment: number): { labels: Uint16Array; mask: Uint8Array } {
  assertNativePixelData(ds);
  const pf = pixelFormat(ds);
  const type = (ds.string(T.SegmentationType) ?? 'BINARY').toUpperCase();
  if (type === 'BINARY' ? pf.bitsAllocated !== 1 : pf.bitsAllocated !== 8) {
    throw new CorruptFileError('the DICOM SEG pixel format does not match its SegmentationType', { file, expected: 'BINARY with 1 bit, FRACTIONAL with 8 bits', found: `${type} with ${pf.bitsAllocated} bits` });
  }
  if (type !== 'BINARY' && type !== 'FRACTIONAL') throw new UnsupportedFormatError('unsupported SegmentationType', { file, expected: 'BINARY or FRACTIONAL', found: type });
  const maxFraction = type === 'FRACTIONAL' ? ds.number(T.MaximumFractionalValue, 255, 'US')! : 1;
  const shared = ds.seq(T.SharedFunctionalGroupsSequence)[0];
  const perFrame = ds.seq(T.PerFrameFunctionalGroupsSequence);
  if (perFrame.length !== pf.frames) {
    throw new CorruptFileError('the DICOM SEG has a different number of per-frame functional groups than frames', { file, expected: `${pf.frames} items in (5200,9230)`, found: `${perFrame.length}` });
  }
  const [nx, ny, nz] = like.size;
  const labels = new Uint16Array(nx * ny * nz);
  const mask = new Uint8Array(segment >= 0 ? nx * ny * nz : 0);
  const frame = new Float64Array(pf.rows * pf.columns);
  for (let f = 0; f < pf.frames; f++) {
    const pfg = perFrame[f];
    const seg = group(pfg, shared, T.SegmentIdentificationSequence)?.number(T.ReferencedSegmentNumber, undefined, 'US');
    const ipp = group(pfg, shared, T.PlanePositionSequence)?.numbers(T.ImagePositionPatient);
    const iop = group(pfg, shared, T.PlaneOrientationSequence)?.numbers(T.ImageOrientationPatient);
    const ps = group(pfg, shared, T.PixelMeasuresSequence)?.numbers(T.PixelSpacing);
    if (seg === undefined || !ipp || ipp.length !== 3 || !iop || iop.length !== 6 || !ps || ps.length !== 2) {
      throw new CorruptFileError(`DICOM SEG frame ${f + 1} lacks its segment number, position, orientation or pixel spacing`, {
        file, expected: 'ReferencedSegmentNumber, ImagePositionPatient, ImageOrientationPatient and PixelSpacing in the functional groups',
      });
    }
    checkPlane(like, iop, ps, f, file);
    const idx = physicalToIndex(like, [ipp[0], ipp[1], ipp[2]]);
    const r = idx.map(Math.round);
    if (idx.some((x, d) => Math.abs(x - r[d]) > 1e-3) || r[2] < 0 || r[2] >= nz) {
      throw new GeometryMismatchError(`DICOM SEG frame ${f + 1} does not lie on a slice of the image grid`, {
        file, expected: 'frame positions on voxel centres of the image', found: `continuous index (${idx.map((x) => x.toFixed(3)).join(', ')})`,
        fix: 'read the SEG with the image series it was made from (its Referenced Series).',
      });
    }
    decodeFrame(ds, pf, f, frame, 0);
    const i0 = r[0] | 0;
    const j0 = r[1] | 0;
    const k = r[2] | 0;
    const rows = pf.rows;
    const cols = pf.columns;
    const threshold = 0.5 * maxFraction;
    for (let j = 0; j < rows; j++) {
      for (let i = 0; i < cols; i++) {
        const v = frame[j * cols + i];
        if (v === 0 || v < threshold) continue;
        const x = i0 + i;
        const y = j0 + j;
        if (x < 0 || y < 0 || x >= nx || y >= ny) {
          throw new GeometryMismatchError(`DICOM SEG frame ${f + 1} has segment voxels outside the image grid`, { file, found: `voxel (${x}, ${y}, ${k})`, fix: 'read the SEG with the image series it was made from.' });
        }
        const p = x + nx * (y + ny * k);
        if (seg > labels[p]) labels[p] = seg;
        if (seg === segment) mask[p] = 1;
      }
    }
  }
  return { labels, mask };
}

function checkPlane(like: Geometry, iop: number[], ps: number[], f: number, file: string | undefined): void {
  const d = like.direction;
  const same = Math.abs(iop[0] - d[0]) < 1e-4 && Math.abs(iop[1] - d[3]) < 1e-4 && Math.abs(iop[2] - d[6]) < 1e-4
    && Math.abs(iop[3] - d[1]) < 1e-4 && Math.abs(iop[4] - d[4]) < 1e-4 && Math.abs(iop[5] - d[7]) < 1e-4;
  const spacing = Math.abs(ps[1] - like.spacing[0]) <= 1e-4 * like.spacing[0] && Math.abs(ps[0] - like.spacing[1]) <= 1e-4 * like.spacing[1];
  if (!same || !spacing) {
    throw new GeometryMismatchError(`DICOM SEG frame ${f + 1} is not on the image grid`, {
      file, expected: `orientation ${[d[0], d[3], d[6], d[1], d[4], d[7]].join('\\')}, pixel spacing ${like.spacing[1]}\\${like.spacing[0]}`,
      found: `orientation ${iop.join('\\')}, pixel spacing ${ps.join('\\')}`, fix: 'read the SEG with the image series it was made from, or resample it.',
    });
  }
}
