import { InvalidInputError, MaskError } from '../../core/errors.js';
import type { Vec3 } from '../../core/vec.js';
import { meshDiameters, type MeshDiameters } from './diameters.js';
import { paddedMask } from './padded-mask.js';
import { principalMomentsOfSums, type PrincipalMoments } from './principal-axes.js';
import { surfaceMeshOfPadded, type SurfaceMesh } from './surface-mesh.js';

/** Everything the 3D shape/morphology features are computed from: the mesh, its diameters and the PCA moments. */
export interface ShapeGeometry {
  readonly mesh: SurfaceMesh;
  readonly diameters: MeshDiameters;
  readonly pca: PrincipalMoments;
  /** Number of voxels N_v in the mask. */
  readonly voxelCount: number;
  /** Volume of one voxel (mm³). */
  readonly voxelVolume: number;
  readonly spacing: Vec3;
}

/**
 * Computes the marching-cubes mesh (area, volume, vertices), the mesh diameters (via exact convex hulls) and the
 * principal moments of a 3D binary mask.
 *
 * @param mask - non-zero inside; `size[0]·size[1]·size[2]` entries, x fastest.
 * @throws MaskError when the mask is empty; InvalidInputError when the sizes disagree.
 */
export function shapeGeometry(mask: ArrayLike<number>, size: Vec3, spacing: Vec3): ShapeGeometry {
  if (mask.length !== size[0] * size[1] * size[2]) {
    throw new InvalidInputError('the mask does not match its grid size', {
      expected: `${size[0] * size[1] * size[2]} entries (${size.join('×')})`, found: `${mask.length}`,
    });
  }
  // one scan of the grid for the padded box and the moment sums, then the mesh over the box only
  const padded = paddedMask(mask, size);
  const mesh = surfaceMeshOfPadded(padded, spacing);
  if (mesh.vertices2.length === 0) {
    throw new MaskError('the region of interest is empty', {
      expected: 'at least one voxel in the (morphological) mask', found: '0 voxels',
      fix: 'check the label value and that the segmentation was saved.',
    });
  }
  const pca = principalMomentsOfSums(padded.sums, spacing);
  return {
    mesh,
    diameters: meshDiameters(mesh.vertices2, spacing, mesh.lineEnds),
    pca,
    voxelCount: pca.count,
    voxelVolume: spacing[0] * spacing[1] * spacing[2],
    spacing,
  };
}
