// Reads ../shared: PyRadiomics' own outputs (reference/radiomics/pyradiomics/generated, default settings, original
// image, binWidth 25) for brain1, breast1, prostate, the IBSI CT and digital phantoms and the 24 STS CT cases, and
// the matching images/masks. Checks every firstorder feature to 1e-6 relative.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { HAS_SHARED, shared } from '../helpers/paths.js';
import { pyradiomicsFirstOrder, FIRSTORDER_FEATURES, PYRADIOMICS_FIRSTORDER_DEPRECATED } from '../../src/features/firstorder/index.js';
import { loadCase, pyradiomicsBinned, pyradiomicsReferenceCases, readPyRadiomicsCsv } from '../unit/features-intensity/helpers/load-case.js';

const stsIds = HAS_SHARED
  ? readdirSync(shared('reference', 'radiomics', 'pyradiomics', 'generated', 'sts')).map((f) => f.replace('_default_original.csv', '')).sort()
  : [];

let worst = 0;
for (const c of HAS_SHARED ? pyradiomicsReferenceCases(shared, stsIds) : []) {
  test(`firstorder matches PyRadiomics on ${c.name} (1e-6 relative)`, async () => {
    const ref = readPyRadiomicsCsv(c.csv);
    const { roi } = await loadCase(c.image, c.mask);
    const f = pyradiomicsFirstOrder(roi, pyradiomicsBinned(roi));
    let checked = 0;
    for (const d of FIRSTORDER_FEATURES) {
      const name = d.pyradiomicsName as string;
      const key = `original_firstorder_${name}`;
      if (PYRADIOMICS_FIRSTORDER_DEPRECATED.includes(name)) {
        assert.equal(ref.has(key), false, `${key} is not a default feature`);
        continue;
      }
      const expected = Number(ref.get(key));
      assert.ok(Number.isFinite(expected), `${c.name}: reference ${key} missing`);
      const got = f[name];
      // Entropy of a one-bin ROI is −log2(1+ε) ≈ −3.2e-16: compare such tiny values absolutely.
      const tol = 1e-6 * Math.max(Math.abs(expected), 1e-9);
      if (Math.abs(expected) > 1e-9) worst = Math.max(worst, Math.abs(got - expected) / Math.abs(expected));
      assert.ok(Math.abs(got - expected) <= tol, `${c.name} ${name}: ${got} vs PyRadiomics ${expected}`);
      checked++;
    }
    assert.equal(checked, 18);
  });
}

test('worst relative deviation from PyRadiomics (firstorder) over all cases', { skip: !HAS_SHARED }, () => {
  console.log(`# firstorder: worst relative deviation ${worst.toExponential(2)}`);
  assert.ok(worst <= 1e-6, `worst ${worst}`);
});
