import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pyradiomicsShape2D } from '../../../src/features/shape/index.js';
import { marchingSquares } from '../../../src/features/shape/marching-squares.js';
import { InvalidInputError, MaskError } from '../../../src/core/errors.js';
import type { Vec3 } from '../../../src/core/vec.js';

const close = (a: number, b: number, rel: number, what: string) =>
  assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-300), `${what}: ${a} vs ${b}`);

/**
 * Hand derivation for a solid rectangle of nu×nv pixels: the contour is the rectangle through the outer pixel-edge
 * midpoints with each corner cut by a segment from (−½, 0) to (0, −½) (pixel units).
 */
function rectangle(nu: number, nv: number, su: number, sv: number) {
  const area = (nu * nv - 0.5) * su * sv;
  const perimeter = 2 * (nu - 1) * su + 2 * (nv - 1) * sv + 2 * Math.hypot(su, sv);
  const diameter = Math.sqrt(Math.max((nu * su) ** 2 + ((nv - 1) * sv) ** 2, ((nu - 1) * su) ** 2 + (nv * sv) ** 2));
  return { area, perimeter, diameter };
}

test('one pixel: the contour is the diamond of the edge midpoints', () => {
  const c = marchingSquares(Uint8Array.of(1), 1, 1, 1, 1);
  close(c.area, 0.5, 1e-15, 'area');
  close(c.perimeter, 2 * Math.SQRT2, 1e-15, 'perimeter');
});

test('axial rectangle (force2Ddimension 0) matches the hand derivation, with PCA axes', () => {
  const size: Vec3 = [8, 6, 3];
  const mask = new Uint8Array(8 * 6 * 3);
  for (let j = 1; j <= 4; j++) for (let i = 2; i <= 6; i++) mask[i + 8 * (j + 6 * 1)] = 1; // 5×4 pixels in slice z=1
  const s: Vec3 = [0.7, 1.2, 5];
  const f = pyradiomicsShape2D({ morphologicalMask: mask, size, spacing: s }, { force2Ddimension: 0 });
  const r = rectangle(5, 4, 0.7, 1.2);
  close(f.MeshSurface, r.area, 1e-13, 'MeshSurface');
  close(f.Perimeter, r.perimeter, 1e-13, 'Perimeter');
  close(f.MaximumDiameter, r.diameter, 1e-13, 'MaximumDiameter');
  close(f.PixelSurface, 20 * 0.7 * 1.2, 1e-14, 'PixelSurface');
  close(f.PerimeterSurfaceRatio, r.perimeter / r.area, 1e-13, 'ratio');
  close(f.Sphericity, (2 * Math.sqrt(Math.PI * r.area)) / r.perimeter, 1e-13, 'Sphericity');
  const vu = (0.7 ** 2 * (25 - 1)) / 12, vv = (1.2 ** 2 * (16 - 1)) / 12;
  close(f.MajorAxisLength, 4 * Math.sqrt(Math.max(vu, vv)), 1e-12, 'major');
  close(f.MinorAxisLength, 4 * Math.sqrt(Math.min(vu, vv)), 1e-12, 'minor');
  close(f.Elongation, Math.sqrt(Math.min(vu, vv) / Math.max(vu, vv)), 1e-12, 'elongation');
});

test('coronal slice with force2Ddimension 1 uses the x–z plane and its spacing', () => {
  const size: Vec3 = [5, 3, 6];
  const mask = new Uint8Array(5 * 3 * 6);
  for (let k = 1; k <= 3; k++) for (let i = 1; i <= 2; i++) mask[i + 5 * (1 + 3 * k)] = 1; // 2 (x) × 3 (z) in y = 1
  const f = pyradiomicsShape2D({ morphologicalMask: mask, size, spacing: [0.5, 9, 2] }, { force2Ddimension: 1 });
  const r = rectangle(2, 3, 0.5, 2);
  close(f.MeshSurface, r.area, 1e-13, 'area');
  close(f.Perimeter, r.perimeter, 1e-13, 'perimeter');
  assert.throws(() => pyradiomicsShape2D({ morphologicalMask: mask, size, spacing: [0.5, 9, 2] }, { force2Ddimension: 0 }), InvalidInputError);
});

test('two pixels touching at a corner are cut apart, as PyRadiomics does (area 2 × ½)', () => {
  const c = marchingSquares(Uint8Array.of(1, 0, 0, 1), 2, 2, 1, 1);
  close(c.area, 1, 1e-15, 'area');
  close(c.perimeter, 4 * Math.SQRT2, 1e-15, 'perimeter');
  assert.throws(() => pyradiomicsShape2D({ morphologicalMask: new Uint8Array(4), size: [2, 2, 1], spacing: [1, 1, 1] }), MaskError);
});
