import { Rng } from '../core/rng.js';
import type { HematomaPlan } from './hematoma-plan.js';
import { shapeBox, shapeConstants } from './primitives.js';
import { smoothField, type SmoothField } from './smooth-noise.js';

/** Width (field units) of the soft transition of the patchy and lesion thresholds. */
const SOFT = 0.12;

/** What a hematoma contributes at one point. */
export interface HematomaSample {
  /** Approximate signed distance (mm) to the envelope (union of lobes), negative inside; +Infinity when far away. */
  d: number;
  /** Fraction of the point's pixel inside the envelope. */
  envelope: number;
  /** Fraction of blood (envelope × patchy coverage × non-lesion). */
  blood: number;
  /** HU of the blood at this point (within 50–80). */
  bloodHu: number;
  /** Fraction of non-blood lesion tissue (tumour) inside the envelope. */
  lesion: number;
  /** Edema weight outside the envelope (0–1; ~1 up to the plateau distance, then decaying). */
  edema: number;
}

/** Slots of the typed-array form of a {@link HematomaSample} used by {@link HematomaField.evaluate}. */
export const HEM = { X: 0, Y: 1, Z: 2, SP: 3, D: 4, ENVELOPE: 5, BLOOD: 6, BLOOD_HU: 7, LESION: 8, EDEMA: 9 } as const;
/** Length of the io array of {@link HematomaField.evaluate}. */
export const HEM_IO_SIZE = 10;

/**
 * The evaluable form of a {@link HematomaPlan}: its random fields are rebuilt from `plan.fieldSeed`, so
 * the same plan always gives the same hematoma. `evaluate` is the single definition of where the blood is,
 * used by the rasteriser and by tests.
 */
export class HematomaField {
  readonly plan: HematomaPlan;
  /** Head-space box (mm) of the envelope grown by the edema and SAH reach. */
  readonly lo: [number, number, number];
  readonly hi: [number, number, number];
  private readonly bounds: Float64Array; // per lobe: cx, cy, cz, bounding radius
  private readonly irregular: SmoothField;
  private readonly irregularFine: SmoothField;
  private readonly patchFine: SmoothField | null;
  private readonly patch: SmoothField | null;
  private readonly lesionField: SmoothField | null;
  private readonly het1: SmoothField;
  private readonly het2: SmoothField;
  private readonly edemaField: SmoothField;
  private readonly reach: number;
  /** Per lobe: shape constants (see `shapeConstants`) and irregularity amplitude. */
  private readonly lobeK: Float64Array[];
  private readonly lobeIrr: Float64Array;
  private readonly patchThreshold: number;
  private readonly lesionThreshold: number;
  private readonly a1: number;
  private readonly a2: number;
  /** Scratch: the point and field values. */
  private readonly fio = new Float64Array(6);

  constructor(plan: HematomaPlan) {
    this.plan = plan;
    const rng = Rng.fromSeed(plan.fieldSeed);
    const lo: [number, number, number] = [Infinity, Infinity, Infinity];
    const hi: [number, number, number] = [-Infinity, -Infinity, -Infinity];
    this.bounds = new Float64Array(plan.lobes.length * 4);
    plan.lobes.forEach((l, k) => {
      const b = shapeBox(l.shape);
      for (let d = 0; d < 3; d++) { lo[d] = Math.min(lo[d], b.lo[d]); hi[d] = Math.max(hi[d], b.hi[d]); }
      const s = l.shape;
      let c: readonly number[], rb: number;
      if (s.kind === 'ellipsoid') { c = s.c; rb = Math.max(...s.semi) * (1 + l.irregularity); }
      else {
        c = [(s.a[0] + s.b[0]) / 2, (s.a[1] + s.b[1]) / 2, (s.a[2] + s.b[2]) / 2];
        rb = Math.hypot(s.b[0] - s.a[0], s.b[1] - s.a[1], s.b[2] - s.a[2]) / 2 + Math.max(s.ra, s.rb) * (1 + l.irregularity);
      }
      this.bounds.set([c[0], c[1], c[2], rb], k * 4);
    });
    const grow = Math.max(...plan.lobes.map((l) => l.irregularity)) * 20 + 2;
    this.reach = Math.max(plan.edema.plateau + plan.edema.reach * 2.2, plan.sah ? plan.sah.reach : 0);
    const m = this.reach + grow;
    this.lo = [lo[0] - m, lo[1] - m, lo[2] - m];
    this.hi = [hi[0] + m, hi[1] + m, hi[2] + m];
    const box = { lo: this.lo, hi: this.hi };
    // two octaves (weights 0.6 / 0.4 for borders, 0.65 / 0.35 for patches) so that borders and patches are not faceted by the lattice
    this.irregular = smoothField(rng.child('irregular'), { ...box, cell: plan.irregularCell });
    this.irregularFine = smoothField(rng.child('irregular-fine'), { ...box, cell: plan.irregularCell / 2.5 });
    this.patch = plan.patchy ? smoothField(rng.child('patch'), { ...box, cell: plan.patchy.cell }) : null;
    this.patchFine = plan.patchy ? smoothField(rng.child('patch-fine'), { ...box, cell: plan.patchy.cell / 2.2 }) : null;
    this.lesionField = plan.lesion ? smoothField(rng.child('lesion'), { ...box, cell: plan.lesion.cell }) : null;
    this.het1 = smoothField(rng.child('het1'), { ...box, cell: plan.heterogeneity[1] });
    this.het2 = smoothField(rng.child('het2'), { ...box, cell: plan.heterogeneity[3] });
    this.edemaField = smoothField(rng.child('edema'), { ...box, cell: 7 });
    this.lobeK = plan.lobes.map((l) => shapeConstants(l.shape));
    this.lobeIrr = Float64Array.from(plan.lobes, (l) => l.irregularity);
    this.patchThreshold = plan.patchy ? plan.patchy.threshold : 0;
    this.lesionThreshold = plan.lesion ? plan.lesion.threshold : 0;
    this.a1 = plan.heterogeneity[0];
    this.a2 = plan.heterogeneity[2];
  }

  /** Convenience form of {@link evaluate} (allocates; for tests and planning, not for hot loops). */
  sampleAt(x: number, y: number, z: number, sp: number): HematomaSample {
    const io = new Float64Array(HEM_IO_SIZE);
    io[HEM.X] = x; io[HEM.Y] = y; io[HEM.Z] = z; io[HEM.SP] = sp;
    this.evaluate(io);
    return { d: io[HEM.D], envelope: io[HEM.ENVELOPE], blood: io[HEM.BLOOD], bloodHu: io[HEM.BLOOD_HU], lesion: io[HEM.LESION], edema: io[HEM.EDEMA] };
  }

  /**
   * Evaluates the hematoma at the head point io[X, Y, Z] for a pixel of size io[SP] mm (partial-volume
   * width) and writes the {@link HematomaSample} quantities to io[D …]. Points farther than the edema/SAH
   * reach get d = +Infinity and zeros. Inputs and outputs go through a typed array so that nothing is boxed.
   */
  evaluate(io: Float64Array): void {
    const plan = this.plan;
    const x = io[0], y = io[1], z = io[2], sp = io[3];
    const b = this.bounds;
    const f = this.fio;
    f[0] = x; f[1] = y; f[2] = z;
    let best = Infinity;
    let irrDone = false;
    const nL = this.lobeK.length;
    for (let q = 0; q < nL; q++) {
      const dx0 = x - b[4 * q], dy0 = y - b[4 * q + 1], dz0 = z - b[4 * q + 2];
      const lower = Math.sqrt(dx0 * dx0 + dy0 * dy0 + dz0 * dz0) - b[4 * q + 3];
      if (lower >= best || lower > this.reach) continue;
      if (!irrDone) { this.irregular.sample(f, 3); this.irregularFine.sample(f, 4); f[3] = 0.6 * f[3] + 0.4 * f[4]; irrDone = true; }
      const irr = this.lobeIrr[q] * f[3];
      const k = this.lobeK[q];
      const dx = x - k[1], dy = y - k[2], dz = z - k[3];
      let d: number;
      if (k[0] === 0) {
        const u = k[4] * dx + k[5] * dy;
        const v0 = -k[5] * dx + k[4] * dy;
        const w0 = k[6] * v0 + k[7] * dz;
        const w1 = -k[7] * v0 + k[6] * dz;
        const a = u * k[8], bb = w0 * k[9], c = w1 * k[10];
        const rho = Math.sqrt(a * a + bb * bb + c * c);
        d = rho < 1e-9 ? -k[11] : Math.sqrt(dx * dx + dy * dy + dz * dz) * (1 - (1 + irr) / rho);
      } else {
        let t = (dx * k[4] + dy * k[5] + dz * k[6]) * k[7];
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const ex = dx - t * k[4], ey = dy - t * k[5], ez = dz - t * k[6];
        d = Math.sqrt(ex * ex + ey * ey + ez * ez) - (k[8] + t * k[9]) - irr * (k[8] + k[9] / 2);
      }
      if (d < best) best = d;
    }
    io[4] = best;
    if (best >= this.reach) { io[5] = 0; io[6] = 0; io[7] = 0; io[8] = 0; io[9] = 0; return; }
    const hs = sp / 2;
    const env = best <= -hs ? 1 : best >= hs ? 0 : 0.5 - best / sp;
    io[5] = env;
    if (best > 0) { this.edemaField.sample(f, 4); io[9] = (best <= plan.edema.plateau ? 1 : Math.exp(-(best - plan.edema.plateau) / plan.edema.reach)) * (0.85 + 0.15 * f[4]); } else io[9] = 1;
    if (env <= 0) { io[6] = 0; io[7] = 0; io[8] = 0; return; }
    let cover = 1;
    if (this.patch !== null && this.patchFine !== null) {
      this.patch.sample(f, 4); this.patchFine.sample(f, 5);
      cover = clamp01(0.5 + (0.65 * f[4] + 0.35 * f[5] - this.patchThreshold) / SOFT);
    }
    let lesion = 0;
    if (this.lesionField !== null) { this.lesionField.sample(f, 4); lesion = clamp01(0.5 + (this.lesionThreshold - f[4]) / SOFT); }
    io[8] = lesion;
    io[6] = env * cover * (1 - lesion);
    this.het1.sample(f, 4);
    this.het2.sample(f, 5);
    const core = clamp01(-best / 6);
    const v = plan.bloodHu + this.a1 * f[4] + this.a2 * f[5] + plan.retraction * (core - 0.5);
    io[7] = v < 50 ? 50 : v > 80 ? 80 : v;
  }
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
