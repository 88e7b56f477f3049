// Reads ../shared/reference/radiomics/pyradiomics (baseline CSVs and test images; BSD-3, PyRadiomics).
// Every baseline column whose image exists (brain1, breast1: the lung images are not in the snapshot) and every
// settings column (plain, 2d, FBN, combined, flatRegion, normalization, resampling, resegmentation) is re-extracted
// with the settings written in its diagnostics_Configuration_Settings row and compared feature by feature:
// 1e-6 relative (mesh volume/area based shape features 0.1 %).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readImage, readMask } from '../../src/io/index.js';
import { readCsv } from '../../src/table/csv.js';
import { parsePyradiomicsSettings } from '../../src/features/extractor/pyradiomics-settings.js';
import { extractPyradiomics, type ExtractionResult } from '../../src/features/extractor/pyradiomics-extract.js';
import { parsePythonLiteral, pyradiomicsPass, pyradiomicsTolerance, relativeDifference } from '../../src/features/extractor/conformance.js';
import { PYRADIOMICS_CLASSES, type PyradiomicsClass } from '../../src/features/extractor/params-file.js';
import { pyradiomicsClassEntry } from '../../src/features/registry.js';
import { shared } from '../helpers/paths.js';

const BASE = shared('reference/radiomics/pyradiomics');
const CLASSES = ['firstorder', 'glcm', 'gldm', 'glrlm', 'glszm', 'ngtdm', 'shape'] as const;

interface Column { name: string; caseName: string; settings: string; byClass: Map<string, Map<string, number>> }

const columns = new Map<string, Column>();
for (const cls of CLASSES) {
  const t = readCsv(`${BASE}/baseline/baseline_${cls}.csv`);
  const rowOf = (n: string) => t.rows.find((r) => r[0] === n);
  const settingsRow = rowOf('diagnostics_Configuration_Settings');
  const caseRow = rowOf('diagnostics_Configuration_TestCase');
  t.header.forEach((name, j) => {
    if (j === 0 || !settingsRow || !caseRow) return;
    const caseName = caseRow[j];
    if (!existsSync(`${BASE}/data/${caseName}_image.nrrd`)) return;
    const col = columns.get(name) ?? { name, caseName, settings: settingsRow[j], byClass: new Map() };
    const values = new Map<string, number>();
    for (const r of t.rows) if (r[0].startsWith(`original_${cls}_`)) values.set(r[0], Number(r[j]));
    col.byClass.set(cls, values);
    columns.set(name, col);
  });
}

const volumes = new Map<string, Promise<{ image: Awaited<ReturnType<typeof readImage>>; labelMap: Awaited<ReturnType<typeof readImage>> }>>();
function load(caseName: string) {
  let p = volumes.get(caseName);
  if (!p) {
    p = (async () => ({
      image: await readImage(`${BASE}/data/${caseName}_image.nrrd`),
      labelMap: (await readMask(`${BASE}/data/${caseName}_label.nrrd`)).labelMap,
    }))();
    volumes.set(caseName, p);
  }
  return p;
}

test('baseline columns with images are found (brain1 and breast1, all settings)', () => {
  const names = [...columns.keys()].sort();
  for (const c of ['brain1', 'breast1']) {
    for (const s of ['', '_2d', '_FBN', '_combined', '_flatRegion', '_normalization', '_resampling', '_resegmentation']) {
      assert.ok(names.includes(c + s), `missing column ${c + s}`);
    }
  }
});

for (const col of columns.values()) {
  test(`PyRadiomics baseline ${col.name}`, async (t) => {
    const settings = parsePyradiomicsSettings(parsePythonLiteral(col.settings), `baseline ${col.name}`);
    const featureClasses: Partial<Record<PyradiomicsClass, null>> = {};
    for (const c of col.byClass.keys()) featureClasses[c as PyradiomicsClass] = null;
    const result: ExtractionResult = extractPyradiomics(await load(col.caseName), { settings, imageTypes: { Original: {} }, featureClasses });
    for (const [cls, values] of col.byClass) {
      if (!pyradiomicsClassEntry(cls) && (PYRADIOMICS_CLASSES as readonly string[]).includes(cls)) {
        t.diagnostic(`class ${cls} is not in this build yet`);
        continue;
      }
      const bad: string[] = [];
      for (const [name, ref] of values) {
        const ours = result.features[name];
        if (ours === undefined) { bad.push(`${name}: missing`); continue; }
        const tol = pyradiomicsTolerance(name);
        if (!pyradiomicsPass(ours, ref, tol)) bad.push(`${name}: ours ${ours}, baseline ${ref} (rel ${relativeDifference(ours, ref).toExponential(2)} > ${tol})`);
      }
      assert.deepEqual(bad, [], `${col.name} ${cls}`);
    }
  });
}

// shape2D baselines: their single-slice masks (`*_label_2D.nrrd`) are not in the snapshot; the baseline diagnostics
// (corrected bounding box (162, 84, 16, 45, 32, 1) and (21, 64, 9, 9, 12, 1)) show they are slice 16 of brain1's and
// slice 9 of breast1's label map, placed on the image grid by PyRadiomics' correctMask. We cut those slices out.
const shape2D = readCsv(`${BASE}/baseline/baseline_shape2D.csv`);
for (const [column, caseName, slice] of [['brain1_shape2D', 'brain1', 16], ['breast1_shape2D', 'breast1', 9]] as const) {
  test(`PyRadiomics baseline ${column} (force2D, single-slice mask)`, async () => {
    const j = shape2D.header.indexOf(column);
    const settingsText = shape2D.rows.find((r) => r[0] === 'diagnostics_Configuration_Settings')![j];
    const settings = parsePyradiomicsSettings(parsePythonLiteral(settingsText), `baseline ${column}`);
    assert.equal(settings.force2D, true);
    const { image, labelMap } = await load(caseName);
    const [nx, ny] = labelMap.size;
    const data = new Int32Array(labelMap.data.length);
    for (let p = nx * ny * slice; p < nx * ny * (slice + 1); p++) data[p] = labelMap.data[p] === 1 ? 1 : 0;
    const { makeVolume } = await import('../../src/core/volume.js');
    const r = extractPyradiomics({ image, labelMap: makeVolume(labelMap, data) }, { settings, imageTypes: { Original: {} }, featureClasses: { shape2D: null } });
    const bad: string[] = [];
    for (const row of shape2D.rows) {
      if (!row[0].startsWith('original_shape2D_')) continue;
      const ours = r.features[row[0]];
      const ref = Number(row[j]);
      if (ours === undefined) bad.push(`${row[0]}: missing`);
      else if (!pyradiomicsPass(ours, ref, pyradiomicsTolerance(row[0]))) bad.push(`${row[0]}: ours ${ours}, baseline ${ref}`);
    }
    assert.equal(Object.keys(r.features).length, shape2D.rows.filter((row) => row[0].startsWith('original_shape2D_')).length);
    assert.deepEqual(bad, []);
  });
}
