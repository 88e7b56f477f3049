import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pyradiomicsShape, shapeGeometry, surfaceMesh, meshDiameters } from '../../../src/features/shape/index.js';
import { MaskError } from '../../../src/core/errors.js';
import { Rng } from '../../../src/core/rng.js';
import type { Vec3 } from '../../../src/core/vec.js';

function grid(size: Vec3, inside: (i: number, j: number, k: number) => boolean): Uint8Array {
  const m = new Uint8Array(size[0] * size[1] * size[2]);
  for (let k = 0, p = 0; k < size[2]; k++) for (let j = 0; j < size[1]; j++) for (let i = 0; i < size[0]; i++, p++) m[p] = inside(i, j, k) ? 1 : 0;
  return m;
}
const close = (a: number, b: number, rel: number, what: string) =>
  assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-300), `${what}: ${a} vs ${b}`);

/**
 * Independent hand derivation for a solid box of nx×ny×nz voxels: every marching cube is an interior cube (volume
 * 1), a face cube (4 corners in: half a cube, a flat quad), an edge cube (2 corners in: a prism with a right-triangle
 * section of legs ½, a slanted quad) or a corner cube (1 corner in: a tetrahedron of legs ½, one triangle).
 */
function boxReference(n: Vec3, s: Vec3): { V: number; A: number } {
  const [a, b, c] = [n[0] - 1, n[1] - 1, n[2] - 1];
  const [sx, sy, sz] = s;
  const V = (a * b * c + (a * b + a * c + b * c) + (a + b + c) / 2 + 8 / 48) * sx * sy * sz;
  const A = 2 * (a * b * sx * sy + a * c * sx * sz + b * c * sy * sz)
    + 4 * (a * sx * 0.5 * Math.hypot(sy, sz) + b * sy * 0.5 * Math.hypot(sx, sz) + c * sz * 0.5 * Math.hypot(sx, sy))
    + Math.sqrt(sy * sy * sz * sz + sx * sx * sz * sz + sx * sx * sy * sy);
  return { V, A };
}

test('one voxel: the mesh is the octahedron of the face midpoints (V = 1/6, A = √3 for unit spacing)', () => {
  const m = surfaceMesh(Uint8Array.of(1), [1, 1, 1], [1, 1, 1]);
  close(m.volume, 1 / 6, 1e-14, 'volume');
  close(m.area, Math.sqrt(3), 1e-14, 'area');
  assert.equal(m.vertices2.length / 3, 6);
  assert.equal(m.triangleCount, 8);
});

test('solid boxes with anisotropic spacing match the analytic cube-by-cube volume and area', () => {
  for (const [n, s] of [[[3, 4, 2], [0.7, 1.3, 2.5]], [[1, 5, 1], [1, 1, 3]], [[6, 6, 6], [0.5, 0.5, 0.5]]] as [Vec3, Vec3][]) {
    const size: Vec3 = [n[0] + 3, n[1] + 2, n[2] + 4]; // box placed away from the border
    const mask = grid(size, (i, j, k) => i >= 1 && i <= n[0] && j >= 1 && j <= n[1] && k >= 2 && k < 2 + n[2]);
    const ref = boxReference(n, s);
    const m = surfaceMesh(mask, size, s);
    close(m.volume, ref.V, 1e-12, `volume ${n}`);
    close(m.area, ref.A, 1e-12, `area ${n}`);
  }
});

test('a box touching the grid border is closed by the implicit padding', () => {
  const n: Vec3 = [3, 2, 2];
  const mask = grid(n, () => true);
  const ref = boxReference(n, [1, 2, 3]);
  const m = surfaceMesh(mask, n, [1, 2, 3]);
  close(m.volume, ref.V, 1e-12, 'volume');
  close(m.area, ref.A, 1e-12, 'area');
});

test('PCA axes of a box: variance along each axis is s²(n²−1)/12', () => {
  const n: Vec3 = [7, 4, 3];
  const s: Vec3 = [0.8, 1.1, 2.0];
  const f = pyradiomicsShape({ morphologicalMask: grid(n, () => true), size: n, spacing: s });
  const vars = [0, 1, 2].map((d) => (s[d] * s[d] * (n[d] * n[d] - 1)) / 12).sort((a, b) => a - b);
  close(f.LeastAxisLength, 4 * Math.sqrt(vars[0]), 1e-12, 'least');
  close(f.MinorAxisLength, 4 * Math.sqrt(vars[1]), 1e-12, 'minor');
  close(f.MajorAxisLength, 4 * Math.sqrt(vars[2]), 1e-12, 'major');
  close(f.Elongation, Math.sqrt(vars[1] / vars[2]), 1e-12, 'elongation');
  close(f.Flatness, Math.sqrt(vars[0] / vars[2]), 1e-12, 'flatness');
  close(f.VoxelVolume, 7 * 4 * 3 * 0.8 * 1.1 * 2.0, 1e-14, 'voxel volume');
  const { V, A } = boxReference(n, s);
  close(f.Sphericity, Math.cbrt(36 * Math.PI * V * V) / A, 1e-12, 'sphericity');
  close(f.SurfaceVolumeRatio, A / V, 1e-12, 'A/V');
  close(f.Compactness2, (36 * Math.PI * V * V) / A ** 3, 1e-12, 'compactness2');
});

test('diameters from the convex hull equal brute force over all mesh vertices (random blobs)', () => {
  const rng = Rng.fromSeed(11);
  for (let t = 0; t < 6; t++) {
    const size: Vec3 = [14, 12, 9];
    const c = [rng.uniformRange(4, 9), rng.uniformRange(4, 8), rng.uniformRange(3, 6)];
    const r = [rng.uniformRange(2, 5), rng.uniformRange(2, 5), rng.uniformRange(1.5, 3)];
    const mask = grid(size, (i, j, k) => ((i - c[0]) / r[0]) ** 2 + ((j - c[1]) / r[1]) ** 2 + ((k - c[2]) / r[2]) ** 2 <= 1 + 0.3 * rng.uniform());
    const spacing: Vec3 = [rng.uniformRange(0.5, 1.5), rng.uniformRange(0.5, 1.5), rng.uniformRange(1, 4)];
    const m = surfaceMesh(mask, size, spacing);
    const d = meshDiameters(m.vertices2, spacing);
    const v = m.vertices2;
    const best = [0, 0, 0, 0];
    for (let i = 0; i < v.length / 3; i++) for (let j = i + 1; j < v.length / 3; j++) {
      const dx = ((v[3 * i] - v[3 * j]) / 2) * spacing[0], dy = ((v[3 * i + 1] - v[3 * j + 1]) / 2) * spacing[1], dz = ((v[3 * i + 2] - v[3 * j + 2]) / 2) * spacing[2];
      const dd = dx * dx + dy * dy + dz * dz;
      if (dd > best[3]) best[3] = dd;
      if (v[3 * i + 2] === v[3 * j + 2] && dd > best[0]) best[0] = dd;
      if (v[3 * i + 1] === v[3 * j + 1] && dd > best[1]) best[1] = dd;
      if (v[3 * i] === v[3 * j] && dd > best[2]) best[2] = dd;
    }
    close(d.max3D, Math.sqrt(best[3]), 1e-15, '3D');
    close(d.sliceZ, Math.sqrt(best[0]), 1e-15, 'slice');
    close(d.columnY, Math.sqrt(best[1]), 1e-15, 'column');
    close(d.rowX, Math.sqrt(best[2]), 1e-15, 'row');
  }
});

test('shape features do not depend on where the ROI sits in the grid or on outside padding', () => {
  const blob = (o: number) => (i: number, j: number, k: number) => (i - 5 - o) ** 2 + (j - 4) ** 2 + 2 * (k - 3 - o) ** 2 <= 10;
  const a = pyradiomicsShape({ morphologicalMask: grid([12, 9, 8], blob(0)), size: [12, 9, 8], spacing: [0.9, 0.9, 2] });
  const b = pyradiomicsShape({ morphologicalMask: grid([15, 9, 10], blob(2)), size: [15, 9, 10], spacing: [0.9, 0.9, 2] });
  for (const k of Object.keys(a)) close(b[k], a[k], 1e-12, k);
});

test('mirroring a solid ROI (isotropic spacing) leaves mesh volume and area unchanged', () => {
  const rng = Rng.fromSeed(3);
  const size: Vec3 = [11, 10, 9];
  const pts = Array.from({ length: 5 }, () => [rng.uniformRange(3, 7), rng.uniformRange(3, 6), rng.uniformRange(3, 5)]);
  const inside = (i: number, j: number, k: number) => pts.some(([x, y, z]) => (i - x) ** 2 + (j - y) ** 2 + (k - z) ** 2 <= 6);
  const m1 = surfaceMesh(grid(size, inside), size, [1.2, 1.2, 1.2]);
  const m2 = surfaceMesh(grid(size, (i, j, k) => inside(size[0] - 1 - i, j, k)), size, [1.2, 1.2, 1.2]);
  close(m2.volume, m1.volume, 1e-12, 'volume');
  close(m2.area, m1.area, 1e-12, 'area');
});

test('degenerate ROIs: a single voxel gives NaN elongation (0/0) as PyRadiomics; an empty mask is a MaskError', () => {
  const f = pyradiomicsShape({ morphologicalMask: Uint8Array.of(0, 1, 0), size: [3, 1, 1], spacing: [1, 1, 1] });
  assert.equal(f.MajorAxisLength, 0);
  assert.ok(Number.isNaN(f.Elongation));
  close(f.MeshVolume, 1 / 6, 1e-14, 'volume');
  close(f.Maximum3DDiameter, 1, 1e-15, 'diameter');
  assert.throws(() => shapeGeometry(new Uint8Array(8), [2, 2, 2], [1, 1, 1]), MaskError);
});
