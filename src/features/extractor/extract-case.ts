import { isDlrnError } from '../../core/errors.js';
import { readImage } from '../../io/read-image.js';
import { readLabelMap } from '../../io/read-mask.js';
import type { IbsiConfigId } from './ibsi-configs.js';
import { ibsiConfig } from './ibsi-configs.js';
import { defaultPyradiomicsParams, type PyradiomicsParams } from './params-file.js';
import { extractPyradiomics, type ExtractionResult } from './pyradiomics-extract.js';

/** Extraction mode: PyRadiomics-compatible (default) or IBSI. */
export type ExtractionMode = 'pyradiomics' | 'ibsi';

/** What to extract (plain data: it is sent to worker threads as is). */
export interface ExtractionOptions {
  readonly mode: ExtractionMode;
  /** PyRadiomics mode: the parsed parameter file (default: PyRadiomics' defaults, all classes). */
  readonly params?: PyradiomicsParams;
  /** IBSI mode: the configuration (default `C`, the 3D configuration of IBSI 1 closest to routine CT). */
  readonly ibsiConfig?: IbsiConfigId;
}

/**
 * Extracts one case from files (image + mask; `label` overrides the settings' label), in this thread. (A second
 * thread for the shape class was tried and removed: on 2-vCPU machines a worker's start-up and the two threads
 * competing for the cores made single cases slower, see bench/results/radiomics.md.)
 */
export async function extractCaseFiles(imagePath: string, maskPath: string, options: ExtractionOptions, label?: number): Promise<ExtractionResult> {
  const params = options.params ?? defaultPyradiomicsParams();
  const lab = label ?? (options.mode === 'pyradiomics' ? params.settings.label : 1);
  // Label maps are checked against the image grid by the pipeline (with PyRadiomics' geometryTolerance) and are read
  // together with the image (their gzip data inflates in parallel); DICOM RTSTRUCT/SEG masks need the image grid to
  // be placed on.
  const labelMapFile = /\.(nii|nii\.gz|nrrd|nhdr)$/i.test(maskPath);
  const [image, labelMap] = labelMapFile
    ? await bothOrFirstError(readImage(imagePath), readLabelMap(maskPath, { label: lab }))
    : await readImage(imagePath).then(async (img) => [img, await readLabelMap(maskPath, { label: lab, like: img })] as const);
  if (options.mode === 'ibsi') {
    // loaded on demand: the IBSI families are not needed in PyRadiomics mode
    const { extractIbsi } = await import('./ibsi-extract.js');
    return extractIbsi({ image, labelMap }, ibsiConfig(options.ibsiConfig ?? 'C'), lab);
  }
  return extractPyradiomics({ image, labelMap }, params, lab);
}

/** Both results; when both fail, the first promise's error (the image's, as when reading one after the other). */
async function bothOrFirstError<A, B>(a: Promise<A>, b: Promise<B>): Promise<readonly [A, B]> {
  const [ra, rb] = await Promise.allSettled([a, b]);
  if (ra.status === 'rejected') throw ra.reason;
  if (rb.status === 'rejected') throw rb.reason;
  return [ra.value, rb.value];
}

/** A serialisable description of a failure (for batch rows and worker messages). */
export interface CaseError {
  readonly name: string;
  readonly code: string;
  readonly message: string;
}

/** Turns any thrown value into a {@link CaseError}; non-dlrn errors keep their message with code `E_INTERNAL`. */
export function toCaseError(e: unknown): CaseError {
  if (isDlrnError(e)) return { name: e.name, code: e.code, message: e.message };
  const err = e as Error;
  return { name: err?.name ?? 'Error', code: 'E_INTERNAL', message: err?.message ?? String(e) };
}
