// Loads the image/mask cases of ../shared used by the texture reference tests and discretises them.
import { readFileSync } from 'node:fs';
import { decodeNifti, decodeNrrd } from '../../../src/io/index.js';
import type { Volume } from '../../../src/core/volume.js';
import { discretise, type DiscretisationSettings } from '../../../src/preprocess/discretise.js';
import type { DiscretisedRoi } from '../../../src/features/types.js';
import { parseCsv } from '../../../src/table/csv.js';
import { shared } from '../../helpers/paths.js';

/** A case: image and mask files (paths inside ../shared) and the reference CSV of PyRadiomics' default run. */
export interface TextureCase {
  readonly name: string;
  readonly image: string;
  readonly mask: string;
  /** `generated/` PyRadiomics CSV (feature,value rows). */
  readonly pyradiomicsCsv: string;
}

const PYR = 'reference/radiomics/pyradiomics';
const IBSI = 'reference/radiomics/ibsi/ibsi1';

/** Cases with a PyRadiomics default (binWidth 25, original image) reference run. */
export const PYRADIOMICS_CASES: readonly TextureCase[] = [
  { name: 'brain1', image: `${PYR}/data/brain1_image.nrrd`, mask: `${PYR}/data/brain1_label.nrrd`, pyradiomicsCsv: `${PYR}/generated/brain1_default_original.csv` },
  { name: 'breast1', image: `${PYR}/data/breast1_image.nrrd`, mask: `${PYR}/data/breast1_label.nrrd`, pyradiomicsCsv: `${PYR}/generated/breast1_default_original.csv` },
  { name: 'prostate', image: `${PYR}/data/prostate_phantom_subvolume.nrrd`, mask: `${PYR}/data/prostate_phantom_subvolume-label.nrrd`, pyradiomicsCsv: `${PYR}/generated/prostate_default_original.csv` },
  { name: 'ibsi_ct', image: `${IBSI}/ct_phantom/nifti/image.nii.gz`, mask: `${IBSI}/ct_phantom/nifti/mask.nii.gz`, pyradiomicsCsv: `${PYR}/generated/ibsi_ct_default_original.csv` },
  { name: 'ibsi_digital', image: `${IBSI}/digital_phantom/image.nii.gz`, mask: `${IBSI}/digital_phantom/mask.nii.gz`, pyradiomicsCsv: `${PYR}/generated/ibsi_digital_default_original.csv` },
];

/** A few real-CT cases of the STS cohort with their PyRadiomics default runs. */
export function stsCases(ids: readonly string[]): TextureCase[] {
  return ids.map((id) => ({
    name: id,
    image: `data/sts-ct-cohort/cases/${id}/CT_image.nii.gz`,
    mask: `data/sts-ct-cohort/cases/${id}/CT_mask.nii.gz`,
    pyradiomicsCsv: `${PYR}/generated/sts/${id}_default_original.csv`,
  }));
}

/** Reads a NIfTI or NRRD file from ../shared. */
export function readVolume(relPath: string): Volume {
  const bytes = readFileSync(shared(relPath));
  return relPath.endsWith('.nrrd') ? decodeNrrd(bytes, relPath) : decodeNifti(bytes, relPath);
}

/** The image intensities and the label-1 mask of a case (same grid). */
export function loadCase(c: TextureCase): { image: Volume; mask: Uint8Array } {
  const image = readVolume(c.image);
  const labels = readVolume(c.mask);
  const mask = Uint8Array.from(labels.data, (v) => (v === 1 ? 1 : 0));
  return { image, mask };
}

/** Discretises a case (whole grid; the texture code crops to the ROI itself). */
export function discretiseCase(image: Volume, mask: Uint8Array, settings: DiscretisationSettings): DiscretisedRoi {
  const d = discretise(image.data, mask, settings);
  return { size: image.size, spacing: image.spacing, levels: d.levels, nLevels: d.nLevels };
}

/** The `feature,value` rows of a PyRadiomics output CSV as a map (numbers only). */
export function readPyradiomicsCsv(relPath: string): Map<string, number> {
  const t = parseCsv(readFileSync(shared(relPath), 'utf8'));
  const out = new Map<string, number>();
  for (const r of t.rows) {
    const v = Number(r[1]);
    if (r[1] !== '' && Number.isFinite(v)) out.set(r[0], v);
  }
  return out;
}

/** |a − b| / max(|b|, tiny): relative difference used for the 1e-6 PyRadiomics agreement. */
export function relDiff(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}
