import { isDlrnError } from '../../core/errors.js';
import type { IbsiConfigId } from './ibsi-configs.js';
import { ibsiConfig } from './ibsi-configs.js';
import { defaultPyradiomicsParams, type PyradiomicsParams } from './params-file.js';
import { extractPyradiomics, primePyradiomicsMask, type CaseVolumes, type ExtractionResult } from './pyradiomics-extract.js';
import { caseLabel, startCaseReading, type CaseReading } from './read-case.js';

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
  const lab = caseLabel(options, label);
  return extractCaseReading(startCaseReading(imagePath, maskPath, lab), options, lab);
}

/**
 * Extracts one case being read ({@link startCaseReading}) for mask label `label`: in PyRadiomics mode the work that
 * needs only the label map is done as soon as it is decoded, while the image is still inflating
 * ({@link primePyradiomicsMask}); same results as {@link extractCaseVolumes} on the finished reading.
 */
export async function extractCaseReading(reading: CaseReading, options: ExtractionOptions, label: number): Promise<ExtractionResult> {
  if (options.mode === 'pyradiomics') {
    const labelMap = await reading.labelMap;
    if (labelMap) primePyradiomicsMask(labelMap, options.params ?? defaultPyradiomicsParams(), label);
  }
  return extractCaseVolumes(await reading.volumes, options, label);
}

/** Extracts one case already read ({@link readCaseVolumes}) for mask label `label`. */
export async function extractCaseVolumes(volumes: CaseVolumes, options: ExtractionOptions, label: number): Promise<ExtractionResult> {
  if (options.mode === 'ibsi') {
    // loaded on demand: the IBSI families are not needed in PyRadiomics mode
    const { extractIbsi } = await import('./ibsi-extract.js');
    return extractIbsi(volumes, ibsiConfig(options.ibsiConfig ?? 'C'), label);
  }
  return extractPyradiomics(volumes, options.params ?? defaultPyradiomicsParams(), label);
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
