import { readImage } from '../../io/read-image.js';
import { readLabelMap } from '../../io/read-mask.js';
import type { Volume } from '../../core/volume.js';
import type { ExtractionOptions } from './extract-case.js';
import { defaultPyradiomicsParams } from './params-file.js';

/** The mask label a case is extracted for: `label`, else the parameter file's (PyRadiomics mode), else 1. */
export function caseLabel(options: ExtractionOptions, label?: number): number {
  return label ?? (options.mode === 'pyradiomics' ? (options.params ?? defaultPyradiomicsParams()).settings.label : 1);
}

/** The reading of one case, started: the label map on its own (usually decoded well before the image) and both. */
export interface CaseReading {
  /** The label map (NIfTI/NRRD label maps only; null for DICOM masks, which need the image first). */
  readonly labelMap: Promise<Volume | null>;
  readonly volumes: Promise<{ image: Volume; labelMap: Volume }>;
  /**
   * Resolves once the reading's synchronous steps have run: files read, headers parsed, gzip data handed to libuv's
   * threads. These steps are chains of promise continuations, so a caller that starts other long synchronous work
   * (loading the feature code) should await this first, or the inflation only starts after that work.
   */
  readonly started: Promise<void>;
}

/**
 * Starts reading the image and the label map of one case for extraction. Label maps (NIfTI/NRRD) are read together
 * with the image (their gzip data inflates in parallel on libuv's thread pool) and checked against the image grid
 * later by the pipeline (with PyRadiomics' geometryTolerance); DICOM RTSTRUCT/SEG masks need the image grid to be
 * placed on. Light on purpose (I/O modules only): the CLI starts the reading before it loads the feature code, so
 * both overlap, and the work that needs only the label map can start while the image is still inflating.
 */
export function startCaseReading(imagePath: string, maskPath: string, label: number): CaseReading {
  if (!/\.(nii|nii\.gz|nrrd|nhdr)$/i.test(maskPath)) {
    const volumes = readImage(imagePath).then(async (image) => ({ image, labelMap: await readLabelMap(maskPath, { label, like: image }) }));
    return { labelMap: Promise.resolve(null), volumes, started: afterPendingContinuations() };
  }
  const image = readImage(imagePath);
  const labelMap = readLabelMap(maskPath, { label });
  const volumes = bothOrFirstError(image, labelMap).then(([i, l]) => ({ image: i, labelMap: l }));
  // (a failing label map is reported through `volumes`, after the image's error if both fail)
  return { labelMap: labelMap.catch(() => null), volumes, started: afterPendingContinuations() };
}

/** Resolves after every promise continuation queued now, and those they queue, has run (the event loop's next turn). */
function afterPendingContinuations(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** {@link startCaseReading}, both volumes. */
export async function readCaseVolumes(imagePath: string, maskPath: string, label: number): Promise<{ image: Volume; labelMap: Volume }> {
  return startCaseReading(imagePath, maskPath, label).volumes;
}

/** Both results; when both fail, the first promise's error (the image's, as when reading one after the other). */
async function bothOrFirstError<A, B>(a: Promise<A>, b: Promise<B>): Promise<readonly [A, B]> {
  const [ra, rb] = await Promise.allSettled([a, b]);
  if (ra.status === 'rejected') throw ra.reason;
  if (rb.status === 'rejected') throw rb.reason;
  return [ra.value, rb.value];
}
