// Reads ../shared: the IBSI 1 CT phantom (reference/radiomics/ibsi/ibsi1/ct_phantom/nifti) and the configuration A
// reference values (reference_values/ibsi_1_reference_values_config_A.csv). Configuration A: no interpolation,
// re-segmentation [-500, 400] HU, intensity histogram by fixed bin size 25 HU from -500, IVH without
// discretisation over the re-segmentation range. Every stat_*, ih_*, ivh_* and loc_* reference must be met.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HAS_SHARED, shared } from '../helpers/paths.js';
import { discretise } from '../../src/preprocess/discretise.js';
import { ibsiIntensityStats, ibsiIntensityHistogram, ibsiIntensityVolumeHistogram, ibsiLocalIntensity } from '../../src/features/ibsi-intensity/index.js';
import { ibsiAgrees, readIbsiReference } from '../unit/features-intensity/helpers/ibsi-reference.js';
import { ctPhantomConfigA } from '../unit/features-intensity/helpers/ct-phantom.js';

test('IBSI CT phantom, configuration A: intensity families within tolerance', { skip: !HAS_SHARED }, async () => {
  const roi = await ctPhantomConfigA(shared);
  const d = discretise(roi.values, roi.intensityMask, { binWidth: 25, convention: 'ibsi', lowerBound: -500 });
  const range = { lower: -500, upper: 400 };
  const ours: Record<string, number> = {
    ...ibsiIntensityStats(roi),
    ...ibsiIntensityHistogram({ levels: d.levels, nLevels: d.nLevels }),
    ...ibsiIntensityVolumeHistogram(roi, { discretisation: { kind: 'none' }, range }),
    ...ibsiLocalIntensity(roi),
  };
  const ref = readIbsiReference(shared('reference', 'radiomics', 'ibsi', 'ibsi1', 'reference_values', 'ibsi_1_reference_values_config_A.csv'));
  const failures: string[] = [];
  let checked = 0;
  for (const r of ref.values()) {
    if (!/^(stat|ih|ivh|loc)_/.test(r.tag)) continue;
    assert.ok(r.tag in ours, `${r.tag} not computed`);
    const { ok, allowed } = ibsiAgrees(ours[r.tag], r);
    if (!ok) failures.push(`${r.tag}: ${ours[r.tag]} vs ${r.text} ± ${allowed}`);
    checked++;
  }
  assert.deepEqual(failures, []);
  assert.equal(checked, 49);
});
