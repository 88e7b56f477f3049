import type { Geometry } from '../core/geometry.js';
import type { HeadPose } from './anatomy.js';
import { headToScanner } from './head-geometry.js';
import type { HeadRaster } from './head-raster.js';
import { type Primitive, shapeBox, shapeConstants } from './primitives.js';
import type { SampleBuffers } from './sample-buffers.js';
import { Tissue } from './tissues.js';

/** Pixel and scanner-z range of a head-space box on the image grid (inclusive pixel bounds). */
export interface PixelBox {
  readonly i0: number; readonly i1: number;
  readonly j0: number; readonly j1: number;
  readonly z0: number; readonly z1: number;
}

/** The scanner-space bounding box (pixels, z in mm) of a head-space box. Empty boxes have i0 > i1. */
export function pixelBox(g: Geometry, pose: HeadPose, lo: readonly number[], hi: readonly number[]): PixelBox {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity, z0 = Infinity, z1 = -Infinity;
  for (let c = 0; c < 8; c++) {
    const q = headToScanner(pose, c & 1 ? hi[0] : lo[0], c & 2 ? hi[1] : lo[1], c & 4 ? hi[2] : lo[2]);
    x0 = Math.min(x0, q[0]); x1 = Math.max(x1, q[0]);
    y0 = Math.min(y0, q[1]); y1 = Math.max(y1, q[1]);
    z0 = Math.min(z0, q[2]); z1 = Math.max(z1, q[2]);
  }
  const sp = g.spacing[0];
  return {
    i0: Math.max(0, Math.floor((x0 - g.origin[0]) / sp)), i1: Math.min(g.size[0] - 1, Math.ceil((x1 - g.origin[0]) / sp)),
    j0: Math.max(0, Math.floor((y0 - g.origin[1]) / sp)), j1: Math.min(g.size[1] - 1, Math.ceil((y1 - g.origin[1]) / sp)),
    z0, z1,
  };
}

/** A primitive ready to paint: its pixel box, the set of tissues it may replace and its shape constants. */
export interface PaintJob {
  readonly prim: Primitive;
  readonly box: PixelBox;
  readonly over: Uint8Array | null;
  /** Shape constants for the inlined distance (see `shapeConstants`). */
  readonly k: Float64Array;
}

/** Tissue codes of brain contents that deep structures may replace. */
export const INTRACRANIAL_SOFT: readonly number[] = [Tissue.CSF, Tissue.GREY, Tissue.WHITE, Tissue.DEEP_GREY, Tissue.VENTRICLE, Tissue.CEREBELLUM, Tissue.MIXED, Tissue.FALX];

/** Builds paint jobs; `defaultOver` applies to primitives without their own `over` list (null = any tissue). */
export function paintJobs(g: Geometry, pose: HeadPose, prims: readonly Primitive[], defaultOver: readonly number[] | null): PaintJob[] {
  return prims.map((prim) => {
    const b = shapeBox(prim.shape, g.spacing[0]);
    const list = prim.over ?? defaultOver;
    let over: Uint8Array | null = null;
    if (list) { over = new Uint8Array(256); for (const t of list) over[t] = 1; }
    return { prim, box: pixelBox(g, pose, b.lo, b.hi), over, k: shapeConstants(prim.shape) };
  });
}

/**
 * Paints primitives into the sub-slice at scanner height z, in order. A sample at signed distance d from
 * the surface gets the fraction clamp(0.5 − d/Δ, 0, 1) of the primitive (Δ = pixel size): its HU moves
 * that far towards the primitive's HU and its tissue becomes the primitive's (fully covered) or MIXED.
 */
export function paint(raster: HeadRaster, jobs: readonly PaintJob[], z: number, buf: SampleBuffers): void {
  const sp = raster.sp;
  for (const job of jobs) {
    const box = job.box;
    if (z < box.z0 - sp || z > box.z1 + sp) continue;
    paintOne(raster.qx, raster.qy, raster.zShift, raster.nx, sp, job.k, job.over, job.prim.tissue, job.prim.hu, box.i0, box.i1, box.j0, box.j1, z, buf.label, buf.hu);
  }
}

/** The inner loop of {@link paint} for one primitive (a separate function so V8 optimises it on its own). */
function paintOne(qxA: Float32Array, qyA: Float32Array, zsA: Float32Array, nx: number, sp: number, k: Float64Array, over: Uint8Array | null, tissue: number, v: number,
  i0: number, i1: number, j0: number, j1: number, z: number, label: Uint8Array, hu: Float32Array): void {
  const hs = sp / 2, invSp = 1 / sp;
  const ell = k[0] === 0;
  const cx = k[1], cy = k[2], cz = k[3];
  for (let j = j0; j <= j1; j++) {
    for (let i = i0; i <= i1; i++) {
      const p = i + nx * j;
      const cur = label[p];
      if (over !== null && over[cur] === 0) continue;
      const dx = qxA[p] - cx, dy = qyA[p] - cy, dz = z + zsA[p] - cz;
      let d: number;
      if (ell) {
        const u = k[4] * dx + k[5] * dy;
        const v0 = -k[5] * dx + k[4] * dy;
        const w0 = k[6] * v0 + k[7] * dz;
        const w1 = -k[7] * v0 + k[6] * dz;
        const a = u * k[8], b = w0 * k[9], c = w1 * k[10];
        const rho = Math.sqrt(a * a + b * b + c * c);
        d = rho < 1e-9 ? -k[11] : Math.sqrt(dx * dx + dy * dy + dz * dz) * (1 - 1 / rho);
      } else {
        let t = (dx * k[4] + dy * k[5] + dz * k[6]) * k[7];
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const ex = dx - t * k[4], ey = dy - t * k[5], ez = dz - t * k[6];
        d = Math.sqrt(ex * ex + ey * ey + ez * ez) - (k[8] + t * k[9]);
      }
      if (d >= hs) continue;
      const f = d <= -hs ? 1 : 0.5 - d * invSp;
      hu[p] += f * (v - hu[p]);
      label[p] = f >= 1 || cur === tissue ? tissue : Tissue.MIXED;
    }
  }
}
