// Test helper (not a test): the IBSI 1 CT phantom of ../shared prepared as IBSI configuration A prescribes (no
// interpolation; intensities rounded to integers; intensity mask re-segmented to [-500, 400] HU; the morphological
// mask is the original one), cropped to the ROI with a 7 mm margin (≥ the 6.2 mm local-intensity sphere).
import { readImage } from '../../../../src/io/read-image.js';
import { readMask } from '../../../../src/io/read-mask.js';
import { boxSize, cropArray, maskBoundingBox, padBox } from '../../../../src/preprocess/crop.js';
import { resegmentRange } from '../../../../src/preprocess/resegment.js';
import type { RoiImage } from '../../../../src/features/types.js';
import type { Vec3 } from '../../../../src/core/vec.js';

export async function ctPhantomConfigA(shared: (...p: string[]) => string): Promise<RoiImage> {
  const dir = (...p: string[]) => shared('reference', 'radiomics', 'ibsi', 'ibsi1', 'ct_phantom', 'nifti', ...p);
  const image = await readImage(dir('image.nii.gz'));
  const { mask } = await readMask(dir('mask.nii.gz'), { like: image });
  const margin: Vec3 = [0, 1, 2].map((d) => Math.ceil(7 / image.spacing[d])) as unknown as Vec3;
  const box = padBox(maskBoundingBox(mask.data, image.size), margin, image.size);
  const values = Float64Array.from(cropArray(image.data, image.size, box), (v) => Math.round(v));
  const morph = cropArray(mask.data, image.size, box);
  const intensity = resegmentRange(values, morph, { lower: -500, upper: 400 }).mask;
  return { size: boxSize(box), spacing: image.spacing, values, intensityMask: intensity, morphologicalMask: morph };
}
