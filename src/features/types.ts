import type { Vec3 } from '../core/vec.js';

/**
 * Shared input/output shapes of the feature families (contract between the extractor in
 * `src/features/extractor` and the family modules in `src/features/<family>`).
 */

/**
 * A region of interest after preprocessing (interpolation, rounding, re-segmentation), on a grid cropped
 * around the ROI. All arrays have size[0]·size[1]·size[2] entries, x fastest.
 */
export interface RoiImage {
  /** Grid size of the crop (i, j, k). */
  readonly size: Vec3;
  /** Voxel spacing in mm (i, j, k). */
  readonly spacing: Vec3;
  /** Intensities (after interpolation/rounding), at every voxel of the crop. */
  readonly values: Float64Array;
  /** Intensity mask (after re-segmentation): 1 inside the ROI, 0 outside. */
  readonly intensityMask: Uint8Array;
  /** Morphological mask (before re-segmentation): 1 inside, 0 outside. */
  readonly morphologicalMask: Uint8Array;
}

/**
 * Discretised grey levels of the ROI, the input of every texture family and of the discretised
 * first-order/histogram features.
 */
export interface DiscretisedRoi {
  /** Grid size (i, j, k). */
  readonly size: Vec3;
  /** Voxel spacing in mm (i, j, k). */
  readonly spacing: Vec3;
  /** Grey level per voxel: 1..nLevels inside the (intensity) ROI, 0 outside. */
  readonly levels: Int32Array;
  /** Number of grey levels N_g of the discretisation (IBSI: the number of bins, also those that stay empty). */
  readonly nLevels: number;
}

/** Feature values of one family keyed by feature name (PyRadiomics name or IBSI tag). */
export type FeatureValues = Record<string, number>;

/**
 * One entry of the feature registry. Families export arrays of these; the registry is the union.
 * The formula and meaning of each feature are in the TSDoc of the function that computes it.
 */
export interface FeatureDef {
  /** Family id, e.g. `firstorder`, `shape`, `glcm` (PyRadiomics class) or IBSI family. */
  readonly family: string;
  /** PyRadiomics feature name (e.g. `JointEnergy`), or null when PyRadiomics has no such feature. */
  readonly pyradiomicsName: string | null;
  /** IBSI tag stem without aggregation suffix (e.g. `cm_joint_max`), or null when IBSI has none. */
  readonly ibsiTag: string | null;
  /** IBSI 4-letter identifier (e.g. `GYBY`), or null for features outside IBSI. */
  readonly ibsiId: string | null;
}
