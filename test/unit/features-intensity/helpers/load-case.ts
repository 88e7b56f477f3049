// Test helper (not a test): loads an image + label map from ../shared with the IO module and builds the cropped
// RoiImage the feature functions take, plus PyRadiomics-style binning (binWidth 25) through src/preprocess.
import { readImage } from '../../../../src/io/read-image.js';
import { readMask } from '../../../../src/io/read-mask.js';
import { cropArray, maskBoundingBox, padBox, boxSize } from '../../../../src/preprocess/crop.js';
import { discretise } from '../../../../src/preprocess/discretise.js';
import type { DiscretisedRoi, RoiImage } from '../../../../src/features/types.js';
import type { Vec3 } from '../../../../src/core/vec.js';
import { parseCsv } from '../../../../src/table/csv.js';
import { readFileSync } from 'node:fs';

/** A loaded case: the cropped ROI (intensity and morphological masks identical) and the full-grid facts. */
export interface LoadedCase {
  readonly roi: RoiImage;
  readonly fullSize: Vec3;
}

/** Reads image + mask (label), crops to the mask bounding box grown by `pad` voxels (default 5, as PyRadiomics). */
export async function loadCase(imagePath: string, maskPath: string, label = 1, pad = 5): Promise<LoadedCase> {
  const image = await readImage(imagePath);
  const { mask } = await readMask(maskPath, { label, like: image });
  const box = padBox(maskBoundingBox(mask.data, image.size), pad, image.size);
  const values = Float64Array.from(cropArray(image.data, image.size, box));
  const m = cropArray(mask.data, image.size, box);
  return {
    roi: { size: boxSize(box), spacing: image.spacing, values, intensityMask: m, morphologicalMask: m },
    fullSize: image.size,
  };
}

/** PyRadiomics default binning (binWidth 25, edges on multiples of 25) of the intensity mask. */
export function pyradiomicsBinned(roi: RoiImage, binWidth = 25): DiscretisedRoi {
  const d = discretise(roi.values, roi.intensityMask, { binWidth, convention: 'pyradiomics' });
  return { size: roi.size, spacing: roi.spacing, levels: d.levels, nLevels: d.nLevels };
}

/** Reads a PyRadiomics output CSV as produced in ../shared/reference/radiomics/pyradiomics/generated. */
export function readPyRadiomicsCsv(path: string): Map<string, string> {
  const t = parseCsv(readFileSync(path, 'utf8'), path);
  const out = new Map<string, string>();
  if (t.header.length === 2 && t.header[0] === 'feature') {
    for (const r of t.rows) out.set(r[0], r[1]);
  } else if (t.rows.length >= 1) {
    t.header.forEach((h, i) => out.set(h, t.rows[0][i]));
  }
  return out;
}

/** The PyRadiomics reference cases with `generated/<name>_default_original.csv` outputs (paths inside ../shared). */
export interface ReferenceCase {
  readonly name: string;
  readonly image: string;
  readonly mask: string;
  readonly csv: string;
}

/** All cases of ../shared/reference/radiomics/pyradiomics/generated (default settings, original image). */
export function pyradiomicsReferenceCases(shared: (...p: string[]) => string, stsIds: readonly string[]): ReferenceCase[] {
  const py = (...p: string[]) => shared('reference', 'radiomics', 'pyradiomics', ...p);
  const ibsi = (...p: string[]) => shared('reference', 'radiomics', 'ibsi', 'ibsi1', ...p);
  const cases: ReferenceCase[] = [
    { name: 'brain1', image: py('data', 'brain1_image.nrrd'), mask: py('data', 'brain1_label.nrrd'), csv: py('generated', 'brain1_default_original.csv') },
    { name: 'breast1', image: py('data', 'breast1_image.nrrd'), mask: py('data', 'breast1_label.nrrd'), csv: py('generated', 'breast1_default_original.csv') },
    { name: 'prostate', image: py('data', 'prostate_phantom_subvolume.nrrd'), mask: py('data', 'prostate_phantom_subvolume-label.nrrd'), csv: py('generated', 'prostate_default_original.csv') },
    { name: 'ibsi_ct', image: ibsi('ct_phantom', 'nifti', 'image.nii.gz'), mask: ibsi('ct_phantom', 'nifti', 'mask.nii.gz'), csv: py('generated', 'ibsi_ct_default_original.csv') },
    { name: 'ibsi_digital', image: ibsi('digital_phantom', 'image.nii.gz'), mask: ibsi('digital_phantom', 'mask.nii.gz'), csv: py('generated', 'ibsi_digital_default_original.csv') },
  ];
  for (const id of stsIds) {
    cases.push({
      name: id,
      image: shared('data', 'sts-ct-cohort', 'cases', id, 'CT_image.nii.gz'),
      mask: shared('data', 'sts-ct-cohort', 'cases', id, 'CT_mask.nii.gz'),
      csv: py('generated', 'sts', `${id}_default_original.csv`),
    });
  }
  return cases;
}
