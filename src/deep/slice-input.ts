import { InvalidInputError, MaskError } from '../core/errors.js';
import { assertSameGeometry } from '../core/geometry.js';
import type { Mask } from '../core/mask.js';
import type { Volume } from '../core/volume.js';
import type { BackboneSpec } from './backbone.js';
import { applyWindow, DEFAULT_WINDOWS, type CtWindow } from './windows.js';

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
  const areas = new Float64Array(nSlices);
  const md = mask.data;
  for (let k = 0; k < size[2]; k++) {
    for (let j = 0; j < size[1]; j++) {
      let p = size[0] * (j + size[1] * k);
      for (let i = 0; i < size[0]; i++, p++) {
        if (md[p] !== 0) areas[axis === 0 ? i : axis === 1 ? j : k]++;
      }
    }
  }
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
  const nu = size[ua];
  const nv = size[va];
  slices.forEach((s, b) => {
    // Bilinear samples of HU on the crop grid.
    for (let r = 0; r < h; r++) {
      const vIdx = clamp(centreV + ((r + 0.5) / h - 0.5) * sideMm / sv, 0, nv - 1);
      const v0 = Math.floor(vIdx);
      const v1 = Math.min(v0 + 1, nv - 1);
      const fv = vIdx - v0;
      for (let c = 0; c < w; c++) {
        const uIdx = clamp(centreU + ((c + 0.5) / w - 0.5) * sideMm / su, 0, nu - 1);
        const u0 = Math.floor(uIdx);
        const u1 = Math.min(u0 + 1, nu - 1);
        const fu = uIdx - u0;
        const base = s * stride[axis];
        const a00 = data[base + u0 * stride[ua] + v0 * stride[va]];
        const a10 = data[base + u1 * stride[ua] + v0 * stride[va]];
        const a01 = data[base + u0 * stride[ua] + v1 * stride[va]];
        const a11 = data[base + u1 * stride[ua] + v1 * stride[va]];
        plane[r * w + c] = (1 - fv) * ((1 - fu) * a00 + fu * a10) + fv * ((1 - fu) * a01 + fu * a11);
      }
    }
    for (let ch = 0; ch < 3; ch++) {
      const off = (b * 3 + ch) * h * w;
      const win = windows[ch];
      const mean = spec.mean[ch];
      const sd = spec.std[ch];
      for (let p = 0; p < h * w; p++) tensor[off + p] = (applyWindow(plane[p], win) - mean) / sd;
    }
  });
  return { tensor, slices, axis, largestSlice: largest, largestArea, bbox: [uMin, uMax, vMin, vMax], crop: { centreU, centreV, sideMm } };
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
