import { InvalidInputError } from '../../core/errors.js';
import type { FeatureValues, RoiImage } from '../types.js';
import { maskedValues } from '../firstorder/masked-values.js';

/**
 * How the intensity-volume histogram discretises intensities (IBSI 1 §3.5, independent of the texture
 * discretisation):
 * - `none`: calibrated discrete intensities (e.g. CT in HU, IBSI configurations A, B, D): X_d = X, step w_d = 1.
 *   Intensities must be integers (round them first).
 * - `fbs`: fixed bin size w (e.g. IBSI configuration C, w = 2.5 HU): X_d = X_min + (⌊(X − X_min)/w⌋ + ½)·w, the bin
 *   centres, with X_min the lower bound of the re-segmentation range (else the ROI minimum); step w_d = w.
 * - `fbn`: fixed bin number N_g (arbitrary units; IBSI configuration E uses 1000):
 *   X_d = ⌊N_g (X − X_min)/(X_max − X_min)⌋ + 1 (X_max → N_g) with the ROI extremes; step w_d = 1.
 */
export type IvhDiscretisation =
  | { readonly kind: 'none' }
  | { readonly kind: 'fbs'; readonly binWidth: number }
  | { readonly kind: 'fbn'; readonly binCount: number };

/** Settings of {@link ibsiIntensityVolumeHistogram}. */
export interface IvhSettings {
  readonly discretisation: IvhDiscretisation;
  /**
   * The re-segmentation range, if one was applied: it sets the total range G (`none`: G = [lower, upper]; `fbs`:
   * X_min = lower, X_max = upper). Infinite bounds (half-open ranges) fall back to the ROI minimum/maximum.
   * Ignored for `fbn`, as IBSI prescribes.
   */
  readonly range?: { readonly lower: number; readonly upper: number };
}

/**
 * IBSI intensity-volume histogram features (IBSI 1 §3.5, family P88C), keyed by IBSI tag, on the intensities of the
 * intensity mask.
 *
 * The discretised intensities i run over the total range G = [G_min, G_max] in steps w_d (`none`: the range or the
 * ROI extremes; `fbs`: [X_min + w/2, X_max − w/2]; `fbn`: [1, N_g]). For each i, the volume fraction
 * ν_i = 1 − (1/N_v)·#{X_d < i} and the intensity fraction γ_i = (i − G_min)/(G_max − G_min). Then:
 *
 * - `ivh_v10`, `ivh_v90` (BC2M): the volume fraction ν at the smallest i with γ_i ≥ 0.10 (0.90)
 * - `ivh_i10`, `ivh_i90` (GBPN): the smallest i with ν_i ≤ 0.10 (0.90); when even G_max holds more, G_max + w_d
 * - `ivh_diff_v10_v90` (DDTU) = V10 − V90; `ivh_diff_i10_i90` (CNV2) = I10 − I90
 * - `ivh_auc` (9CMM): area under ν(γ) by the trapezoidal rule, 0 when G holds a single intensity
 *
 * @throws MaskError for an empty intensity mask; InvalidInputError for non-finite intensities, non-integer
 *   intensities with `none`, or bad settings.
 */
export function ibsiIntensityVolumeHistogram(roi: Pick<RoiImage, 'values' | 'intensityMask'>, settings: IvhSettings): FeatureValues {
  const x = maskedValues(roi.values, roi.intensityMask);
  const n = x.length;
  let xmin = Infinity, xmax = -Infinity;
  for (let i = 0; i < n; i++) {
    if (x[i] < xmin) xmin = x[i];
    if (x[i] > xmax) xmax = x[i];
  }
  const d = settings.discretisation;
  const lo = settings.range && Number.isFinite(settings.range.lower) ? settings.range.lower : xmin;
  const hi = settings.range && Number.isFinite(settings.range.upper) ? settings.range.upper : xmax;
  // Each voxel gets a step index k (X_d = gMin + k·w) over the grid of discretised intensities.
  let gMin: number, gMax: number, w: number;
  const k = new Float64Array(n);
  if (d.kind === 'none') {
    for (let i = 0; i < n; i++) {
      if (!Number.isInteger(x[i])) {
        throw new InvalidInputError('IVH without discretisation needs integer intensities', {
          expected: 'calibrated discrete intensities (e.g. HU rounded to integers)', found: `${x[i]}`,
          fix: "round the intensities first, or use {kind: 'fbs'} / {kind: 'fbn'}.",
        });
      }
    }
    gMin = Math.ceil(lo); gMax = Math.floor(hi); w = 1;
    for (let i = 0; i < n; i++) k[i] = x[i] - gMin;
  } else if (d.kind === 'fbs') {
    if (!(d.binWidth > 0 && Number.isFinite(d.binWidth))) {
      throw new InvalidInputError('IVH fixed bin size must be a positive number', { found: String(d.binWidth) });
    }
    w = d.binWidth;
    gMin = lo + 0.5 * w;
    gMax = hi - 0.5 * w;
    for (let i = 0; i < n; i++) k[i] = Math.floor((x[i] - lo) / w);
  } else {
    if (!(Number.isInteger(d.binCount) && d.binCount >= 1)) {
      throw new InvalidInputError('IVH bin count must be an integer ≥ 1', { found: String(d.binCount) });
    }
    const ng = d.binCount;
    gMin = 1; gMax = ng; w = 1;
    const span = xmax - xmin;
    for (let i = 0; i < n; i++) k[i] = span > 0 ? Math.min(Math.floor((ng * (x[i] - xmin)) / span), ng - 1) : 0;
  }
  const steps = Math.max(0, Math.round((gMax - gMin) / w)); // G = {gMin + j·w, j = 0..steps}
  // geq[j] = #{voxels with index ≥ j} for j = 0..steps+1; ν_j = geq[j]/N
  const geq = new Float64Array(steps + 2);
  for (let i = 0; i < n; i++) {
    const j = k[i];
    if (j < 0) continue; // below G: smaller than every evaluated intensity
    geq[j > steps ? steps + 1 : j]++;
  }
  for (let j = steps; j >= 0; j--) geq[j] += geq[j + 1];
  const nu = geq.map((c) => c / n);
  const gamma = (j: number) => (steps === 0 ? 0 : j / steps);
  const volumeAt = (frac: number): number => {
    for (let j = 0; j <= steps; j++) if (gamma(j) >= frac - 1e-12) return nu[j];
    return nu[steps];
  };
  const intensityAt = (frac: number): number => {
    for (let j = 0; j <= steps + 1; j++) if (nu[j] <= frac) return gMin + j * w;
    return gMin + (steps + 1) * w;
  };
  let auc = 0;
  for (let j = 0; j < steps; j++) auc += 0.5 * (nu[j] + nu[j + 1]) * (gamma(j + 1) - gamma(j));
  const v10 = volumeAt(0.1), v90 = volumeAt(0.9), i10 = intensityAt(0.1), i90 = intensityAt(0.9);
  return {
    ivh_v10: v10,
    ivh_v90: v90,
    ivh_i10: i10,
    ivh_i90: i90,
    ivh_diff_v10_v90: v10 - v90,
    ivh_diff_i10_i90: i10 - i90,
    ivh_auc: auc,
  };
}
