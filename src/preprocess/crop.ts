import { MaskError } from '../core/errors.js';
import { indexToPhysical, type Geometry } from '../core/geometry.js';
import type { Vec3 } from '../core/vec.js';
import { makeVolume, type Volume, type VoxelArray } from '../core/volume.js';

/** An inclusive box of voxel indices: `lo[d] ≤ index[d] ≤ hi[d]`. */
export interface IndexBox {
  readonly lo: Vec3;
  readonly hi: Vec3;
}

/**
 * Bounding box of the voxels where `mask` is non-zero, on a grid of `size` (x fastest).
 * Returns `null`-free: throws a {@link MaskError} when the mask is empty.
 */
export function maskBoundingBox(mask: ArrayLike<number>, size: Vec3): IndexBox {
  const [nx, ny, nz] = size;
  let x0 = nx, y0 = ny, z0 = nz, x1 = -1, y1 = -1, z1 = -1;
  let p = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      let rowAny = false;
      for (let i = 0; i < nx; i++, p++) {
        if (mask[p] !== 0) {
          if (i < x0) x0 = i;
          if (i > x1) x1 = i;
          rowAny = true;
        }
      }
      if (rowAny) {
        if (j < y0) y0 = j;
        if (j > y1) y1 = j;
        if (k < z0) z0 = k;
        if (k > z1) z1 = k;
      }
    }
  }
  if (x1 < 0) {
    throw new MaskError('the region of interest is empty', {
      expected: 'at least one voxel in the mask', found: '0 voxels', fix: 'check the label value and that the segmentation was saved.',
    });
  }
  return { lo: [x0, y0, z0], hi: [x1, y1, z1] };
}

/** Size (number of voxels per axis) of an inclusive box. */
export function boxSize(box: IndexBox): Vec3 {
  return [box.hi[0] - box.lo[0] + 1, box.hi[1] - box.lo[1] + 1, box.hi[2] - box.lo[2] + 1];
}

/**
 * Grows a box by `pad` voxels on every side (per axis when an array), clipped to the grid `[0, size−1]`
 * (PyRadiomics `cropToTumorMask` with `padDistance`).
 */
export function padBox(box: IndexBox, pad: number | Vec3, size: Vec3): IndexBox {
  const p: Vec3 = typeof pad === 'number' ? [pad, pad, pad] : pad;
  return {
    lo: [Math.max(0, box.lo[0] - p[0]), Math.max(0, box.lo[1] - p[1]), Math.max(0, box.lo[2] - p[2])],
    hi: [Math.min(size[0] - 1, box.hi[0] + p[0]), Math.min(size[1] - 1, box.hi[1] + p[1]), Math.min(size[2] - 1, box.hi[2] + p[2])],
  };
}

/** Copies the voxels of `box` out of an array on a grid of `size` into a new array of the same type (x fastest). */
export function cropArray<T extends VoxelArray | Float64Array>(data: T, size: Vec3, box: IndexBox): T {
  const [cx, cy, cz] = boxSize(box);
  const Ctor = data.constructor as new (n: number) => T;
  const out = new Ctor(cx * cy * cz);
  const nx = size[0];
  const ny = size[1];
  let q = 0;
  for (let k = 0; k < cz; k++) {
    for (let j = 0; j < cy; j++) {
      const start = box.lo[0] + nx * (box.lo[1] + j + ny * (box.lo[2] + k));
      (out as unknown as { set(a: ArrayLike<number>, o: number): void }).set(data.subarray(start, start + cx) as ArrayLike<number>, q);
      q += cx;
    }
  }
  return out;
}

/** The geometry of a sub-box of a grid: same spacing and direction, origin moved to the box's first voxel. */
export function croppedGeometry(g: Geometry, box: IndexBox): Geometry {
  return {
    size: boxSize(box),
    spacing: g.spacing,
    origin: indexToPhysical(g, box.lo),
    direction: g.direction,
  };
}

/** Crops a Volume to a box (a new Volume; geometry updated so physical positions are unchanged). */
export function cropVolume<T extends VoxelArray>(v: Volume<T>, box: IndexBox): Volume<T> {
  return makeVolume(croppedGeometry(v, box), cropArray(v.data, v.size, box));
}

/**
 * Crops an image and its mask to the mask's bounding box grown by `padDistance` voxels (PyRadiomics
 * `cropToTumorMask`; IBSI processing uses padDistance 0). Returns the crops and the (unpadded) bounding box in the
 * input grid's indices.
 */
export function cropToMask<T extends VoxelArray, M extends VoxelArray>(
  image: Volume<T>,
  mask: Volume<M>,
  padDistance = 0,
): { image: Volume<T>; mask: Volume<M>; boundingBox: IndexBox; box: IndexBox } {
  const boundingBox = maskBoundingBox(mask.data, mask.size);
  const box = padBox(boundingBox, padDistance, mask.size);
  return { image: cropVolume(image, box), mask: cropVolume(mask, box), boundingBox, box };
}
