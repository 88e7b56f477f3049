import type { Geometry } from '../core/geometry.js';
import type { Rng } from '../core/rng.js';
import type { AnatomyParams } from './anatomy.js';
import {
  fissureFloor, floorHeight, outlineRadius, overPosteriorFossa, skinTop, skullThicknessAt, SULCUS_MIN_DEPTH, sulcusAngle, sulcusDepth, tentoriumHeight,
} from './head-geometry.js';
import type { SampleBuffers } from './sample-buffers.js';
import { smoothField, type SmoothField } from './smooth-noise.js';
import { Tissue } from './tissues.js';

const NB = 1024; // polar bins of the sulcus table
const OUTLINE_BINS = 8192; // polar samples of the outline radius
const DZ = 1; // mm between levels of the sulcus table
const TWO_PI = 2 * Math.PI;
/** Thickness (mm) of the skull base under the cranial floor. */
export const SKULL_BASE_THICKNESS = 9;

/**
 * Per-case rasteriser of the layered head (scalp, skull, CSF spaces, cortex, white matter, fissures,
 * cerebellum). In-plane quantities that do not depend on the slice height (head coordinates, polar radius
 * and angle, outline radius, skull thickness, floor heights) are computed once per pixel, so one sub-slice
 * costs a few square roots per pixel. Boundaries of the radial layers and thin CSF clefts get an analytic
 * in-plane partial-volume fraction (linear over one pixel).
 */
export class HeadRaster {
  readonly a: AnatomyParams;
  readonly nx: number;
  readonly ny: number;
  /** In-plane pixel size (mm). */
  readonly sp: number;
  /** Head coordinates of each pixel centre (independent of z), and head z = scanner z + zShift. */
  readonly qx: Float32Array;
  readonly qy: Float32Array;
  readonly zShift: Float32Array;
  /** First and last+1 pixel of each row that can hold head tissue. */
  readonly rowLo: Int32Array;
  readonly rowHi: Int32Array;
  /** First and last+1 pixel of each row that can hold brain (outline radius + 1 pixel). */
  private readonly brainLo: Int32Array;
  private readonly brainHi: Int32Array;
  private readonly r: Float32Array;
  private readonly theta: Float32Array;
  private readonly rho: Float32Array;
  private readonly skullT: Float32Array;
  private readonly tempLat: Float32Array;
  private readonly floorZ: Float32Array;
  private readonly tentZ: Float32Array;
  private readonly fissZ: Float32Array;
  private readonly bin: Uint16Array;
  private readonly sulIdx: Uint8Array;
  private readonly sulAng: Float64Array;
  private readonly sulW: Float64Array;
  private readonly sulB: Float64Array;
  private readonly sulDep: Float64Array;
  private readonly zTab0: number;
  private readonly nzTab: number;
  private readonly variation: SmoothField;
  /** Smooth grey/white variation (HU) of each pixel at the current slice (see {@link prepareSlice}). */
  private readonly varSlice: Float32Array;
  /** Scratch point for field samples (a typed array: no boxed doubles). */
  private readonly fio = new Float64Array(3);
  /** The variation field on a grid of `coarseStep` pixels (~4 mm), interpolated bilinearly to the pixels. */
  private readonly coarseStep: number;
  private readonly coarse: Float64Array;
  /** Largest outline radius and largest |head z − scanner z − zShift0| over the grid (mm), for quick air tests. */
  private readonly rhoMax: number;
  private readonly zSpan: number;

  constructor(a: AnatomyParams, g: Geometry, rng: Rng) {
    this.a = a;
    const [nx, ny] = g.size;
    this.nx = nx; this.ny = ny;
    this.sp = g.spacing[0];
    const n = nx * ny;
    // single precision halves the memory traffic of the per-sub-slice passes (errors ~1e-5 mm)
    this.qx = new Float32Array(n); this.qy = new Float32Array(n); this.zShift = new Float32Array(n);
    this.r = new Float32Array(n); this.theta = new Float32Array(n); this.rho = new Float32Array(n);
    this.skullT = new Float32Array(n); this.tempLat = new Float32Array(n);
    this.floorZ = new Float32Array(n); this.tentZ = new Float32Array(n); this.fissZ = new Float32Array(n);
    this.bin = new Uint16Array(n);
    this.rowLo = new Int32Array(ny); this.rowHi = new Int32Array(ny);
    this.brainLo = new Int32Array(ny); this.brainHi = new Int32Array(ny);
    const oMax = a.csfThickness + a.skullThickness + a.skullFrontOccExtra + a.scalpThickness + a.temporalis + 2 * this.sp + 1;
    const z0 = g.origin[2];
    const outline = new Float64Array(OUTLINE_BINS + 1);
    for (let b = 0; b <= OUTLINE_BINS; b++) outline[b] = outlineRadius(a, -Math.PI + (b * TWO_PI) / OUTLINE_BINS);
    // scanner → head (see scannerToHead), with the rotation's sine and cosine computed once
    const cy = Math.cos(a.pose.yaw), sy = Math.sin(a.pose.yaw);
    const [sx0, sy0, sz0] = a.pose.shift;
    for (let j = 0; j < ny; j++) {
      let lo = nx, hi = 0, blo = nx, bhi = 0;
      const dy = g.origin[1] + j * this.sp - sy0;
      for (let i = 0; i < nx; i++) {
        const p = i + nx * j;
        const dx = g.origin[0] + i * this.sp - sx0;
        const qx = cy * dx + sy * dy, qy = -sy * dx + cy * dy;
        this.qx[p] = qx; this.qy[p] = qy; this.zShift[p] = -sz0 + a.pose.tiltX * qx + a.pose.tiltY * qy;
        const r = Math.sqrt(qx * qx + qy * qy);
        const th = Math.atan2(qy, qx);
        this.r[p] = r; this.theta[p] = th;
        // outline radius from a fine θ table (linear interpolation; error ~1e-5 mm)
        const ft = ((th + Math.PI) / TWO_PI) * OUTLINE_BINS;
        const ib = Math.min(OUTLINE_BINS - 1, Math.floor(ft));
        const rho = outline[ib] + (ft - ib) * (outline[ib + 1] - outline[ib]);
        this.rho[p] = rho;
        this.bin[p] = Math.min(NB - 1, Math.floor(((th + Math.PI) / TWO_PI) * NB));
        if (r >= rho + oMax) continue; // always air: the other tables are not needed
        if (i < lo) lo = i;
        hi = i + 1;
        if (r < rho + this.sp) { if (i < blo) blo = i; bhi = i + 1; }
        this.skullT[p] = skullThicknessAt(a, th);
        const c = Math.cos(th);
        this.tempLat[p] = a.temporalis * c * c * c * c;
        this.floorZ[p] = floorHeight(a, qx, qy);
        this.tentZ[p] = overPosteriorFossa(a, qy) ? tentoriumHeight(a, qx, qy) : -Infinity;
        this.fissZ[p] = fissureFloor(a, qy);
      }
      this.rowLo[j] = lo; this.rowHi[j] = Math.max(lo, hi);
      this.brainLo[j] = blo; this.brainHi[j] = Math.max(blo, bhi);
    }
    // sulcus table: nearest present sulcus per polar bin, per DZ mm of head height (brain heights only)
    this.zTab0 = Math.floor(a.floorPosterior - 10);
    this.nzTab = Math.ceil((a.zc + a.hUp + 10 - this.zTab0) / DZ) + 1;
    const K = a.sulci.length;
    this.sulW = Float64Array.from(a.sulci, (u) => u.width);
    this.sulB = Float64Array.from(a.sulci, (u) => u.bend);
    this.sulIdx = new Uint8Array(this.nzTab * NB).fill(NO_SULCUS);
    this.sulAng = new Float64Array(this.nzTab * K);
    this.sulDep = new Float64Array(this.nzTab * K);
    for (let l = 0; l < this.nzTab; l++) {
      const z = this.zTab0 + l * DZ;
      const present: number[] = [];
      for (let k = 0; k < K; k++) {
        this.sulAng[l * K + k] = sulcusAngle(a.sulci[k], z);
        const d = sulcusDepth(a.sulci[k], z);
        this.sulDep[l * K + k] = d;
        if (d >= SULCUS_MIN_DEPTH) present.push(k);
      }
      fillNearestTable(present, this.sulAng.subarray(l * K, (l + 1) * K), this.sulIdx.subarray(l * NB, (l + 1) * NB));
    }
    const top = skinTop(a) + 10;
    this.variation = smoothField(rng, { lo: [-110, -120, -100], hi: [110, 120, top], cell: 22 });
    this.varSlice = new Float32Array(n);
    this.coarseStep = Math.max(1, Math.round(4 / this.sp));
    this.coarse = new Float64Array((Math.ceil((nx - 1) / this.coarseStep) + 1) * (Math.ceil((ny - 1) / this.coarseStep) + 1));
    let rhoMax = 0, zMin = Infinity, zMax = -Infinity;
    for (let p = 0; p < n; p++) { rhoMax = Math.max(rhoMax, this.rho[p]); zMin = Math.min(zMin, this.zShift[p]); zMax = Math.max(zMax, this.zShift[p]); }
    this.rhoMax = rhoMax;
    this.zSpan = Math.max(Math.abs(zMin), Math.abs(zMax));
  }

  /**
   * Evaluates the slowly varying fields at the centre height `z` of an output slice; the sub-slices of that
   * slice reuse them (the grey/white variation has a 22 mm feature size, so it is sampled every ~4 mm and
   * interpolated bilinearly: the error is below 0.1 HU).
   */
  prepareSlice(z: number): void {
    const amp = this.a.hu.brainVariation;
    const nx = this.nx, ny = this.ny, step = this.coarseStep;
    // the field (22 mm features) on a grid of `step` pixels (~4 mm) over the brain rows, then bilinear
    const cnx = Math.ceil((nx - 1) / step) + 1;
    const cny = Math.ceil((ny - 1) / step) + 1;
    const coarse = this.coarse;
    const io = this.fio;
    for (let cj = 0; cj < cny; cj++) {
      const j = Math.min(ny - 1, cj * step);
      const jLo = Math.max(0, j - step), jHi = Math.min(ny - 1, j + step);
      if (this.brainHi[jLo] <= this.brainLo[jLo] && this.brainHi[j] <= this.brainLo[j] && this.brainHi[jHi] <= this.brainLo[jHi]) continue;
      for (let ci = 0; ci < cnx; ci++) {
        const p = Math.min(nx - 1, ci * step) + nx * j;
        io[0] = this.qx[p]; io[1] = this.qy[p]; io[2] = z + this.zShift[p];
        this.variation.sample(io, 2);
        coarse[ci + cnx * cj] = amp * io[2];
      }
    }
    const inv = 1 / step;
    for (let j = 0; j < ny; j++) {
      const a = this.brainLo[j], b = this.brainHi[j];
      if (b <= a) continue;
      const cj = Math.min(cny - 2, Math.floor(j * inv)), ty = (j - cj * step) / Math.max(1, Math.min(ny - 1, (cj + 1) * step) - cj * step);
      const row = nx * j;
      for (let i = a; i < b; i++) {
        const ci = Math.min(cnx - 2, Math.floor(i * inv));
        const x0 = ci * step, x1 = Math.min(nx - 1, (ci + 1) * step);
        const tx = (i - x0) / Math.max(1, x1 - x0);
        const c00 = coarse[ci + cnx * cj], c10 = coarse[ci + 1 + cnx * cj];
        const c01 = coarse[ci + cnx * (cj + 1)], c11 = coarse[ci + 1 + cnx * (cj + 1)];
        const top = c00 + tx * (c10 - c00), bot = c01 + tx * (c11 - c01);
        this.varSlice[row + i] = top + ty * (bot - top);
      }
    }
  }

  /**
   * Fills `buf` with the layered head at scanner height `z` (mm), after {@link prepareSlice} for the slice
   * that contains z. With `only`, just the pixels p with only[p] = 1 are (re)computed and the others are
   * left as they are: air, scalp (skin, fat, temporalis),
   * skull (tables and diploë), subarachnoid CSF, cortex and white matter with sulci and fissures, the
   * cerebellum, and the skull base under the cranial floor.
   */
  basePass(z: number, buf: SampleBuffers, only: Uint8Array | null = null): void {
    const a = this.a;
    const { label, hu, blood, depth } = buf;
    const sp = this.sp, hs = sp / 2, invSp = 1 / sp;
    const H = a.hu;
    const csfT = a.csfThickness;
    const tables = (1 - a.diploeFraction) / 2;
    const ctx = a.cortex;
    const fw2 = a.fissureWidth / 2;
    const sx = a.brainA / 66, sy = a.brainB / 80, sz = (sx + sy) / 2;
    const insulaX = 32 * sx;
    const sylW2 = a.sylvianWidth / 2;
    const R = new Float64Array(8);
    const LT = [Tissue.CSF, Tissue.BONE, Tissue.DIPLOE, Tissue.BONE, Tissue.MUSCLE, Tissue.FAT, Tissue.SCALP, Tissue.AIR];
    const LH = [H.csf, H.bone, H.diploe, H.bone, H.muscle, H.fat, H.scalp, -1000];
    if (only === null) { label.fill(Tissue.AIR); hu.fill(-1000); blood.fill(0); depth.fill(-1000); }
    const zc = a.zc, hUp = a.hUp, hDown = a.hDown;
    const invSz = 1 / sz;
    const varA = this.varSlice, tentA = this.tentZ, binA = this.bin, thetaA = this.theta, qxA = this.qx, qyA = this.qy, fissA = this.fissZ;
    const sulIdx = this.sulIdx, sulW = this.sulW, sulDep = this.sulDep, sulAng = this.sulAng, sulB = this.sulB;
    const zTab0 = this.zTab0, nzTab = this.nzTab, K = sulW.length;
    const zShift = this.zShift, rA = this.r, rhoA = this.rho, skullA = this.skullT, tempA = this.tempLat, floorA = this.floorZ;
    const rowLo = this.rowLo, rowHi = this.rowHi, nx = this.nx;
    const scalpT = a.scalpThickness;
    // bound of the skin radius at this height (the tilt shifts head z by at most ±zSpan over the slice)
    const oBound = csfT + a.skullThickness + a.skullFrontOccExtra + a.temporalis + scalpT;
    const pz = Math.max(prof(zc, hUp, hDown, z - this.zSpan, oBound), prof(zc, hUp, hDown, z + this.zSpan, oBound), a.zc > z - this.zSpan && a.zc < z + this.zSpan ? 1 : 0);
    const rCap = (this.rhoMax + oBound) * pz + hs;
    for (let j = 0; j < this.ny; j++) {
      const hi = rowHi[j];
      for (let i = rowLo[j]; i < hi; i++) {
        const p = i + nx * j;
        if (only !== null) {
          if (only[p] === 0) continue;
          label[p] = Tissue.AIR; hu[p] = -1000; blood[p] = 0; depth[p] = -1000;
        }
        const r = rA[p];
        if (r >= rCap) continue;
        const qz = z + zShift[p];
        const rho = rhoA[p];
        const rBrain = rho * prof(zc, hUp, hDown, qz, 0);
        let tis: number, val: number;
        // the brain's own tissue (one call site, so that V8 can inline it)
        let bt = 0, bv = 0;
        if (r < rBrain) {
          // --- grey/white matter, sulci, fissures, cerebellum (inlined for speed) ---
          const dep = rBrain - r;
          const varn = varA[p];
          if (qz < tentA[p]) { bt = Tissue.CEREBELLUM; bv = H.cerebellum + 0.6 * varn; }
          else {
            let grey = dep < ctx;
            let csf = 0;
            let l = Math.floor(qz - zTab0 + 0.5); // DZ = 1 mm
            l = l < 0 ? 0 : l >= nzTab ? nzTab - 1 : l;
            const k = sulIdx[l * NB + binA[p]];
            if (dep < 22 && k !== NO_SULCUS) {
              const sw = sulW[k], sd = sulDep[l * K + k];
              let dth = thetaA[p] - sulAng[l * K + k];
              dth = dth > Math.PI ? dth - TWO_PI : dth <= -Math.PI ? dth + TWO_PI : dth;
              const lat = Math.abs(dth * r - sulB[k] * dep);
              const w2 = (sw / 2) * Math.min(1, (sd - dep) / 2.5);
              if (dep < sd && w2 > 0) csf = Math.max(csf, clamp01((w2 - lat) * invSp + 0.5));
              if (lat < sw / 2 + ctx && dep < sd + ctx) grey = true;
            }
            const qx = qxA[p];
            const ax = Math.abs(qx);
            let falx = 0;
            if (qz > fissA[p] && ax < fw2 + ctx + 1) {
              // interhemispheric fissure with the falx in its middle
              csf = Math.max(csf, clamp01((fw2 - ax) * invSp + 0.5));
              falx = clamp01((0.45 - ax) * invSp + 0.5) * 0.8;
              if (ax < fw2 + ctx) grey = true;
            }
            const zs = qz * invSz;
            if (zs > -19 && zs < 12 && ax > insulaX - ctx - 1) {
              // Sylvian fissure and insula
              const qy = qyA[p];
              const ys = -4 * sy + 0.3 * (ax - insulaX);
              const dl = Math.abs(qy - ys);
              const taper = Math.min(1, (zs + 19) / 5, (12 - zs) / 5);
              const w2 = (sylW2 + (ax < insulaX + 6 ? 1.2 : 0)) * taper;
              if (ax > insulaX) {
                csf = Math.max(csf, clamp01((w2 - dl) * invSp + 0.5));
                if (dl < w2 + ctx) grey = true;
              } else if (qy > -22 * sy && qy < 12 * sy && ax > insulaX - ctx) grey = true;
            }
            let v = (grey ? H.grey : H.white) + varn;
            if (falx > 0 && csf > 0) v = v + csf * ((H.csf + falx * (H.falx - H.csf)) - v);
            else if (csf > 0) v = v + csf * (H.csf - v);
            bv = v;
            bt = falx > 0 ? Tissue.MIXED : csf >= 1 ? Tissue.CSF : csf > 0 ? Tissue.MIXED : grey ? Tissue.GREY : Tissue.WHITE;
          }
        }
        if (r < rBrain - hs) {
          // brain interior (the outer layers are not needed)
          depth[p] = rBrain - r;
          tis = bt;
          val = bv;
        } else {
          const skull = skullA[p];
          const zw = zWindow(qz);
          const oMuscle = csfT + skull + tempA[p] * zw;
          const oSkin = oMuscle + scalpT;
          const rSkin = (rho + oSkin) * prof(zc, hUp, hDown, qz, oSkin);
          if (r >= rSkin + hs) continue; // air
          depth[p] = rBrain - r;
          R[0] = rBrain;
          R[1] = (rho + csfT) * prof(zc, hUp, hDown, qz, csfT);
          const o2 = csfT + skull * tables, o3 = o2 + skull * a.diploeFraction, o4 = csfT + skull;
          R[2] = (rho + o2) * prof(zc, hUp, hDown, qz, o2);
          R[3] = (rho + o3) * prof(zc, hUp, hDown, qz, o3);
          R[4] = (rho + o4) * prof(zc, hUp, hDown, qz, o4);
          R[5] = (rho + oMuscle) * prof(zc, hUp, hDown, qz, oMuscle);
          const o6 = oMuscle + 0.35 * a.scalpThickness;
          R[6] = (rho + o6) * prof(zc, hUp, hDown, qz, o6);
          R[7] = rSkin;
          let L = 0;
          while (L < 8 && r >= R[L]) L++;
          // tissue and HU of layer L (0 = brain)
          let inner: number, innerT: number;
          if (L === 0) { innerT = bt; inner = bv; }
          else { inner = LH[L - 1]; innerT = LT[L - 1]; }
          // partial volume with the nearest non-empty neighbour layer
          const dOut = L < 8 ? R[L] - r : Infinity;
          const dIn = L > 0 ? r - R[L - 1] : Infinity;
          let f = 0, other = inner;
          if (dOut < dIn && dOut < hs) {
            let M = L + 1;
            while (M < 8 && R[M] - R[M - 1] < 1e-6) M++;
            f = 0.5 - dOut * invSp; other = LH[M - 1];
          } else if (dIn < hs && L > 0) {
            let M = L - 1;
            while (M > 0 && R[M] - R[M - 1] < 1e-6) M--;
            f = 0.5 - dIn * invSp;
            other = M === 0 ? H.grey : LH[M - 1];
          }
          if (f > 0) { val = inner + f * (other - inner); tis = Tissue.MIXED; } else { val = inner; tis = innerT; }
        }
        // skull base and soft tissue under the cranial floor
        const fl = floorA[p];
        if (depth[p] > -csfT && qz < fl) {
          if (qz > fl - SKULL_BASE_THICKNESS) { tis = Tissue.BONE; val = H.bone; } else { tis = Tissue.MUSCLE; val = H.muscle; }
          depth[p] = -1000;
        }
        label[p] = tis; hu[p] = val;
      }
    }
  }


}

/** Table value of a polar bin with no sulcus present at that level. */
const NO_SULCUS = 255;

/**
 * Fills `table` (NB polar bins over (−π, π]) with the index of the nearest sulcus among `present`
 * (angles in `ang`, indexed by sulcus), wrapping around ±π; NO_SULCUS when none is present.
 */
export function fillNearestTable(present: readonly number[], ang: Float64Array, table: Uint8Array): void {
  const nb = table.length;
  const m = present.length;
  if (m === 0) { table.fill(NO_SULCUS); return; }
  const order = [...present].sort((u, v) => ang[u] - ang[v]);
  let ptr = 0;
  for (let b = 0; b < nb; b++) {
    const tb = -Math.PI + ((b + 0.5) * TWO_PI) / nb;
    while (ptr < m && ang[order[ptr]] < tb) ptr++;
    // neighbours: order[ptr − 1] below and order[ptr] above, wrapping around ±π
    const below = order[(ptr - 1 + m) % m], above = order[ptr % m];
    const dBelow = ptr > 0 ? tb - ang[below] : tb - (ang[below] - TWO_PI);
    const dAbove = ptr < m ? ang[above] - tb : ang[above] + TWO_PI - tb;
    table[b] = dBelow <= dAbove ? below : above;
  }
}

/** Profile factor p(z; o) of a dome surface (see head-geometry.ts), module-level so V8 inlines it. */
function prof(zc: number, hUp: number, hDown: number, qz: number, o: number): number {
  const dz = qz - zc;
  const t = dz / ((dz > 0 ? hUp : hDown) + o);
  const u = 1 - t * t;
  return u > 0 ? Math.sqrt(u) : 0;
}

function wrap(t: number): number {
  return t > Math.PI ? t - TWO_PI : t <= -Math.PI ? t + TWO_PI : t;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** The temporalis muscle's height window, the same as in `temporalisAt` (head-geometry.ts), inlined for speed. */
function zWindow(z: number): number {
  const s1 = clamp01((z + 40) / 15), s2 = clamp01((z - 25) / 20);
  return s1 * s1 * (3 - 2 * s1) * (1 - s2 * s2 * (3 - 2 * s2));
}
