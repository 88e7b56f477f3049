// Cross-check of the texture matrices against straightforward implementations written differently (coordinate
// loops with bounds checks, whole-line run scanning, recursive-style flood fill) on random irregular ROIs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DIRECTIONS_3D, pyradiomicsGlcmMatrices, pyradiomicsGldmMatrix, pyradiomicsGlrlmMatrices, pyradiomicsGlszmMatrix,
  pyradiomicsNgtdmMatrix, type SparseCounts,
} from '../../../src/features/texture/index.js';
import type { DiscretisedRoi } from '../../../src/features/types.js';
import { randomRoi } from './roi-helpers.js';

function at(roi: DiscretisedRoi, x: number, y: number, z: number): number {
  const [sx, sy, sz] = roi.size;
  if (x < 0 || y < 0 || z < 0 || x >= sx || y >= sy || z >= sz) return 0;
  return roi.levels[x + sx * (y + sy * z)];
}

function eachVoxel(roi: DiscretisedRoi, f: (x: number, y: number, z: number, g: number) => void): void {
  const [sx, sy, sz] = roi.size;
  for (let z = 0; z < sz; z++) for (let y = 0; y < sy; y++) for (let x = 0; x < sx; x++) {
    const g = at(roi, x, y, z);
    if (g > 0) f(x, y, z, g);
  }
}

function asMap(c: SparseCounts): Map<string, number> {
  const m = new Map<string, number>();
  for (let e = 0; e < c.length; e++) m.set(`${c.level[e]}:${c.j[e]}`, c.count[e]);
  return m;
}

const rois = [randomRoi(1, [8, 7, 6], 5, 0.7), randomRoi(2, [11, 5, 4], 3, 0.9), randomRoi(3, [6, 6, 6], 8, 0.5)];

test('GLCM per angle equals a direct pair count', () => {
  for (const roi of rois) {
    const { ng, angles, matrices } = pyradiomicsGlcmMatrices(roi);
    assert.equal(angles.length, 13);
    angles.forEach((d, a) => {
      const m = new Float64Array(ng * ng);
      eachVoxel(roi, (x, y, z, g) => {
        const h = at(roi, x + d[0], y + d[1], z + d[2]);
        if (h > 0) { m[(g - 1) * ng + h - 1]++; m[(h - 1) * ng + g - 1]++; }
      });
      const total = m.reduce((s, v) => s + v, 0);
      for (let t = 0; t < m.length; t++) assert.ok(Math.abs(matrices[a][t] - m[t] / total) < 1e-15);
    });
  }
});

test('GLRLM per angle equals scanning each full line and splitting it into runs', () => {
  for (const roi of rois) {
    const { angles, matrices } = pyradiomicsGlrlmMatrices(roi);
    const [sx, sy, sz] = roi.size;
    angles.forEach((d, a) => {
      const want = new Map<string, number>();
      const add = (g: number, len: number): void => { const k = `${g}:${len}`; want.set(k, (want.get(k) ?? 0) + 1); };
      // line starts: voxels whose predecessor along d is outside the array
      for (let z = 0; z < sz; z++) for (let y = 0; y < sy; y++) for (let x = 0; x < sx; x++) {
        const px = x - d[0], py = y - d[1], pz = z - d[2];
        if (px >= 0 && py >= 0 && pz >= 0 && px < sx && py < sy && pz < sz) continue;
        let cur = 0, len = 0;
        for (let cx = x, cy = y, cz = z; cx >= 0 && cy >= 0 && cz >= 0 && cx < sx && cy < sy && cz < sz; cx += d[0], cy += d[1], cz += d[2]) {
          const g = at(roi, cx, cy, cz);
          if (g === cur && g > 0) { len++; continue; }
          if (cur > 0) add(cur, len);
          cur = g; len = g > 0 ? 1 : 0;
        }
        if (cur > 0) add(cur, len);
      }
      assert.deepEqual(asMap(matrices[a]), new Map([...want].sort()), `angle ${d}`);
    });
  }
});

test('GLSZM equals a flood fill with 26-connectivity', () => {
  for (const roi of rois) {
    const [sx, sy, sz] = roi.size;
    const seen = new Uint8Array(roi.levels.length);
    const want = new Map<string, number>();
    eachVoxel(roi, (x, y, z, g) => {
      if (seen[x + sx * (y + sy * z)]) return;
      const todo: [number, number, number][] = [[x, y, z]];
      seen[x + sx * (y + sy * z)] = 1;
      let size = 0;
      while (todo.length) {
        const [cx, cy, cz] = todo.pop()!;
        size++;
        for (let dz = -1; dz <= 1; dz++) for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
          const nx = cx + dx, ny = cy + dy, nz = cz + dz;
          if (at(roi, nx, ny, nz) !== g || seen[nx + sx * (ny + sy * nz)]) continue;
          seen[nx + sx * (ny + sy * nz)] = 1;
          todo.push([nx, ny, nz]);
        }
      }
      const k = `${g}:${size}`;
      want.set(k, (want.get(k) ?? 0) + 1);
    });
    const got = asMap(pyradiomicsGlszmMatrix(roi));
    assert.deepEqual(new Map([...got].sort()), new Map([...want].sort()));
  }
});

test('NGTDM and GLDM equal a direct scan of the 26 neighbours', () => {
  for (const roi of rois) {
    const ngtdm = pyradiomicsNgtdmMatrix(roi);
    const n = new Float64Array(ngtdm.n.length);
    const s = new Float64Array(ngtdm.s.length);
    const dep = new Map<string, number>();
    eachVoxel(roi, (x, y, z, g) => {
      let sum = 0, cnt = 0, same = 0;
      for (const d of DIRECTIONS_3D) for (const sign of [1, -1]) {
        const h = at(roi, x + sign * d[0], y + sign * d[1], z + sign * d[2]);
        if (h > 0) { sum += h; cnt++; if (h === g) same++; }
      }
      n[g]++;
      if (cnt > 0) s[g] += Math.abs(g - sum / cnt);
      const k = `${g}:${same + 1}`;
      dep.set(k, (dep.get(k) ?? 0) + 1);
    });
    assert.deepEqual(Array.from(ngtdm.n), Array.from(n));
    for (let i = 0; i < s.length; i++) assert.ok(Math.abs(ngtdm.s[i] - s[i]) < 1e-9);
    assert.deepEqual(new Map([...asMap(pyradiomicsGldmMatrix(roi))].sort()), new Map([...dep].sort()));
  }
});

test('distance weighting: GLCM sums exp(−‖d‖²)-weighted angle matrices, GLRLM ‖d‖-weighted ones (d in mm)', () => {
  const roi = { ...rois[0], spacing: [0.7, 1.1, 2.5] as [number, number, number] };
  const plain = pyradiomicsGlcmMatrices(roi);
  const rawTotal = (a: number): number => {
    // pairs per angle, counted both ways (normalised matrices sum to 1)
    const d = plain.angles[a];
    let n = 0;
    eachVoxel(roi, (x, y, z) => { if (at(roi, x + d[0], y + d[1], z + d[2]) > 0) n += 2; });
    return n;
  };
  const norms: Record<string, (c: number[]) => number> = {
    infinity: (c) => Math.max(...c),
    euclidean: (c) => Math.sqrt(c.reduce((s, x) => s + x * x, 0)),
    manhattan: (c) => c.reduce((s, x) => s + x, 0),
  };
  for (const [norm, len] of Object.entries(norms)) {
    const w = pyradiomicsGlcmMatrices(roi, { weightingNorm: norm as 'infinity' });
    assert.equal(w.matrices.length, 1);
    const ng = plain.ng;
    const sum = new Float64Array(ng * ng);
    plain.angles.forEach((d, a) => {
      const l = len(d.map((x, k) => Math.abs(x) * roi.spacing[k]));
      const wt = Math.exp(-l * l) * rawTotal(a);
      for (let t = 0; t < sum.length; t++) sum[t] += wt * plain.matrices[a][t];
    });
    const tot = sum.reduce((s, x) => s + x, 0);
    for (let t = 0; t < sum.length; t++) assert.ok(Math.abs(w.matrices[0][t] - sum[t] / tot) < 1e-12, `${norm} GLCM`);
    const runsPlain = pyradiomicsGlrlmMatrices(roi);
    const runsW = pyradiomicsGlrlmMatrices(roi, { weightingNorm: norm as 'infinity' });
    const want = new Map<string, number>();
    runsPlain.angles.forEach((d, a) => {
      const l = len(d.map((x, k) => Math.abs(x) * roi.spacing[k]));
      for (const [k, c] of asMap(runsPlain.matrices[a])) want.set(k, (want.get(k) ?? 0) + l * c);
    });
    for (const [k, c] of asMap(runsW.matrices[0])) assert.ok(Math.abs(c - (want.get(k) ?? 0)) < 1e-9 * c, `${norm} GLRLM ${k}`);
    assert.equal(asMap(runsW.matrices[0]).size, want.size);
  }
});
