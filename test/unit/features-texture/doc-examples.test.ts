// Texture matrices of the worked examples printed in the PyRadiomics documentation (class docstrings of
// glcm.py, glrlm.py, glszm.py, gldm.py, ngtdm.py) and in the IBSI 1 manual (§3.6, §3.8, §3.9). The expected
// matrices are transcribed from those documents (and re-derived by hand where a document is inconsistent).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  pyradiomicsGlcmMatrices, pyradiomicsGlrlmMatrices, pyradiomicsGlszmMatrix, pyradiomicsGldmMatrix,
  pyradiomicsNgtdmMatrix, type SparseCounts,
} from '../../../src/features/texture/index.js';
import { buildTextureGrid, cropMaskToGrid } from '../../../src/features/texture/common/grid.js';
import { chebyshevNeighbourOffsets, faceNeighbourOffsets } from '../../../src/features/texture/common/neighbourhood.js';
import { borderDistanceMap, labelZones } from '../../../src/features/texture/common/zones.js';
import { zoneCounts } from '../../../src/features/texture/common/zone-matrices.js';
import { roi2D } from './roi-helpers.js';

/** Dense rows (level 1..ng) × columns (j = 1..nj) of sparse counts. */
function dense(c: SparseCounts, ng: number, nj: number): number[][] {
  const m = Array.from({ length: ng }, () => new Array<number>(nj).fill(0));
  for (let e = 0; e < c.length; e++) m[c.level[e] - 1][c.j[e] - 1] += c.count[e];
  return m;
}

const PYR_GLCM_IMAGE = [
  [1, 2, 5, 2, 3],
  [3, 2, 1, 3, 1],
  [1, 3, 5, 5, 2],
  [1, 1, 1, 1, 2],
  [1, 2, 4, 3, 5],
];

test('GLCM, PyRadiomics docstring example: symmetric matrix for angle 0° (left/right neighbours)', () => {
  const { ng, angles, matrices } = pyradiomicsGlcmMatrices(roi2D(PYR_GLCM_IMAGE), { force2D: true });
  assert.equal(ng, 5);
  const a = angles.findIndex((d) => d[0] === 1 && d[1] === 0 && d[2] === 0);
  assert.ok(a >= 0);
  const expected = [
    [6, 4, 3, 0, 0],
    [4, 0, 2, 1, 3],
    [3, 2, 0, 1, 2],
    [0, 1, 1, 0, 0],
    [0, 3, 2, 0, 2],
  ];
  const total = 40; // 5 rows × 4 horizontal pairs, counted both ways
  for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) assert.equal(Math.round(matrices[a][i * 5 + j] * total), expected[i][j], `P(${i + 1},${j + 1})`);
});

test('GLCM, IBSI example: merged left/right co-occurrence matrix', () => {
  const img = [[1, 2, 2, 3], [1, 2, 3, 3], [4, 2, 4, 1], [4, 1, 2, 3]];
  const { angles, matrices } = pyradiomicsGlcmMatrices(roi2D(img), { force2D: true });
  const a = angles.findIndex((d) => d[0] === 1 && d[1] === 0);
  const expected = [[0, 3, 0, 2], [3, 2, 3, 2], [0, 3, 2, 0], [2, 2, 0, 0]];
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) assert.equal(Math.round(matrices[a][i * 4 + j] * 24), expected[i][j]);
});

const PYR_ZONE_IMAGE = [
  [5, 2, 5, 4, 4],
  [3, 3, 3, 1, 3],
  [2, 1, 1, 1, 3],
  [4, 2, 2, 2, 3],
  [3, 5, 3, 3, 2],
];

test('GLRLM, PyRadiomics docstring example: runs along the horizontal direction', () => {
  const { angles, matrices } = pyradiomicsGlrlmMatrices(roi2D(PYR_ZONE_IMAGE), { force2D: true });
  const a = angles.findIndex((d) => d[0] === 1 && d[1] === 0);
  assert.deepEqual(dense(matrices[a], 5, 5), [
    [1, 0, 1, 0, 0],
    [3, 0, 1, 0, 0],
    [4, 1, 1, 0, 0],
    [1, 1, 0, 0, 0],
    [3, 0, 0, 0, 0],
  ]);
});

test('GLSZM, PyRadiomics docstring example (8-connected zones)', () => {
  assert.deepEqual(dense(pyradiomicsGlszmMatrix(roi2D(PYR_ZONE_IMAGE), { force2D: true }), 5, 5), [
    [0, 0, 0, 1, 0],
    [1, 0, 0, 0, 1],
    [1, 0, 1, 0, 1],
    [1, 1, 0, 0, 0],
    [3, 0, 0, 0, 0],
  ]);
});

test('GLDM, PyRadiomics docstring example (α = 0, δ = 1); column j = 1 + dependent neighbours', () => {
  assert.deepEqual(dense(pyradiomicsGldmMatrix(roi2D(PYR_ZONE_IMAGE), { force2D: true }), 5, 4), [
    [0, 1, 2, 1],
    [1, 2, 3, 0],
    [1, 4, 4, 0],
    [1, 2, 0, 0],
    [3, 0, 0, 0],
  ]);
});

test('NGTDM, PyRadiomics docstring example: n_i and s_i (s_3 re-derived: the table prints 2.63, the text 3.03)', () => {
  const m = pyradiomicsNgtdmMatrix(roi2D([[1, 2, 5, 2], [3, 5, 1, 3], [1, 3, 5, 5], [3, 1, 1, 1]]), { force2D: true });
  assert.deepEqual(Array.from(m.n.subarray(1)), [6, 2, 4, 0, 4]);
  // neighbour means per voxel, from the 8-neighbourhood inside the 4×4 image
  const s1 = Math.abs(1 - 10 / 3) + Math.abs(1 - 30 / 8) + Math.abs(1 - 15 / 5) + Math.abs(1 - 13 / 5) + Math.abs(1 - 15 / 5) + Math.abs(1 - 11 / 3);
  const s2 = Math.abs(2 - 15 / 5) + Math.abs(2 - 9 / 3);
  const s3 = Math.abs(3 - 12 / 5) + Math.abs(3 - 18 / 5) + Math.abs(3 - 20 / 8) + Math.abs(3 - 5 / 3);
  const s5 = Math.abs(5 - 13 / 5) + Math.abs(5 - 21 / 8) + Math.abs(5 - 20 / 8) + Math.abs(5 - 11 / 5);
  const want = [s1, s2, s3, 0, s5];
  for (let i = 0; i < 5; i++) assert.ok(Math.abs(m.s[i + 1] - want[i]) < 1e-12, `s_${i + 1}: ${m.s[i + 1]} vs ${want[i]}`);
  assert.ok(Math.abs(s1 - 13.35) < 1e-12 && Math.abs(s5 - 10.075) < 1e-12); // the document's printed values
});

const IBSI_IMAGE = [[1, 2, 2, 3], [1, 2, 3, 3], [4, 2, 4, 1], [4, 1, 2, 3]];

test('GLSZM, IBSI example (2D, 8-connected)', () => {
  assert.deepEqual(dense(pyradiomicsGlszmMatrix(roi2D(IBSI_IMAGE), { force2D: true }), 4, 5), [
    [2, 1, 0, 0, 0],
    [0, 0, 0, 0, 1],
    [1, 0, 1, 0, 0],
    [1, 1, 0, 0, 0],
  ]);
});

test('GLDZM, IBSI example: 4-connected distance map and distance zone matrix', () => {
  const roi = roi2D(IBSI_IMAGE);
  const grid = buildTextureGrid(roi, 1);
  const morph = cropMaskToGrid(grid, roi.size, Uint8Array.from(roi.levels, (g) => (g > 0 ? 1 : 0)));
  const dist = borderDistanceMap(morph, faceNeighbourOffsets(grid, 2), grid.nx, grid.ny, grid.nz);
  const map: number[][] = [];
  for (let y = 0; y < 4; y++) { map.push([]); for (let x = 0; x < 4; x++) map[y].push(dist[(x + 1) + grid.nx * ((y + 1) + grid.ny)]); }
  assert.deepEqual(map, [[1, 1, 1, 1], [1, 2, 2, 1], [1, 2, 2, 1], [1, 1, 1, 1]]);
  // The manual's example matrix links zone voxels through 4-connectivity (its grey level 2 forms two zones),
  // although the text (and the digital-phantom reference values, which we match) use 8-connectivity in 2D.
  const zones4 = labelZones(grid, faceNeighbourOffsets(grid, 2), dist);
  assert.deepEqual(dense(zoneCounts(zones4, 'distance'), 4, 2), [[3, 0], [2, 0], [2, 0], [1, 1]]);
  // With 8-connectivity the five grey-2 voxels form one zone touching the border (distance 1).
  const zones8 = labelZones(grid, chebyshevNeighbourOffsets(grid, 1, 2), dist);
  assert.deepEqual(dense(zoneCounts(zones8, 'distance'), 4, 2), [[3, 0], [1, 0], [2, 0], [1, 1]]);
});
