import { InvalidInputError, MaskError } from '../core/errors.js';
import type { Vec3 } from '../core/vec.js';
import type { DiscretisedRoi, RoiImage } from '../features/types.js';
import { digitizeMaskedWasm } from './digitize-wasm.js';
import { KERNEL_BLOCK } from '../core/kernel-block.js';

/**
 * Grey-level discretisation (IBSI 1 §2.7, "Intensity discretisation"; PyRadiomics `imageoperations.getBinEdges`).
 *
 * Two methods, each in two conventions:
 *
 * - **Fixed bin size (FBS, width w)**
 *   - `ibsi`: `X_d = ⌊(X − X_min)/w⌋ + 1`, where `X_min` is the lower bound of the re-segmentation range when one is
 *     set, else the minimum intensity in the ROI (IBSI 1, eq. "fixed bin size"). N_g = ⌊(X_max − X_min)/w⌋ + 1.
 *   - `pyradiomics`: bins are aligned on multiples of w: the edges are `lowBound + i·w` with
 *     `lowBound = min − (min mod w)` (Python's floor modulo), the upper edge `max + 2w` (exclusive), and the voxel's
 *     level is `numpy.digitize(x, edges)`, i.e. `X_d = ⌊x/w⌋ − ⌊min/w⌋ + 1` computed against the explicit edges
 *     (half-open bins `[e_i, e_{i+1})`). A flat ROI gets one bin.
 * - **Fixed bin number (FBN, N_g bins)**
 *   - `ibsi`: `X_d = ⌊N_g (X − X_min)/(X_max − X_min)⌋ + 1`, and `X_d = N_g` for `X = X_max`.
 *   - `pyradiomics`: the edges of `numpy.histogram(x, N_g)` (`min + i·(max − min)/N_g`, last edge = max, then +1 so
 *     the maximum falls in the top bin), applied with `numpy.digitize`. A flat ROI gets one bin (edges `v ± 0.5`).
 *
 * Only voxels inside the mask are discretised; the others get level 0.
 */
export type DiscretisationConvention = 'ibsi' | 'pyradiomics';

/** Settings of one discretisation. Exactly one of `binWidth` / `binCount` must be given. */
export interface DiscretisationSettings {
  /** Fixed bin size w (intensity units, > 0). */
  readonly binWidth?: number;
  /** Fixed bin number N_g (integer ≥ 1). */
  readonly binCount?: number;
  /** Bin-edge convention; default `pyradiomics`. */
  readonly convention?: DiscretisationConvention;
  /**
   * IBSI FBS only: the lowest intensity of the first bin (the lower bound of the re-segmentation range).
   * Default: the minimum intensity inside the ROI.
   */
  readonly lowerBound?: number;
}

/** Result of discretising the voxels of a mask. */
export interface Discretisation {
  /** Grey level per voxel: 1..nLevels inside the mask, 0 outside. */
  readonly levels: Int32Array;
  /**
   * Number of grey levels N_g. IBSI: the number of bins, also empty ones. PyRadiomics: the highest level present
   * (PyRadiomics' texture classes then drop empty levels themselves).
   */
  readonly nLevels: number;
  /** Bin edges (length = bins + 1), in intensity units: bin i (1-based) is [edges[i-1], edges[i]). */
  readonly edges: Float64Array;
}

/** Minimum and maximum of `values` over the voxels where `mask` is set (throws a MaskError when there are none). */
export function maskedRange(values: ArrayLike<number>, mask: ArrayLike<number>): { min: number; max: number; count: number } {
  const acc = Float64Array.of(Infinity, -Infinity, 0, 0); // min, max, count, NaN count
  for (let from = 0; from < values.length; from += KERNEL_BLOCK) rangeBlock(values, mask, from, Math.min(from + KERNEL_BLOCK, values.length), acc);
  const min = acc[0], max = acc[1], count = acc[2], bad = acc[3];
  if (count === 0) {
    throw new MaskError('cannot discretise an empty region of interest', {
      expected: 'at least one voxel in the (re-segmented) ROI',
      found: '0 voxels',
      fix: 'check the label, and widen the re-segmentation range if one is set.',
    });
  }
  if (bad > 0 || !Number.isFinite(min) || !Number.isFinite(max)) {
    throw new InvalidInputError('the ROI contains non-finite intensities', {
      expected: 'finite voxel values inside the mask',
      found: bad > 0 ? `${bad} NaN voxel(s)` : `range [${min}, ${max}]`,
      fix: 'remove NaN/infinite voxels from the image or exclude them from the mask.',
    });
  }
  return { min, max, count };
}

function rangeBlock(values: ArrayLike<number>, mask: ArrayLike<number>, from: number, to: number, acc: Float64Array): void {
  let min = acc[0], max = acc[1], count = acc[2], bad = acc[3];
  for (let i = from; i < to; i++) {
    if (mask[i] === 0) continue;
    const v = values[i];
    if (v !== v) bad++;
    if (v < min) min = v;
    if (v > max) max = v;
    count++;
  }
  acc[0] = min; acc[1] = max; acc[2] = count; acc[3] = bad;
}

function checkSettings(s: DiscretisationSettings): void {
  const hasW = s.binWidth !== undefined;
  const hasN = s.binCount !== undefined;
  if (hasW === hasN) {
    throw new InvalidInputError('discretisation needs exactly one of binWidth and binCount', {
      found: hasW ? 'both' : 'neither',
      fix: 'set binWidth (fixed bin size) or binCount (fixed bin number), not both.',
    });
  }
  if (hasW && !(Number.isFinite(s.binWidth) && (s.binWidth as number) > 0)) {
    throw new InvalidInputError('binWidth must be a positive number', { found: String(s.binWidth) });
  }
  if (hasN && !(Number.isInteger(s.binCount) && (s.binCount as number) >= 1)) {
    throw new InvalidInputError('binCount must be an integer ≥ 1', { found: String(s.binCount) });
  }
}

/** Python's floor modulo `a % b` (result has the sign of b). */
function pyMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && (r < 0) !== (b < 0) ? r + b : r;
}

/** The bin edges PyRadiomics computes (see {@link discretise}); exported for diagnostics and tests. */
export function pyradiomicsBinEdges(min: number, max: number, s: DiscretisationSettings): Float64Array {
  checkSettings(s);
  if (s.binCount !== undefined) {
    const n = s.binCount;
    let lo = min;
    let hi = max;
    if (lo === hi) { lo -= 0.5; hi += 0.5; } // numpy.histogram's rule for an empty range
    const edges = new Float64Array(n + 1);
    const step = (hi - lo) / n;
    for (let i = 0; i <= n; i++) edges[i] = i * step + lo; // numpy.linspace
    edges[n] = hi;
    edges[n] += 1;
    return edges;
  }
  const w = s.binWidth as number;
  const lowBound = min - pyMod(min, w);
  const highBound = max + 2 * w;
  const count = Math.max(0, Math.ceil((highBound - lowBound) / w)); // numpy.arange length
  if (count === 1) return Float64Array.of(lowBound - 0.5, lowBound + 0.5);
  // numpy.arange fills start + i·delta with delta = (start + step) − start
  const delta = lowBound + w - lowBound;
  const edges = new Float64Array(count);
  edges[0] = lowBound;
  if (count > 1) edges[1] = lowBound + w;
  for (let i = 2; i < count; i++) edges[i] = lowBound + i * delta;
  return edges;
}

/**
 * numpy.digitize(x, edges) for increasing edges: the i with edges[i-1] ≤ x < edges[i] (0 below the first edge,
 * edges.length at or above the last). `guess` is an estimate of the answer (refined exactly against the edges).
 */
function digitize(x: number, edges: Float64Array, guess: number): number {
  const n = edges.length;
  let i = guess < 0 ? 0 : guess > n ? n : guess;
  while (i > 0 && x < edges[i - 1]) i--;
  while (i < n && x >= edges[i]) i++;
  return i;
}

/** PyRadiomics levels of the masked voxels in [from, to) (numpy.digitize against `edges`); returns the highest. */
function digitizeBlock(values: ArrayLike<number>, mask: ArrayLike<number>, edges: Float64Array, e0: number, step: number, levels: Int32Array, from: number, to: number): number {
  let top = 0;
  for (let i = from; i < to; i++) {
    if (mask[i] === 0) continue;
    const v = values[i];
    const l = digitize(v, edges, Math.floor((v - e0) / step) + 1);
    levels[i] = l;
    if (l > top) top = l;
  }
  return top;
}

/**
 * Discretises the voxels of `values` inside `mask` (see the module doc for the formulas and conventions).
 * `values` and `mask` are parallel arrays (any layout). Neither input is modified.
 *
 * @param knownRange - the minimum and maximum of `values` inside `mask` when the caller has them already (finite, from
 *   a non-empty ROI); saves a pass over the ROI.
 * @throws MaskError when the mask is empty; InvalidInputError for bad settings or non-finite ROI intensities.
 */
export function discretise(
  values: ArrayLike<number>, mask: ArrayLike<number>, settings: DiscretisationSettings, knownRange?: { readonly min: number; readonly max: number },
): Discretisation {
  checkSettings(settings);
  if (values.length !== mask.length) {
    throw new InvalidInputError('values and mask must have the same length', { found: `${values.length} vs ${mask.length}` });
  }
  const { min, max } = knownRange !== undefined && Number.isFinite(knownRange.min) && Number.isFinite(knownRange.max) ? knownRange : maskedRange(values, mask);
  const convention = settings.convention ?? 'pyradiomics';
  const levels = new Int32Array(values.length);
  if (convention === 'pyradiomics') {
    const edges = pyradiomicsBinEdges(min, max, settings);
    const e0 = edges[0];
    const step = edges.length > 1 ? edges[1] - edges[0] : 1;
    // WebAssembly for the usual Float64 values and byte mask (digitize-wasm.ts: the same levels)
    let top = values instanceof Float64Array && mask instanceof Uint8Array ? digitizeMaskedWasm(values, mask, edges, e0, step, levels) : null;
    if (top === null) {
      top = 0;
      for (let from = 0; from < values.length; from += KERNEL_BLOCK) {
        const t = digitizeBlock(values, mask, edges, e0, step, levels, from, Math.min(from + KERNEL_BLOCK, values.length));
        if (t > top) top = t;
      }
    }
    return { levels, nLevels: top, edges };
  }
  // IBSI conventions
  if (settings.binCount !== undefined) {
    const ng = settings.binCount;
    const range = max - min;
    const edges = new Float64Array(ng + 1);
    for (let i = 0; i <= ng; i++) edges[i] = min + (i * range) / ng;
    for (let i = 0; i < values.length; i++) {
      if (mask[i] === 0) continue;
      const v = values[i];
      let l = range > 0 ? Math.floor((ng * (v - min)) / range) + 1 : 1;
      if (l > ng) l = ng;
      levels[i] = l;
    }
    return { levels, nLevels: ng, edges };
  }
  const w = settings.binWidth as number;
  const lo = settings.lowerBound ?? min;
  if (min < lo) {
    throw new InvalidInputError('IBSI fixed bin size: an ROI intensity lies below the first bin', {
      expected: `all ROI intensities ≥ lowerBound ${lo}`,
      found: `minimum ${min}`,
      fix: 're-segment the ROI to the range whose lower bound is used as the first bin edge.',
    });
  }
  const ng = Math.floor((max - lo) / w) + 1;
  const edges = new Float64Array(ng + 1);
  for (let i = 0; i <= ng; i++) edges[i] = lo + i * w;
  for (let i = 0; i < values.length; i++) {
    if (mask[i] === 0) continue;
    levels[i] = Math.floor((values[i] - lo) / w) + 1;
  }
  return { levels, nLevels: ng, edges };
}

/**
 * Discretises the intensity ROI of a {@link RoiImage} into the {@link DiscretisedRoi} the texture families take.
 * Uses `roi.intensityMask` (after re-segmentation).
 */
export function discretiseRoi(roi: RoiImage, settings: DiscretisationSettings): DiscretisedRoi & { readonly edges: Float64Array } {
  const d = discretise(roi.values, roi.intensityMask, settings);
  return { size: roi.size as Vec3, spacing: roi.spacing as Vec3, levels: d.levels, nLevels: d.nLevels, edges: d.edges };
}
