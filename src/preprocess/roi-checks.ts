import { MaskError } from '../core/errors.js';
import type { Vec3 } from '../core/vec.js';
import { boxSize, maskBoundingBox, type IndexBox } from './crop.js';

/** Minimum-ROI requirements (PyRadiomics `minimumROIDimensions`, `minimumROISize`). */
export interface RoiRequirements {
  /** Number of axes along which the ROI must span more than one voxel (1–3; PyRadiomics default 2). */
  readonly minimumROIDimensions?: number;
  /** The ROI must have more than this many voxels (PyRadiomics `minimumROISize`; default none). */
  readonly minimumROISize?: number | null;
}

/** What {@link checkRoi} found. */
export interface RoiCheck {
  readonly boundingBox: IndexBox;
  readonly voxelCount: number;
  /** Number of axes along which the ROI spans more than one voxel. */
  readonly dimensions: number;
}

/**
 * PyRadiomics' `checkMask` rules on a binary mask: the ROI must be non-empty, not a single voxel, span at least
 * `minimumROIDimensions` axes and hold more than `minimumROISize` voxels.
 *
 * @throws MaskError naming the rule that failed, with a fix.
 */
export function checkRoi(mask: ArrayLike<number>, size: Vec3, req: RoiRequirements = {}): RoiCheck {
  const boundingBox = maskBoundingBox(mask, size);
  let voxelCount = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) voxelCount++;
  return checkRoiBox(boundingBox, voxelCount, req);
}

/** {@link checkRoi} on a precomputed bounding box and voxel count (no pass over the mask). */
export function checkRoiBox(boundingBox: IndexBox, voxelCount: number, req: RoiRequirements = {}): RoiCheck {
  if (voxelCount === 0) {
    throw new MaskError('the region of interest is empty', {
      expected: 'at least one voxel in the mask', found: '0 voxels', fix: 'check the label value and that the segmentation was saved.',
    });
  }
  const bs = boxSize(boundingBox);
  const dimensions = (bs[0] > 1 ? 1 : 0) + (bs[1] > 1 ? 1 : 0) + (bs[2] > 1 ? 1 : 0);
  const minDims = req.minimumROIDimensions ?? 2;
  if (dimensions === 0) {
    throw new MaskError('the mask contains a single voxel: features cannot be computed for one voxel', {
      expected: 'a region of interest of at least 2 voxels', found: '1 voxel',
      fix: 'check the segmentation (and the label), or exclude this case.',
    });
  }
  if (dimensions < minDims) {
    throw new MaskError('the mask has too few dimensions', {
      expected: `an ROI spanning at least ${minDims} axes (minimumROIDimensions)`,
      found: `an ROI spanning ${dimensions} (bounding box ${bs.join('×')})`,
      fix: 'lower minimumROIDimensions (e.g. 1), or use force2D for single-slice ROIs with minimumROIDimensions 2.',
    });
  }
  const minSize = req.minimumROISize ?? null;
  if (minSize !== null && voxelCount <= minSize) {
    throw new MaskError('the region of interest is too small', {
      expected: `more than ${minSize} voxels (minimumROISize)`, found: `${voxelCount} voxels`,
      fix: 'lower minimumROISize or exclude this case.',
    });
  }
  return { boundingBox, voxelCount, dimensions };
}
