import { InvalidInputError } from '../core/errors.js';
import { indexToPhysical, makeGeometry, physicalToIndex, type Geometry } from '../core/geometry.js';
import type { Vec3 } from '../core/vec.js';
import { makeVolume, type Volume, type VoxelType } from '../core/volume.js';
import type { IndexBox } from './crop.js';
import { resampleSeparable, type AxisMap, type BoundaryMode, type Interpolator } from './interpolate.js';

/**
 * Resampling grids (IBSI 1 §2.3 "Interpolation"; PyRadiomics `imageoperations.resampleImage`) and resampling of
 * volumes onto them. Target grids keep the source's axis directions, so resampling is separable per axis.
 */

/** A target grid plus the per-axis mapping from it to the source grid. */
export interface ResampleGrid {
  readonly geometry: Geometry;
  readonly maps: readonly [AxisMap, AxisMap, AxisMap];
}

/** Per-axis maps from `target` to `source` (same directions required). */
export function axisMaps(source: Geometry, target: Geometry): [AxisMap, AxisMap, AxisMap] {
  for (let d = 0; d < 9; d++) {
    if (Math.abs(source.direction[d] - target.direction[d]) > 1e-6) {
      throw new InvalidInputError('resampling needs a target grid with the same axis directions as the source', {
        found: `directions [${source.direction.join(', ')}] vs [${target.direction.join(', ')}]`,
      });
    }
  }
  const o = physicalToIndex(source, target.origin);
  return [0, 1, 2].map((d) => ({
    sourceSize: source.size[d],
    targetSize: target.size[d],
    offset: o[d],
    step: target.spacing[d] / source.spacing[d],
  })) as [AxisMap, AxisMap, AxisMap];
}

/**
 * IBSI grid: for each axis with a new spacing s′ (null = keep the axis as is), n′ = ⌈n s / s′⌉ voxels, and the new
 * grid is centred on the old one: source index c(j) = (n − 1)/2 + (j − (n′ − 1)/2) s′/s.
 */
export function ibsiGrid(source: Geometry, spacing: readonly (number | null)[]): ResampleGrid {
  if (spacing.length !== 3) throw new InvalidInputError('the new spacing needs 3 values (null keeps an axis)', { found: `${spacing.length}` });
  const size: number[] = [];
  const sp: number[] = [];
  const c0: number[] = [];
  for (let d = 0; d < 3; d++) {
    const s = source.spacing[d];
    const t = spacing[d];
    if (t === null || t === undefined) {
      size.push(source.size[d]); sp.push(s); c0.push(0);
      continue;
    }
    if (!(t > 0)) throw new InvalidInputError('resampled spacing must be positive', { found: String(t) });
    // guard against 204·0.977/2 style products landing a hair above an integer
    const exact = (source.size[d] * s) / t;
    const n = Math.ceil(exact - 1e-9 * Math.max(1, exact));
    size.push(n); sp.push(t);
    c0.push((source.size[d] - 1) / 2 - ((n - 1) / 2) * (t / s));
  }
  const origin = indexToPhysical(source, c0 as unknown as Vec3);
  const geometry = makeGeometry({ size, spacing: sp, origin, direction: source.direction });
  return { geometry, maps: axisMaps(source, geometry) };
}

/** Result of {@link pyradiomicsGrid}: either a resampling grid, or `null` when PyRadiomics would not interpolate. */
export interface PyradiomicsGridResult {
  /** The grid, or null when the requested spacing equals the image spacing (numpy.allclose) and only cropping applies. */
  readonly grid: ResampleGrid | null;
  /** The spacing actually used per axis (0 → original; axes where the ROI is one voxel thick keep theirs). */
  readonly spacing: Vec3;
}

/**
 * PyRadiomics' resampling grid (`resampleImage`): aligned on the mask's origin, covering the ROI bounding box
 * `bb` plus `padDistance` voxels of the new grid, clipped to the image. A requested spacing of 0 keeps the
 * original; an axis where the ROI spans one voxel is not resampled.
 */
export function pyradiomicsGrid(mask: Geometry, bb: IndexBox, resampledPixelSpacing: readonly number[], padDistance: number, imageSpacing: Vec3 = mask.spacing): PyradiomicsGridResult {
  if (resampledPixelSpacing.length !== 3) {
    throw new InvalidInputError('resampledPixelSpacing needs 3 values', { found: `${resampledPixelSpacing.length} values`, fix: 'give [x, y, z] in mm (0 keeps an axis).' });
  }
  const sp: number[] = [];
  for (let d = 0; d < 3; d++) {
    let s = resampledPixelSpacing[d] === 0 ? mask.spacing[d] : resampledPixelSpacing[d];
    if (bb.hi[d] - bb.lo[d] + 1 === 1) s = mask.spacing[d];
    sp.push(s);
  }
  const spacing = sp as unknown as Vec3;
  let allClose = true;
  for (let d = 0; d < 3; d++) if (!(Math.abs(imageSpacing[d] - sp[d]) <= 1e-8 + 1e-5 * Math.abs(sp[d]))) allClose = false;
  if (allClose) return { grid: null, spacing };
  const size: number[] = [];
  const originIndex: number[] = [];
  for (let d = 0; d < 3; d++) {
    const ratio = mask.spacing[d] / sp[d];
    const bbSize = bb.hi[d] - bb.lo[d] + 1;
    let lo = Math.floor((bb.lo[d] - 0.5) * ratio - padDistance);
    let hi = Math.ceil((bb.lo[d] + bbSize - 0.5) * ratio + padDistance);
    const maxU = Math.ceil(mask.size[d] * ratio) - 1;
    if (lo < 0) lo = 0;
    if (hi > maxU) hi = maxU;
    size.push(Math.trunc(hi - lo + 1));
    const newOriginIndex = (0.5 * (sp[d] - mask.spacing[d])) / mask.spacing[d];
    originIndex.push(newOriginIndex + lo / ratio);
  }
  const origin = indexToPhysical(mask, originIndex as unknown as Vec3);
  const geometry = makeGeometry({ size, spacing: sp, origin, direction: mask.direction });
  return { grid: { geometry, maps: axisMaps(mask, geometry) }, spacing };
}

/** Options of {@link resampleVolume}. */
export interface ResampleVolumeOptions {
  readonly interpolator: Interpolator;
  /** `itk` (default): outside points get `outsideValue`; `clamp`: nearest boundary value (IBSI). */
  readonly boundary?: BoundaryMode;
  /** Value of points outside the source with `boundary: 'itk'` (default 0, ITK's default pixel value). */
  readonly outsideValue?: number;
  /**
   * Cast the result as ITK casts to the output pixel type (SimpleITK keeps the input type in PyRadiomics): integer
   * types are clamped to their range and truncated toward zero, float32 is rounded to single precision.
   * Default: no cast (Float64).
   */
  readonly castTo?: VoxelType;
}

const INT_RANGE: Record<string, [number, number]> = {
  int8: [-128, 127], uint8: [0, 255], int16: [-32768, 32767], uint16: [0, 65535],
  int32: [-2147483648, 2147483647], uint32: [0, 4294967295],
};

/** Applies ITK's `CastPixelWithBoundsChecking` semantics in place on a Float64Array (our own output buffer). */
function castInPlace(a: Float64Array, type: VoxelType): void {
  if (type === 'float64') return;
  if (type === 'float32') {
    for (let i = 0; i < a.length; i++) a[i] = Math.fround(a[i]);
    return;
  }
  const [lo, hi] = INT_RANGE[type];
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    a[i] = v < lo ? lo : v > hi ? hi : Math.trunc(v);
  }
}

/** Resamples a volume onto a grid (see {@link ResampleVolumeOptions}); returns a new Float64 volume. */
export function resampleVolume(v: Volume, grid: ResampleGrid, opts: ResampleVolumeOptions): Volume<Float64Array> {
  const out = resampleSeparable(v.data, v.size, grid.maps, opts.interpolator, opts.boundary ?? 'itk', opts.outsideValue ?? 0);
  if (opts.castTo) castInPlace(out, opts.castTo);
  return makeVolume(grid.geometry, out);
}

/**
 * IBSI mask interpolation: the 0/1 mask is interpolated like an image (with `interpolator`, default linear) and
 * voxels with a value ≥ `threshold` (partial-volume fraction, default 0.5) are kept.
 */
export function resampleMaskIbsi(mask: Volume, grid: ResampleGrid, interpolator: Interpolator = 'linear', threshold = 0.5): Volume<Uint8Array> {
  const f = resampleSeparable(mask.data, mask.size, grid.maps, interpolator, 'clamp', 0);
  const out = new Uint8Array(f.length);
  // tolerate round-off of exact 0.5 fractions (e.g. 0.49999999999999994)
  const t = threshold - 1e-12;
  for (let i = 0; i < f.length; i++) out[i] = f[i] >= t ? 1 : 0;
  return makeVolume(grid.geometry, out);
}

/**
 * PyRadiomics/SimpleITK mask resampling: nearest neighbour (index ⌊c + 0.5⌋), ITK boundary (points outside the
 * source → 0). Non-zero source voxels give 1.
 */
export function resampleMaskNearest(mask: Volume, grid: ResampleGrid): Volume<Uint8Array> {
  const idx = grid.maps.map((m) => {
    const a = new Int32Array(m.targetSize);
    for (let j = 0; j < m.targetSize; j++) {
      const c = m.offset + j * m.step;
      a[j] = c >= -0.5 && c < m.sourceSize - 0.5 ? Math.min(m.sourceSize - 1, Math.max(0, Math.floor(c + 0.5))) : -1;
    }
    return a;
  });
  const [ix, iy, iz] = idx;
  const [sx, sy] = mask.size;
  const src = mask.data;
  const [tx, ty, tz] = [ix.length, iy.length, iz.length];
  const out = new Uint8Array(tx * ty * tz);
  let p = 0;
  for (let k = 0; k < tz; k++) {
    const kk = iz[k];
    for (let j = 0; j < ty; j++) {
      const jj = iy[j];
      if (kk < 0 || jj < 0) { p += tx; continue; }
      const row = sx * (jj + sy * kk);
      for (let i = 0; i < tx; i++, p++) {
        const ii = ix[i];
        out[p] = ii >= 0 && src[row + ii] !== 0 ? 1 : 0;
      }
    }
  }
  return makeVolume(grid.geometry, out);
}
