import { InvalidInputError } from '../../core/errors.js';
import { assertSameGeometry, type Geometry } from '../../core/geometry.js';
import { makeVolume } from '../../core/volume.js';
import { boxSize, cropArray, maskBoundingBox, padBox } from '../../preprocess/crop.js';
import { discretise, type DiscretisationSettings } from '../../preprocess/discretise.js';
import { resegmentIbsi } from '../../preprocess/resegment.js';
import { ibsiGrid, resampleMaskIbsi, resampleVolume } from '../../preprocess/resample.js';
import { roundIntensities } from '../../preprocess/round.js';
import { IBSI_FAMILY_REGISTRY } from './ibsi-families.js';
import type { FeatureValues, RoiImage } from '../types.js';
import type { IbsiConfig } from './ibsi-configs.js';
import { ibsiImageDiagnostics, ibsiRoiDiagnostics } from './ibsi-diagnostics.js';
import { settingsHash, versionDiagnostics } from './provenance.js';
import { nanDiagnostics } from './naming.js';
import type { CaseVolumes, ExtractionResult } from './pyradiomics-extract.js';

/** Radius (mm) of the 1 cm³ sphere of IBSI's local intensity peak, (3/(4π))^(1/3) cm, plus a margin. */
const LOCAL_PEAK_RADIUS_MM = 6.3;

/** The IBSI discretisation settings of a configuration step (`none`: intensities as grey levels, width 1). */
function discretisationOf(config: IbsiConfig): DiscretisationSettings {
  const t = config.textureDiscretisation;
  if (t.method === 'FBN') return { binCount: t.binCount, convention: 'ibsi' };
  if (t.method === 'FBS') return { binWidth: t.binWidth, convention: 'ibsi', lowerBound: config.resegmentRange?.[0] };
  return { binWidth: 1, convention: 'ibsi' };
}

/**
 * Extracts IBSI features of one case, processed exactly as an IBSI 1 configuration (see {@link IBSI_CONFIGS}):
 * (interpolation of the whole image with a grid centred on the original, image with the configured interpolator,
 * mask linear and kept where ≥ 0.5) → (rounding) → re-segmentation (range, then ±3σ) → discretisation (IBSI bin
 * conventions) → the families in {@link IBSI_FAMILY_REGISTRY}. Columns are IBSI tags, diagnostics included
 * (`img_dim_x_init_img`, `int_mask_vox_count_reseg_roi`, ...).
 *
 * @throws MaskError for an empty ROI (also after re-segmentation); GeometryMismatchError; InvalidInputError for NaN
 *   voxels in the ROI.
 */
export function extractIbsi(input: CaseVolumes, config: IbsiConfig, label = 1): ExtractionResult {
  const { image, labelMap } = input;
  assertSameGeometry(image, labelMap);
  const diagNum: Record<string, number> = {};
  let mask: Uint8Array = new Uint8Array(labelMap.data.length);
  const lm = labelMap.data;
  for (let p = lm.indexOf(label); p >= 0; p = lm.indexOf(label, p + 1)) mask[p] = 1;
  maskBoundingBox(mask, labelMap.size); // throws MaskError when the label is absent
  let values: Float64Array = new Float64Array(image.data);
  let grid: Geometry = image;
  ibsiImageDiagnostics(diagNum, 'init', grid, values);
  ibsiRoiDiagnostics(diagNum, 'init', grid, values, mask, mask);

  // interpolation (whole image, as IBSI reports the interpolated image) and rounding
  if (config.interpolation) {
    const g = ibsiGrid(grid, config.interpolation.spacing);
    values = resampleVolume(makeVolume(grid, values), g, { interpolator: config.interpolation.image, boundary: 'clamp' }).data;
    mask = resampleMaskIbsi(makeVolume(grid, mask), g, config.interpolation.mask, config.interpolation.maskThreshold).data;
    grid = g.geometry;
  }
  if (config.roundIntensities) values = roundIntensities(values);
  ibsiImageDiagnostics(diagNum, 'interp', grid, values);
  ibsiRoiDiagnostics(diagNum, 'interp', grid, values, mask, mask);

  // re-segmentation of the intensity mask
  const reseg = resegmentIbsi(values, mask, {
    range: config.resegmentRange ? { lower: config.resegmentRange[0], upper: config.resegmentRange[1] } : undefined,
    outlierSigma: config.outlierSigma ?? undefined,
  });
  const intensityMask = reseg.mask;
  ibsiRoiDiagnostics(diagNum, 'reseg', grid, values, intensityMask, mask);
  maskBoundingBox(intensityMask, grid.size); // throws when re-segmentation emptied the ROI

  // crop around the morphological ROI, padded for the local intensity sphere
  const bb = maskBoundingBox(mask, grid.size);
  const pad = [0, 1, 2].map((d) => Math.ceil(LOCAL_PEAK_RADIUS_MM / grid.spacing[d])) as [number, number, number];
  const box = padBox(bb, pad, grid.size);
  const cropClippedByImage = [0, 1, 2].some((d) => bb.lo[d] - pad[d] < 0 || bb.hi[d] + pad[d] > grid.size[d] - 1);
  const roi: RoiImage = {
    size: boxSize(box),
    spacing: grid.spacing,
    values: cropArray(values, grid.size, box),
    intensityMask: cropArray(intensityMask, grid.size, box),
    morphologicalMask: cropArray(mask, grid.size, box),
  };
  let nan = 0;
  for (let i = 0; i < roi.values.length; i++) if (roi.morphologicalMask[i] && roi.values[i] !== roi.values[i]) nan++;
  if (nan > 0) {
    throw new InvalidInputError('the region of interest contains NaN voxels', {
      expected: 'finite intensities inside the mask', found: `${nan} NaN voxel(s)`,
      fix: 'fix the image (NaN usually marks missing data), or remove those voxels from the mask.',
    });
  }
  const d = discretise(roi.values, roi.intensityMask, discretisationOf(config));
  const grey = { size: roi.size, spacing: roi.spacing, levels: d.levels, nLevels: d.nLevels };

  const features: FeatureValues = {};
  for (const fam of IBSI_FAMILY_REGISTRY) {
    Object.assign(features, fam.compute({
      roi, grey, spatial: config.textureSpatial, distance: config.distance, ngldmAlpha: config.ngldmAlpha,
      ivh: config.ivhDiscretisation, resegmentRange: config.resegmentRange, cropClippedByImage,
    }));
  }
  const diagnostics: Record<string, string | number> = {
    ...versionDiagnostics(),
    diagnostics_Configuration_IbsiConfig: config.id,
    diagnostics_Configuration_SettingsHash: settingsHash({ mode: 'ibsi', config }),
    ...diagNum,
    ...nanDiagnostics(features, grey.nLevels),
  };
  return { diagnostics, features };
}
