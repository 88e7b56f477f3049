import { InvalidInputError, MaskError } from '../core/errors.js';
import { assertSameGeometry } from '../core/geometry.js';
import type { Mask } from '../core/mask.js';
import type { Volume } from '../core/volume.js';
import type { BackboneSpec } from './backbone.js';
import { DEFAULT_WINDOWS, type CtWindow } from './windows.js';

/** Anatomical plane of the 2D input. */
export type SlicePlane = 'axial' | 'coronal' | 'sagittal';

/** Options of the CNN input construction. */
export interface SliceInputOptions {
  /** Plane of the slices (default axial). The slice axis is the index axis closest to S (axial), P (coronal) or L (sagittal). */
  readonly plane?: SlicePlane;
  /** Margin around the ROI bounding box, in mm (default 10). */
  readonly marginMm?: number;
  /** Windows mapped to the R, G, B channels (default brain, subdural, blood). */
  readonly windows?: readonly [CtWindow, CtWindow, CtWindow];
  /** `2d`: the largest ROI slice only; `2.5d`: also the slices at ±1, ±2, ±4 (default 2d). */
  readonly mode?: '2d' | '2.5d';
}

/** Slice offsets used in 2.5D mode, in this order. */
export const OFFSETS_25D = [-4, -2, -1, 0, 1, 2, 4] as const;

/** The constructed network input and how it was made. */
export interface SliceInput {
  /** Float32 NCHW tensor data of `slices.length` images. */
  readonly tensor: Float32Array;
  /** Slice indices (along `axis`) of the images, in tensor order. */
  readonly slices: readonly number[];
  /** Index axis (0 = i, 1 = j, 2 = k) perpendicular to the plane. */
  readonly axis: 0 | 1 | 2;
  /** The slice with the largest ROI area, and that area in voxels. */
  readonly largestSlice: number;
  readonly largestArea: number;
  /** ROI bounding box in the largest slice: [uMin, uMax, vMin, vMax] (inclusive in-plane indices; u = lower in-plane axis). */
  readonly bbox: readonly [number, number, number, number];
  /** The square crop in in-plane index coordinates: centre (u, v) and side in mm. */
  readonly crop: { readonly centreU: number; readonly centreV: number; readonly sideMm: number };
}

/** The index axis perpendicular to a plane: the one whose direction is closest to S, P or L. */
export function sliceAxisFor(image: Pick<Volume, 'direction'>, plane: SlicePlane): 0 | 1 | 2 {
  const comp = plane === 'axial' ? 2 : plane === 'coronal' ? 1 : 0; // LPS component: L=0, P=1, S=2
  let best: 0 | 1 | 2 = 0;
  let bestAbs = -1;
  for (const a of [0, 1, 2] as const) {
    const v = Math.abs(image.direction[comp * 3 + a]); // row comp, column a of the row-major matrix
    if (v > bestAbs + 1e-12) { bestAbs = v; best = a; }
  }
  return best;
}

/**
 * Builds the CNN input for one lesion: the slice with the largest ROI area in the chosen plane (the lowest
 * index wins ties), a square crop centred on the ROI bounding box of that slice with side
 * max(width, height) + 2·margin (mm), resampled bilinearly to the backbone's input size (pixel centres
 * evenly spaced over the crop; positions outside the volume take the nearest edge voxel), each channel
 * windowed to [0, 1] and normalised by the backbone's mean/std. Rows run along the higher in-plane index
 * axis (v), columns along the lower one (u). In 2.5D mode the same crop is taken on the slices at the
 * offsets {@link OFFSETS_25D} (clamped to the volume).
 */
export function buildSliceInput(image: Volume, mask: Mask, spec: BackboneSpec, opts: SliceInputOptions = {}): SliceInput {
  assertSameGeometry(image, mask, 'image and mask');
  const axis = sliceAxisFor(image, opts.plane ?? 'axial');
  const [ua, va] = ([0, 1, 2] as const).filter((a) => a !== axis) as [0 | 1 | 2, 0 | 1 | 2];
  const size = image.size;
  const stride = [1, size[0], size[0] * size[1]];
  const nSlices = size[axis];
  const md = mask.data;
  const areas = sliceAreas(md, size, axis);
  let largest = -1;
  let largestArea = 0;
  for (let s = 0; s < nSlices; s++) if (areas[s] > largestArea) { largestArea = areas[s]; largest = s; }
  if (largest < 0) {
    throw new MaskError('the mask is empty', { expected: 'at least one ROI voxel for the deep-feature crop', found: '0 voxels', fix: 'check the mask file and the label value.' });
  }
  // Bounding box of the ROI in the largest slice.
  let uMin = Infinity, uMax = -Infinity, vMin = Infinity, vMax = -Infinity;
  for (let v = 0; v < size[va]; v++) {
    for (let u = 0; u < size[ua]; u++) {
      const p = largest * stride[axis] + u * stride[ua] + v * stride[va];
      if (md[p] !== 0) {
        if (u < uMin) uMin = u;
        if (u > uMax) uMax = u;
        if (v < vMin) vMin = v;
        if (v > vMax) vMax = v;
      }
    }
  }
  const su = image.spacing[ua];
  const sv = image.spacing[va];
  const margin = opts.marginMm ?? 10;
  if (!(margin >= 0)) throw new InvalidInputError('the crop margin must be ≥ 0 mm', { found: String(margin) });
  const widthMm = (uMax - uMin + 1) * su;
  const heightMm = (vMax - vMin + 1) * sv;
  const sideMm = Math.max(widthMm, heightMm) + 2 * margin;
  const centreU = (uMin + uMax) / 2;
  const centreV = (vMin + vMax) / 2;
  const slices = (opts.mode ?? '2d') === '2.5d'
    ? OFFSETS_25D.map((o) => Math.min(nSlices - 1, Math.max(0, largest + o)))
    : [largest];
  const [h, w] = spec.inputSize;
  const windows = opts.windows ?? DEFAULT_WINDOWS;
  const tensor = new Float32Array(slices.length * 3 * h * w);
  const plane = new Float64Array(h * w);
  const data = image.data;
  // Sample positions are the same on every slice: per-column (u) and per-row (v) voxel offsets and weights.
  const cols = samplePositions(w, centreU, sideMm / su, size[ua], stride[ua]);
  const rows = samplePositions(h, centreV, sideMm / sv, size[va], stride[va]);
  for (let b = 0; b < slices.length; b++) {
    bilinearPlane(data, slices[b] * stride[axis], rows, cols, plane);
    for (let ch = 0; ch < 3; ch++) {
      const win = windows[ch];
      windowAndNormalise(plane, win.level - win.width / 2, win.width, spec.mean[ch], spec.std[ch], tensor, (b * 3 + ch) * h * w);
    }
  }
  return { tensor, slices, axis, largestSlice: largest, largestArea, bbox: [uMin, uMax, vMin, vMax], crop: { centreU, centreV, sideMm } };
}

/** ROI voxel count of each slice along `axis`. */
function sliceAreas(md: Uint8Array, size: readonly number[], axis: 0 | 1 | 2): Float64Array {
  const areas = new Float64Array(size[axis]);
  const [nx, ny, nz] = size;
  if (axis === 2) {
    const n = nx * ny;
    for (let k = 0; k < nz; k++) {
      let count = 0;
      for (let p = k * n, end = p + n; p < end; p++) count += md[p] !== 0 ? 1 : 0;
      areas[k] = count;
    }
    return areas;
  }
  let p = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      if (axis === 0) {
        for (let i = 0; i < nx; i++, p++) if (md[p] !== 0) areas[i]++;
      } else {
        let count = 0;
        for (let i = 0; i < nx; i++, p++) count += md[p] !== 0 ? 1 : 0;
        areas[j] += count;
      }
    }
  }
  return areas;
}

/** Bilinear sample positions along one in-plane axis: lower/upper voxel offsets and the upper weight. */
interface SamplePositions {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly frac: Float64Array;
}

/**
 * `n` sample centres evenly spaced over a crop of `extent` voxels centred on `centre` (clamped to the volume,
 * i.e. the nearest edge voxel outside it), as voxel offsets (index × stride) and interpolation weights.
 */
function samplePositions(n: number, centre: number, extent: number, len: number, stride: number): SamplePositions {
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  const frac = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const x = clamp(centre + ((t + 0.5) / n - 0.5) * extent, 0, len - 1);
    const x0 = Math.floor(x);
    lo[t] = x0 * stride;
    hi[t] = Math.min(x0 + 1, len - 1) * stride;
    frac[t] = x - x0;
  }
  return { lo, hi, frac };
}

/** Bilinear HU samples of one slice (voxel offset `base`) on the rows × cols grid, into `out` (row-major). */
function bilinearPlane(data: ArrayLike<number>, base: number, rows: SamplePositions, cols: SamplePositions, out: Float64Array): void {
  const w = cols.lo.length;
  for (let r = 0; r < rows.lo.length; r++) {
    const r0 = base + rows.lo[r];
    const r1 = base + rows.hi[r];
    const fv = rows.frac[r];
    for (let c = 0, q = r * w; c < w; c++, q++) {
      const c0 = cols.lo[c];
      const c1 = cols.hi[c];
      const fu = cols.frac[c];
      const a00 = data[r0 + c0];
      const a10 = data[r0 + c1];
      const a01 = data[r1 + c0];
      const a11 = data[r1 + c1];
      out[q] = (1 - fv) * ((1 - fu) * a00 + fu * a10) + fv * ((1 - fu) * a01 + fu * a11);
    }
  }
}

/** One channel: window [lo, lo + width] → [0, 1] (clipped, as {@link applyWindow}), then (x − mean) / sd. */
function windowAndNormalise(plane: Float64Array, lo: number, width: number, mean: number, sd: number, out: Float32Array, off: number): void {
  for (let p = 0; p < plane.length; p++) {
    const v = (plane[p] - lo) / width;
    out[off + p] = ((v < 0 ? 0 : v > 1 ? 1 : v) - mean) / sd;
  }
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
