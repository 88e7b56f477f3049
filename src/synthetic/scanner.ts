import type { Rng } from '../core/rng.js';
import { round, truncatedNormal } from './sampling.js';

/** Centre (hospital / scanner) of a patient: 1 = training centre, 2 = external test centre. */
export type Centre = 1 | 2;

/**
 * Acquisition and reconstruction of one scan. In-plane spacing = field of view / matrix, so a smaller
 * matrix keeps the whole head with coarser pixels (0.40–0.50 mm at 512, 0.80–1.00 mm at 256).
 */
export interface ScannerParams {
  readonly centre: Centre;
  /** Reconstruction field of view (mm) and matrix (pixels per side). */
  readonly fov: number;
  readonly matrix: number;
  /** Slice thickness = slice spacing (mm), contiguous slices. */
  readonly sliceThickness: number;
  /** Gaussian sigma (mm) of the reconstruction kernel's in-plane blur. */
  readonly kernelSigma: number;
  /** Name of the kernel family, for the hidden parameters. */
  readonly kernel: string;
  /** Noise sd (HU) in the reconstructed image at this slice thickness (the noise passes through the kernel). */
  readonly noiseSd: number;
  /** Calibration offset added to every HU value. */
  readonly huOffset: number;
}

/**
 * Scanner of centre 1: 5 mm slices, a soft kernel, low noise, no offset. Centre 2: slices of 2.5, 3 or
 * 5 mm, a sharper kernel, more noise (noise grows as 1/√thickness) and a +2–4 HU calibration offset.
 */
export function sampleScanner(rng: Rng, centre: Centre, matrix: number): ScannerParams {
  if (centre === 1) {
    const fov = round(rng.uniformRange(215, 245), 1);
    return {
      centre, fov, matrix, sliceThickness: 5,
      kernelSigma: round(rng.uniformRange(0.55, 0.7), 3), kernel: 'soft (H30-like)',
      noiseSd: round(truncatedNormal(rng, 3.6, 0.3, 3, 4.3), 2),
      huOffset: round(rng.normal(0, 0.5), 2),
    };
  }
  const fov = round(rng.uniformRange(205, 250), 1);
  const thickness = rng.choice([2.5, 3, 5], [0.45, 0.2, 0.35]);
  const sd5 = truncatedNormal(rng, 4.4, 0.4, 3.6, 5.4);
  return {
    centre, fov, matrix, sliceThickness: thickness,
    kernelSigma: round(rng.uniformRange(0.38, 0.5), 3), kernel: 'standard (UB-like)',
    noiseSd: round(sd5 * Math.sqrt(5 / thickness), 2),
    huOffset: round(truncatedNormal(rng, 3, 0.8, 1.5, 4.5), 2),
  };
}
