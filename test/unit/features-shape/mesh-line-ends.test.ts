import { test } from 'node:test';
import assert from 'node:assert/strict';
import { surfaceMesh, meshDiameters } from '../../../src/features/shape/index.js';
import { Rng } from '../../../src/core/rng.js';
import type { Vec3 } from '../../../src/core/vec.js';

/** Random blobs (sometimes speckled, sometimes one slice thick) on small grids. */
function blobs(seed: number, count: number): { mask: Uint8Array; size: Vec3; spacing: Vec3 }[] {
  const rng = Rng.fromSeed(seed);
  const out = [];
  for (let t = 0; t < count; t++) {
    const size: Vec3 = [2 + Math.floor(rng.uniform() * 10), 2 + Math.floor(rng.uniform() * 10), 1 + Math.floor(rng.uniform() * 6)];
    const c = [rng.uniform() * size[0], rng.uniform() * size[1], rng.uniform() * size[2]];
    const r = [1 + rng.uniform() * 4, 1 + rng.uniform() * 4, 0.7 + rng.uniform() * 2];
    const mask = new Uint8Array(size[0] * size[1] * size[2]);
    for (let k = 0, p = 0; k < size[2]; k++) for (let j = 0; j < size[1]; j++) for (let i = 0; i < size[0]; i++, p++) {
      const inside = ((i - c[0]) / r[0]) ** 2 + ((j - c[1]) / r[1]) ** 2 + ((k - c[2]) / r[2]) ** 2 <= 1 + 0.4 * rng.uniform();
      mask[p] = inside && (t % 3 !== 0 || rng.uniform() < 0.8) && (t % 5 !== 1 || k === 0) ? 1 : 0;
    }
    if (mask.includes(1)) out.push({ mask, size, spacing: [0.4 + rng.uniform(), 0.4 + rng.uniform(), 0.5 + 3 * rng.uniform()] as Vec3 });
  }
  return out;
}

test('the line ends recorded by the cube walk are those of the vertex list', () => {
  for (const { mask, size, spacing } of blobs(21, 60)) {
    const m = surfaceMesh(mask, size, spacing);
    const { X, Y, xLo, xHi, yLo, yHi } = m.lineEnds;
    const v = m.vertices2;
    const expect = { xLo: new Map<number, number>(), xHi: new Map<number, number>(), yLo: new Map<number, number>(), yHi: new Map<number, number>() };
    for (let i = 0; i < v.length; i += 3) {
      const [x, y, z] = [v[i], v[i + 1], v[i + 2]];
      assert.ok(x < X && y < Y && z < m.lineEnds.Z, 'vertex within the bounds');
      const a = y + Y * z, b = x + X * z;
      expect.xLo.set(a, Math.min(expect.xLo.get(a) ?? Infinity, x));
      expect.xHi.set(a, Math.max(expect.xHi.get(a) ?? -1, x));
      expect.yLo.set(b, Math.min(expect.yLo.get(b) ?? Infinity, y));
      expect.yHi.set(b, Math.max(expect.yHi.get(b) ?? -1, y));
    }
    for (let k = 0; k < xHi.length; k++) {
      assert.equal(xHi[k], expect.xHi.get(k) ?? -1);
      if (xHi[k] >= 0) assert.equal(xLo[k], expect.xLo.get(k));
    }
    for (let k = 0; k < yHi.length; k++) {
      assert.equal(yHi[k], expect.yHi.get(k) ?? -1);
      if (yHi[k] >= 0) assert.equal(yLo[k], expect.yLo.get(k));
    }
  }
});

test('diameters are the same with the recorded line ends or from the vertices alone; the hull holds every vertex', () => {
  for (const { mask, size, spacing } of blobs(22, 40)) {
    const m = surfaceMesh(mask, size, spacing);
    const a = meshDiameters(m.vertices2, spacing, m.lineEnds), b = meshDiameters(m.vertices2, spacing);
    for (const k of ['max3D', 'sliceZ', 'columnY', 'rowX'] as const) assert.equal(a[k], b[k], k);
    assert.deepEqual(a.hullFaces, b.hullFaces);
    // the lazily computed hull: its vertices are mesh vertices, and no vertex lies outside any face (exact integers)
    const v = m.vertices2, f = a.hullFaces;
    if (f.length === 0) continue;
    for (let t = 0; t < f.length; t += 3) {
      const [p, q, r] = [3 * f[t], 3 * f[t + 1], 3 * f[t + 2]];
      const u = [v[q] - v[p], v[q + 1] - v[p + 1], v[q + 2] - v[p + 2]], w = [v[r] - v[p], v[r + 1] - v[p + 1], v[r + 2] - v[p + 2]];
      const n = [u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]];
      for (let i = 0; i < v.length; i += 3) assert.ok(n[0] * (v[i] - v[p]) + n[1] * (v[i + 1] - v[p + 1]) + n[2] * (v[i + 2] - v[p + 2]) <= 0, 'vertex outside a hull face');
    }
  }
});
