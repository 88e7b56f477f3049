import { createRequire } from 'node:module';
import { InvalidInputError } from '../../core/errors.js';
import { parsePyradiomicsSettings, PYRADIOMICS_DEFAULTS, type PyradiomicsSettings } from './pyradiomics-settings.js';
import { readTextChecked } from '../../core/read-file.js';

/**
 * PyRadiomics parameter files (YAML or JSON): `setting`, `imageType` and `featureClass` sections, as in
 * PyRadiomics' `examples/exampleSettings/*.yaml`, checked against a schema (unknown keys are errors).
 */

/** PyRadiomics image types; only `Original` is computed by dlrn for now. */
export const PYRADIOMICS_IMAGE_TYPES = ['Original', 'LoG', 'Wavelet', 'Square', 'SquareRoot', 'Logarithm', 'Exponential', 'Gradient', 'LBP2D', 'LBP3D'] as const;

/** PyRadiomics feature classes. */
export const PYRADIOMICS_CLASSES = ['firstorder', 'shape', 'shape2D', 'glcm', 'glrlm', 'glszm', 'gldm', 'ngtdm'] as const;
/** A PyRadiomics feature class name. */
export type PyradiomicsClass = (typeof PYRADIOMICS_CLASSES)[number];

/** A parsed parameter file. */
export interface PyradiomicsParams {
  /** Settings merged over PyRadiomics' defaults (plus the Original image type's own overrides). */
  readonly settings: PyradiomicsSettings;
  /** Enabled image types with their custom settings (PyRadiomics' `diagnostics_Configuration_EnabledImageTypes`). */
  readonly imageTypes: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /**
   * Enabled classes: class → `null` (all features enabled by default in that class) or the listed feature names.
   * Classes not present are off.
   */
  readonly featureClasses: Readonly<Partial<Record<PyradiomicsClass, readonly string[] | null>>>;
}

/** PyRadiomics' behaviour without a parameter file: Original image, every class, default settings. */
export function defaultPyradiomicsParams(): PyradiomicsParams {
  const featureClasses: Partial<Record<PyradiomicsClass, null>> = {};
  for (const c of PYRADIOMICS_CLASSES) featureClasses[c] = null;
  return Object.freeze({ settings: PYRADIOMICS_DEFAULTS, imageTypes: Object.freeze({ Original: Object.freeze({}) }), featureClasses: Object.freeze(featureClasses) });
}

const TOP_KEYS = ['setting', 'imageType', 'featureClass', 'voxelSetting'];

let yamlParse: ((text: string) => unknown) | undefined;
/** The YAML parser, loaded on first use (keeps `dlrn extract` without a parameter file quick to start). */
function parseYaml(text: string): unknown {
  yamlParse ??= (createRequire(import.meta.url)('yaml') as { parse: (t: string) => unknown }).parse;
  return yamlParse(text);
}

/**
 * Parses the text of a parameter file (YAML; JSON is YAML too). `file` is used in error messages.
 *
 * @throws InvalidInputError for YAML syntax errors, unknown sections/settings/classes, filtered image types (not
 *   implemented yet) and invalid values.
 */
export function parsePyradiomicsParams(text: string, file = 'parameter file'): PyradiomicsParams {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new InvalidInputError('the parameter file is not valid YAML', { file, found: (e as Error).message.split('\n')[0], fix: 'check the indentation and the colons.' });
  }
  if (doc === null || doc === undefined) doc = {};
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InvalidInputError('the parameter file must be a mapping with sections setting / imageType / featureClass', { file, found: JSON.stringify(doc).slice(0, 80) });
  }
  const d = doc as Record<string, unknown>;
  for (const k of Object.keys(d)) {
    if (!TOP_KEYS.includes(k)) {
      throw new InvalidInputError(`unknown section "${k}" in the parameter file`, { file, expected: 'setting, imageType, featureClass', found: JSON.stringify(k) });
    }
  }
  if (d.voxelSetting !== undefined && d.voxelSetting !== null) {
    throw new InvalidInputError('voxel-based extraction (voxelSetting) is not supported by dlrn', { file, fix: 'remove the voxelSetting section; dlrn computes segment-based features.' });
  }
  let settings = parsePyradiomicsSettings(d.setting, file);

  // imageType
  const imageTypes: Record<string, Readonly<Record<string, unknown>>> = {};
  const rawTypes = d.imageType;
  if (rawTypes === undefined || rawTypes === null || (typeof rawTypes === 'object' && Object.keys(rawTypes as object).length === 0)) {
    imageTypes.Original = Object.freeze({});
  } else {
    if (typeof rawTypes !== 'object' || Array.isArray(rawTypes)) {
      throw new InvalidInputError('"imageType" must be a mapping, e.g. `Original: {}`', { file, found: JSON.stringify(rawTypes) });
    }
    for (const [name, custom] of Object.entries(rawTypes as Record<string, unknown>)) {
      if (!(PYRADIOMICS_IMAGE_TYPES as readonly string[]).includes(name)) {
        throw new InvalidInputError(`unknown image type "${name}"`, { file, expected: PYRADIOMICS_IMAGE_TYPES.join(', '), found: JSON.stringify(name) });
      }
      if (name !== 'Original') {
        throw new InvalidInputError(`image type "${name}" (filtered images) is not implemented in dlrn yet`, {
          file,
          expected: 'imageType: {Original: {}}',
          found: `imageType ${name}`,
          fix: `remove "${name}" from imageType; filtered image types (LoG, Wavelet, ...) come with the filters module.`,
        });
      }
      if (custom !== null && custom !== undefined && (typeof custom !== 'object' || Array.isArray(custom))) {
        throw new InvalidInputError(`the settings of image type "${name}" must be a mapping ({} for none)`, { file, found: JSON.stringify(custom) });
      }
      const c = (custom ?? {}) as Record<string, unknown>;
      settings = parsePyradiomicsSettings(c, file, settings);
      imageTypes[name] = Object.freeze({ ...c });
    }
  }

  // featureClass
  const featureClasses: Partial<Record<PyradiomicsClass, readonly string[] | null>> = {};
  const rawClasses = d.featureClass;
  if (rawClasses === undefined || rawClasses === null || (typeof rawClasses === 'object' && Object.keys(rawClasses as object).length === 0)) {
    for (const c of PYRADIOMICS_CLASSES) featureClasses[c] = null;
  } else {
    if (typeof rawClasses !== 'object' || Array.isArray(rawClasses)) {
      throw new InvalidInputError('"featureClass" must be a mapping of class names to feature lists', { file, found: JSON.stringify(rawClasses) });
    }
    for (const [name, list] of Object.entries(rawClasses as Record<string, unknown>)) {
      if (!(PYRADIOMICS_CLASSES as readonly string[]).includes(name)) {
        throw new InvalidInputError(`unknown feature class "${name}"`, { file, expected: PYRADIOMICS_CLASSES.join(', '), found: JSON.stringify(name) });
      }
      if (list === null || list === undefined || (Array.isArray(list) && list.length === 0)) {
        featureClasses[name as PyradiomicsClass] = null;
      } else if (Array.isArray(list) && list.every((x) => typeof x === 'string')) {
        featureClasses[name as PyradiomicsClass] = Object.freeze([...(list as string[])]);
      } else {
        throw new InvalidInputError(`the features of class "${name}" must be a list of names (or empty for all)`, { file, found: JSON.stringify(list) });
      }
    }
  }
  return Object.freeze({ settings, imageTypes: Object.freeze(imageTypes), featureClasses: Object.freeze(featureClasses) });
}

/** Reads and parses a parameter file. */
export function readPyradiomicsParams(path: string): PyradiomicsParams {
  return parsePyradiomicsParams(readTextChecked(path, 'a PyRadiomics parameter file (YAML)'), path);
}
