import { InvalidInputError } from '../core/errors.js';

/** Settings of PyRadiomics' image normalisation (`normalize: true`). */
export interface NormaliseSettings {
  /** Scale s applied after standardisation (PyRadiomics `normalizeScale`, default 1). */
  readonly scale?: number;
  /** Clamp standardised values to ±n before scaling (PyRadiomics `removeOutliers`, default none). */
  readonly removeOutliers?: number | null;
}

/**
 * PyRadiomics' `normalizeImage`: `f(x) = s · clamp((x − μ)/σ, ±n)` over **all** voxels of the image (not just the
 * ROI), where μ is the mean and σ the sample standard deviation (n − 1 denominator), as computed by ITK's
 * `NormalizeImageFilter` (`StatisticsImageFilter`). Returns a new Float64 array.
 *
 * @throws InvalidInputError when the image is constant (σ = 0) or has non-finite voxels.
 */
export function normaliseImage(values: ArrayLike<number>, settings: NormaliseSettings = {}): Float64Array {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) { const d = values[i] - mean; ss += d * d; }
  const sigma = Math.sqrt(ss / (n - 1));
  if (!(sigma > 0) || !Number.isFinite(sigma)) {
    throw new InvalidInputError('cannot normalise the image', {
      expected: 'an image with finite, non-constant intensities',
      found: `mean ${mean}, standard deviation ${sigma}`,
      fix: 'disable normalize, or check the image.',
    });
  }
  const s = settings.scale ?? 1;
  const lim = settings.removeOutliers ?? null;
  const inv = 1 / sigma;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = (values[i] - mean) * inv;
    if (lim !== null) {
      if (z > lim) z = lim;
      else if (z < -lim) z = -lim;
    }
    out[i] = z * s;
  }
  return out;
}
