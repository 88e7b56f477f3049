import {
  ibsiIntensityHistogram, ibsiIntensityStats, ibsiIntensityVolumeHistogram, ibsiLocalIntensity, IBSI_INTENSITY_FEATURES,
  type IvhDiscretisation,
} from '../ibsi-intensity/index.js';
import { ibsiMorphology, IBSI_MORPHOLOGY_FEATURES } from '../ibsi-morphology/index.js';
import { ibsiTexture, TEXTURE_FEATURE_DEFS, type IbsiSpatial } from '../texture/index.js';
import type { DiscretisedRoi, FeatureDef, FeatureValues, RoiImage } from '../types.js';
import type { IbsiDiscretisation } from './ibsi-configs.js';

/**
 * The IBSI-mode part of the feature registry: the families computed by `extractIbsi`, each returning values keyed
 * by full IBSI tag. (The PyRadiomics classes and the union of all FeatureDefs are in `../registry.ts`.)
 */

/** What an IBSI-mode family computation receives. */
export interface IbsiFamilyInput {
  /**
   * The ROI crop, padded so that every voxel within 6.3 mm of the ROI is present (local intensity peaks):
   * `values` after interpolation/rounding, `intensityMask` after re-segmentation, `morphologicalMask` before it.
   */
  readonly roi: RoiImage;
  /** IBSI-discretised grey levels of the intensity ROI (texture and intensity histogram), same grid. */
  readonly grey: DiscretisedRoi;
  /** IBSI texture spatial approaches to compute. */
  readonly spatial: readonly IbsiSpatial[];
  /** Texture distance δ (GLCM, NGTDM, NGLDM) and NGLDM α. */
  readonly distance: number;
  readonly ngldmAlpha: number;
  /** Intensity-volume histogram discretisation and the re-segmentation range (its bounds limit the IVH). */
  readonly ivh: IbsiDiscretisation;
  readonly resegmentRange: readonly [number, number] | null;
  /** True when the crop was clipped by the image edge (local intensity spheres may be truncated there). */
  readonly cropClippedByImage: boolean;
}

/** One IBSI family (or group of families computed together). Values are keyed by full IBSI tag. */
export interface IbsiFamilyEntry {
  readonly name: string;
  readonly defs: readonly FeatureDef[];
  compute(input: IbsiFamilyInput): FeatureValues;
}

const ibsiTextureEntry: IbsiFamilyEntry = {
  name: 'texture',
  defs: TEXTURE_FEATURE_DEFS,
  compute: ({ roi, grey, spatial, distance, ngldmAlpha }) =>
    ibsiTexture(grey, roi.morphologicalMask, { spatial, distance, alpha: ngldmAlpha }),
};

const ibsiMorphologyEntry: IbsiFamilyEntry = {
  name: 'morphology',
  defs: IBSI_MORPHOLOGY_FEATURES,
  compute: ({ roi }) => ibsiMorphology(roi),
};

function ivhDiscretisation(d: IbsiDiscretisation): IvhDiscretisation {
  if (d.method === 'FBS') return { kind: 'fbs', binWidth: d.binWidth };
  if (d.method === 'FBN') return { kind: 'fbn', binCount: d.binCount };
  return { kind: 'none' };
}

const ibsiIntensityEntry: IbsiFamilyEntry = {
  name: 'intensity',
  defs: IBSI_INTENSITY_FEATURES,
  compute: ({ roi, grey, ivh, resegmentRange, cropClippedByImage }) => ({
    ...ibsiLocalIntensity(roi, { allowTruncatedNeighbourhood: cropClippedByImage }),
    ...ibsiIntensityStats(roi),
    ...ibsiIntensityHistogram(grey),
    ...ibsiIntensityVolumeHistogram(roi, {
      discretisation: ivhDiscretisation(ivh),
      range: resegmentRange ? { lower: resegmentRange[0], upper: resegmentRange[1] } : undefined,
    }),
  }),
};

/** IBSI families available in this build, in IBSI table order. */
export const IBSI_FAMILY_REGISTRY: readonly IbsiFamilyEntry[] = Object.freeze([ibsiMorphologyEntry, ibsiIntensityEntry, ibsiTextureEntry]);
