import type { Geometry } from '../core/geometry.js';
import type { Mask } from '../core/mask.js';
import { Rng } from '../core/rng.js';
import { makeVolume, type Volume } from '../core/volume.js';
import type { CasePlan } from './case-plan.js';
import { GaussianNoise } from './fast-noise.js';
import { blur2d, gaussianKernel, kernelPower } from './gaussian-blur.js';
import { HeadRaster } from './head-raster.js';
import { HematomaField } from './hematoma-field.js';
import { paintHematoma } from './hematoma-painter.js';
import { INTRACRANIAL_SOFT, paint, paintJobs, pixelBox } from './primitive-painter.js';
import { allocateSamples } from './sample-buffers.js';
import { scanGeometry } from './scan-grid.js';
import { anatomyPrimitives, sinusPaths, sinusPrimitives } from './structures.js';
import { Tissue } from './tissues.js';

/** Options of {@link renderCase}. */
export interface RenderOptions {
  /** Keep the noise-free volumes (tissue map, clean HU, blood fraction) for tests and previews. Default false. */
  readonly truth?: boolean;
  /** Target thickness (mm) of the thin sub-slices averaged into one slice (through-plane partial volume). Default 1.7 (3 per 5 mm slice). */
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

/** HU range of a stored CT value (int16 with the usual −1024 floor and 12-bit ceiling). */
export const HU_MIN = -1024;
export const HU_MAX = 3071;

/**
 * Renders one planned patient to an int16 HU volume and its hematoma mask.
 *
 * Each slice of thickness T is the average of S = round(T / subSliceMm) thin sub-slices (through-plane
 * partial volume); each sub-slice is the layered head (`HeadRaster`), then the deep structures, venous
 * sinuses, the hematoma with edema/SAH and the post-hematoma details painted over it. The slice is then
 * given white Gaussian noise and blurred by the reconstruction kernel (so the noise has the kernel's texture
 * and the centre's sd), the calibration offset is added, and values are rounded to int16 in [−1024, 3071]
 * (air a few mm or more outside the skin is written as exactly −1000 HU, without noise). The mask is 1 where the slice's
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
  const S = Math.max(1, Math.round(T / (opts.subSliceMm ?? 1.7)));
  const buf = allocateSamples(n2);
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
  const tmp = new Float32Array(n2);
  let maskVoxels = 0;

  const blurred = new Float32Array(n2);
  for (let k = 0; k < nz; k++) {
    const zc = g.origin[2] + k * T;
    huAcc.fill(0); bloodAcc.fill(0);
    raster.prepareSlice(zc);
    for (let s = 0; s < S; s++) {
      const z = zc - T / 2 + ((s + 0.5) * T) / S;
      raster.basePass(z, buf);
      paint(raster, anatomyJobs, z, buf);
      paint(raster, sinusJobs, z, buf);
      paintHematoma(raster, field, hemBox, z, a.csfThickness, buf);
      paint(raster, postJobs, z, buf);
      accumulate(buf.hu, buf.blood, buf.label, huAcc, bloodAcc, labAcc, s === 0);
    }
    noise.fill(white, noiseSd);
    averageAndAdd(huAcc, bloodAcc, white, 1 / S);
    blur2d(white, nx, ny, kernel, tmp, blurred);
    const off = k * n2;
    maskVoxels += quantise(blurred, bloodAcc, sc.huOffset, raster.rowLo, raster.rowHi, nx, image, mask, off);
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

/** Adds one sub-slice to the slab accumulators; tissue codes that differ between sub-slices become MIXED. */
function accumulate(hu: Float32Array, blood: Float32Array, label: Uint8Array, huAcc: Float32Array, bloodAcc: Float32Array, labAcc: Uint8Array, first: boolean): void {
  const n = hu.length;
  const mixed = Tissue.MIXED;
  if (first) labAcc.set(label);
  for (let p = 0; p < n; p++) {
    huAcc[p] += hu[p];
    bloodAcc[p] += blood[p];
    if (labAcc[p] !== label[p]) labAcc[p] = mixed;
  }
}

/** Divides the accumulators by the sub-slice count and adds the slab HU to the white noise in `noise`. */
function averageAndAdd(huAcc: Float32Array, bloodAcc: Float32Array, noise: Float32Array, inv: number): void {
  const n = huAcc.length;
  for (let p = 0; p < n; p++) {
    const h = huAcc[p] * inv;
    huAcc[p] = h;
    bloodAcc[p] *= inv;
    noise[p] += h;
  }
}

/**
 * Rounds and clamps the blurred slice into the int16 image and sets the mask where blood ≥ 0.5; returns
 * the mask count. Pixels outside [rowLo, rowHi) of their row (air at least a few mm away from the skin at
 * every height) are written as exactly −1000 HU, without noise, which keeps the files small.
 */
function quantise(blurred: Float32Array, blood: Float32Array, offset: number, rowLo: Int32Array, rowHi: Int32Array, nx: number, image: Int16Array, mask: Uint8Array, off: number): number {
  const n = blurred.length;
  let count = 0;
  for (let p = 0; p < n; p++) {
    const i = p % nx, j = (p - i) / nx;
    if (i < rowLo[j] || i >= rowHi[j]) { image[off + p] = AIR_HU; continue; }
    let v = Math.round(blurred[p] + offset);
    v = v < HU_MIN ? HU_MIN : v > HU_MAX ? HU_MAX : v;
    image[off + p] = v;
    if (blood[p] >= 0.5) { mask[off + p] = 1; count++; }
  }
  return count;
}

/** HU written for air far from the head. */
export const AIR_HU = -1000;
