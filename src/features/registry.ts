import { FIRSTORDER_FEATURES, pyradiomicsFirstOrder, PYRADIOMICS_FIRSTORDER_DEPRECATED } from './firstorder/index.js';
import type { DiscretisedRoi, FeatureDef, FeatureValues, RoiImage } from './types.js';
import type { PyradiomicsSettings } from './extractor/pyradiomics-settings.js';
import type { PyradiomicsClass } from './extractor/params-file.js';

/**
 * The explicit feature registry: every feature family, its `FeatureDef`s (family, PyRadiomics name, IBSI tag stem,
 * IBSI id) and how the extractor computes it. No reflection: adding a family means adding an entry here.
 */

/** What a PyRadiomics-mode class computation receives. */
export interface PyradiomicsClassInput {
  /** The cropped ROI (values, intensity mask after re-segmentation, morphological mask before it). */
  readonly roi: RoiImage;
  /** PyRadiomics-binned grey levels of the intensity ROI on the same grid. */
  readonly grey: DiscretisedRoi;
  /** Effective settings. */
  readonly settings: PyradiomicsSettings;
}

/** One PyRadiomics feature class. */
export interface PyradiomicsClassEntry {
  readonly name: PyradiomicsClass;
  /** Feature definitions of the class (PyRadiomics names). */
  readonly defs: readonly FeatureDef[];
  /** Names PyRadiomics computes only when listed by name (deprecated or redundant features). */
  readonly disabledByDefault: readonly string[];
  /** Whether the class needs the discretised ROI (shape does not). */
  readonly needsGrey: boolean;
  /** Computes every feature of the class, keyed by PyRadiomics feature name. */
  compute(input: PyradiomicsClassInput): FeatureValues;
}

const firstorder: PyradiomicsClassEntry = {
  name: 'firstorder',
  defs: FIRSTORDER_FEATURES,
  disabledByDefault: PYRADIOMICS_FIRSTORDER_DEPRECATED,
  needsGrey: true,
  compute: ({ roi, grey, settings }) => pyradiomicsFirstOrder(roi, grey, { voxelArrayShift: settings.voxelArrayShift }),
};

/** PyRadiomics classes available in this build, in PyRadiomics' output order. */
export const PYRADIOMICS_CLASS_REGISTRY: readonly PyradiomicsClassEntry[] = Object.freeze([firstorder]);

/** Looks up a PyRadiomics class entry (undefined when this build lacks it). */
export function pyradiomicsClassEntry(name: string): PyradiomicsClassEntry | undefined {
  return PYRADIOMICS_CLASS_REGISTRY.find((c) => c.name === name);
}

/** Every feature definition known to dlrn (the union of the families' arrays). */
export const FEATURE_REGISTRY: readonly FeatureDef[] = Object.freeze([...FIRSTORDER_FEATURES]);
