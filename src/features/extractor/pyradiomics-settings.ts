import { InvalidInputError } from '../../core/errors.js';

/**
 * PyRadiomics extraction settings (the `setting:` section of a parameter file), with PyRadiomics' defaults
 * (`featureextractor._getDefaultSettings` and the feature classes' defaults) and a declarative schema
 * (after PyRadiomics' `radiomics/schemas/paramSchema.yaml`). Unknown keys are errors.
 */
export interface PyradiomicsSettings {
  readonly minimumROIDimensions: number;
  readonly minimumROISize: number | null;
  readonly geometryTolerance: number | null;
  readonly correctMask: boolean;
  readonly additionalInfo: boolean;
  readonly label: number;
  readonly label_channel: number;
  readonly binWidth: number;
  readonly binCount: number | null;
  readonly normalize: boolean;
  readonly normalizeScale: number;
  readonly removeOutliers: number | null;
  readonly resampledPixelSpacing: readonly number[] | null;
  readonly interpolator: PyradiomicsInterpolator | null;
  readonly padDistance: number;
  readonly distances: readonly number[];
  readonly force2D: boolean;
  readonly force2Ddimension: 0 | 1 | 2;
  readonly resegmentRange: readonly number[] | null;
  readonly resegmentMode: 'absolute' | 'relative' | 'sigma';
  readonly resegmentShape: boolean;
  readonly preCrop: boolean;
  readonly voxelArrayShift: number;
  readonly symmetricalGLCM: boolean;
  readonly weightingNorm: null | 'manhattan' | 'euclidean' | 'infinity' | 'no_weighting';
  readonly gldm_a: number;
}

/** SimpleITK interpolator names PyRadiomics accepts that dlrn implements. */
export type PyradiomicsInterpolator = 'sitkNearestNeighbor' | 'sitkLinear' | 'sitkBSpline';

/** PyRadiomics' defaults. */
export const PYRADIOMICS_DEFAULTS: PyradiomicsSettings = Object.freeze({
  minimumROIDimensions: 2,
  minimumROISize: null,
  geometryTolerance: null,
  correctMask: false,
  additionalInfo: true,
  label: 1,
  label_channel: 0,
  binWidth: 25,
  binCount: null,
  normalize: false,
  normalizeScale: 1,
  removeOutliers: null,
  resampledPixelSpacing: null,
  interpolator: 'sitkBSpline',
  padDistance: 5,
  distances: Object.freeze([1]),
  force2D: false,
  force2Ddimension: 0,
  resegmentRange: null,
  resegmentMode: 'absolute',
  resegmentShape: false,
  preCrop: false,
  voxelArrayShift: 0,
  symmetricalGLCM: true,
  weightingNorm: null,
  gldm_a: 0,
} as PyradiomicsSettings);

type Rule =
  | { kind: 'int' | 'float'; min?: number; minExclusive?: number; max?: number; nullable?: boolean }
  | { kind: 'bool' }
  | { kind: 'enum'; values: readonly (string | null)[] }
  | { kind: 'list'; of: 'int' | 'float'; min?: number; minExclusive?: number; nullable?: boolean; length?: [number, number] };

/** The schema: one rule per setting (ranges as in PyRadiomics' paramSchema.yaml). */
export const PYRADIOMICS_SETTING_RULES: Readonly<Record<keyof PyradiomicsSettings, Rule>> = {
  minimumROIDimensions: { kind: 'int', min: 1, max: 3 },
  minimumROISize: { kind: 'int', minExclusive: 0, nullable: true },
  geometryTolerance: { kind: 'float', minExclusive: 0, nullable: true },
  correctMask: { kind: 'bool' },
  additionalInfo: { kind: 'bool' },
  label: { kind: 'int', minExclusive: 0 },
  label_channel: { kind: 'int', min: 0 },
  binWidth: { kind: 'float', minExclusive: 0 },
  binCount: { kind: 'int', minExclusive: 0, nullable: true },
  normalize: { kind: 'bool' },
  normalizeScale: { kind: 'float', minExclusive: 0 },
  removeOutliers: { kind: 'float', minExclusive: 0, nullable: true },
  resampledPixelSpacing: { kind: 'list', of: 'float', min: 0, nullable: true, length: [3, 3] },
  interpolator: { kind: 'enum', values: ['sitkNearestNeighbor', 'sitkLinear', 'sitkBSpline', null] },
  padDistance: { kind: 'int', min: 0 },
  distances: { kind: 'list', of: 'int', minExclusive: 0, length: [1, 100] },
  force2D: { kind: 'bool' },
  force2Ddimension: { kind: 'int', min: 0, max: 2 },
  resegmentRange: { kind: 'list', of: 'float', nullable: true, length: [1, 2] },
  resegmentMode: { kind: 'enum', values: ['absolute', 'relative', 'sigma'] },
  resegmentShape: { kind: 'bool' },
  preCrop: { kind: 'bool' },
  voxelArrayShift: { kind: 'int' },
  symmetricalGLCM: { kind: 'bool' },
  weightingNorm: { kind: 'enum', values: ['manhattan', 'euclidean', 'infinity', 'no_weighting', null] },
  gldm_a: { kind: 'int', min: 0 },
};

/** SimpleITK interpolators PyRadiomics knows but dlrn does not implement (a clear error instead of a silent fallback). */
const UNSUPPORTED_INTERPOLATORS = ['sitkGaussian', 'sitkLabelGaussian', 'sitkHammingWindowedSinc', 'sitkCosineWindowedSinc',
  'sitkWelchWindowedSinc', 'sitkLanczosWindowedSinc', 'sitkBlackmanWindowedSinc', 'sitkBSplineResampler',
  'sitkBSplineResamplerOrder3', 'sitkBSplineResamplerOrder1', 'sitkBSplineResamplerOrder2', 'sitkBSplineResamplerOrder4',
  'sitkBSplineResamplerOrder5', 'sitkLabelLinear'];
/** SimpleITK's integer codes of the supported interpolators (PyRadiomics accepts the integer enum too). */
const INTERPOLATOR_CODES: Record<number, PyradiomicsInterpolator> = { 1: 'sitkNearestNeighbor', 2: 'sitkLinear', 3: 'sitkBSpline' };

/** Settings valid in PyRadiomics parameter files but belonging to filters or voxel-based extraction (not in dlrn yet). */
const FILTER_SETTINGS = ['sigma', 'start_level', 'level', 'wavelet', 'gradientUseSpacing', 'lbp2DRadius', 'lbp2DSamples',
  'lbp2DMethod', 'lbp3DLevels', 'lbp3DIcosphereRadius', 'lbp3DIcosphereSubdivision'];

function fail(where: string, key: string, expected: string, value: unknown): never {
  throw new InvalidInputError(`invalid value for setting "${key}"`, {
    file: where || undefined,
    expected,
    found: JSON.stringify(value),
    fix: `correct "${key}" (see docs/radiomics.md, "Parameter files").`,
  });
}

function checkNumber(where: string, key: string, r: { kind: 'int' | 'float'; min?: number; minExclusive?: number; max?: number }, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(where, key, `a ${r.kind === 'int' ? 'whole number' : 'number'}`, v);
  if (r.kind === 'int' && !Number.isInteger(v)) fail(where, key, 'a whole number', v);
  if (r.min !== undefined && v < r.min) fail(where, key, `a number ≥ ${r.min}`, v);
  if (r.minExclusive !== undefined && v <= r.minExclusive) fail(where, key, `a number > ${r.minExclusive}`, v);
  if (r.max !== undefined && v > r.max) fail(where, key, `a number ≤ ${r.max}`, v);
  return v;
}

/**
 * Validates a `setting:` mapping (from YAML, JSON or code) against the schema and merges it over
 * {@link PYRADIOMICS_DEFAULTS} (or `base`). Unknown keys, wrong types and out-of-range values are
 * {@link InvalidInputError}s naming the key. `where` (a file name) is used in messages.
 */
export function parsePyradiomicsSettings(raw: unknown, where = '', base: PyradiomicsSettings = PYRADIOMICS_DEFAULTS): PyradiomicsSettings {
  if (raw === null || raw === undefined) return base;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InvalidInputError('the "setting" section must be a mapping of names to values', { file: where || undefined, found: JSON.stringify(raw) });
  }
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const rule = (PYRADIOMICS_SETTING_RULES as Record<string, Rule>)[key];
    if (!rule) {
      if (FILTER_SETTINGS.includes(key)) {
        throw new InvalidInputError(`setting "${key}" belongs to filtered image types, which dlrn does not compute yet`, {
          file: where || undefined, fix: `remove "${key}"; only the Original image type is supported for now.`,
        });
      }
      const known = Object.keys(PYRADIOMICS_SETTING_RULES);
      const near = known.find((k) => k.toLowerCase() === key.toLowerCase());
      throw new InvalidInputError(`unknown setting "${key}"`, {
        file: where || undefined,
        expected: 'a PyRadiomics setting',
        found: JSON.stringify(key),
        fix: near ? `did you mean "${near}"?` : `use one of ${known.join(', ')}.`,
      });
    }
    out[key] = checkValue(where, key, rule, value);
  }
  return Object.freeze(out) as unknown as PyradiomicsSettings;
}

function checkValue(where: string, key: string, rule: Rule, value: unknown): unknown {
  const nullable = 'nullable' in rule && rule.nullable;
  if (value === null || value === undefined) {
    if (nullable || (rule.kind === 'enum' && rule.values.includes(null))) return null;
    fail(where, key, 'a value (null is not allowed here)', value);
  }
  switch (rule.kind) {
    case 'int':
    case 'float':
      return checkNumber(where, key, rule, value);
    case 'bool':
      if (typeof value !== 'boolean') fail(where, key, 'true or false', value);
      return value;
    case 'enum': {
      if (key === 'interpolator') {
        if (typeof value === 'number' && INTERPOLATOR_CODES[value]) return INTERPOLATOR_CODES[value];
        if (typeof value === 'string' && UNSUPPORTED_INTERPOLATORS.includes(value)) {
          throw new InvalidInputError(`interpolator "${value}" is not implemented in dlrn`, {
            file: where || undefined, expected: 'sitkNearestNeighbor, sitkLinear or sitkBSpline', found: JSON.stringify(value),
            fix: 'use sitkBSpline (PyRadiomics default), sitkLinear or sitkNearestNeighbor.',
          });
        }
      }
      if (!rule.values.includes(value as string)) fail(where, key, `one of ${rule.values.filter((v) => v !== null).join(', ')}`, value);
      return value;
    }
    case 'list': {
      const arr = typeof value === 'number' ? [value] : value;
      if (!Array.isArray(arr)) fail(where, key, `a list of ${rule.of === 'int' ? 'whole numbers' : 'numbers'}`, value);
      if (rule.length && (arr.length < rule.length[0] || arr.length > rule.length[1])) {
        fail(where, key, rule.length[0] === rule.length[1] ? `${rule.length[0]} values` : `${rule.length[0]} to ${rule.length[1]} values`, value);
      }
      return Object.freeze(arr.map((x) => checkNumber(where, key, { kind: rule.of, min: rule.min, minExclusive: rule.minExclusive }, x)));
    }
  }
}

/** The settings as PyRadiomics prints them in `diagnostics_Configuration_Settings` (a Python dict literal). */
export function pythonRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(v)) return `[${v.map(pythonRepr).join(', ')}]`;
  if (typeof v === 'object') return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${pythonRepr(k)}: ${pythonRepr(x)}`).join(', ')}}`;
  return String(v);
}
