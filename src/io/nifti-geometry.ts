import { CorruptFileError } from '../core/errors.js';
import type { Mat3, Vec3 } from '../core/vec.js';
import type { NiftiHeader } from './nifti-header.js';

/**
 * NIfTI-1 qform/sform → ITK geometry (LPS), following ITK's `NiftiImageIO` (ITK ≥ 5.1,
 * `SetImageIOOrientationFromNIfTI`, `ReadImageInformation`) on top of niftilib's `nifti_convert_nhdr2nim`:
 *
 * - spacing = pixdim[1..3] × unit scale (m → ×1000, µm → ×0.001, mm/unknown → ×1);
 * - qto_xyz from the quaternion (nifti1.h formula; qfac = sign of pixdim[0]; spacings ≤ 0 taken as 1),
 *   or diag(dx, dy, dz) when qform_code ≤ 0; sto_xyz from srow_* when sform_code > 0, else all zero;
 *   both are float32 matrices, as in niftilib's `mat44`;
 * - the sform is used when it is "similar" to the qform, or when it is an orthonormal affine and
 *   (qform_code = 0, or sform_code = 1 SCANNER_ANAT, or it is very close to the qform); otherwise the qform;
 * - RAS → LPS: origin = (−m03, −m13, m23), direction column j = normalise(−m0j, −m1j, m2j);
 * - a negative spacing is made positive and its direction column negated (ITK's ImageFileReader).
 *
 * The "very close" test of ITK compares SVDs of the two 3×3 blocks; we compare the normalised columns,
 * the column norms and the offsets with the same 1e-4 tolerance, which agrees except for matrices that
 * differ by less than float precision (where the choice does not change the geometry).
 */
export interface NiftiGeometry {
  readonly spacing: Vec3;
  readonly origin: Vec3;
  readonly direction: Mat3;
  /** Which transform ITK's rules picked. */
  readonly transform: 'sform' | 'qform' | 'none';
}

type M44 = number[][];

const f = Math.fround;

/** niftilib's `nifti_quatern_to_mat44` (formula from nifti1.h), rounded to float32. */
export function quaternToMat44(b0: number, c0: number, d0: number, qx: number, qy: number, qz: number, dx: number, dy: number, dz: number, qfac: number): M44 {
  let b = b0, c = c0, d = d0;
  let a = 1 - (b * b + c * c + d * d);
  if (a < 1e-7) {
    const s = 1 / Math.sqrt(b * b + c * c + d * d);
    b *= s; c *= s; d *= s;
    a = 0;
  } else {
    a = Math.sqrt(a);
  }
  const xd = dx > 0 ? dx : 1;
  const yd = dy > 0 ? dy : 1;
  let zd = dz > 0 ? dz : 1;
  if (qfac < 0) zd = -zd;
  return [
    [f((a * a + b * b - c * c - d * d) * xd), f(2 * (b * c - a * d) * yd), f(2 * (b * d + a * c) * zd), f(qx)],
    [f(2 * (b * c + a * d) * xd), f((a * a + c * c - b * b - d * d) * yd), f(2 * (c * d - a * b) * zd), f(qy)],
    [f(2 * (b * d - a * c) * xd), f(2 * (c * d + a * b) * yd), f((a * a + d * d - c * c - b * b) * zd), f(qz)],
    [0, 0, 0, 1],
  ];
}

/** niftilib's FIXED_FLOAT: non-finite values become 0. */
function fixed(x: number): number {
  return Number.isFinite(x) ? x : 0;
}

function unitScale(xyztUnits: number): number {
  switch (xyztUnits & 0x07) {
    case 1: return 1e3; // metre
    case 3: return 1e-3; // micron
    default: return 1; // mm or unknown
  }
}

/** Number of spatial dimensions ITK gives the image (1, 2 or 3). */
export function niftiSpatialDims(h: NiftiHeader): number {
  return Math.min(3, h.dim[0]);
}

/** Computes the geometry ITK reports for a NIfTI-1 header (see the module comment). */
export function niftiGeometry(h: NiftiHeader, file?: string): NiftiGeometry {
  const dims = niftiSpatialDims(h);
  const scale = unitScale(h.xyztUnits);
  // niftilib's dx, dy, dz (pixdim of absent dimensions default to 1)
  const pd = [1, 2, 3].map((i) => (i <= h.dim[0] ? h.pixdim[i] : 1));
  const qfac = h.pixdim[0] < 0 ? -1 : 1;

  const qform = h.qformCode > 0;
  const qto: M44 = qform
    ? quaternToMat44(fixed(h.quatern[0]), fixed(h.quatern[1]), fixed(h.quatern[2]), fixed(h.qoffset[0]), fixed(h.qoffset[1]), fixed(h.qoffset[2]), pd[0], pd[1], pd[2], qfac)
    : [[f(pd[0]), 0, 0, 0], [0, f(pd[1]), 0, 0], [0, 0, f(pd[2]), 0], [0, 0, 0, 1]];
  const sform = h.sformCode > 0;
  const sto: M44 = sform
    ? [[...h.srow[0]], [...h.srow[1]], [...h.srow[2]], [0, 0, 0, 1]]
    : [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]];

  let mat: M44 | null = null;
  let transform: NiftiGeometry['transform'] = 'none';
  if (qform || sform) {
    let preferS = similar(sto, qto);
    if (!preferS || sform) {
      if (sform && orthonormalAffine(sto, pd)) {
        if (!qform) preferS = true;
        else if (h.sformCode === 1) preferS = true;
        else preferS = veryClose(sto, qto);
      }
    }
    if (preferS) { mat = sto; transform = 'sform'; }
    else if (qform) { mat = qto; transform = 'qform'; }
    else {
      throw new CorruptFileError('the NIfTI sform is not a rotation plus scaling and there is no qform', {
        file, expected: 'an orthonormal sform (no shear) or a valid qform', found: `sform rows [${sto.slice(0, 3).map((r) => r.join(' ')).join('; ')}]`,
        fix: 'ITK refuses such files too ("ITK only supports orthonormal direction cosines"); resample or fix the header (e.g. nibabel set_qform).',
      });
    }
  }

  const origin = [0, 0, 0];
  const dir = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  if (mat) {
    origin[0] = -mat[0][3];
    if (dims > 1) origin[1] = -mat[1][3];
    if (dims > 2) origin[2] = mat[2][3];
    for (let j = 0; j < dims; j++) {
      const col = [0, 0, 0];
      for (let i = 0; i < dims; i++) col[i] = i < 2 ? -mat[i][j] : mat[i][j];
      const n = Math.hypot(col[0], col[1], col[2]);
      for (let i = 0; i < 3; i++) dir[3 * i + j] = n === 0 ? col[i] : col[i] / n;
    }
  }
  const spacing = [0, 1, 2].map((i) => (i < dims ? pd[i] * scale : 1));
  for (let j = 0; j < 3; j++) {
    if (!Number.isFinite(spacing[j]) || spacing[j] === 0) {
      throw new CorruptFileError('the NIfTI header has an invalid voxel spacing', {
        file, expected: 'pixdim[1..3] finite and non-zero', found: `pixdim = [${h.pixdim.slice(1, 4).join(', ')}]`,
        fix: 'set the voxel size in the header (e.g. nibabel header.set_zooms).',
      });
    }
    if (spacing[j] < 0) {
      spacing[j] = -spacing[j];
      for (let i = 0; i < 3; i++) dir[3 * i + j] = -dir[3 * i + j];
    }
  }
  if (![...origin, ...dir].every(Number.isFinite) || Math.abs(det3(dir)) < 1e-6) {
    throw new CorruptFileError('the NIfTI orientation is not valid', {
      file, expected: 'finite origin and independent direction axes', found: `origin [${origin.join(', ')}], direction [${dir.join(', ')}]`,
      fix: 'repair the qform/sform (e.g. in 3D Slicer or with nibabel).',
    });
  }
  const noNegZero = (a: number[]): number[] => a.map((x) => x + 0); // -0 → 0
  return { spacing: spacing as unknown as Vec3, origin: noNegZero(origin) as unknown as Vec3, direction: noNegZero(dir) as unknown as Mat3, transform };
}

function det3(m: number[]): number {
  return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
}

/** ITK's first check: 3×3 within 1e-5 element-wise, translations and bottom rows within 1e-7 (one-norm). */
function similar(s: M44, q: M44): boolean {
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (!(Math.abs(s[i][j] - q[i][j]) <= 1e-5)) return false;
  let t = 0;
  let b = 0;
  for (let i = 0; i < 4; i++) {
    t += Math.abs(s[i][3] - q[i][3]);
    b += Math.abs(s[3][i] - q[3][i]);
  }
  return t <= 1e-7 && b <= 1e-7;
}

/** ITK's `IsAffine` (bottom row, invertible) and orthonormality of the normalised columns (1e-4). */
function orthonormalAffine(s: M44, pd: number[]): boolean {
  if (!s.every((r) => r.every(Number.isFinite))) return false;
  const m3 = [s[0][0], s[0][1], s[0][2], s[1][0], s[1][1], s[1][2], s[2][0], s[2][1], s[2][2]];
  const d = det3(m3);
  if (!(Math.abs(d) > 1e-12)) return false;
  const cols = [0, 1, 2].map((j) => {
    const c = [s[0][j], s[1][j], s[2][j]];
    const n = Math.hypot(c[0], c[1], c[2]);
    return c.map((x) => x / n);
  });
  void pd; // ITK only warns when the sform column norms differ from pixdim
  for (let a = 0; a < 3; a++) {
    for (let b = 0; b < 3; b++) {
      const dot = cols[a][0] * cols[b][0] + cols[a][1] * cols[b][1] + cols[a][2] * cols[b][2];
      if (Math.abs(dot - (a === b ? 1 : 0)) > 1e-4) return false;
    }
  }
  return true;
}

/** Approximation of ITK's SVD-based "sform and qform are very similar" (tolerance 1e-4). */
function veryClose(s: M44, q: M44): boolean {
  const norms = (m: M44): number[] => [0, 1, 2].map((j) => Math.hypot(m[0][j], m[1][j], m[2][j]));
  const ns = norms(s);
  const nq = norms(q);
  const ss = [...ns].sort((x, y) => x - y);
  const sq = [...nq].sort((x, y) => x - y);
  for (let i = 0; i < 3; i++) if (Math.abs(ss[i] - sq[i]) > 1e-4) return false;
  // R_s · R_qᵀ ≈ I
  for (let a = 0; a < 3; a++) {
    for (let b = 0; b < 3; b++) {
      let dot = 0;
      for (let k = 0; k < 3; k++) dot += (s[a][k] / ns[k]) * (q[b][k] / nq[k]);
      if (Math.abs(dot - (a === b ? 1 : 0)) > 1e-4) return false;
    }
  }
  for (let i = 0; i < 3; i++) if (Math.abs(s[i][3] - q[i][3]) > 1e-4) return false;
  return true;
}

/**
 * The NIfTI orientation fields ITK writes for a geometry (`SetNIfTIOrientationFromImageIO`): qform and
 * sform both coded 1 (scanner anatomical), the quaternion from the RAS direction (niftilib's
 * `nifti_mat44_to_quatern` algorithm), qfac = sign of the determinant, srow = RAS direction × spacing.
 */
export function niftiOrientationFields(spacing: Vec3, origin: Vec3, direction: Mat3): {
  quatern: [number, number, number]; qoffset: [number, number, number]; qfac: number; srow: [number[], number[], number[]];
} {
  // LPS → RAS: negate the first two rows.
  const r = [0, 1, 2].map((i) => [0, 1, 2].map((j) => (i < 2 ? -direction[3 * i + j] : direction[3 * i + j])));
  const srow: [number[], number[], number[]] = [0, 1, 2].map((i) => [
    r[i][0] * spacing[0] + 0, r[i][1] * spacing[1] + 0, r[i][2] * spacing[2] + 0, (i < 2 ? -origin[i] : origin[i]) + 0,
  ]) as [number[], number[], number[]];
  const d = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1]) - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0]) + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
  const qfac = d < 0 ? -1 : 1;
  if (qfac < 0) for (let i = 0; i < 3; i++) r[i][2] = -r[i][2];
  const [r11, r12, r13] = r[0];
  const [r21, r22, r23] = r[1];
  const [r31, r32, r33] = r[2];
  let a = r11 + r22 + r33 + 1;
  let b: number, c: number, dd: number;
  if (a > 0.5) {
    a = 0.5 * Math.sqrt(a);
    b = (0.25 * (r32 - r23)) / a;
    c = (0.25 * (r13 - r31)) / a;
    dd = (0.25 * (r21 - r12)) / a;
  } else {
    const xd = 1 + r11 - (r22 + r33);
    const yd = 1 + r22 - (r11 + r33);
    const zd = 1 + r33 - (r11 + r22);
    if (xd > 1) {
      b = 0.5 * Math.sqrt(xd); c = (0.25 * (r12 + r21)) / b; dd = (0.25 * (r13 + r31)) / b; a = (0.25 * (r32 - r23)) / b;
    } else if (yd > 1) {
      c = 0.5 * Math.sqrt(yd); b = (0.25 * (r12 + r21)) / c; dd = (0.25 * (r23 + r32)) / c; a = (0.25 * (r13 - r31)) / c;
    } else {
      dd = 0.5 * Math.sqrt(zd); b = (0.25 * (r13 + r31)) / dd; c = (0.25 * (r23 + r32)) / dd; a = (0.25 * (r21 - r12)) / dd;
    }
    if (a < 0) { b = -b; c = -c; dd = -dd; }
  }
  return { quatern: [b + 0, c + 0, dd + 0], qoffset: [-origin[0] + 0, -origin[1] + 0, origin[2] + 0], qfac, srow };
}
