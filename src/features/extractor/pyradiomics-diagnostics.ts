import { indexToPhysical, type Geometry } from '../../core/geometry.js';
import type { Vec3 } from '../../core/vec.js';
import { cropArray } from '../../preprocess/crop.js';
import { countComponents, maskedStats, summariseMask, uint32VoxelHash, volumeStats, voxelHash, type MaskSummary } from './mask-stats.js';
import { diagnosticsName } from './naming.js';
import { pyFloat, pyFloatTuple, pyIntTuple } from './python-format.js';

/**
 * PyRadiomics' `diagnostics_Image-*` and `diagnostics_Mask-*` columns (`radiomics/generalinfo.py`), formatted as
 * PyRadiomics writes them. Values are strings (Python reprs) except the voxel counts, which are numbers.
 */
export type DiagnosticsRecord = Record<string, string | number>;

/** `diagnostics_Image-<stage>_*`: Hash and Dimensionality (original only), Spacing, Size, Mean, Minimum, Maximum. */
export function imageDiagnostics(out: DiagnosticsRecord, stage: string, g: Geometry, data: ArrayLike<number> & ArrayBufferView | Float64Array, withHash: boolean): void {
  const group = `Image-${stage}`;
  if (withHash) {
    out[diagnosticsName(group, 'Hash')] = voxelHash(data);
    out[diagnosticsName(group, 'Dimensionality')] = '3D';
  }
  out[diagnosticsName(group, 'Spacing')] = pyFloatTuple(g.spacing);
  out[diagnosticsName(group, 'Size')] = pyIntTuple(g.size);
  const s = volumeStats(data);
  out[diagnosticsName(group, 'Mean')] = pyFloat(s.mean);
  out[diagnosticsName(group, 'Minimum')] = pyFloat(s.min);
  out[diagnosticsName(group, 'Maximum')] = pyFloat(s.max);
}

/**
 * `diagnostics_Mask-<stage>_*`: Hash (original only: SHA-1 of the label map cast to uint32, as PyRadiomics hashes
 * its UInt32 mask), Spacing, Size, BoundingBox (lower corner then size, x y z), VoxelNum, VolumeNum (26-connected
 * components), CenterOfMassIndex, CenterOfMass (physical), and with an image: Mean, Minimum, Maximum of the image
 * inside the mask.
 */
export function maskDiagnostics(
  out: DiagnosticsRecord,
  stage: string,
  g: Geometry,
  mask: ArrayLike<number>,
  opts: { labelMapForHash?: ArrayLike<number>; labelMapHash?: string; image?: ArrayLike<number>; summary?: MaskSummary } = {},
): MaskSummary {
  const group = `Mask-${stage}`;
  // (labelMapHash: the hash of the label map computed ahead, see primePyradiomicsMask)
  if (opts.labelMapHash !== undefined) out[diagnosticsName(group, 'Hash')] = opts.labelMapHash;
  else if (opts.labelMapForHash) out[diagnosticsName(group, 'Hash')] = uint32VoxelHash(opts.labelMapForHash);
  out[diagnosticsName(group, 'Spacing')] = pyFloatTuple(g.spacing);
  out[diagnosticsName(group, 'Size')] = pyIntTuple(g.size);
  const s = opts.summary ?? summariseMask(mask, g.size);
  const size: Vec3 = [s.hi[0] - s.lo[0] + 1, s.hi[1] - s.lo[1] + 1, s.hi[2] - s.lo[2] + 1];
  out[diagnosticsName(group, 'BoundingBox')] = pyIntTuple([...s.lo, ...size]);
  out[diagnosticsName(group, 'VoxelNum')] = s.voxelCount;
  out[diagnosticsName(group, 'VolumeNum')] = s.voxelCount === 0 ? 0 : countComponents(cropArray(mask as Uint8Array, g.size, { lo: s.lo, hi: s.hi }), size, true);
  out[diagnosticsName(group, 'CenterOfMassIndex')] = pyFloatTuple(s.centerOfMassIndex);
  out[diagnosticsName(group, 'CenterOfMass')] = pyFloatTuple(indexToPhysical(g, s.centerOfMassIndex));
  if (opts.image) {
    const st = maskedStats(opts.image, mask);
    out[diagnosticsName(group, 'Mean')] = pyFloat(st.mean);
    out[diagnosticsName(group, 'Minimum')] = pyFloat(st.min);
    out[diagnosticsName(group, 'Maximum')] = pyFloat(st.max);
  }
  return s;
}
