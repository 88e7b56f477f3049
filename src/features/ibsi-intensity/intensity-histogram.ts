import { InvalidInputError, MaskError } from '../../core/errors.js';
import type { DiscretisedRoi, FeatureValues } from '../types.js';
import { distributionStats, taggedStats } from './distribution-stats.js';

/**
 * IBSI intensity-histogram features (IBSI 1 §3.4, family ZVCW), keyed by IBSI tag, on the discretised grey levels
 * X_d ∈ 1..N_g of the ROI (`grey.levels` > 0; N_g = `grey.nLevels`, empty bins included). With n_i the count and
 * p_i = n_i/N_v the fraction of voxels at level i:
 *
 * - `ih_mean` (X6K6), `ih_var` (CH89), `ih_skew` (88K1), `ih_kurt` (C3I7, excess), `ih_median` (WIFQ), `ih_min`
 *   (1PR8), `ih_p10` (GPMT), `ih_p90` (OZ0C), `ih_max` (3NCY), `ih_iqr` (WR0O), `ih_range` (5Z3W), `ih_mad` (D2ZX),
 *   `ih_rmad` (WRZB), `ih_medad` (4RNL), `ih_cov` (CWYJ), `ih_qcod` (SLWD): as the intensity statistics, on X_d
 * - `ih_mode` (AMMC): the level with the highest count; ties go to the level closest to `ih_mean`, then the lower one
 * - `ih_entropy` (TLU2) = −Σ p_i log₂ p_i (empty levels contribute 0); `ih_uniformity` (BJ5W) = Σ p_i²
 * - histogram gradient H'_1 = n_2 − n_1, H'_i = (n_{i+1} − n_{i−1})/2, H'_{N_g} = n_{N_g} − n_{N_g−1} (0 when
 *   N_g = 1); `ih_max_grad` (12CE) = max H', `ih_max_grad_g` (8E6O) its level, `ih_min_grad` (VQB3) = min H',
 *   `ih_min_grad_g` (RHQZ) its level (first level on ties)
 *
 * @throws MaskError when no voxel has a level; InvalidInputError for a level above N_g.
 */
export function ibsiIntensityHistogram(grey: Pick<DiscretisedRoi, 'levels' | 'nLevels'>): FeatureValues {
  const ng = grey.nLevels;
  const counts = new Float64Array(ng + 2);
  let nv = 0;
  for (let i = 0; i < grey.levels.length; i++) {
    const l = grey.levels[i];
    if (l === 0) continue;
    if (!(l >= 1 && l <= ng)) {
      throw new InvalidInputError('a grey level lies outside 1..N_g', { expected: `levels 1..${ng}`, found: `level ${l}` });
    }
    counts[l]++;
    nv++;
  }
  if (nv === 0) {
    throw new MaskError('the discretised region of interest is empty', { expected: 'voxels with grey level ≥ 1', found: '0 voxels' });
  }
  const x = new Float64Array(nv);
  for (let l = 1, q = 0; l <= ng; l++) for (let c = 0; c < counts[l]; c++) x[q++] = l;
  const stats = distributionStats(x);
  let entropy = 0, uniformity = 0, best = -1, mode = 1;
  for (let l = 1; l <= ng; l++) {
    const n = counts[l];
    if (n === 0) continue;
    const p = n / nv;
    entropy -= p * Math.log2(p);
    uniformity += p * p;
    if (n > best || (n === best && Math.abs(l - stats.mean) < Math.abs(mode - stats.mean))) {
      best = n;
      mode = l;
    }
  }
  let maxG = -Infinity, maxGl = 1, minG = Infinity, minGl = 1;
  for (let l = 1; l <= ng; l++) {
    let g: number;
    if (ng === 1) g = 0;
    else if (l === 1) g = counts[2] - counts[1];
    else if (l === ng) g = counts[ng] - counts[ng - 1];
    else g = (counts[l + 1] - counts[l - 1]) / 2;
    if (g > maxG) { maxG = g; maxGl = l; }
    if (g < minG) { minG = g; minGl = l; }
  }
  return {
    ...taggedStats('ih', stats),
    ih_mode: mode,
    ih_entropy: entropy,
    ih_uniformity: uniformity,
    ih_max_grad: maxG,
    ih_max_grad_g: maxGl,
    ih_min_grad: minG,
    ih_min_grad_g: minGl,
  };
}
