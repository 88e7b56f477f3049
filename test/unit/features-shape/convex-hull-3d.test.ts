import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convexHull3D } from '../../../src/features/shape/convex-hull-3d.js';
import { Rng } from '../../../src/core/rng.js';

function checkHull(pts: number[], label: string): void {
  const n = pts.length / 3;
  const hull = convexHull3D(pts);
  assert.ok(hull, `${label}: hull exists`);
  const P = (i: number) => [pts[3 * i], pts[3 * i + 1], pts[3 * i + 2]];
  // every point is inside or on every face plane (exact integer arithmetic)
  for (let f = 0; f < hull.faces.length / 3; f++) {
    const [a, b, c] = [P(hull.faces[3 * f]), P(hull.faces[3 * f + 1]), P(hull.faces[3 * f + 2])];
    const u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]], v = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
    const nrm = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
    assert.ok(nrm.some((x) => x !== 0), `${label}: degenerate face`);
    for (let i = 0; i < n; i++) {
      const p = P(i);
      const h = nrm[0] * (p[0] - a[0]) + nrm[1] * (p[1] - a[1]) + nrm[2] * (p[2] - a[2]);
      assert.ok(h <= 0, `${label}: point ${i} outside face ${f}`);
    }
  }
  // closed 2-manifold: every directed edge appears once and its reverse once
  const edges = new Set<string>();
  for (let f = 0; f < hull.faces.length / 3; f++) {
    for (let k = 0; k < 3; k++) {
      const e = `${hull.faces[3 * f + k]},${hull.faces[3 * f + ((k + 1) % 3)]}`;
      assert.ok(!edges.has(e), `${label}: edge ${e} twice`);
      edges.add(e);
    }
  }
  for (const e of edges) assert.ok(edges.has(e.split(',').reverse().join(',')), `${label}: open edge ${e}`);
  // the diameter over hull vertices equals the brute-force diameter over all points
  let brute = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
    const d = (pts[3 * i] - pts[3 * j]) ** 2 + (pts[3 * i + 1] - pts[3 * j + 1]) ** 2 + (pts[3 * i + 2] - pts[3 * j + 2]) ** 2;
    if (d > brute) brute = d;
  }
  let viaHull = 0;
  const hv = hull.vertices;
  for (let x = 0; x < hv.length; x++) for (let y = x + 1; y < hv.length; y++) {
    const i = hv[x], j = hv[y];
    const d = (pts[3 * i] - pts[3 * j]) ** 2 + (pts[3 * i + 1] - pts[3 * j + 1]) ** 2 + (pts[3 * i + 2] - pts[3 * j + 2]) ** 2;
    if (d > viaHull) viaHull = d;
  }
  assert.equal(viaHull, brute, `${label}: diameter`);
}

test('hull of a cube lattice (heavily degenerate: many coplanar and collinear points)', () => {
  const pts: number[] = [];
  for (let z = 0; z < 5; z++) for (let y = 0; y < 4; y++) for (let x = 0; x < 6; x++) pts.push(x, y, z);
  checkHull(pts, 'lattice');
  const hull = convexHull3D(pts);
  // the 8 box corners must be hull vertices
  const idx = (x: number, y: number, z: number) => x + 6 * (y + 4 * z);
  for (const [x, y, z] of [[0, 0, 0], [5, 0, 0], [0, 3, 0], [5, 3, 0], [0, 0, 4], [5, 0, 4], [0, 3, 4], [5, 3, 4]]) {
    assert.ok(hull?.vertices.includes(idx(x, y, z)));
  }
});

test('hull of random integer clouds (balls and slabs) contains all points and gives the exact diameter', () => {
  const rng = Rng.fromSeed(7);
  for (let t = 0; t < 20; t++) {
    const pts: number[] = [];
    const n = 30 + rng.int(300);
    const flat = t % 3 === 0 ? 1 : 20;
    for (let i = 0; i < n; i++) pts.push(rng.intRange(-20, 20), rng.intRange(-20, 20), rng.intRange(-flat, flat));
    checkHull(pts, `cloud ${t}`);
  }
});

test('coplanar or too few points give null', () => {
  assert.equal(convexHull3D([0, 0, 0, 1, 0, 0, 0, 1, 0]), null);
  assert.equal(convexHull3D([0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 2, 3, 0]), null);
  assert.throws(() => convexHull3D([0.5, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]), RangeError);
});
