import { MaskError, UnsupportedFormatError } from '../../core/errors.js';
import type { Geometry } from '../../core/geometry.js';
import type { Mask } from '../../core/mask.js';
import { makeVolume } from '../../core/volume.js';
import { mat3Inverse } from '../../core/vec.js';
import type { DicomDataset } from './dataset.js';
import { T } from './tags.js';

/** One planar contour of an RTSTRUCT ROI: points (x, y, z) in patient LPS mm, flattened. */
export interface RtContour {
  /** ContourGeometricType (3006,0042): CLOSED_PLANAR, OPEN_PLANAR, POINT... */
  readonly type: string;
  readonly points: Float64Array;
}

/** An ROI of an RT Structure Set. */
export interface RtRoi {
  /** ROINumber (3006,0022). */
  readonly number: number;
  /** ROIName (3006,0026). */
  readonly name: string;
  readonly contours: readonly RtContour[];
}

/** Reads every ROI of an RT Structure Set (StructureSetROISequence joined to ROIContourSequence by ROI number). */
export function parseRtStruct(ds: DicomDataset): RtRoi[] {
  const names = new Map<number, string>();
  for (const it of ds.seq(T.StructureSetROISequence)) {
    const n = it.number(T.ROINumber);
    if (n !== undefined) names.set(n, it.string(T.ROIName) ?? `ROI ${n}`);
  }
  const rois: RtRoi[] = [];
  const seen = new Set<number>();
  for (const it of ds.seq(T.ROIContourSequence)) {
    const n = it.number(T.ReferencedROINumber);
    if (n === undefined) continue;
    seen.add(n);
    const contours: RtContour[] = it.seq(T.ContourSequence).map((c) => ({
      type: (c.string(T.ContourGeometricType) ?? 'CLOSED_PLANAR').toUpperCase(),
      points: Float64Array.from(c.numbers(T.ContourData) ?? []),
    }));
    rois.push({ number: n, name: names.get(n) ?? `ROI ${n}`, contours });
  }
  for (const [n, name] of names) if (!seen.has(n)) rois.push({ number: n, name, contours: [] });
  return rois;
}

/** Picks an ROI by name (exact, then case-insensitive), or the only one; MaskError listing the names otherwise. */
export function chooseRoi(rois: readonly RtRoi[], roiName: string | undefined, file?: string): RtRoi {
  const list = rois.map((r) => `"${r.name}"`).join(', ') || 'none';
  if (roiName === undefined) {
    if (rois.length === 1) return rois[0];
    throw new MaskError(rois.length === 0 ? 'the RT structure set has no ROI' : `the RT structure set has ${rois.length} ROIs`, {
      file, expected: 'one ROI, or a chosen ROI name', found: `ROIs ${list}`, fix: 'choose one with --roi-name "<name>" (API: readMask(path, { roiName, like })).',
    });
  }
  const r = rois.find((x) => x.name === roiName) ?? rois.find((x) => x.name.toLowerCase() === roiName.toLowerCase());
  if (!r) throw new MaskError(`ROI "${roiName}" is not in the RT structure set`, { file, expected: `an ROI named "${roiName}"`, found: `ROIs ${list}`, fix: 'use one of the ROI names listed.' });
  return r;
}

/**
 * Rasterises the closed planar contours of an ROI onto an image grid, slice by slice, as plastimatch and
 * the ITK-based RT importers do: each contour is mapped to continuous voxel indices, assigned to the
 * nearest slice, and every voxel whose centre lies inside the polygon (even-odd rule, scan-line crossings
 * at the centre row) is toggled; toggling (XOR) the contours of a slice makes nested contours holes.
 *
 * @param like the image grid (the CT the structure set was drawn on)
 * @throws UnsupportedFormatError when a contour is not parallel to the image slices;
 *   MaskError when the ROI has no closed contour or none falls inside the grid.
 */
export function rasterizeRoi(roi: RtRoi, like: Geometry, file?: string): Mask {
  const [nx, ny, nz] = like.size;
  const out = new Uint8Array(nx * ny * nz);
  const inv = mat3Inverse(like.direction);
  const [ox, oy, oz] = like.origin;
  const [sx, sy, sz] = like.spacing;
  let closed = 0;
  let placed = 0;
  for (const c of roi.contours) {
    if (c.type !== 'CLOSED_PLANAR' && c.type !== 'CLOSEDPLANAR_XOR') continue;
    const m = Math.floor(c.points.length / 3);
    if (m < 3) continue;
    closed++;
    const xi = new Float64Array(m);
    const yj = new Float64Array(m);
    let kSum = 0;
    let kMin = Infinity;
    let kMax = -Infinity;
    for (let p = 0; p < m; p++) {
      const dx = c.points[3 * p] - ox;
      const dy = c.points[3 * p + 1] - oy;
      const dz = c.points[3 * p + 2] - oz;
      xi[p] = (inv[0] * dx + inv[1] * dy + inv[2] * dz) / sx;
      yj[p] = (inv[3] * dx + inv[4] * dy + inv[5] * dz) / sy;
      const k = (inv[6] * dx + inv[7] * dy + inv[8] * dz) / sz;
      kSum += k;
      if (k < kMin) kMin = k;
      if (k > kMax) kMax = k;
    }
    if (kMax - kMin > 0.1) {
      throw new UnsupportedFormatError(`a contour of ROI "${roi.name}" is not parallel to the image slices`, {
        file, expected: 'planar contours drawn on the slices of the image grid', found: `a contour spanning ${(kMax - kMin).toFixed(2)} slices`,
        fix: 'rasterise this structure set on the image it was drawn on (same orientation), e.g. with 3D Slicer SlicerRT.',
      });
    }
    const k = Math.round(kSum / m);
    if (k < 0 || k >= nz) continue;
    placed++;
    fillPolygonXor(xi, yj, out.subarray(k * nx * ny, (k + 1) * nx * ny), nx, ny);
  }
  if (closed === 0) {
    throw new MaskError(`ROI "${roi.name}" has no closed planar contour`, { file, expected: 'CLOSED_PLANAR contours', found: `${roi.contours.length} contours of types ${[...new Set(roi.contours.map((c) => c.type))].join(', ') || 'none'}` });
  }
  if (placed === 0) {
    throw new MaskError(`ROI "${roi.name}" lies outside the image`, { file, expected: 'contours on slices of the image grid', found: `${closed} contours, none on the ${nz} slices`, fix: 'check that the structure set belongs to this image series.' });
  }
  return makeVolume(like, out);
}

/** Toggles the voxels of one slice (nx × ny, x fastest) whose centres (i, j) are inside the polygon. */
function fillPolygonXor(xi: Float64Array, yj: Float64Array, slice: Uint8Array, nx: number, ny: number): void {
  const m = xi.length;
  let jMin = Infinity;
  let jMax = -Infinity;
  for (let p = 0; p < m; p++) {
    if (yj[p] < jMin) jMin = yj[p];
    if (yj[p] > jMax) jMax = yj[p];
  }
  const j0 = Math.max(0, Math.ceil(jMin));
  const j1 = Math.min(ny - 1, Math.floor(jMax));
  const cross: number[] = [];
  for (let j = j0; j <= j1; j++) {
    cross.length = 0;
    for (let p = 0, q = m - 1; p < m; q = p++) {
      const ya = yj[q];
      const yb = yj[p];
      if ((ya > j) !== (yb > j)) cross.push(xi[q] + ((j - ya) * (xi[p] - xi[q])) / (yb - ya));
    }
    cross.sort((a, b) => a - b);
    const rowBase = j * nx;
    // centre i is inside when an odd number of crossings lie strictly right of it: c[2t] <= i < c[2t+1]
    for (let t = 0; t + 1 < cross.length; t += 2) {
      const a = Math.max(0, Math.ceil(cross[t]));
      const b = Math.min(nx - 1, Math.ceil(cross[t + 1]) - 1);
      for (let i = a; i <= b; i++) slice[rowBase + i] ^= 1;
    }
  }
}
