import { InvalidInputError } from '../../core/errors.js';
import { KERNEL_BLOCK } from '../../core/kernel-block.js';
import { levelCountsWasm } from './level-counts-wasm.js';

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
  // (WebAssembly for a byte mask, level-counts-wasm.ts: the same counts and the same first invalid voxel)
  const wasm = mask instanceof Uint8Array ? levelCountsWasm(levels, mask, nLevels) : null;
  if (wasm) {
    if (wasm.bad >= 0) throw invalidLevel(levels, wasm.bad, nLevels);
    return wasm.counts;
  }
  const counts = new Float64Array(nLevels + 1);
  for (let from = 0; from < levels.length; from += KERNEL_BLOCK) {
    const bad = countBlock(levels, mask, from, Math.min(from + KERNEL_BLOCK, levels.length), nLevels, counts);
    if (bad >= 0) throw invalidLevel(levels, bad, nLevels);
  }
  return counts;
}

function invalidLevel(levels: Int32Array, bad: number, nLevels: number): InvalidInputError {
  return new InvalidInputError('a voxel of the ROI has no valid grey level', {
    expected: `levels 1..${nLevels} inside the intensity mask`, found: `level ${levels[bad]} at voxel offset ${bad}`,
    fix: 'discretise with the same (re-segmented) intensity mask that is passed to the feature function.',
  });
}

/**
 * Counts the masked levels of [from, to) (a small kernel called per block: compiled early); returns the first voxel
 * with an invalid level, or −1.
 */
function countBlock(levels: Int32Array, mask: ArrayLike<number>, from: number, to: number, nLevels: number, counts: Float64Array): number {
  for (let i = from; i < to; i++) {
    if (mask[i] === 0) continue;
    const l = levels[i];
    if (!(l >= 1 && l <= nLevels)) return i;
    counts[l]++;
  }
  return -1;
}
