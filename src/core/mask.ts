import { MaskError } from './errors.js';
import { assertSameGeometry, type Geometry } from './geometry.js';
import { makeVolume, type Volume } from './volume.js';

/** A binary region of interest: a Volume of 0/1 bytes on an image grid. */
export type Mask = Volume<Uint8Array>;

/**
 * The mask of one label of a label map: 1 where `labelMap == label`, else 0.
 * Throws a {@link MaskError} when the label is absent (listing the labels present).
 */
export function maskFromLabelMap(labelMap: Volume, label = 1, file?: string): Mask {
  const src = labelMap.data;
  const out = new Uint8Array(src.length);
  let count = 0;
  for (let i = 0; i < src.length; i++) {
    if (src[i] === label) {
      out[i] = 1;
      count++;
    }
  }
  if (count === 0) throw labelAbsentError(labelMap, label, file);
  return makeVolume(labelMap, out);
}

/** The {@link MaskError} of a label absent from a label map (it lists the labels present). */
export function labelAbsentError(labelMap: Volume, label: number, file?: string): MaskError {
  const present = [...labelCounts(labelMap).keys()].filter((l) => l !== 0);
  return new MaskError(`label ${label} is not present in the mask`, {
    file,
    expected: `voxels with value ${label}`,
    found: present.length ? `labels ${present.join(', ')}` : 'an empty mask (all voxels 0)',
    fix: present.length ? `choose one of the labels present (e.g. --label ${present[0]}).` : 'check that the segmentation was saved.',
  });
}

/** Voxel count per distinct value of a label map (sorted by value). */
export function labelCounts(labelMap: Volume): Map<number, number> {
  const counts = new Map<number, number>();
  const d = labelMap.data;
  for (let i = 0; i < d.length; i++) {
    const v = d[i];
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return new Map([...counts.entries()].sort((a, b) => a[0] - b[0]));
}

/** Number of voxels set in a mask. */
export function maskVoxelCount(mask: Mask): number {
  let n = 0;
  const d = mask.data;
  for (let i = 0; i < d.length; i++) n += d[i] !== 0 ? 1 : 0;
  return n;
}

/** Checks that a mask lies on the image grid; throws GeometryMismatchError otherwise. */
export function assertMaskMatches(image: Geometry, mask: Geometry, file?: string): void {
  assertSameGeometry(image, mask, 'image and mask', undefined, file);
}

/** Dice similarity coefficient 2|A∩B| / (|A|+|B|) of two masks on the same grid. */
export function dice(a: Mask, b: Mask): number {
  assertSameGeometry(a, b, 'two masks');
  let inter = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.data.length; i++) {
    const x = a.data[i] !== 0;
    const y = b.data[i] !== 0;
    if (x) na++;
    if (y) nb++;
    if (x && y) inter++;
  }
  return na + nb === 0 ? 1 : (2 * inter) / (na + nb);
}

/** Bounding box [lo, hi] (inclusive voxel indices) of the non-zero voxels; throws when the mask is empty. */
export function boundingBox(mask: Mask): { lo: [number, number, number]; hi: [number, number, number] } {
  const [nx, ny, nz] = mask.size;
  const lo: [number, number, number] = [nx, ny, nz];
  const hi: [number, number, number] = [-1, -1, -1];
  const d = mask.data;
  let p = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++, p++) {
        if (d[p] !== 0) {
          if (i < lo[0]) lo[0] = i;
          if (i > hi[0]) hi[0] = i;
          if (j < lo[1]) lo[1] = j;
          if (j > hi[1]) hi[1] = j;
          if (k < lo[2]) lo[2] = k;
          if (k > hi[2]) hi[2] = k;
        }
      }
    }
  }
  if (hi[0] < 0) {
    throw new MaskError('the mask is empty', { expected: 'at least one voxel in the region of interest', found: '0 voxels', fix: 'check the label value and that the segmentation was saved.' });
  }
  return { lo, hi };
}
