import type { HeadRaster } from './head-raster.js';
import { HEM, HEM_IO_SIZE, type HematomaField } from './hematoma-field.js';
import type { PixelBox } from './primitive-painter.js';
import type { SampleBuffers } from './sample-buffers.js';
import { Tissue } from './tissues.js';

/** Fraction of the edema HU drop applied per tissue (vasogenic edema spreads mostly in white matter). */
const EDEMA_FACTOR = new Float32Array(256);
EDEMA_FACTOR[Tissue.WHITE] = 1;
EDEMA_FACTOR[Tissue.GREY] = 0.55;
EDEMA_FACTOR[Tissue.DEEP_GREY] = 0.8;
EDEMA_FACTOR[Tissue.CEREBELLUM] = 0.8;
EDEMA_FACTOR[Tissue.MIXED] = 0.45;

/** Tissues a hematoma may occupy (parenchyma, sulcal CSF inside the brain outline, ventricles). */
const PAINTABLE = new Uint8Array(256);
for (const t of [Tissue.WHITE, Tissue.GREY, Tissue.DEEP_GREY, Tissue.CEREBELLUM, Tissue.MIXED, Tissue.CSF, Tissue.VENTRICLE, Tissue.FALX]) PAINTABLE[t] = 1;

/** Edema below this HU change does not relabel a sample. */
const EDEMA_VISIBLE_HU = 0.25;

/**
 * Paints a hematoma, its edema and its subarachnoid component into the sub-slice at scanner height z.
 * Blood replaces parenchyma, sulcal CSF and ventricles inside the brain outline only; the samples' blood
 * fraction goes to `buf.blood` (the mask is where the slice average of it is ≥ 0.5).
 */
export function paintHematoma(raster: HeadRaster, field: HematomaField, box: PixelBox, z: number, csfThickness: number, buf: SampleBuffers): void {
  const sp = raster.sp;
  if (z < box.z0 - sp || z > box.z1 + sp) return;
  const plan = field.plan;
  const drop = plan.edema.drop;
  const lesionHu = plan.lesion ? plan.lesion.hu : 0;
  const sah = plan.sah;
  const io = new Float64Array(HEM_IO_SIZE);
  io[HEM.SP] = sp;
  const { label, hu, blood, depth } = buf;
  const qxA = raster.qx, qyA = raster.qy, zsA = raster.zShift, nx = raster.nx;
  for (let j = box.j0; j <= box.j1; j++) {
    for (let i = box.i0; i <= box.i1; i++) {
      const p = i + nx * j;
      const cur = label[p];
      if (PAINTABLE[cur] === 0) continue;
      io[0] = qxA[p]; io[1] = qyA[p]; io[2] = z + zsA[p];
      field.evaluate(io);
      const sd = io[HEM.D];
      if (sd === Infinity) continue;
      const sEnv = io[HEM.ENVELOPE], sBlood = io[HEM.BLOOD], sBloodHu = io[HEM.BLOOD_HU], sLesion = io[HEM.LESION], sEdema = io[HEM.EDEMA];
      const h0 = hu[p];
      const factor = EDEMA_FACTOR[cur];
      const inside = depth[p] > 0 && cur !== Tissue.FALX;
      if (inside && sEnv > 0) {
        const env = sEnv;
        const cover = env > 0 ? sBlood / (env * (1 - sLesion) || 1) : 0;
        const core = h0 - drop * factor;
        const inHu = (1 - sLesion) * (cover * sBloodHu + (1 - cover) * core) + sLesion * lesionHu;
        const outHu = h0 - drop * factor * sEdema;
        hu[p] = env * inHu + (1 - env) * outHu;
        blood[p] = sBlood;
        const lesionFrac = env * sLesion;
        if (sBlood >= 0.999) label[p] = Tissue.HEMATOMA;
        else if (sBlood > 0.001) label[p] = Tissue.MIXED;
        else if (lesionFrac >= 0.999) label[p] = Tissue.LESION;
        else if (lesionFrac > 0.001) label[p] = Tissue.MIXED;
        else if (factor > 0 && cur !== Tissue.MIXED) label[p] = Tissue.EDEMA;
        continue;
      }
      if (sd > 0 && factor > 0) {
        const dHu = drop * factor * sEdema;
        if (dHu > EDEMA_VISIBLE_HU) {
          hu[p] = h0 - dHu;
          if (cur !== Tissue.MIXED) label[p] = Tissue.EDEMA;
        }
      }
      if (sah && sd > 0 && sd < sah.reach && (cur === Tissue.CSF || cur === Tissue.MIXED) && depth[p] > -(csfThickness + 0.3)) {
        const k = (0.7 + 0.3 * (1 - sd / sah.reach)) * (cur === Tissue.CSF ? 1 : 0.5);
        hu[p] = h0 + k * (sah.hu - h0);
        if (cur === Tissue.CSF) label[p] = Tissue.SAH;
      }
    }
  }
}
