import type { Geometry } from '../core/geometry.js';
import type { Mask } from '../core/mask.js';
import { Rng } from '../core/rng.js';
import { makeVolume, type Volume } from '../core/volume.js';
import type { CasePlan } from './case-plan.js';
import { GaussianNoise } from './fast-noise.js';
import { blur2dRegion, gaussianKernel, kernelPower } from './gaussian-blur.js';
import { HeadRaster } from './head-raster.js';
import { HematomaField } from './hematoma-field.js';
import { paintHematoma } from './hematoma-painter.js';
import { INTRACRANIAL_SOFT, paint, paintJobs, pixelBox } from './primitive-painter.js';
import { allocateSamples, type SampleBuffers } from './sample-buffers.js';
import { scanGeometry } from './scan-grid.js';
import { anatomyPrimitives, sinusPaths, sinusPrimitives } from './structures.js';
import { Tissue } from './tissues.js';

/** Options of {@link renderCase}. */
export interface RenderOptions {
  /** Keep the noise-free volumes (tissue map, clean HU, blood fraction) for tests and previews. Default false. */
  readonly truth?: boolean;
  /**
   * Target thickness (mm) of the thin sub-slices averaged into one slice (through-plane partial volume).
   * Default 2.5: 2 sub-slices per 5 mm slice, 1 per 2.5–3 mm slice.
   */
  readonly subSliceMm?: number;
}

/** The generator's noise-free view of a rendered scan (same grid as the image). */
export interface CaseTruth {
  /** Tissue code per voxel (`Tissue`); `Tissue.MIXED` where the voxel holds more than one tissue. */
  readonly tissue: Volume<Uint8Array>;
  /** HU before the kernel blur, noise and calibration offset. */
  readonly cleanHu: Volume<Float32Array>;
  /** Fraction of hematoma blood in each voxel (0–1). */
  readonly bloodFraction: Volume<Float32Array>;
}

/** A rendered patient: int16 HU image, uint8 hematoma mask, and optionally the truth volumes. */
export interface RenderedCase {
  readonly image: Volume<Int16Array>;
  readonly mask: Mask;
  readonly truth?: CaseTruth;
  /** Mask voxels and mask volume (mL). */
  readonly maskVoxels: number;
  readonly hematomaVolumeMl: number;
}

/** Tissues a venous sinus may replace (it runs in a groove of the inner table, between dura and brain). */
const SINUS_OVER = [Tissue.CSF, Tissue.GREY, Tissue.WHITE, Tissue.BONE, Tissue.DIPLOE, Tissue.MIXED, Tissue.FALX, Tissue.CEREBELLUM, Tissue.SINUS, Tissue.MUSCLE];
/** Tissues a thrombosed cortical vein or a calcification may replace. */
const POST_OVER = [Tissue.CSF, Tissue.GREY, Tissue.WHITE, Tissue.MIXED, Tissue.EDEMA, Tissue.SAH, Tissue.DEEP_GREY, Tissue.CEREBELLUM, Tissue.FALX];

/** Default target thickness (mm) of the sub-slices (see {@link RenderOptions.subSliceMm}). */
export const DEFAULT_SUB_SLICE_MM = 2.5;

/** HU range of a stored CT value (int16 with the usual −1024 floor and 12-bit ceiling). */
export const HU_MIN = -1024;
export const HU_MAX = 3071;

/**
 * Renders one planned patient to an int16 HU volume and its hematoma mask.
 *
 * Each slice of thickness T is the average of S = round(T / subSliceMm) thin sub-slices (through-plane
 * partial volume; the layered head of a middle sub-slice is interpolated from the slab's two end sub-slices
 * where they agree, and computed exactly elsewhere); each sub-slice is the layered head (`HeadRaster`), then the deep structures, venous
 * sinuses, the hematoma with edema/SAH and the post-hematoma details painted over it. The slice is then
 * given white Gaussian noise and blurred by the reconstruction kernel (so the noise has the kernel's texture
 * and the centre's sd), the calibration offset is added, and values are rounded to int16 in [−1024, 3071]
 * (air more than the kernel radius, ~2 pixels, away from the head is written as exactly −1000 HU, without
 * noise). The mask is 1 where the slice's
 * blood fraction is ≥ 0.5.
 */
export function renderCase(plan: CasePlan, opts: RenderOptions = {}): RenderedCase {
  const a = plan.anatomy;
  const sc = plan.scanner;
  const g: Geometry = scanGeometry(a, sc);
  const [nx, ny, nz] = g.size;
  const n2 = nx * ny;
  const seeds = Rng.fromSeed(plan.noiseSeed);
  const raster = new HeadRaster(a, g, seeds.child('brain-variation'));
  const anatomyJobs = paintJobs(g, a.pose, anatomyPrimitives(a), INTRACRANIAL_SOFT);
  const sinusJobs = paintJobs(g, a.pose, sinusPrimitives(a, sinusPaths(a), plan.hematoma.thromboses), SINUS_OVER);
  const post = [...plan.hematoma.calcifications, ...(plan.hematoma.cordVein ? [plan.hematoma.cordVein] : [])];
  const postJobs = paintJobs(g, a.pose, post, POST_OVER);
  const field = new HematomaField(plan.hematoma);
  const hemBox = pixelBox(g, a.pose, field.lo, field.hi);

  const T = sc.sliceThickness;
  const S = Math.max(1, Math.round(T / (opts.subSliceMm ?? DEFAULT_SUB_SLICE_MM)));
  const buf = allocateSamples(n2);
  const endA = allocateSamples(n2), endB = allocateSamples(n2);
  const recompute = new Uint8Array(n2);
  const huAcc = new Float32Array(n2);
  const bloodAcc = new Float32Array(n2);
  const labAcc = new Uint8Array(n2);

  const image = new Int16Array(n2 * nz);
  const mask = new Uint8Array(n2 * nz);
  const truth = opts.truth ? { tissue: new Uint8Array(n2 * nz), cleanHu: new Float32Array(n2 * nz), blood: new Float32Array(n2 * nz) } : null;

  const kernel = gaussianKernel(sc.kernelSigma / raster.sp);
  // white noise before the kernel: after it, its sd is σ·Σw² (separable 2-D), so σ = noiseSd / Σw²
  const noise = new GaussianNoise(seeds.child('image-noise'));
  const noiseSd = sc.noiseSd / kernelPower(kernel);
  const white = new Float32Array(n2);
  const kr = (kernel.length - 1) / 2;
  // per slice: the pixels to reconstruct (non-air tissue grown by the kernel radius) and those the blur reads
  const outLo = new Int32Array(ny), outHi = new Int32Array(ny), inLo = new Int32Array(ny), inHi = new Int32Array(ny);
  const spanLo = new Int32Array(ny), spanHi = new Int32Array(ny);
  const tmp = new Float32Array(n2);
  let maskVoxels = 0;

  const blurred = new Float32Array(n2);
  for (let k = 0; k < nz; k++) {
    const zc = g.origin[2] + k * T;
    huAcc.fill(0); bloodAcc.fill(0);
    raster.prepareSlice(zc);
    for (let q = 0; q < S; q++) {
      // order: first, last, then the middle sub-slices, whose base pass reuses the two ends where they agree
      const s = q === 0 ? 0 : q === 1 ? S - 1 : q - 1;
      const z = zc - T / 2 + ((s + 0.5) * T) / S;
      if (q < 2) {
        raster.basePass(z, buf);
        const end = q === 0 ? endA : endB;
        end.label.set(buf.label); end.hu.set(buf.hu); end.depth.set(buf.depth);
      } else {
        interpolateEnds(endA, endB, s / (S - 1), buf, recompute, raster.rowLo, raster.rowHi, nx);
        raster.basePass(z, buf, recompute);
      }
      paint(raster, anatomyJobs, z, buf);
      paint(raster, sinusJobs, z, buf);
      paintHematoma(raster, field, hemBox, z, a.csfThickness, buf);
      paint(raster, postJobs, z, buf);
      accumulate(buf.hu, buf.blood, buf.label, huAcc, bloodAcc, labAcc, q === 0, raster.rowLo, raster.rowHi, nx);
    }
    average(huAcc, bloodAcc, S, raster.rowLo, raster.rowHi, nx);
    // noise, blur and storage only around the tissue of this slice: air farther away is stored flat
    tissueRows(labAcc, raster.rowLo, raster.rowHi, nx, kr, spanLo, spanHi, outLo, outHi);
    growRows(outLo, outHi, nx, kr, inLo, inHi);
    for (let j = 0; j < ny; j++) {
      if (inHi[j] <= inLo[j]) continue;
      const a = j * nx + inLo[j], b = j * nx + inHi[j];
      noise.fill(white, noiseSd, a, b);
      for (let p = a; p < b; p++) white[p] += huAcc[p];
    }
    blur2dRegion(white, nx, ny, kernel, outLo, outHi, tmp, blurred);
    const off = k * n2;
    maskVoxels += quantise(blurred, bloodAcc, sc.huOffset, outLo, outHi, nx, image, mask, off);
    if (truth) {
      truth.tissue.set(labAcc, off);
      truth.cleanHu.set(huAcc, off);
      truth.blood.set(bloodAcc, off);
    }
  }
  const voxelMl = (g.spacing[0] * g.spacing[1] * g.spacing[2]) / 1000;
  return {
    image: makeVolume(g, image),
    mask: makeVolume(g, mask),
    truth: truth ? { tissue: makeVolume(g, truth.tissue), cleanHu: makeVolume(g, truth.cleanHu), bloodFraction: makeVolume(g, truth.blood) } : undefined,
    maskVoxels,
    hematomaVolumeMl: maskVoxels * voxelMl,
  };
}

/**
 * Adds one sub-slice to the slab accumulators; tissue codes that differ between sub-slices become MIXED.
 * Outside [rowLo, rowHi) of each row every sub-slice is air, so the first sub-slice is copied there and the
 * others are skipped (the sum is finished by {@link averageAndAdd} with `S`).
 */
function accumulate(hu: Float32Array, blood: Float32Array, label: Uint8Array, huAcc: Float32Array, bloodAcc: Float32Array, labAcc: Uint8Array, first: boolean, rowLo: Int32Array, rowHi: Int32Array, nx: number): void {
  const mixed = Tissue.MIXED;
  if (first) { labAcc.set(label); huAcc.set(hu); bloodAcc.set(blood); return; }
  for (let j = 0; j < rowLo.length; j++) {
    const end = j * nx + rowHi[j];
    for (let p = j * nx + rowLo[j]; p < end; p++) {
      huAcc[p] += hu[p];
      bloodAcc[p] += blood[p];
      if (labAcc[p] !== label[p]) labAcc[p] = mixed;
    }
  }
}

/**
 * Divides the accumulators by the sub-slice count S inside the head rows (outside them they hold one air
 * sub-slice, see {@link accumulate}).
 */
function average(huAcc: Float32Array, bloodAcc: Float32Array, S: number, rowLo: Int32Array, rowHi: Int32Array, nx: number): void {
  const inv = 1 / S;
  for (let j = 0; j < rowLo.length; j++) {
    const a = j * nx + rowLo[j], b = j * nx + rowHi[j];
    for (let p = a; p < b; p++) { huAcc[p] *= inv; bloodAcc[p] *= inv; }
  }
}

/**
 * Per row, the span of non-air voxels of the slab (searched within [rowLo, rowHi)), grown by `r` pixels
 * along the row and over the rows j ± r: [outLo[j], outHi[j]) (empty when outHi ≤ outLo).
 */
function tissueRows(lab: Uint8Array, rowLo: Int32Array, rowHi: Int32Array, nx: number, r: number, spanLo: Int32Array, spanHi: Int32Array, outLo: Int32Array, outHi: Int32Array): void {
  const ny = rowLo.length;
  for (let j = 0; j < ny; j++) {
    let a = rowHi[j], b = rowLo[j];
    const row = j * nx;
    for (let i = rowLo[j]; i < rowHi[j]; i++) if (lab[row + i] !== Tissue.AIR) { a = i; break; }
    for (let i = rowHi[j] - 1; i >= a; i--) if (lab[row + i] !== Tissue.AIR) { b = i + 1; break; }
    spanLo[j] = a; spanHi[j] = b;
  }
  growRows(spanLo, spanHi, nx, r, outLo, outHi);
}

/** [lo, hi) of each row grown by `r` pixels along the row and over the rows j ± r, clipped to the grid. */
function growRows(lo: Int32Array, hi: Int32Array, nx: number, r: number, outLo: Int32Array, outHi: Int32Array): void {
  const ny = lo.length;
  for (let j = 0; j < ny; j++) {
    let a = nx, b = 0;
    for (let t = Math.max(0, j - r); t <= Math.min(ny - 1, j + r); t++) {
      if (hi[t] > lo[t]) { a = Math.min(a, lo[t]); b = Math.max(b, hi[t]); }
    }
    outLo[j] = b > a ? Math.max(0, a - r) : 0;
    outHi[j] = b > a ? Math.min(nx, b + r) : 0;
  }
}

/**
 * Rounds and clamps the blurred slice into the int16 image and sets the mask where blood ≥ 0.5; returns
 * the mask count. Pixels outside [rowLo, rowHi) of their row (air more than the kernel radius away from any
 * tissue of the slice) are written as exactly −1000 HU, without noise, which keeps the files small.
 */
function quantise(blurred: Float32Array, blood: Float32Array, offset: number, rowLo: Int32Array, rowHi: Int32Array, nx: number, image: Int16Array, mask: Uint8Array, off: number): number {
  let count = 0;
  image.fill(AIR_HU, off, off + blurred.length);
  for (let j = 0; j < rowLo.length; j++) {
    const end = j * nx + rowHi[j];
    for (let p = j * nx + rowLo[j]; p < end; p++) {
      let v = Math.floor(blurred[p] + offset + 0.5); // = Math.round
      v = v < HU_MIN ? HU_MIN : v > HU_MAX ? HU_MAX : v;
      image[off + p] = v;
      if (blood[p] >= 0.5) { mask[off + p] = 1; count++; }
    }
  }
  return count;
}

/** HU written for air far from the head. */
export const AIR_HU = -1000;

/**
 * Base pass of a middle sub-slice from the two end sub-slices of its slab: where both ends have the same
 * tissue, HU within {@link END_HU_TOLERANCE} and depth within 2 mm, the sample is interpolated linearly
 * (fraction `t` from the first end, measured between the two end sub-slice centres); elsewhere
 * `recompute[p]` is set so that the base pass computes it exactly.
 */
function interpolateEnds(a: SampleBuffers, b: SampleBuffers, t: number, out: SampleBuffers, recompute: Uint8Array, rowLo: Int32Array, rowHi: Int32Array, nx: number): void {
  out.label.set(a.label); out.hu.set(a.hu); out.depth.set(a.depth); out.blood.fill(0);
  recompute.fill(0);
  for (let j = 0; j < rowLo.length; j++) {
    const end = j * nx + rowHi[j];
    for (let p = j * nx + rowLo[j]; p < end; p++) {
      const ha = a.hu[p], hb = b.hu[p], da = a.depth[p], db = b.depth[p];
      if (a.label[p] === b.label[p] && Math.abs(ha - hb) <= END_HU_TOLERANCE && Math.abs(da - db) <= 2) {
        out.hu[p] = ha + t * (hb - ha);
        out.depth[p] = da + t * (db - da);
      } else recompute[p] = 1;
    }
  }
}

/** Largest HU difference between the two ends of a slab for which a middle sample is interpolated. */
const END_HU_TOLERANCE = 0.75;
