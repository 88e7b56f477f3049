import type { Geometry } from '../../core/geometry.js';
import { maskedStats, summariseMask, volumeStats } from './mask-stats.js';

/**
 * IBSI 1 diagnostic features (reference manual, "Diagnostic features"; tags as in the reference CSVs): image
 * dimensions, voxel sizes and intensity range after each step (`_init_img`, `_interp_img`), and mask dimensions,
 * bounding boxes, voxel counts and intensities (`_init_roi`, `_interp_roi`, `_reseg_roi`).
 */

/** `img_dim_*`, `vox_dim_*`, `mean_int_*`, `min_int_*`, `max_int_*` of an image at a step (`init` or `interp`). */
export function ibsiImageDiagnostics(out: Record<string, number>, step: 'init' | 'interp', g: Geometry, values: ArrayLike<number>): void {
  const axes = ['x', 'y', 'z'];
  for (let d = 0; d < 3; d++) out[`img_dim_${axes[d]}_${step}_img`] = g.size[d];
  for (let d = 0; d < 3; d++) out[`vox_dim_${axes[d]}_${step}_img`] = g.spacing[d];
  const s = volumeStats(values);
  out[`mean_int_${step}_img`] = s.mean;
  out[`min_int_${step}_img`] = s.min;
  out[`max_int_${step}_img`] = s.max;
}

/**
 * ROI diagnostics at a step (`init`, `interp`, `reseg`): intensity-mask grid dimensions, intensity- and
 * morphological-mask bounding-box dimensions and voxel counts, and mean/min/max intensity in the intensity mask.
 */
export function ibsiRoiDiagnostics(
  out: Record<string, number>,
  step: 'init' | 'interp' | 'reseg',
  g: Geometry,
  values: ArrayLike<number>,
  intensityMask: ArrayLike<number>,
  morphologicalMask: ArrayLike<number>,
): void {
  const axes = ['x', 'y', 'z'];
  for (let d = 0; d < 3; d++) out[`int_mask_dim_${axes[d]}_${step}_roi`] = g.size[d];
  const si = summariseMask(intensityMask, g.size);
  const sm = intensityMask === morphologicalMask ? si : summariseMask(morphologicalMask, g.size);
  for (let d = 0; d < 3; d++) out[`int_mask_bb_dim_${axes[d]}_${step}_roi`] = si.voxelCount ? si.hi[d] - si.lo[d] + 1 : 0;
  for (let d = 0; d < 3; d++) out[`morph_mask_bb_dim_${axes[d]}_${step}_roi`] = sm.voxelCount ? sm.hi[d] - sm.lo[d] + 1 : 0;
  out[`int_mask_vox_count_${step}_roi`] = si.voxelCount;
  out[`morph_mask_vox_count_${step}_roi`] = sm.voxelCount;
  const st = maskedStats(values, intensityMask);
  out[`int_mask_mean_int_${step}_roi`] = st.mean;
  out[`int_mask_min_int_${step}_roi`] = st.min;
  out[`int_mask_max_int_${step}_roi`] = st.max;
}
