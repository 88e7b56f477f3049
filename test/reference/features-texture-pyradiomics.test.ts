// Reads ../shared: PyRadiomics test images (NRRD), the IBSI phantoms and STS CT cases (NIfTI), PyRadiomics'
// generated default-settings outputs (generated/*.csv) and upstream baseline CSVs (baseline/baseline_<class>.csv).
// PyRadiomics-mode texture features must agree to 1e-6 relative.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  GLCM_PYRADIOMICS_NAMES, GLDM_PYRADIOMICS_NAMES, GLRLM_PYRADIOMICS_NAMES, GLSZM_PYRADIOMICS_NAMES,
  NGTDM_PYRADIOMICS_NAMES, pyradiomicsTexture, type PyradiomicsAllTextureSettings,
} from '../../src/features/texture/index.js';
import type { DiscretisationSettings } from '../../src/preprocess/discretise.js';
import { parseCsv } from '../../src/table/csv.js';
import { shared } from '../helpers/paths.js';
import { discretiseCase, loadCase, PYRADIOMICS_CASES, readPyradiomicsCsv, relDiff, stsCases } from './features-texture-helpers/cases.js';

const TOL = 1e-6;
const CLASSES = { glcm: GLCM_PYRADIOMICS_NAMES, glrlm: GLRLM_PYRADIOMICS_NAMES, glszm: GLSZM_PYRADIOMICS_NAMES, gldm: GLDM_PYRADIOMICS_NAMES, ngtdm: NGTDM_PYRADIOMICS_NAMES };

function agree(ours: number, ref: number): boolean {
  return ref === 0 ? Math.abs(ours) <= 1e-12 : relDiff(ours, ref) <= TOL;
}

test('the PyRadiomics names we compute are exactly the texture columns of PyRadiomics\' default output', () => {
  const ref = readPyradiomicsCsv(PYRADIOMICS_CASES[0].pyradiomicsCsv);
  for (const [cls, names] of Object.entries(CLASSES)) {
    const cols = [...ref.keys()].filter((k) => k.startsWith(`original_${cls}_`)).map((k) => k.slice(`original_${cls}_`.length));
    assert.deepEqual([...names].sort(), cols.sort(), cls);
  }
  assert.deepEqual(Object.values(CLASSES).map((n) => n.length), [24, 16, 16, 14, 5]);
});

const cases = [...PYRADIOMICS_CASES, ...stsCases(['STS_002', 'STS_005', 'STS_022'])];
for (const c of cases) {
  test(`${c.name}: 75 texture features equal PyRadiomics' default run to 1e-6`, () => {
    const { image, mask } = loadCase(c);
    const f = pyradiomicsTexture(discretiseCase(image, mask, { binWidth: 25, convention: 'pyradiomics' }));
    const ref = readPyradiomicsCsv(c.pyradiomicsCsv);
    assert.equal(Object.keys(f).length, 75);
    const bad = Object.keys(f).filter((k) => !agree(f[k], ref.get(`original_${k}`) as number)).map((k) => `${k}: ${f[k]} vs ${ref.get(`original_${k}`)}`);
    assert.deepEqual(bad, []);
  });
}

// Upstream baseline columns that exercise texture settings (besides the default): force2D, binCount 64,
// and weightingNorm 'no_weighting' (angle matrices summed before computing GLCM/GLRLM features).
const BASELINE_CONFIGS: { suffix: string; bin: DiscretisationSettings; settings: PyradiomicsAllTextureSettings }[] = [
  { suffix: '', bin: { binWidth: 25 }, settings: {} },
  { suffix: '_2d', bin: { binWidth: 25 }, settings: { force2D: true, force2Ddimension: 0 } },
  { suffix: '_FBN', bin: { binCount: 64 }, settings: {} },
  { suffix: '_combined', bin: { binWidth: 25 }, settings: { weightingNorm: 'no_weighting' } },
];

for (const name of ['brain1', 'breast1']) {
  test(`${name}: upstream baseline values for default, force2D, binCount and no_weighting settings`, () => {
    const c = PYRADIOMICS_CASES.find((x) => x.name === name)!;
    const { image, mask } = loadCase(c);
    const tables = Object.keys(CLASSES).map((cls) => parseCsv(readFileSync(shared(`reference/radiomics/pyradiomics/baseline/baseline_${cls}.csv`), 'utf8')));
    const bad: string[] = [];
    let compared = 0;
    for (const cfg of BASELINE_CONFIGS) {
      const f = pyradiomicsTexture(discretiseCase(image, mask, { ...cfg.bin, convention: 'pyradiomics' }), undefined, cfg.settings);
      for (const t of tables) {
        const col = t.header.indexOf(name + cfg.suffix);
        if (col < 0) continue; // '_combined' exists only for the classes with weighting (glcm, glrlm)
        for (const r of t.rows) {
          if (!r[0].startsWith('original_')) continue;
          const key = r[0].slice('original_'.length);
          compared++;
          if (!(key in f) || !agree(f[key], Number(r[col]))) bad.push(`${name + cfg.suffix} ${key}: ${f[key]} vs ${r[col]}`);
        }
      }
    }
    assert.equal(compared, 3 * 75 + 24 + 16);
    assert.deepEqual(bad, []);
  });
}
