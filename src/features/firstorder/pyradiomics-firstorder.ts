import { InvalidInputError } from '../../core/errors.js';
import type { DiscretisedRoi, FeatureValues, RoiImage } from '../types.js';
import { levelCounts } from './level-histogram.js';
import { centralMomentsAbout, maskedValuesAndSums, robustMeanAbsDev, type MaskedValuesAndSums } from './masked-values.js';
import { medianSorted, percentileSorted, sortedCopyScanned } from './percentile.js';

/** Settings of the PyRadiomics first-order class (names as in PyRadiomics parameter files). */
export interface PyRadiomicsFirstOrderSettings {
  /**
   * `voxelArrayShift` c, added to every intensity in Energy, TotalEnergy and RootMeanSquared only (PyRadiomics
   * default 0; its CT example uses 1000–2000 to avoid negative HU). Intensity units.
   */
  readonly voxelArrayShift?: number;
  /**
   * The ROI values and sums when the caller has gathered them already: `maskedValuesAndSums(roi.values,
   * roi.intensityMask, voxelArrayShift)` (saves a pass; the features are the same).
   */
  readonly gathered?: MaskedValuesAndSums;
}

/**
 * PyRadiomics `firstorder` features (PyRadiomics 3.x `radiomics/firstorder.py`), keyed by PyRadiomics feature name.
 *
 * Let X be the N_p intensities in the intensity mask (`roi.values` where `roi.intensityMask` = 1), μ their mean,
 * c = `voxelArrayShift`, V_voxel the voxel volume (product of `roi.spacing`, mm³), and p(i) = n_i/N_p the fraction of
 * ROI voxels with grey level i of `grey` (binned as PyRadiomics does, e.g. binWidth 25 with edges on multiples of 25;
 * only levels present contribute). Percentiles P_q use numpy's linear rule. With m_k = (1/N_p)·Σ(X − μ)^k:
 *
 * - Energy = Σ (X + c)²; TotalEnergy = V_voxel · Σ (X + c)²; RootMeanSquared = √(Σ (X + c)² / N_p)
 * - Entropy = −Σ_i p(i)·log₂(p(i) + ε), ε = 2.220446049250313e-16 (numpy.spacing(1)); Uniformity = Σ_i p(i)²
 * - Minimum, Maximum, Range = max − min, Mean = μ, Median, 10Percentile = P10, 90Percentile = P90,
 *   InterquartileRange = P75 − P25
 * - MeanAbsoluteDeviation = (1/N_p)·Σ|X − μ|
 * - RobustMeanAbsoluteDeviation: the same on the voxels with P10 ≤ X ≤ P90, about their own mean
 * - Variance = m_2 (population variance, ddof 0); StandardDeviation = √m_2 (deprecated in PyRadiomics: not enabled
 *   by default, see {@link PYRADIOMICS_FIRSTORDER_DEPRECATED})
 * - Skewness = m_3 / m_2^{3/2}; Kurtosis = m_4 / m_2² (not excess kurtosis: IBSI's value + 3). For a flat ROI
 *   (m_2 = 0) both are 0, as in PyRadiomics.
 *
 * @param roi - the preprocessed ROI; only `values`, `intensityMask` and `spacing` are used.
 * @param grey - the discretised ROI on the same grid (levels ≥ 1 inside the intensity mask).
 * @throws MaskError for an empty intensity mask; InvalidInputError for non-finite intensities, mismatched grids or
 *   voxels without a grey level.
 */
export function pyradiomicsFirstOrder(roi: RoiImage, grey: DiscretisedRoi, settings: PyRadiomicsFirstOrderSettings = {}): FeatureValues {
  const c = settings.voxelArrayShift ?? 0;
  if (!Number.isFinite(c)) {
    throw new InvalidInputError('voxelArrayShift must be a finite number', { found: String(settings.voxelArrayShift) });
  }
  if (grey.levels.length !== roi.values.length) {
    throw new InvalidInputError('the discretised ROI and the ROI image have different grids', {
      found: `${grey.levels.length} vs ${roi.values.length} voxels`,
      fix: 'discretise the same cropped ROI image that is passed to the feature function.',
    });
  }
  // one pass gathers the values with Σx, Σ(x + c)², min, max (same sums, in the same order, as separate loops)
  const g = settings.gathered ?? maskedValuesAndSums(roi.values, roi.intensityMask, c);
  const x = g.values;
  const n = x.length;
  const mom = centralMomentsAbout(x, g.sum / n);
  const energy = g.shiftedEnergy;
  const sorted = sortedCopyScanned(x, g.min, g.max, g.integers);
  const p10 = percentileSorted(sorted, 10);
  const p90 = percentileSorted(sorted, 90);
  const counts = levelCounts(grey.levels, roi.intensityMask, grey.nLevels);
  let entropy = 0;
  let uniformity = 0;
  for (let l = 1; l < counts.length; l++) {
    if (counts[l] === 0) continue;
    const p = counts[l] / n;
    entropy -= p * Math.log2(p + EPS);
    uniformity += p * p;
  }
  const flat = mom.m2 === 0;
  const voxelVolume = roi.spacing[0] * roi.spacing[1] * roi.spacing[2];
  return {
    Energy: energy,
    TotalEnergy: energy * voxelVolume,
    Entropy: entropy,
    Minimum: sorted[0],
    '10Percentile': p10,
    '90Percentile': p90,
    Maximum: sorted[n - 1],
    Mean: mom.mean,
    Median: medianSorted(sorted),
    InterquartileRange: percentileSorted(sorted, 75) - percentileSorted(sorted, 25),
    Range: sorted[n - 1] - sorted[0],
    MeanAbsoluteDeviation: mom.meanAbsDev,
    RobustMeanAbsoluteDeviation: robustMeanAbsDev(sorted, p10, p90),
    RootMeanSquared: Math.sqrt(energy / n),
    StandardDeviation: Math.sqrt(mom.m2),
    Skewness: flat ? 0 : mom.m3 / mom.m2 ** 1.5,
    Kurtosis: flat ? 0 : mom.m4 / (mom.m2 * mom.m2),
    Variance: mom.m2,
    Uniformity: uniformity,
  };
}

/** numpy.spacing(1): the ε PyRadiomics adds inside log₂ of its entropies. */
const EPS = 2.220446049250313e-16;

/** First-order features PyRadiomics computes only when asked for by name (not part of "all features"). */
export const PYRADIOMICS_FIRSTORDER_DEPRECATED: readonly string[] = ['StandardDeviation'];
