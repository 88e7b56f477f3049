// Reads the IBSI 1 reference tables and PyRadiomics baseline/generated CSVs in ../shared/reference/radiomics.
// Every FeatureDef of the registry must have an IBSI id or a PyRadiomics reference, and a reference value somewhere
// (an IBSI consensus value for its tag, or a PyRadiomics value for its name); the few exceptions are listed with
// the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FEATURE_REGISTRY, PYRADIOMICS_CLASS_REGISTRY } from '../../src/features/registry.js';
import { IBSI_FAMILY_REGISTRY } from '../../src/features/extractor/ibsi-families.js';
import { readIbsiReference } from '../../src/features/extractor/conformance.js';
import { readCsv } from '../../src/table/csv.js';
import { shared } from '../helpers/paths.js';

/** Features without any reference value here, and why. */
const NO_REFERENCE: Record<string, string> = {
  'shape2D/SphericalDisproportion': 'deprecated in PyRadiomics shape2D (off by default, no baseline)',
  'firstorder/StandardDeviation': 'deprecated in PyRadiomics (off by default, no baseline); checked as √Variance in radiomics-pyradiomics-settings',
  'morph/morph_vol_dens_ombb': 'IBSI 1 has no consensus value for OMBB densities',
  'morph/morph_area_dens_ombb': 'IBSI 1 has no consensus value for OMBB densities',
  'morph/morph_vol_dens_mvee': 'IBSI 1 has no consensus value for MVEE densities',
  'morph/morph_area_dens_mvee': 'IBSI 1 has no consensus value for MVEE densities',
  'ivh/ivh_auc': 'IBSI 1 has no consensus value for the IVH area under the curve',
};

const R = shared('reference/radiomics/ibsi/ibsi1/reference_values');
const tags = new Set<string>();
for (const f of ['digital_phantom', 'config_A', 'config_B', 'config_C', 'config_E']) {
  for (const r of readIbsiReference(`${R}/ibsi_1_reference_values_${f}.csv`)) tags.add(r.tag);
}
const pyNames = new Set<string>();
for (const f of ['firstorder', 'glcm', 'gldm', 'glrlm', 'glszm', 'ngtdm', 'shape', 'shape2D']) {
  for (const r of readCsv(shared(`reference/radiomics/pyradiomics/baseline/baseline_${f}.csv`)).rows) pyNames.add(r[0]);
}
for (const r of readCsv(shared('reference/radiomics/pyradiomics/generated/brain1_default_original.csv')).rows) pyNames.add(r[0]);

test('every FeatureDef has a reference value (or a listed reason)', () => {
  const missing: string[] = [];
  for (const d of FEATURE_REGISTRY) {
    const ibsi = d.ibsiTag !== null && [...tags].some((t) => t === d.ibsiTag || t.startsWith(`${d.ibsiTag}_`));
    const py = d.pyradiomicsName !== null && pyNames.has(`original_${d.family}_${d.pyradiomicsName}`);
    const key = `${d.family}/${d.pyradiomicsName ?? d.ibsiTag}`;
    if (!ibsi && !py && !(key in NO_REFERENCE)) missing.push(key);
  }
  assert.deepEqual(missing, []);
});

test('IBSI ids are IBSI 4-character codes, and every IBSI tag has one', () => {
  for (const d of FEATURE_REGISTRY) {
    if (d.ibsiTag !== null) assert.match(d.ibsiId ?? '', /^[0-9A-Z]{4}$/, `${d.family}/${d.ibsiTag}`);
    else assert.equal(d.ibsiId, null, `${d.family}/${d.pyradiomicsName}`);
  }
});

test('registry entries are unique; every PyRadiomics class and IBSI family of the build is registered', () => {
  const keys = FEATURE_REGISTRY.map((d) => `${d.family}/${d.pyradiomicsName}/${d.ibsiTag}`);
  assert.equal(new Set(keys).size, keys.length);
  assert.deepEqual(PYRADIOMICS_CLASS_REGISTRY.map((c) => c.name).sort(), ['firstorder', 'glcm', 'gldm', 'glrlm', 'glszm', 'ngtdm', 'shape', 'shape2D']);
  assert.deepEqual(IBSI_FAMILY_REGISTRY.map((f) => f.name).sort(), ['intensity', 'morphology', 'texture']);
  // every IBSI tag stem with a reference value is covered by a FeatureDef
  const stems = new Set(FEATURE_REGISTRY.map((d) => d.ibsiTag).filter((t): t is string => t !== null));
  const uncovered = [...tags].filter((t) => /^(morph|loc|stat|ih|ivh|cm|rlm|szm|dzm|ngt|ngl)_/.test(t) && !/_(init|interp|reseg)_roi$/.test(t))
    .filter((t) => ![...stems].some((s) => t === s || t.startsWith(`${s}_`)));
  assert.deepEqual(uncovered, []);
});
