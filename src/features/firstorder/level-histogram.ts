import { InvalidInputError } from '../../core/errors.js';

/**
 * Voxel count per grey level (index 0 unused) of the levels at the voxels where `mask` is set.
 * Every masked level must lie in 1..nLevels.
 *
 * @throws InvalidInputError when lengths differ or a masked voxel has a level outside 1..nLevels.
 */
export function levelCounts(levels: Int32Array, mask: ArrayLike<number>, nLevels: number): Float64Array {
  if (levels.length !== mask.length) {
    throw new InvalidInputError('the grey-level array and the mask have different lengths', {
      found: `${levels.length} levels, ${mask.length} mask entries`,
    });
  }
  const counts = new Float64Array(nLevels + 1);
  for (let i = 0; i < levels.length; i++) {
    if (mask[i] === 0) continue;
    const l = levels[i];
    if (!(l >= 1 && l <= nLevels)) {
      throw new InvalidInputError('a voxel of the ROI has no valid grey level', {
        expected: `levels 1..${nLevels} inside the intensity mask`, found: `level ${l} at voxel offset ${i}`,
        fix: 'discretise with the same (re-segmented) intensity mask that is passed to the feature function.',
      });
    }
    counts[l]++;
  }
  return counts;
}
