import { FIRSTORDER_FEATURES, pyradiomicsFirstOrder, PYRADIOMICS_FIRSTORDER_DEPRECATED } from './firstorder/index.js';
import {
  GLCM_PYRADIOMICS_NAMES, GLDM_PYRADIOMICS_NAMES, GLRLM_PYRADIOMICS_NAMES, GLSZM_PYRADIOMICS_NAMES, NGTDM_PYRADIOMICS_NAMES,
  pyradiomicsTexture, TEXTURE_FEATURE_DEFS, type PyradiomicsTextureClass,
} from './texture/index.js';
import type { DiscretisedRoi, FeatureDef, FeatureValues, RoiImage } from './types.js';
import { pyradiomicsShape, pyradiomicsShape2D, PYRADIOMICS_SHAPE_DEPRECATED, PYRADIOMICS_SHAPE2D_DEPRECATED, SHAPE_FEATURES, SHAPE2D_FEATURES } from './shape/index.js';
import { IBSI_MORPHOLOGY_FEATURES } from './ibsi-morphology/defs.js';
import { IBSI_INTENSITY_FEATURES } from './ibsi-intensity/defs.js';
import type { PyradiomicsSettings } from './extractor/pyradiomics-settings.js';
import type { PyradiomicsClass } from './extractor/params-file.js';
import type { MaskedValuesAndSums } from './firstorder/masked-values.js';

/**
 * The explicit feature registry: every feature family, its `FeatureDef`s (family, PyRadiomics name, IBSI tag stem,
 * IBSI id) and how the extractor computes it. No reflection: adding a family means adding an entry here (PyRadiomics
 * classes) or in `extractor/ibsi-families.ts` (IBSI families, loaded only in IBSI mode to keep start-up quick).
 */

/** What a PyRadiomics-mode class computation receives. */
export interface PyradiomicsClassInput {
  /** The cropped ROI (values, intensity mask after re-segmentation, morphological mask before it). */
  readonly roi: RoiImage;
  /** PyRadiomics-binned grey levels of the intensity ROI on the same grid. */
  readonly grey: DiscretisedRoi;
  /** Effective settings. */
  readonly settings: PyradiomicsSettings;
  /** The intensity-ROI values with their sums (`maskedValuesAndSums` with `settings.voxelArrayShift`), when gathered. */
  readonly gathered?: MaskedValuesAndSums;
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
  /** Texture classes are computed together on one shared grid by {@link computePyradiomicsTexture}. */
  readonly texture: boolean;
  /** Computes every feature of the class, keyed by PyRadiomics feature name. */
  compute(input: PyradiomicsClassInput): FeatureValues;
}

function textureSettings(s: PyradiomicsSettings) {
  return {
    distances: s.distances, force2D: s.force2D, force2Ddimension: s.force2Ddimension,
    symmetricalGLCM: s.symmetricalGLCM, weightingNorm: s.weightingNorm, gldm_a: s.gldm_a,
  };
}

/**
 * Several PyRadiomics texture classes on one shared grid; returns class → (feature name → value).
 */
export function computePyradiomicsTexture(classes: readonly PyradiomicsTextureClass[], input: PyradiomicsClassInput): Record<string, FeatureValues> {
  const all = pyradiomicsTexture(input.grey, classes, textureSettings(input.settings));
  const out: Record<string, FeatureValues> = {};
  for (const c of classes) out[c] = {};
  for (const key of Object.keys(all)) {
    const i = key.indexOf('_');
    out[key.slice(0, i)][key.slice(i + 1)] = all[key];
  }
  return out;
}

function textureClass(name: PyradiomicsTextureClass, family: string, names: readonly string[]): PyradiomicsClassEntry {
  return {
    name,
    defs: TEXTURE_FEATURE_DEFS.filter((d) => d.family === family && d.pyradiomicsName !== null && names.includes(d.pyradiomicsName)),
    disabledByDefault: [],
    needsGrey: true,
    texture: true,
    compute: (input) => computePyradiomicsTexture([name], input)[name],
  };
}

const firstorder: PyradiomicsClassEntry = {
  name: 'firstorder',
  defs: FIRSTORDER_FEATURES,
  disabledByDefault: PYRADIOMICS_FIRSTORDER_DEPRECATED,
  needsGrey: true,
  texture: false,
  compute: ({ roi, grey, settings, gathered }) => pyradiomicsFirstOrder(roi, grey, { voxelArrayShift: settings.voxelArrayShift, gathered }),
};

const shape: PyradiomicsClassEntry = {
  name: 'shape',
  defs: SHAPE_FEATURES,
  disabledByDefault: PYRADIOMICS_SHAPE_DEPRECATED,
  needsGrey: false,
  texture: false,
  compute: ({ roi }) => pyradiomicsShape(roi),
};

const shape2D: PyradiomicsClassEntry = {
  name: 'shape2D',
  defs: SHAPE2D_FEATURES,
  disabledByDefault: PYRADIOMICS_SHAPE2D_DEPRECATED,
  needsGrey: false,
  texture: false,
  compute: ({ roi, settings }) => pyradiomicsShape2D(roi, { force2Ddimension: settings.force2Ddimension }),
};

/** PyRadiomics classes available in this build, in PyRadiomics' output order. */
export const PYRADIOMICS_CLASS_REGISTRY: readonly PyradiomicsClassEntry[] = Object.freeze([
  shape,
  shape2D,
  firstorder,
  textureClass('glcm', 'glcm', GLCM_PYRADIOMICS_NAMES),
  textureClass('gldm', 'gldm', GLDM_PYRADIOMICS_NAMES),
  textureClass('glrlm', 'glrlm', GLRLM_PYRADIOMICS_NAMES),
  textureClass('glszm', 'glszm', GLSZM_PYRADIOMICS_NAMES),
  textureClass('ngtdm', 'ngtdm', NGTDM_PYRADIOMICS_NAMES),
]);

/** Looks up a PyRadiomics class entry (undefined when this build lacks it). */
export function pyradiomicsClassEntry(name: string): PyradiomicsClassEntry | undefined {
  return PYRADIOMICS_CLASS_REGISTRY.find((c) => c.name === name);
}

/** Every feature definition known to dlrn (the union of the families' arrays). */
export const FEATURE_REGISTRY: readonly FeatureDef[] = Object.freeze([
  ...SHAPE_FEATURES, ...SHAPE2D_FEATURES, ...FIRSTORDER_FEATURES, ...TEXTURE_FEATURE_DEFS, ...IBSI_MORPHOLOGY_FEATURES, ...IBSI_INTENSITY_FEATURES,
]);
