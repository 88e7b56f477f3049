// Reads ../shared: PyRadiomics' upstream baseline for shape2D (reference/radiomics/pyradiomics/baseline/
// baseline_shape2D.csv, columns brain1_shape2D and breast1_shape2D). Their single-slice masks (`*_label_2D.nrrd`)
// are not in ../shared, but the baseline's diagnostics (bounding box, voxel count) show they are slice 16 of
// brain1_label.nrrd and slice 9 of breast1_label.nrrd, which we cut out here. All features to 1e-9 relative.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { HAS_SHARED, shared } from '../helpers/paths.js';
import { readMask } from '../../src/io/read-mask.js';
import { parseCsv } from '../../src/table/csv.js';
import { pyradiomicsShape2D, SHAPE2D_FEATURES, PYRADIOMICS_SHAPE2D_DEPRECATED } from '../../src/features/shape/index.js';

const cases = [
  { name: 'brain1', slice: 16, column: 'brain1_shape2D', voxels: 984 },
  { name: 'breast1', slice: 9, column: 'breast1_shape2D', voxels: 82 },
];

for (const c of HAS_SHARED ? cases : []) {
  test(`shape2D matches the PyRadiomics baseline for ${c.name} (slice ${c.slice})`, async () => {
    const path = shared('reference', 'radiomics', 'pyradiomics', 'baseline', 'baseline_shape2D.csv');
    const t = parseCsv(readFileSync(path, 'utf8'), path);
    const col = t.header.indexOf(c.column);
    const ref = new Map(t.rows.map((r) => [r[0], Number(r[col])]));
    const { mask } = await readMask(shared('reference', 'radiomics', 'pyradiomics', 'data', `${c.name}_label.nrrd`));
    const [nx, ny, nz] = mask.size;
    const slice = new Uint8Array(nx * ny * nz);
    let n = 0;
    for (let p = c.slice * nx * ny; p < (c.slice + 1) * nx * ny; p++) if (mask.data[p]) { slice[p] = 1; n++; }
    assert.equal(n, c.voxels);
    assert.equal(n, ref.get('diagnostics_Mask-original_VoxelNum'));
    const f = pyradiomicsShape2D({ morphologicalMask: slice, size: mask.size, spacing: mask.spacing }, { force2Ddimension: 0 });
    let checked = 0;
    for (const d of SHAPE2D_FEATURES) {
      const name = d.pyradiomicsName as string;
      if (PYRADIOMICS_SHAPE2D_DEPRECATED.includes(name)) continue;
      const expected = ref.get(`original_shape2D_${name}`) as number;
      assert.ok(Number.isFinite(expected), `reference ${name}`);
      const rel = Math.abs(f[name] - expected) / Math.abs(expected);
      assert.ok(rel <= 1e-9, `${c.name} ${name}: ${f[name]} vs PyRadiomics ${expected} (rel ${rel.toExponential(2)})`);
      checked++;
    }
    assert.equal(checked, 9);
  });
}
