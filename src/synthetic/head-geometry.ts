import type { AnatomyParams, HeadPose, Sulcus } from './anatomy.js';
import { clamp, smoothstep } from './sampling.js';

/**
 * Analytic surfaces of the synthetic head, in head coordinates (see `anatomy.ts`). Each closed surface
 * (brain, inner skull, ...) is a star-shaped dome: in the axial plane at height z its radius at polar angle
 * θ = atan2(y, x) is (ρ(θ) + o)·p(z; o), where ρ is the brain outline at its widest level, o the surface's
 * offset from the brain (mm) and p a half-ellipse profile that closes the dome at the vertex:
 *
 *   p(z; o) = sqrt(1 − ((z − zc)/(H + o))²),  H = hUp above zc, hDown below.
 */

/** Radius (mm) of the brain outline at its widest level, at polar angle θ (rad). */
export function outlineRadius(a: AnatomyParams, theta: number): number {
  const c = Math.cos(theta), s = Math.sin(theta);
  const ellipse = (a.brainA * a.brainB) / Math.sqrt((a.brainB * c) ** 2 + (a.brainA * s) ** 2);
  let f = 1 + a.posteriorBulge * s; // s > 0: posterior (y > 0) half is a little larger
  const hs = a.harmonics;
  for (let k = 0; k < hs.length; k++) f += hs[k].amp * Math.cos(hs[k].order * theta + hs[k].phase);
  return ellipse * f;
}

/** The profile factor p(z; o) ∈ [0, 1] of a surface at offset `o` mm from the brain (0 above the dome). */
export function profile(a: AnatomyParams, z: number, o: number): number {
  const dz = z - a.zc;
  const h = (dz > 0 ? a.hUp : a.hDown) + o;
  const t = dz / h;
  const u = 1 - t * t;
  return u > 0 ? Math.sqrt(u) : 0;
}

/** Skull thickness (mm) at polar angle θ: thicker frontally and occipitally. */
export function skullThicknessAt(a: AnatomyParams, theta: number): number {
  const s = Math.sin(theta);
  return a.skullThickness + a.skullFrontOccExtra * s * s;
}

/** Extra soft tissue (temporalis muscle, mm) at polar angle θ and height z: lateral, between z −35 and +40. */
export function temporalisAt(a: AnatomyParams, theta: number, z: number): number {
  const c = Math.cos(theta);
  const lateral = c * c * c * c;
  const zw = smoothstep((z + 40) / 15) * (1 - smoothstep((z - 25) / 20));
  return a.temporalis * lateral * zw;
}

/**
 * Offsets (mm, cumulative from the brain surface) of the radial layers, from inside out:
 * [0] brain surface, [1] inner skull surface (end of subarachnoid CSF), [2] end of the inner table,
 * [3] end of the diploë, [4] outer skull surface, [5] end of the muscle, [6] end of the fat, [7] skin.
 */
export function layerOffsets(a: AnatomyParams, theta: number, z: number, out: Float64Array = new Float64Array(8)): Float64Array {
  const t = skullThicknessAt(a, theta);
  const tables = (1 - a.diploeFraction) / 2;
  out[0] = 0;
  out[1] = a.csfThickness;
  out[2] = out[1] + t * tables;
  out[3] = out[2] + t * a.diploeFraction;
  out[4] = out[1] + t;
  out[5] = out[4] + temporalisAt(a, theta, z);
  out[6] = out[5] + 0.35 * a.scalpThickness;
  out[7] = out[5] + a.scalpThickness;
  return out;
}

/** Radius (mm) of the brain surface at (θ, z); 0 above the vertex. */
export function brainRadius(a: AnatomyParams, theta: number, z: number): number {
  return outlineRadius(a, theta) * profile(a, z, 0);
}

/** Radius (mm) of the skin at (θ, z). */
export function skinRadius(a: AnatomyParams, theta: number, z: number): number {
  const o = layerOffsets(a, theta, z)[7];
  return (outlineRadius(a, theta) + o) * profile(a, z, o);
}

/** Height (mm) of the skin dome's top, an upper bound of the head. */
export function skinTop(a: AnatomyParams): number {
  return a.zc + a.hUp + a.csfThickness + a.skullThickness + a.skullFrontOccExtra + a.scalpThickness;
}

/**
 * Height (mm) of the cranial floor under head point (x, y): anterior fossa in front, middle fossa (temporal
 * lobes, with the sella in the middle) and the deep posterior fossa behind, joined by smooth steps at the
 * sphenoid wing (y ≈ −28 mm) and the petrous ridge (y ≈ +18 mm), scaled with the brain length.
 */
export function floorHeight(a: AnatomyParams, x: number, y: number): number {
  const sy = a.brainB / 80;
  const sx = a.brainA / 66;
  const sella = 1 - smoothstep((Math.abs(x) / sx - 10) / 10);
  const middle = a.floorMiddle + sella * 14;
  const w1 = smoothstep((y / sy + 32) / 8);
  const w2 = smoothstep((y / sy - 14) / 10);
  return a.floorAnterior + w1 * (middle - a.floorAnterior) + w2 * (a.floorPosterior - middle);
}

/**
 * Height (mm) of the tentorium above head point (x, y): highest at the incisura (front, midline), sloping
 * down laterally and backwards to the transverse sinuses. Cerebellum lies below it, behind y ≈ 12 mm.
 */
export function tentoriumHeight(a: AnatomyParams, x: number, y: number): number {
  const sy = a.brainB / 80;
  return a.tentorium + 12 * clamp((75 - y / sy) / 60, 0, 1) - 0.12 * Math.abs(x);
}

/** True when head point (x, y) lies over the posterior fossa (behind the petrous ridge). */
export function overPosteriorFossa(a: AnatomyParams, y: number): boolean {
  return y > 12 * (a.brainB / 80);
}

/**
 * Lower edge (mm) of the interhemispheric fissure at head y: it reaches the corpus callosum (z ≈ 25–30)
 * between y ≈ −35 and +38 mm, and goes all the way down in front of and behind it.
 */
export function fissureFloor(a: AnatomyParams, y: number): number {
  const sy = a.brainB / 80;
  const u = y / sy;
  if (u < -38 || u > 42) return -Infinity;
  // callosal arch: highest over the body, lower at genu and splenium
  const t = (u - 2) / 40;
  return 24 + 8 * (1 - t * t) - (1 - smoothstep((u + 38) / 6)) * 40 - smoothstep((u - 36) / 6) * 40;
}

/** Angle θ of a sulcus at height z (rad, wrapped to (−π, π]). */
export function sulcusAngle(s: Sulcus, z: number): number {
  return wrapAngle(s.theta0 + s.drift * Math.sin((2 * Math.PI * z) / s.period + s.phase));
}

/** Depth (mm) of a sulcus at height z; 0 where the sulcus is absent at that level. */
export function sulcusDepth(s: Sulcus, z: number): number {
  return s.depth * clamp(s.bias + Math.sin((2 * Math.PI * z) / s.zPeriod + s.zPhase), 0, 1);
}

/** Wraps an angle to (−π, π]. */
export function wrapAngle(t: number): number {
  let u = t % (2 * Math.PI);
  if (u > Math.PI) u -= 2 * Math.PI;
  if (u <= -Math.PI) u += 2 * Math.PI;
  return u;
}

/** Minimum depth (mm) for a sulcus to count as present at a level. */
export const SULCUS_MIN_DEPTH = 0.5;

/**
 * Index of the present sulcus (depth ≥ {@link SULCUS_MIN_DEPTH}) whose surface angle is nearest to θ at
 * height z, or −1 when none is present (brute force; the rasteriser uses a table).
 */
export function nearestSulcus(a: AnatomyParams, theta: number, z: number): number {
  let best = -1, bd = Infinity;
  for (let k = 0; k < a.sulci.length; k++) {
    if (sulcusDepth(a.sulci[k], z) < SULCUS_MIN_DEPTH) continue;
    const d = Math.abs(wrapAngle(theta - sulcusAngle(a.sulci[k], z)));
    if (d < bd) { bd = d; best = k; }
  }
  return best;
}

/** Scanner point (mm) → head point (mm), for a head pose (in-plane rotation + shift, tilt as a shear). */
export function scannerToHead(pose: HeadPose, x: number, y: number, z: number): [number, number, number] {
  const dx = x - pose.shift[0], dy = y - pose.shift[1], dz = z - pose.shift[2];
  const c = Math.cos(pose.yaw), s = Math.sin(pose.yaw);
  const qx = c * dx + s * dy;
  const qy = -s * dx + c * dy;
  return [qx, qy, dz + pose.tiltX * qx + pose.tiltY * qy];
}

/** Head point (mm) → scanner point (mm), the inverse of {@link scannerToHead}. */
export function headToScanner(pose: HeadPose, qx: number, qy: number, qz: number): [number, number, number] {
  const c = Math.cos(pose.yaw), s = Math.sin(pose.yaw);
  const dz = qz - pose.tiltX * qx - pose.tiltY * qy;
  return [c * qx - s * qy + pose.shift[0], s * qx + c * qy + pose.shift[1], dz + pose.shift[2]];
}

/**
 * Depth (mm) of a head point below the brain surface: the smaller of the radial depth in its axial plane
 * and the vertical depth under the dome; negative outside the brain.
 */
export function brainDepth(a: AnatomyParams, x: number, y: number, z: number): number {
  const theta = Math.atan2(y, x);
  const r = Math.hypot(x, y);
  const rho = outlineRadius(a, theta);
  const radial = rho * profile(a, z, 0) - r;
  if (z <= a.zc) return radial;
  const u = r / rho;
  const top = u < 1 ? a.zc + a.hUp * Math.sqrt(1 - u * u) : -Infinity;
  return Math.min(radial, top - z);
}
