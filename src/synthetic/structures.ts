import type { AnatomyParams } from './anatomy.js';
import { layerOffsets, outlineRadius, profile } from './head-geometry.js';
import { capsule, ellipsoid, type P3, type Primitive } from './primitives.js';
import { Tissue } from './tissues.js';

/**
 * Deep structures and vessels of the normal head as primitives in head coordinates: basal ganglia,
 * thalami, ventricles, cisterns, brainstem, calcifications, frontal sinus and the dural venous sinuses.
 * Positions follow a template of an adult brain (origin at the centre of the brain at the level of the basal
 * ganglia) scaled to the patient's brain size; the ventricles also grow with the patient's atrophy.
 */

/** Names of the dural venous sinuses that are modelled. */
export type SinusName = 'superior-sagittal' | 'straight' | 'transverse-left' | 'transverse-right' | 'sigmoid-left' | 'sigmoid-right';

/** A venous sinus as a polyline of centre points with a radius at each point (mm). */
export interface SinusPath {
  readonly name: SinusName;
  readonly points: readonly P3[];
  readonly radii: readonly number[];
}

/** A segment [from, to] (fractions of the path's points) of one sinus filled with thrombus of `hu` HU. */
export interface SinusThrombosis {
  readonly sinus: SinusName;
  readonly from: number;
  readonly to: number;
  readonly hu: number;
}

function scaler(a: AnatomyParams): (p: P3) => P3 {
  const sx = a.brainA / 66, sy = a.brainB / 80, sz = (sx + sy) / 2;
  return (p) => [p[0] * sx, p[1] * sy, p[2] * sz];
}

/** Ventricle centre-lines of one side (x > 0 is the patient's left), tapered capsules. */
function lateralVentricle(a: AnatomyParams, side: 1 | -1): Primitive[] {
  const S = scaler(a);
  const v = a.ventricleScale;
  const lat = Math.sqrt(v);
  const pt = (x: number, y: number, z: number, r: number): { p: P3; r: number } => {
    const rr = r * v;
    const q = S([x * lat, y, z]);
    // keep a septum of at least ~2.4 mm between the two sides
    const x2 = Math.max(Math.abs(q[0]), rr + 1.2);
    return { p: [side * x2, q[1], q[2]], r: rr };
  };
  const tip = pt(6, -30, 3, 3);
  const horn = pt(7.5, -17, 9, 5.6);
  const hornLow = pt(6.5, -22, -1, 3.6);
  const body = pt(8.5, 2, 18, 4.6);
  const atrium = pt(19, 24, 14, 6);
  const occ = pt(18, 43, 10, 2.4);
  const t1 = pt(26, 14, -6, 2.8);
  const t2 = pt(27, -4, -18, 2);
  const seg = (p: { p: P3; r: number }, q: { p: P3; r: number }): Primitive => ({ shape: capsule(p.p, q.p, p.r, q.r), tissue: Tissue.VENTRICLE, hu: a.hu.csf });
  return [seg(tip, horn), seg(hornLow, horn), seg(horn, body), seg(body, atrium), seg(atrium, occ), seg(atrium, t1), seg(t1, t2)];
}

/** The deep grey nuclei of one side: caudate head, lentiform nucleus, thalamus. */
function deepNuclei(a: AnatomyParams, side: 1 | -1): Primitive[] {
  const S = scaler(a);
  const v = Math.sqrt(a.ventricleScale);
  const g = a.hu.deepGrey;
  const at = (x: number, y: number, z: number): P3 => { const q = S([x, y, z]); return [side * q[0], q[1], q[2]]; };
  return [
    { shape: ellipsoid(at(13 * v, -15, 11), [4.5, 8.5, 8], side * 0.25, 0), tissue: Tissue.DEEP_GREY, hu: g },
    { shape: ellipsoid(at(23.5, -1, 3), [6, 13, 8.5], side * -0.22, 0), tissue: Tissue.DEEP_GREY, hu: g + 0.5 },
    { shape: ellipsoid(at(10.5 * v, 13, 7), [7.5, 11, 8], side * 0.2, 0), tissue: Tissue.DEEP_GREY, hu: g - 0.5 },
  ];
}

/**
 * Every normal-anatomy primitive of a patient, in painting order: cisterns, brainstem, deep nuclei,
 * ventricles, calcifications, frontal sinus. The venous sinuses come from {@link sinusPaths}.
 */
export function anatomyPrimitives(a: AnatomyParams): Primitive[] {
  const S = scaler(a);
  const v = a.ventricleScale;
  const csf = a.hu.csf;
  const out: Primitive[] = [];
  // basal cisterns (painted first, then the brainstem inside them leaves a CSF ring)
  // ambient/quadrigeminal cisterns: thin at the sides of the midbrain, wider behind it
  out.push({ shape: ellipsoid(S([0, 20, -13]), [12.5, 13.5, 6.5]), tissue: Tissue.CSF, hu: csf });
  out.push({ shape: ellipsoid(S([0, -6, -20]), [12, 8, 4]), tissue: Tissue.CSF, hu: csf });
  out.push({ shape: ellipsoid(S([0, 17, -12]), [11.2, 10.5, 9]), tissue: Tissue.WHITE, hu: a.hu.white + 2 });
  out.push({ shape: ellipsoid(S([0, 22, -38]), [13, 11, 17]), tissue: Tissue.WHITE, hu: a.hu.white + 3 });
  out.push(...deepNuclei(a, 1), ...deepNuclei(a, -1));
  out.push(...lateralVentricle(a, 1), ...lateralVentricle(a, -1));
  out.push({ shape: ellipsoid(S([0, 8, 3]), [1.2 + 1.2 * v, 12, 8.5]), tissue: Tissue.VENTRICLE, hu: csf });
  out.push({ shape: ellipsoid(S([0, 45, -38]), [5.5 * v, 3.5 * v, 6]), tissue: Tissue.VENTRICLE, hu: csf });
  if (a.calcifiedPineal) {
    out.push({ shape: ellipsoid(S([0, 28, 9]), [2.6, 3, 2.6]), tissue: Tissue.CALCIFICATION, hu: 150 + 120 * a.ventricleScale - 90 });
  }
  if (a.calcifiedChoroid) {
    for (const side of [1, -1] as const) {
      const c = S([19 * Math.sqrt(v) * side, 24, 15]);
      out.push({ shape: ellipsoid(c, [2.4, 3, 2.2]), tissue: Tissue.CALCIFICATION, hu: 180, over: [Tissue.VENTRICLE] });
    }
  }
  if (a.frontalSinus > 0) {
    const f = a.frontalSinus;
    const z = a.floorAnterior + 0.4 * f;
    const o = layerOffsets(a, -Math.PI / 2, z);
    const y = -(outlineRadius(a, -Math.PI / 2) + (o[1] + o[4]) / 2) * profile(a, z, o[4]);
    const depthY = Math.min(f * 0.3, (o[4] - o[1]) * 0.3);
    out.push({ shape: ellipsoid([0, y, z], [f * 1.5, depthY, f * 0.9]), tissue: Tissue.AIR, hu: -1000, over: [Tissue.BONE, Tissue.DIPLOE, Tissue.MIXED] });
  }
  return out;
}

/** A point on the inner skull surface at polar angle θ and height z, pulled inwards by `inset` mm. */
function innerSurfacePoint(a: AnatomyParams, theta: number, z: number, inset: number): P3 {
  const o = a.csfThickness;
  const r = (outlineRadius(a, theta) + o) * profile(a, z, o) - inset;
  return [r * Math.cos(theta), r * Math.sin(theta), z];
}

/**
 * Centre-lines of the dural venous sinuses: the superior sagittal sinus along the midline under the inner
 * table from the frontal region over the vertex to the torcula; the straight sinus from the torcula up
 * and forwards; each transverse sinus along the occipital bone at tentorium level; each sigmoid sinus
 * down to the jugular foramen.
 */
export function sinusPaths(a: AnatomyParams): SinusPath[] {
  const o = a.csfThickness;
  const rS = a.sssRadius, rT = a.transverseRadius;
  const zT = a.tentorium - 3;
  // SSS: sagittal half-ellipse of the inner skull, sampled by its angle ψ
  const sss: P3[] = [];
  const sssR: number[] = [];
  const hUp = a.hUp + o, hDown = a.hDown + o;
  const front = Math.asin(Math.max(-0.95, (a.zc - 8 - a.zc) / hDown));
  const back = Math.asin(Math.max(-0.95, (zT + 4 - a.zc) / hDown));
  const n = 18;
  for (let k = 0; k <= n; k++) {
    // ψ from the front (−y) over the top to the back (+y): angle t ∈ [front, π − back]
    const t = front + ((Math.PI - back - front) * k) / n;
    const up = Math.sin(t) > 0;
    const z = a.zc + (up ? hUp : hDown) * Math.sin(t);
    const post = Math.cos(t) < 0;
    const theta = post ? Math.PI / 2 : -Math.PI / 2;
    const rad = outlineRadius(a, theta) + o;
    const ry = rad * Math.abs(Math.cos(t));
    const r = rS * (0.55 + 0.45 * (k / n));
    // pull the centre inwards along the (scaled) ellipse normal
    const ny = (post ? 1 : -1) * Math.abs(Math.cos(t)) / rad;
    const nz = Math.sin(t) / (up ? hUp : hDown);
    const nn = Math.hypot(ny, nz) || 1;
    sss.push([0, (post ? 1 : -1) * ry - ((ny / nn) * (r + 0.6)), z - (nz / nn) * (r + 0.6)]);
    sssR.push(r);
  }
  const torcula = sss[sss.length - 1];
  const paths: SinusPath[] = [{ name: 'superior-sagittal', points: sss, radii: sssR }];
  const S = scaler(a);
  paths.push({ name: 'straight', points: [torcula, S([0, 38, a.tentorium + 10]), S([0, 26, a.tentorium + 22])], radii: [rT * 0.7, rT * 0.6, rT * 0.5] });
  for (const side of [1, -1] as const) {
    const tr: P3[] = [torcula];
    const trR: number[] = [rT];
    for (let k = 1; k <= 6; k++) {
      const deg = 90 - (55 * k) / 6;
      const theta = side > 0 ? (deg * Math.PI) / 180 : Math.PI - (deg * Math.PI) / 180;
      tr.push(innerSurfacePoint(a, theta, zT - (5 * k) / 6, rT + 0.6));
      trR.push(rT);
    }
    paths.push({ name: side > 0 ? 'transverse-left' : 'transverse-right', points: tr, radii: trR });
    const sg: P3[] = [tr[tr.length - 1]];
    const sgR: number[] = [rT];
    const zEnd = a.floorMiddle - 6;
    for (let k = 1; k <= 5; k++) {
      const deg = 35 - 12 * (k / 5);
      const theta = side > 0 ? (deg * Math.PI) / 180 : Math.PI - (deg * Math.PI) / 180;
      const z = zT - 5 + (zEnd - (zT - 5)) * (k / 5);
      sg.push(innerSurfacePoint(a, theta, z, rT + 0.6 + 4 * (k / 5)));
      sgR.push(rT * (1 - 0.15 * (k / 5)));
    }
    paths.push({ name: side > 0 ? 'sigmoid-left' : 'sigmoid-right', points: sg, radii: sgR });
  }
  return paths;
}

/**
 * Capsule primitives of the sinuses, with the thrombosed segments (if any) filled with thrombus.
 * Thrombus of ≥ 62–70 HU is the "dense sinus" sign; thrombus near the normal sinus density is invisible.
 */
export function sinusPrimitives(a: AnatomyParams, paths: readonly SinusPath[], thromboses: readonly SinusThrombosis[]): Primitive[] {
  const out: Primitive[] = [];
  for (const p of paths) {
    const th = thromboses.filter((t) => t.sinus === p.name);
    const nSeg = p.points.length - 1;
    for (let k = 0; k < nSeg; k++) {
      const mid = (k + 0.5) / nSeg;
      const hit = th.find((t) => mid >= t.from && mid <= t.to);
      out.push({
        shape: capsule(p.points[k], p.points[k + 1], p.radii[k], p.radii[k + 1]),
        tissue: hit ? Tissue.THROMBUS : Tissue.SINUS,
        hu: hit ? hit.hu : a.hu.sinus,
      });
    }
  }
  return out;
}
