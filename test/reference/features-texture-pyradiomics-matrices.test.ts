// Reads ../shared: PyRadiomics test images (NRRD) and the texture matrices of PyRadiomics' tests/test_matrices.py
// (baseline/<case>_<class>.npy, default settings: binWidth 25, 3D, distance 1). PyRadiomics stores them after
// removing empty grey levels (rows) and empty run lengths / zone sizes / dependence counts (columns).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  pyradiomicsGlcmMatrices, pyradiomicsGldmMatrix, pyradiomicsGlrlmMatrices, pyradiomicsGlszmMatrix,
  pyradiomicsNgtdmMatrix, type SparseCounts,
} from '../../src/features/texture/index.js';
import type { DiscretisedRoi } from '../../src/features/types.js';
import { shared } from '../helpers/paths.js';
import { discretiseCase, loadCase, PYRADIOMICS_CASES } from './features-texture-helpers/cases.js';
import { at, readNpy } from './features-texture-helpers/npy.js';

const npy = (c: string, cls: string): ReturnType<typeof readNpy> => readNpy(shared(`reference/radiomics/pyradiomics/baseline/${c}_${cls}.npy`));

function presentLevels(roi: DiscretisedRoi): number[] {
  return [...new Set(Array.from(roi.levels).filter((g) => g > 0))].sort((a, b) => a - b);
}

/** Distinct j values (columns) of a list of sparse matrices, sorted. */
function columns(ms: readonly SparseCounts[]): number[] {
  const s = new Set<number>();
  for (const m of ms) for (let e = 0; e < m.length; e++) s.add(m.j[e]);
  return [...s].sort((a, b) => a - b);
}

function value(m: SparseCounts, level: number, j: number): number {
  for (let e = 0; e < m.length; e++) if (m.level[e] === level && m.j[e] === j) return m.count[e];
  return 0;
}

for (const name of ['brain1', 'breast1']) {
  const c = PYRADIOMICS_CASES.find((x) => x.name === name)!;
  const load = (): DiscretisedRoi => { const { image, mask } = loadCase(c); return discretiseCase(image, mask, { binWidth: 25, convention: 'pyradiomics' }); };

  test(`${name}: GLCM (levels × levels × 13 angles, normalised per angle)`, () => {
    const roi = load();
    const lv = presentLevels(roi);
    const ref = npy(name, 'glcm');
    const { ng, angles, matrices } = pyradiomicsGlcmMatrices(roi);
    assert.deepEqual(ref.shape, [lv.length, lv.length, 13]);
    assert.equal(angles.length, 13);
    let worst = 0;
    lv.forEach((gi, i) => lv.forEach((gj, j) => angles.forEach((_, a) => {
      worst = Math.max(worst, Math.abs(matrices[a][(gi - 1) * ng + gj - 1] - at(ref, i, j, a)));
    })));
    assert.ok(worst < 1e-15, `max |Δp| = ${worst}`);
  });

  test(`${name}: GLRLM (levels × run lengths present × 13 angles, counts)`, () => {
    const roi = load();
    const lv = presentLevels(roi);
    const ref = npy(name, 'glrlm');
    const { matrices } = pyradiomicsGlrlmMatrices(roi);
    const cols = columns(matrices);
    assert.deepEqual(ref.shape, [lv.length, cols.length, 13]);
    lv.forEach((g, i) => cols.forEach((j, k) => matrices.forEach((m, a) => assert.equal(value(m, g, j), at(ref, i, k, a), `level ${g}, run ${j}, angle ${a}`))));
  });

  test(`${name}: GLSZM, GLDM and NGTDM`, () => {
    const roi = load();
    const lv = presentLevels(roi);
    const szm = pyradiomicsGlszmMatrix(roi);
    const refS = npy(name, 'glszm');
    const sizes = columns([szm]);
    assert.deepEqual(refS.shape, [lv.length, sizes.length]);
    lv.forEach((g, i) => sizes.forEach((j, k) => assert.equal(value(szm, g, j), at(refS, i, k), `GLSZM level ${g}, size ${j}`)));
    const dm = pyradiomicsGldmMatrix(roi);
    const refD = npy(name, 'gldm');
    const deps = columns([dm]);
    assert.deepEqual(refD.shape, [lv.length, deps.length]);
    lv.forEach((g, i) => deps.forEach((j, k) => assert.equal(value(dm, g, j), at(refD, i, k), `GLDM level ${g}, dependence ${j}`)));
    const nt = pyradiomicsNgtdmMatrix(roi);
    const refN = npy(name, 'ngtdm');
    assert.deepEqual(refN.shape, [lv.length, 3]);
    lv.forEach((g, i) => {
      assert.equal(nt.n[g], at(refN, i, 0));
      assert.ok(Math.abs(nt.s[g] - at(refN, i, 1)) <= 1e-9 * Math.max(1, at(refN, i, 1)), `NGTDM s_${g}`);
      assert.equal(g, at(refN, i, 2));
    });
  });
}
