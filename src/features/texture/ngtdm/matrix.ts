import type { NeighbourTallies } from '../common/neighbour-tallies.js';
import type { TextureGrid } from '../common/grid.js';
import { PASS_BLOCK } from '../common/pass-kernels.js';

/** A neighbourhood grey tone difference matrix: per grey level i (1-based index), n_i and s_i. */
export interface NgtdmMatrix {
  /** n_i: number of voxels with grey level i (index i, length N_g + 1; index 0 unused). */
  readonly n: Float64Array;
  /** s_i: Σ |i − Ā_k| over those voxels, Ā_k the mean grey level of the ROI neighbours of voxel k. */
  readonly s: Float64Array;
}

/**
 * Adds the NGTDM contributions of the ROI voxels `grid.voxels[from..to)` to `out`, from neighbour tallies over
 * the chosen neighbourhood (e.g. the 26 voxels within Chebyshev distance 1). A voxel without ROI neighbour
 * adds nothing when `countIsolated` is false (IBSI 1 §3.10: n_i counts voxels with a non-empty
 * neighbourhood) and adds 1 to n_i with a zero difference when true (PyRadiomics' C code).
 */
export function addNgtdm(grid: TextureGrid, from: number, to: number, tallies: NeighbourTallies, countIsolated: boolean, out: NgtdmMatrix): void {
  const n = new Int32Array(out.n.length); // n_i counted as integers (no boxed numbers while interpreted)
  for (let b = from; b < to; b += PASS_BLOCK) {
    addNgtdmBlock(grid.levels, grid.voxels, tallies.data, b, Math.min(b + PASS_BLOCK, to), countIsolated, n, out.s);
  }
  for (let g = 0; g < n.length; g++) out.n[g] += n[g];
}

/** {@link addNgtdm} for the voxels vox[from..to) (block by block, see pass-kernels.ts). */
function addNgtdmBlock(lv: Int32Array, vox: Int32Array, data: Int32Array, from: number, to: number, countIsolated: boolean, n: Int32Array, s: Float64Array): void {
  for (let t = from; t < to; t++) {
    const v = vox[t];
    const g = lv[v];
    const c = data[2 * v] & 0xffff; // number of ROI neighbours (neighbour-tallies.ts)
    if (c === 0) {
      if (countIsolated) n[g]++;
      continue;
    }
    n[g]++;
    s[g] += Math.abs(g - data[2 * v + 1] / c);
  }
}

/** An empty NGTDM for grey levels 1..ng. */
export function emptyNgtdm(ng: number): NgtdmMatrix {
  return { n: new Float64Array(ng + 1), s: new Float64Array(ng + 1) };
}

/** Element-wise sum (IBSI merging of slice NGTDMs). */
export function mergeNgtdm(parts: readonly NgtdmMatrix[], ng: number): NgtdmMatrix {
  const m = emptyNgtdm(ng);
  for (const p of parts) for (let i = 0; i <= ng; i++) { m.n[i] += p.n[i]; m.s[i] += p.s[i]; }
  return m;
}
