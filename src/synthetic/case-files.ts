import { join } from 'node:path';
import { writeFileAtomic } from '../core/atomic.js';
import { encodeNifti } from '../io/nifti.js';
import type { CasePlan } from './case-plan.js';
import { renderCase } from './render-case.js';

/** Paths of a case's files relative to the cohort folder (as written in the manifest). */
export function caseFilePaths(id: string): { image: string; mask: string } {
  return { image: `images/${id}.nii.gz`, mask: `masks/${id}.nii.gz` };
}

/** What rendering and writing one case measured (stored in the hidden parameters). */
export interface CaseMeasurement {
  readonly id: string;
  /** Image grid: voxels per axis and spacing (mm). */
  readonly size: readonly [number, number, number];
  readonly spacing: readonly [number, number, number];
  /** Voxels in the mask, and the mask volume (mL). */
  readonly maskVoxels: number;
  readonly hematomaVolumeMl: number;
  /** Mean and sd (HU) of the image inside the mask. */
  readonly maskMeanHu: number;
  readonly maskSdHu: number;
}

/**
 * Renders a planned case and writes `images/<id>.nii.gz` (int16 HU) and `masks/<id>.nii.gz` (uint8 0/1)
 * under `dir`, atomically, as NIfTI-1 with gzip level 1. Deterministic: the same plan gives the same bytes.
 */
export function writeCaseFiles(plan: CasePlan, dir: string): CaseMeasurement {
  const r = renderCase(plan);
  const paths = caseFilePaths(plan.id);
  writeFileAtomic(join(dir, paths.image), encodeNifti(r.image, { gzip: true, compressionLevel: 1, description: `dlrn synthetic ${plan.id}` }));
  writeFileAtomic(join(dir, paths.mask), encodeNifti(r.mask, { gzip: true, compressionLevel: 1, description: `dlrn synthetic ${plan.id} hematoma` }));
  let s = 0, s2 = 0;
  for (let i = 0; i < r.mask.data.length; i++) {
    if (r.mask.data[i]) { const v = r.image.data[i]; s += v; s2 += v * v; }
  }
  const n = r.maskVoxels;
  const mean = n > 0 ? s / n : NaN;
  return {
    id: plan.id,
    size: [...r.image.size] as [number, number, number],
    spacing: [...r.image.spacing] as [number, number, number],
    maskVoxels: n,
    hematomaVolumeMl: r.hematomaVolumeMl,
    maskMeanHu: mean,
    maskSdHu: n > 1 ? Math.sqrt(Math.max(0, (s2 - n * mean * mean) / (n - 1))) : NaN,
  };
}
