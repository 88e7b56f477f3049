import { InvalidInputError, MaskError } from '../../core/errors.js';
import { assertSameGeometry, GEOMETRY_TOLERANCE, type Geometry } from '../../core/geometry.js';
import { labelCounts } from '../../core/mask.js';
import { voxelTypeOf, type Volume } from '../../core/volume.js';
import { cropArray, padBox, type IndexBox } from '../../preprocess/crop.js';
import { discretise } from '../../preprocess/discretise.js';
import { normaliseImage } from '../../preprocess/normalise.js';
import { resegmentPyradiomics } from '../../preprocess/resegment.js';
import { pyradiomicsGrid, resampleMaskNearest, resampleVolume } from '../../preprocess/resample.js';
import { checkRoi, checkRoiBox } from '../../preprocess/roi-checks.js';
import { summariseMask, uint32VoxelHash, type MaskSummary } from './mask-stats.js';
import { makeVolume } from '../../core/volume.js';
import { computePyradiomicsTexture, PYRADIOMICS_CLASS_REGISTRY } from '../registry.js';
import type { PyradiomicsTextureClass } from '../texture/index.js';
import type { FeatureValues, RoiImage } from '../types.js';
import { pyradiomicsShape } from '../shape/pyradiomics-shape.js';
import type { Vec3 } from '../../core/vec.js';
import { maskedValuesAndSums, type MaskedValuesAndSums } from '../firstorder/masked-values.js';
import { imageDiagnostics, maskDiagnostics, type DiagnosticsRecord } from './pyradiomics-diagnostics.js';
import { diagnosticsName, nanDiagnostics, ORIGINAL_IMAGE, pyradiomicsFeatureName } from './naming.js';
import type { PyradiomicsClass, PyradiomicsParams } from './params-file.js';
import { pythonRepr, type PyradiomicsSettings } from './pyradiomics-settings.js';
import { versionDiagnostics, settingsHash } from './provenance.js';
import { KERNEL_BLOCK } from '../../core/kernel-block.js';

/** The result of extracting one case. */
export interface ExtractionResult {
  /** Diagnostics columns (name → value), in output order. */
  readonly diagnostics: Readonly<Record<string, string | number>>;
  /** Feature columns (full column names), in output order. */
  readonly features: Readonly<FeatureValues>;
}

/** Image and mask of one case, with the chosen label. */
export interface CaseVolumes {
  readonly image: Volume;
  readonly labelMap: Volume;
}

const INTERPOLATORS = { sitkNearestNeighbor: 'nearest', sitkLinear: 'linear', sitkBSpline: 'bspline' } as const;

/**
 * The binary mask of `label` and its summary in one pass (MaskError listing the labels present when the label is
 * absent, as PyRadiomics' `getMask`). The label map is scanned run by run: `indexOf` (native) finds where a run of
 * `label` starts, a short loop where it ends; counts, bounds and index sums are updated per run.
 */
function labelMask(labelMap: Volume, label: number): { mask: Uint8Array; summary: MaskSummary } {
  const src = labelMap.data;
  const out = new Uint8Array(src.length);
  const [nx, ny] = labelMap.size;
  const plane = nx * ny;
  let n = 0, si = 0, sj = 0, sk = 0;
  let x0 = Infinity, y0 = Infinity, z0 = Infinity, x1 = -1, y1 = -1, z1 = -1;
  for (let p = src.indexOf(label); p >= 0; p = src.indexOf(label, p)) {
    const row = Math.floor(p / nx);
    const rowEnd = (row + 1) * nx;
    let q = p + 1;
    while (q < rowEnd && src[q] === label) q++;
    out.fill(1, p, q);
    const len = q - p;
    const i0 = p - row * nx;
    const i1 = i0 + len - 1;
    const k = Math.floor(row / ny);
    const j = row - k * ny;
    n += len; si += ((i0 + i1) * len) / 2; sj += j * len; sk += k * len;
    if (i0 < x0) x0 = i0;
    if (i1 > x1) x1 = i1;
    if (j < y0) y0 = j;
    if (j > y1) y1 = j;
    if (k < z0) z0 = k;
    if (k > z1) z1 = k;
    p = q;
  }
  if (n === 0) {
    const present = [...labelCounts(labelMap).keys()].filter((l) => l !== 0);
    throw new MaskError(present.length === 0 ? 'no labels found in this mask (nothing is segmented)' : `label ${label} is not present in the mask`, {
      expected: `voxels with value ${label}`,
      found: present.length ? `labels ${present.join(', ')}` : 'an empty mask (all voxels 0)',
      fix: present.length ? `choose one of the labels present (e.g. --label ${present[0]}).` : 'check that the segmentation was saved.',
    });
  }
  return { mask: out, summary: { voxelCount: n, lo: [x0, y0, z0], hi: [x1, y1, z1], centerOfMassIndex: [si / n, sj / n, sk / n] } };
}

/** Work done on a label map ahead of its image ({@link primePyradiomicsMask}), used once by preparePyradiomics. */
interface PrimedMask {
  readonly label: number;
  readonly labelled: { mask: Uint8Array; summary: MaskSummary };
  readonly hash: string | null;
  /** The shape class of the label mask cropped to its bounding box, with that cropped mask, when settings allow. */
  readonly shape: PrimedShape | null;
}

/** The shape class computed ahead ({@link primePyradiomicsMask}) and the ROI it was computed from. */
interface PrimedShape {
  readonly values: FeatureValues;
  readonly mask: Uint8Array;
  readonly size: Vec3;
  readonly spacing: Vec3;
}

const primed = new WeakMap<Volume, PrimedMask>();

/**
 * Does the part of {@link extractPyradiomics} that needs only the label map, ahead of the image: the binary mask of
 * `label` with its summary, the mask's hash (with `additionalInfo`) and, when the shape class sees the label mask as
 * it is (no resampling, no re-segmentation of the shape mask), the shape class itself. `dlrn extract` calls it while
 * the image is still inflating on libuv's threads. The results are kept for this label map object and used once, by
 * the next extraction of it with the same label, only where they are provably the same as computing them then (the
 * shape values only when the ROI's morphological mask and spacing turn out identical). Never throws: a missing label
 * is reported by the extraction itself, in its usual order of checks.
 */
export function primePyradiomicsMask(labelMap: Volume, params: PyradiomicsParams, label: number): void {
  try {
    const { settings } = params;
    const labelled = labelMask(labelMap, label);
    const hash = settings.additionalInfo ? uint32VoxelHash(labelMap.data) : null;
    primed.set(labelMap, { label, labelled, hash, shape: null });
    const resampled = settings.interpolator !== null && settings.resampledPixelSpacing !== null;
    const resegmentedShape = settings.resegmentRange !== null && settings.resegmentShape;
    if (!('shape' in params.featureClasses) || resampled || resegmentedShape) return;
    const box = boxOf(labelled.summary.lo, labelled.summary.hi);
    const mask = cropArray(labelled.mask, labelMap.size, box);
    const size: Vec3 = [box.hi[0] - box.lo[0] + 1, box.hi[1] - box.lo[1] + 1, box.hi[2] - box.lo[2] + 1];
    const spacing: Vec3 = [labelMap.spacing[0], labelMap.spacing[1], labelMap.spacing[2]];
    const values = pyradiomicsShape({ morphologicalMask: mask, size, spacing });
    primed.set(labelMap, { label, labelled, hash, shape: { values, mask, size, spacing } });
  } catch {
    // nothing primed beyond what was stored: the extraction computes (and reports) the rest
  }
}

/** The primed work for this label map and label (removed from the cache), or null. */
function takePrimed(labelMap: Volume, label: number): PrimedMask | null {
  const p = primed.get(labelMap);
  primed.delete(labelMap);
  return p !== undefined && p.label === label ? p : null;
}

/** The primed shape values if they were computed from exactly this ROI's morphological mask and spacing. */
function primedShapeFor(prepared: PreparedPyradiomicsCase): FeatureValues | null {
  const p = prepared.primedShape;
  if (!p) return null;
  const { morphologicalMask: m, size, spacing } = prepared.roi;
  const sameGrid = size.every((v, i) => v === p.size[i]) && spacing.every((v, i) => v === p.spacing[i]);
  const bytes = (a: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.length);
  return sameGrid && m.length === p.mask.length && bytes(m).equals(bytes(p.mask)) ? p.values : null;
}

function boxOf(lo: readonly number[], hi: readonly number[]): IndexBox {
  return { lo: [lo[0], lo[1], lo[2]], hi: [hi[0], hi[1], hi[2]] };
}

/** Enabled feature names of a class (null = defaults, else the listed names, which must exist). */
function enabledNames(cls: PyradiomicsClass, listed: readonly string[] | null): string[] {
  const entry = PYRADIOMICS_CLASS_REGISTRY.find((c) => c.name === cls);
  if (!entry) return [];
  const all = entry.defs.map((d) => d.pyradiomicsName).filter((n): n is string => n !== null);
  if (listed === null) return all.filter((n) => !entry.disabledByDefault.includes(n)).sort();
  for (const n of listed) {
    if (!all.includes(n)) {
      throw new InvalidInputError(`unknown feature "${n}" in class ${cls}`, {
        expected: `one of ${all.join(', ')}`, found: JSON.stringify(n), fix: 'correct the name in the featureClass section (names are case-sensitive).',
      });
    }
  }
  return [...new Set(listed)].sort();
}

/** PyRadiomics' class output order (shape first, then the others). */
const CLASS_ORDER: readonly PyradiomicsClass[] = ['shape', 'shape2D', 'firstorder', 'glcm', 'gldm', 'glrlm', 'glszm', 'ngtdm'];

/**
 * Extracts PyRadiomics-compatible features of one case, following PyRadiomics 3.x `featureextractor.execute` for the
 * Original image type: label check → (normalisation) → (resampling with SimpleITK's conventions, or `preCrop`) →
 * ROI checks → (re-segmentation) → shape on the morphological mask → the other classes on the re-segmented ROI,
 * discretised with PyRadiomics' bin edges.
 *
 * @param label - overrides `settings.label` (the CLI's `--label` / the manifest's label column).
 * @throws MaskError (absent label, empty/one-voxel/too small ROI), GeometryMismatchError, InvalidInputError (NaN in
 *   the ROI, unknown feature names).
 */
export function extractPyradiomics(input: CaseVolumes, params: PyradiomicsParams, label?: number): ExtractionResult {
  const prepared = preparePyradiomics(input, params, label);
  const shape = primedShapeFor(prepared);
  if (!shape) return assemblePyradiomics(prepared, computePyradiomicsClasses(prepared));
  return assemblePyradiomics(prepared, { ...computePyradiomicsClasses(prepared, new Set(['shape'])), shape });
}

/** A case after preprocessing: the shared inputs of every class. */
export interface PreparedPyradiomicsCase {
  /** Diagnostics so far (versions, configuration, image/mask, interpolated, resegmented). */
  readonly diagnostics: Record<string, string | number>;
  /** The cropped ROI. */
  readonly roi: RoiImage;
  /** Effective settings (label override applied). */
  readonly settings: PyradiomicsSettings;
  readonly params: PyradiomicsParams;
  /** The shape class computed from the label map ahead of the image, if it was ({@link primePyradiomicsMask}). */
  readonly primedShape?: PrimedShape;
}

/**
 * The preprocessing part of {@link extractPyradiomics}: checks, diagnostics, normalisation, resampling, ROI checks,
 * re-segmentation and cropping. Throws the same typed errors.
 */
export function preparePyradiomics(input: CaseVolumes, params: PyradiomicsParams, label?: number): PreparedPyradiomicsCase {
  // unknown feature names are reported before any work
  for (const cls of Object.keys(params.featureClasses) as PyradiomicsClass[]) enabledNames(cls, params.featureClasses[cls] ?? null);
  const settings: PyradiomicsSettings = label === undefined ? params.settings : { ...params.settings, label };
  const lab = settings.label;
  const diag: DiagnosticsRecord = {};
  Object.assign(diag, versionDiagnostics());
  diag[diagnosticsName('Configuration', 'Settings')] = pythonRepr(settings);
  diag[diagnosticsName('Configuration', 'EnabledImageTypes')] = pythonRepr(params.imageTypes);
  diag[diagnosticsName('Configuration', 'SettingsHash')] = settingsHash({ mode: 'pyradiomics', settings, imageTypes: params.imageTypes, featureClasses: params.featureClasses });

  const { image, labelMap } = input;
  assertSameGeometry(image, labelMap, 'image and mask', settings.geometryTolerance ?? GEOMETRY_TOLERANCE);
  const early = takePrimed(labelMap, lab);
  const labelled = early?.labelled ?? labelMask(labelMap, lab);
  let mask = labelled.mask;
  let summary: MaskSummary | null = labelled.summary;
  if (settings.additionalInfo) {
    imageDiagnostics(diag, 'original', image, image.data, true);
    maskDiagnostics(diag, 'original', labelMap, mask, early?.hash ? { labelMapHash: early.hash, summary } : { labelMapForHash: labelMap.data, summary });
  }

  // 1. normalisation (whole image)
  let values: ArrayLike<number> = image.data;
  const imageType = voxelTypeOf(image.data);
  let valueType = imageType;
  if (settings.normalize) {
    values = normaliseImage(image.data, { scale: settings.normalizeScale, removeOutliers: settings.removeOutliers });
    valueType = 'float64';
  }
  let grid: Geometry = image;

  // 2. resampling, or pre-cropping
  if (settings.interpolator !== null && settings.resampledPixelSpacing !== null) {
    const bb = checkRoiBox(boxOf(labelled.summary.lo, labelled.summary.hi), labelled.summary.voxelCount, { minimumROIDimensions: 1 }).boundingBox;
    const r = pyradiomicsGrid(grid, bb, settings.resampledPixelSpacing, settings.padDistance, grid.spacing);
    if (r.grid === null) {
      const box = padBox(bb, settings.padDistance, grid.size);
      values = cropArray(values as Float64Array, grid.size, box);
      mask = cropArray(mask, grid.size, box);
      grid = { ...grid, size: [box.hi[0] - box.lo[0] + 1, box.hi[1] - box.lo[1] + 1, box.hi[2] - box.lo[2] + 1], origin: indexOrigin(grid, box) };
    } else {
      const src = makeVolume(grid, values as Float64Array);
      values = resampleVolume(src, r.grid, { interpolator: INTERPOLATORS[settings.interpolator], castTo: valueType }).data;
      mask = resampleMaskNearest(makeVolume(grid, mask), r.grid).data;
      grid = r.grid.geometry;
    }
    summary = summariseMask(mask, grid.size);
    if (settings.additionalInfo) {
      imageDiagnostics(diag, 'interpolated', grid, values as Float64Array, false);
      maskDiagnostics(diag, 'interpolated', grid, mask, { image: values, summary });
    }
  } else if (settings.preCrop) {
    summary = null;
    const bb = checkRoiBox(boxOf(labelled.summary.lo, labelled.summary.hi), labelled.summary.voxelCount, { minimumROIDimensions: 1 }).boundingBox;
    const box = padBox(bb, settings.padDistance, grid.size);
    values = cropArray(values as Float64Array, grid.size, box);
    mask = cropArray(mask, grid.size, box);
    grid = { ...grid, size: [box.hi[0] - box.lo[0] + 1, box.hi[1] - box.lo[1] + 1, box.hi[2] - box.lo[2] + 1], origin: indexOrigin(grid, box) };
  }

  // 3. ROI checks
  const roiReq = { minimumROIDimensions: settings.minimumROIDimensions, minimumROISize: settings.minimumROISize };
  const check = summary ? checkRoiBox(boxOf(summary.lo, summary.hi), summary.voxelCount, roiReq) : checkRoi(mask, grid.size, roiReq);
  let box = check.boundingBox;

  // 4. re-segmentation
  let intensityMask = mask;
  if (settings.resegmentRange !== null) {
    intensityMask = resegmentPyradiomics(values, mask, settings.resegmentRange, settings.resegmentMode).mask;
    checkRoi(intensityMask, grid.size, { minimumROIDimensions: settings.minimumROIDimensions, minimumROISize: settings.minimumROISize });
    if (settings.additionalInfo) maskDiagnostics(diag, 'resegmented', grid, intensityMask, { image: values });
  }
  const morphMask = settings.resegmentShape ? intensityMask : mask;
  box = boxOf(box.lo, box.hi);

  // 5. crop to the ROI and build the shared inputs
  const cropValues = toFloat64(cropArray(values as Float64Array, grid.size, box));
  const cropIntensity = cropArray(intensityMask, grid.size, box);
  const roi: RoiImage = {
    size: [box.hi[0] - box.lo[0] + 1, box.hi[1] - box.lo[1] + 1, box.hi[2] - box.lo[2] + 1],
    spacing: grid.spacing,
    values: cropValues,
    intensityMask: cropIntensity,
    morphologicalMask: morphMask === intensityMask ? cropIntensity : cropArray(morphMask, grid.size, box),
  };
  // integer voxels (also after resampling, which casts back to the image type) cannot be NaN
  const floatValues = values instanceof Float64Array || values instanceof Float32Array;
  const nan = floatValues ? nanCountInMasks(cropValues, roi.intensityMask, roi.morphologicalMask) : 0;
  if (nan > 0) {
    throw new InvalidInputError('the region of interest contains NaN voxels', {
      expected: 'finite intensities inside the mask', found: `${nan} NaN voxel(s)`,
      fix: 'fix the image (NaN usually marks missing data), or remove those voxels from the mask.',
    });
  }

  return { diagnostics: diag, roi, settings, params, primedShape: early?.shape ?? undefined };
}

/** Number of NaN values at voxels in either mask (block by block: see `KERNEL_BLOCK`). */
function nanCountInMasks(values: Float64Array, a: Uint8Array, b: Uint8Array): number {
  let nan = 0;
  for (let from = 0; from < values.length; from += KERNEL_BLOCK) nan += nanCountBlock(values, a, b, from, Math.min(from + KERNEL_BLOCK, values.length));
  return nan;
}

function nanCountBlock(values: Float64Array, a: Uint8Array, b: Uint8Array, from: number, to: number): number {
  let nan = 0;
  for (let i = from; i < to; i++) if ((a[i] | b[i]) && values[i] !== values[i]) nan++;
  return nan;
}

function indexOrigin(g: Geometry, box: IndexBox): [number, number, number] {
  const o = [0, 0, 0] as [number, number, number];
  for (let r = 0; r < 3; r++) {
    o[r] = g.origin[r];
    for (let c = 0; c < 3; c++) o[r] += g.direction[r * 3 + c] * g.spacing[c] * box.lo[c];
  }
  return o;
}

/** A Float64 copy of a typed array (fast typed-array constructor path; no copy when it already is one we own). */
function toFloat64(a: ArrayLike<number>): Float64Array {
  return a instanceof Float64Array ? a : new Float64Array(a as unknown as ArrayLike<number>);
}

/** The classes a prepared case computes (enabled, and shape2D only with force2D), in output order. */
export function enabledPyradiomicsClasses(prepared: PreparedPyradiomicsCase): PyradiomicsClass[] {
  return CLASS_ORDER.filter((c) => c in prepared.params.featureClasses && (c !== 'shape2D' || prepared.settings.force2D));
}

/**
 * Computes every enabled class of a prepared case except those in `skip` (computed elsewhere, e.g. in a worker);
 * returns class → (PyRadiomics feature name → value). Texture classes share one grid.
 */
export function computePyradiomicsClasses(prepared: PreparedPyradiomicsCase, skip: ReadonlySet<string> = new Set()): Record<string, FeatureValues> {
  const { roi, settings } = prepared;
  const classes = enabledPyradiomicsClasses(prepared).filter((c) => !skip.has(c));
  const out: Record<string, FeatureValues> = {};
  const needGrey = classes.some((c) => PYRADIOMICS_CLASS_REGISTRY.find((e) => e.name === c)?.needsGrey);
  // the ROI values are gathered once, with the sums first order needs and the range discretisation needs (on failure
  // — empty or non-finite ROI — the classes report their own errors as before)
  const gathered = needGrey ? gatherOrNull(roi, settings.voxelArrayShift ?? 0) : null;
  const grey = needGrey
    ? (() => {
        const d = discretise(roi.values, roi.intensityMask, settings.binCount !== null
          ? { binCount: settings.binCount, convention: 'pyradiomics' }
          : { binWidth: settings.binWidth, convention: 'pyradiomics' }, gathered ?? undefined);
        return { size: roi.size, spacing: roi.spacing, levels: d.levels, nLevels: d.nLevels };
      })()
    : { size: roi.size, spacing: roi.spacing, levels: new Int32Array(0), nLevels: 0 };
  const classInput = { roi, grey, settings, gathered: gathered ?? undefined };
  const textureClasses = classes.filter((c) => PYRADIOMICS_CLASS_REGISTRY.find((e) => e.name === c)?.texture) as PyradiomicsTextureClass[];
  if (textureClasses.length > 0) Object.assign(out, computePyradiomicsTexture(textureClasses, classInput));
  for (const cls of classes) {
    const entry = PYRADIOMICS_CLASS_REGISTRY.find((e) => e.name === cls);
    if (entry && !entry.texture) out[cls] = entry.compute(classInput);
  }
  if (needGrey) out[GREY_LEVELS_KEY] = { nLevels: grey.nLevels };
  return out;
}

/** The intensity-ROI values and sums, or null when gathering fails (empty or non-finite ROI). */
function gatherOrNull(roi: RoiImage, shift: number): MaskedValuesAndSums | null {
  if (!Number.isFinite(shift)) return null;
  try {
    return maskedValuesAndSums(roi.values, roi.intensityMask, shift);
  } catch {
    return null;
  }
}

/** Key under which {@link computePyradiomicsClasses} reports the number of grey levels (for the NaN diagnostics). */
const GREY_LEVELS_KEY = '__greyLevels';

/**
 * Puts the class values of a prepared case into output columns (`original_<class>_<Feature>`, classes in
 * PyRadiomics' order, features sorted by name, only the enabled names) and completes the diagnostics.
 */
export function assemblePyradiomics(prepared: PreparedPyradiomicsCase, values: Record<string, FeatureValues>): ExtractionResult {
  const diag = { ...prepared.diagnostics };
  const features: FeatureValues = {};
  const missing: string[] = [];
  for (const cls of enabledPyradiomicsClasses(prepared)) {
    const vals = values[cls];
    if (!PYRADIOMICS_CLASS_REGISTRY.some((e) => e.name === cls) || !vals) { missing.push(cls); continue; }
    for (const n of enabledNames(cls, prepared.params.featureClasses[cls] ?? null)) features[pyradiomicsFeatureName(ORIGINAL_IMAGE, cls, n)] = vals[n] ?? NaN;
  }
  if (missing.length > 0) diag[diagnosticsName('dlrn', 'UnavailableClasses')] = missing.join(' ');
  Object.assign(diag, nanDiagnostics(features, values[GREY_LEVELS_KEY]?.nLevels ?? 0));
  return { diagnostics: diag, features };
}
