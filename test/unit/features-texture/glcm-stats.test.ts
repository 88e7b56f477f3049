// GLCM statistics on the IBSI manual's example matrix (§3.6, M for the merged left/right direction),
// against values worked out by hand from that matrix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { glcmStats } from '../../../src/features/texture/index.js';

const M = [
  [0, 3, 0, 2],
  [3, 2, 3, 2],
  [0, 3, 2, 0],
  [2, 2, 0, 0],
];
const counts = Float64Array.from(M.flat());
const near = (a: number, b: number, msg: string): void => assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `${msg}: ${a} vs ${b}`);

test('GLCM statistics of the IBSI example matrix (24 pairs, N_g = 4)', () => {
  const s = glcmStats(counts, 4, { normLevels: 4 });
  const mu = (1 * 5 + 2 * 10 + 3 * 5 + 4 * 4) / 24; // row sums 5, 10, 5, 4
  near(s.jointMax, 3 / 24, 'joint maximum');
  near(s.jointAvg, mu, 'joint average');
  const varI = ((1 - mu) ** 2 * 5 + (2 - mu) ** 2 * 10 + (3 - mu) ** 2 * 5 + (4 - mu) ** 2 * 4) / 24;
  near(s.jointVar, varI, 'joint variance');
  near(s.energy, 60 / 576, 'angular second moment'); // four 3s and six 2s: (4·9 + 6·4) / 24²
  near(s.jointEntr, -(4 * (3 / 24) * Math.log2(3 / 24) + 6 * (2 / 24) * Math.log2(2 / 24)), 'joint entropy');
  // diagonal probabilities: k = 0: 4, k = 1: 12, k = 2: 4, k = 3: 4 (of 24)
  near(s.diffAvg, (12 + 2 * 4 + 3 * 4) / 24, 'difference average');
  near(s.dissimilarity, s.diffAvg, 'dissimilarity');
  near(s.contrast, (12 + 4 * 4 + 9 * 4) / 24, 'contrast');
  const da = 32 / 24;
  near(s.diffVar, ((0 - da) ** 2 * 4 + (1 - da) ** 2 * 12 + (2 - da) ** 2 * 4 + (3 - da) ** 2 * 4) / 24, 'difference variance');
  near(s.invDiff, (4 + 12 / 2 + 4 / 3 + 4 / 4) / 24, 'inverse difference');
  near(s.invDiffNorm, (4 + 12 / (1 + 1 / 4) + 4 / (1 + 2 / 4) + 4 / (1 + 3 / 4)) / 24, 'normalised inverse difference');
  near(s.invDiffMom, (4 + 12 / 2 + 4 / 5 + 4 / 10) / 24, 'inverse difference moment');
  near(s.invVar, (12 + 4 / 4 + 4 / 9) / 24, 'inverse variance');
  // cross-diagonal probabilities: k = 3: 6, 4: 2, 5: 10, 6: 6 (of 24)
  near(s.sumAvg, (3 * 6 + 4 * 2 + 5 * 10 + 6 * 6) / 24, 'sum average');
  near(s.sumAvg, 2 * mu, 'sum average = 2 × joint average for a symmetric matrix');
  const sa = 112 / 24;
  near(s.sumVar, ((3 - sa) ** 2 * 6 + (4 - sa) ** 2 * 2 + (5 - sa) ** 2 * 10 + (6 - sa) ** 2 * 6) / 24, 'sum variance');
  near(s.sumVar, s.clustTend, 'sum variance = cluster tendency');
  near(s.autoCorr, 122 / 24, 'autocorrelation');
  near(s.corr, (122 / 24 - mu * mu) / varI, 'correlation');
  // information correlation: marginal entropy HX and HXY1 = −Σ p_ij log2(p_i p_j)
  const px = [5, 10, 5, 4].map((c) => c / 24);
  const hx = -px.reduce((a, p) => a + p * Math.log2(p), 0);
  let hxy1 = 0;
  let hxy2 = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
    hxy1 -= (M[i][j] / 24) * Math.log2(px[i] * px[j]);
    hxy2 -= px[i] * px[j] * Math.log2(px[i] * px[j]);
  }
  near(s.infoCorr1, (s.jointEntr - hxy1) / hx, 'information correlation 1');
  near(s.infoCorr2, Math.sqrt(1 - Math.exp(-2 * (hxy2 - s.jointEntr))), 'information correlation 2');
});

test('GLCM statistics are NaN for an empty matrix and follow the chosen policy for one grey level', () => {
  const empty = glcmStats(new Float64Array(9), 3, { normLevels: 3 });
  assert.ok(Object.values(empty).every(Number.isNaN));
  const flat = new Float64Array(9);
  flat[4] = 10; // only level 2 co-occurs with itself
  const ibsi = glcmStats(flat, 3, { normLevels: 3 });
  assert.ok(Number.isNaN(ibsi.corr) && Number.isNaN(ibsi.infoCorr1));
  assert.equal(ibsi.jointMax, 1);
  assert.equal(ibsi.contrast, 0);
  const pyr = glcmStats(flat, 3, { normLevels: 3, flat: 'pyradiomics', eps: 2.220446049250313e-16, mcc: true, presentLevels: 1 });
  assert.equal(pyr.corr, 1);
  assert.ok(pyr.infoCorr1 === 0); // (−0 as in PyRadiomics: 0 / max(HX, HY) with HX = −log2(1 + ε) < 0)
  assert.equal(pyr.infoCorr2, 0);
  assert.equal(pyr.mcc, 1);
});

test('maximal correlation coefficient of a block-diagonal (perfectly dependent) matrix is 1, of an independent one 0', () => {
  // two groups of levels that only co-occur within the group: Q has eigenvalue 1 twice
  const blocks = Float64Array.from([
    4, 2, 0, 0,
    2, 4, 0, 0,
    0, 0, 3, 1,
    0, 0, 1, 3,
  ]);
  near(glcmStats(blocks, 4, { normLevels: 4, mcc: true }).mcc, 1, 'MCC of two independent blocks');
  // p_ij = p_i p_j (rank one): Q = 1·(eigenvector of the marginal) only, second eigenvalue 0
  const px = [0.1, 0.2, 0.3, 0.4];
  const outer = Float64Array.from(px.flatMap((a) => px.map((b) => a * b * 1000)));
  assert.ok(glcmStats(outer, 4, { normLevels: 4, mcc: true }).mcc < 1e-6);
});
