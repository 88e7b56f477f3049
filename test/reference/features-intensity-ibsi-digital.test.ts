// Reads ../shared: the IBSI 1 digital phantom (reference/radiomics/ibsi/ibsi1/digital_phantom) and its reference
// values (reference_values/ibsi_1_reference_values_digital_phantom.csv). Every stat_*, ih_*, ivh_* and loc_* value
// with a reference must agree within its tolerance (plus rounding of the 3-significant-digit reference).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HAS_SHARED, shared } from '../helpers/paths.js';
import { readImage } from '../../src/io/read-image.js';
import { readMask } from '../../src/io/read-mask.js';
import { discretise } from '../../src/preprocess/discretise.js';
import { ibsiIntensityStats, ibsiIntensityHistogram, ibsiIntensityVolumeHistogram, ibsiLocalIntensity, IBSI_INTENSITY_FEATURES } from '../../src/features/ibsi-intensity/index.js';
import type { RoiImage } from '../../src/features/types.js';
import { ibsiAgrees, readIbsiReference } from '../unit/features-intensity/helpers/ibsi-reference.js';

const ibsi = (...p: string[]) => shared('reference', 'radiomics', 'ibsi', 'ibsi1', ...p);

test('IBSI digital phantom: intensity statistics, histogram, IVH and local intensity within tolerance', { skip: !HAS_SHARED }, async () => {
  const image = await readImage(ibsi('digital_phantom', 'image.nii.gz'));
  const { mask } = await readMask(ibsi('digital_phantom', 'mask.nii.gz'), { like: image });
  const roi: RoiImage = { size: image.size, spacing: image.spacing, values: Float64Array.from(image.data), intensityMask: mask.data, morphologicalMask: mask.data };
  // the phantom needs no discretisation: IBSI FBS with width 1 from the ROI minimum keeps the levels 1..6
  const d = discretise(roi.values, roi.intensityMask, { binWidth: 1, convention: 'ibsi' });
  const ours = {
    ...ibsiIntensityStats(roi),
    ...ibsiIntensityHistogram({ levels: d.levels, nLevels: d.nLevels }),
    ...ibsiIntensityVolumeHistogram(roi, { discretisation: { kind: 'none' } }),
    ...ibsiLocalIntensity(roi, { allowTruncatedNeighbourhood: true }),
  };
  const ref = readIbsiReference(ibsi('reference_values', 'ibsi_1_reference_values_digital_phantom.csv'));
  let checked = 0;
  const failures: string[] = [];
  for (const def of IBSI_INTENSITY_FEATURES) {
    const tag = def.ibsiTag as string;
    assert.ok(tag in ours, `${tag} computed`);
    const r = ref.get(tag);
    if (!r) continue;
    const { ok, allowed } = ibsiAgrees(ours[tag], r);
    if (!ok) failures.push(`${tag}: ${ours[tag]} vs ${r.text} ± ${allowed}`);
    checked++;
  }
  assert.deepEqual(failures, []);
  assert.equal(checked, 49); // every intensity feature of the phantom has a reference value except ivh_auc
  // and no reference value of these families is left unchecked
  for (const r of ref.values()) {
    if (/^(stat|ih|ivh|loc)_/.test(r.tag)) assert.ok(r.tag in ours, `reference ${r.tag} has no computed value`);
  }
});
