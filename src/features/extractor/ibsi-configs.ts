import { InvalidInputError } from '../../core/errors.js';
import type { Interpolator } from '../../preprocess/interpolate.js';

/**
 * The IBSI 1 settings as data: the five CT-phantom configurations A–E of the IBSI 1 reference manual
 * (arXiv:1612.07003, Table "Configurations of the CT phantom"), plus `none` for the digital phantom (no processing).
 * `dlrn extract --mode ibsi --ibsi-config X` processes any scan exactly as configuration X.
 *
 * All configurations use texture distance 1 (GLCM, NGTDM, NGLDM Chebyshev δ = 1), GLSZM/GLDZM linkage 1 and NGLDM
 * coarseness α = 0.
 */
export type IbsiConfigId = 'A' | 'B' | 'C' | 'D' | 'E' | 'none';

/** Discretisation of one IBSI step. */
export type IbsiDiscretisation =
  | { readonly method: 'none' }
  | { readonly method: 'FBS'; readonly binWidth: number }
  | { readonly method: 'FBN'; readonly binCount: number };

/** One IBSI configuration. */
export interface IbsiConfig {
  readonly id: IbsiConfigId;
  /** One-line description. */
  readonly title: string;
  /** Texture computation: `2D` (per slice) or `3D`. Morphology is always 3D. */
  readonly dimensionality: '2D' | '3D';
  /** IBSI texture spatial approaches computed: A/B `2D` and `2_5D`; C–E `3D`; the digital phantom all three. */
  readonly textureSpatial: readonly ('2D' | '2_5D' | '3D')[];
  /** Interpolation, or null for none. `spacing` per axis in mm; null keeps the axis (2D in-plane interpolation). */
  readonly interpolation: null | {
    readonly spacing: readonly [number | null, number | null, number | null];
    readonly image: Interpolator;
    readonly mask: Interpolator;
    /** Partial-volume threshold of the interpolated mask. */
    readonly maskThreshold: number;
  };
  /** Round intensities to the nearest integer after interpolation (CT). */
  readonly roundIntensities: boolean;
  /** Re-segmentation range [lower, upper] (inclusive), or null. */
  readonly resegmentRange: readonly [number, number] | null;
  /** Outlier filtering mean ± kσ (k), or null. Applied after the range. */
  readonly outlierSigma: number | null;
  /** Discretisation of the texture families and the intensity histogram. */
  readonly textureDiscretisation: IbsiDiscretisation;
  /** Discretisation of the intensity-volume histogram. */
  readonly ivhDiscretisation: IbsiDiscretisation;
  /** Texture distances. */
  readonly distance: number;
  /** NGLDM coarseness α. */
  readonly ngldmAlpha: number;
}

const common = { distance: 1, ngldmAlpha: 0 } as const;

/** The configurations, keyed by id. */
export const IBSI_CONFIGS: Readonly<Record<IbsiConfigId, IbsiConfig>> = Object.freeze({
  none: {
    id: 'none', title: 'no processing (IBSI digital phantom): intensities used as grey levels', dimensionality: '3D', textureSpatial: ['2D', '2_5D', '3D'],
    interpolation: null, roundIntensities: false, resegmentRange: null, outlierSigma: null,
    textureDiscretisation: { method: 'none' }, ivhDiscretisation: { method: 'none' }, ...common,
  },
  A: {
    id: 'A', title: '2D, no interpolation, range [−500, 400] HU, FBS 25 HU', dimensionality: '2D', textureSpatial: ['2D', '2_5D'],
    interpolation: null, roundIntensities: false, resegmentRange: [-500, 400], outlierSigma: null,
    textureDiscretisation: { method: 'FBS', binWidth: 25 }, ivhDiscretisation: { method: 'none' }, ...common,
  },
  B: {
    id: 'B', title: '2D, bilinear to 2×2 mm in-plane, rounding, range [−500, 400] HU, FBN 32', dimensionality: '2D', textureSpatial: ['2D', '2_5D'],
    interpolation: { spacing: [2, 2, null], image: 'linear', mask: 'linear', maskThreshold: 0.5 },
    roundIntensities: true, resegmentRange: [-500, 400], outlierSigma: null,
    textureDiscretisation: { method: 'FBN', binCount: 32 }, ivhDiscretisation: { method: 'none' }, ...common,
  },
  C: {
    id: 'C', title: '3D, trilinear to 2×2×2 mm, rounding, range [−1000, 400] HU, FBS 25 HU (IVH FBS 2.5 HU)', dimensionality: '3D', textureSpatial: ['3D'],
    interpolation: { spacing: [2, 2, 2], image: 'linear', mask: 'linear', maskThreshold: 0.5 },
    roundIntensities: true, resegmentRange: [-1000, 400], outlierSigma: null,
    textureDiscretisation: { method: 'FBS', binWidth: 25 }, ivhDiscretisation: { method: 'FBS', binWidth: 2.5 }, ...common,
  },
  D: {
    id: 'D', title: '3D, trilinear to 2×2×2 mm, rounding, outlier filter ±3σ, FBN 32', dimensionality: '3D', textureSpatial: ['3D'],
    interpolation: { spacing: [2, 2, 2], image: 'linear', mask: 'linear', maskThreshold: 0.5 },
    roundIntensities: true, resegmentRange: null, outlierSigma: 3,
    textureDiscretisation: { method: 'FBN', binCount: 32 }, ivhDiscretisation: { method: 'none' }, ...common,
  },
  E: {
    id: 'E', title: '3D, tricubic spline (image) / trilinear (mask) to 2×2×2 mm, rounding, range [−1000, 400] HU and ±3σ, FBN 32 (IVH 1000 bins)', dimensionality: '3D', textureSpatial: ['3D'],
    interpolation: { spacing: [2, 2, 2], image: 'bspline', mask: 'linear', maskThreshold: 0.5 },
    roundIntensities: true, resegmentRange: [-1000, 400], outlierSigma: 3,
    textureDiscretisation: { method: 'FBN', binCount: 32 }, ivhDiscretisation: { method: 'FBN', binCount: 1000 }, ...common,
  },
} satisfies Record<IbsiConfigId, IbsiConfig>);

/** Looks up a configuration by id (case-insensitive; `phantom`/`digital` alias `none`). */
export function ibsiConfig(id: string): IbsiConfig {
  const key = id.trim();
  const norm = /^(none|phantom|digital|digital[-_]phantom)$/i.test(key) ? 'none' : key.toUpperCase();
  const c = (IBSI_CONFIGS as Record<string, IbsiConfig>)[norm];
  if (!c) {
    throw new InvalidInputError(`unknown IBSI configuration "${id}"`, {
      expected: 'A, B, C, D, E or none', found: JSON.stringify(id), fix: 'see docs/radiomics.md, "IBSI configurations".',
    });
  }
  return c;
}
