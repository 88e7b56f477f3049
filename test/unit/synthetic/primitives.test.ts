import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../../src/core/rng.js';
import { capsule, ellipsoid, shapeBox, signedDistance, type Primitive } from '../../../src/synthetic/primitives.js';
import { paint, paintJobs } from '../../../src/synthetic/primitive-painter.js';
import { HeadRaster } from '../../../src/synthetic/head-raster.js';
import { allocateSamples } from '../../../src/synthetic/sample-buffers.js';
import { planCase } from '../../../src/synthetic/case-plan.js';
import { resolveSynthOptions } from '../../../src/synthetic/options.js';
import { scanGeometry } from '../../../src/synthetic/scan-grid.js';
import { scannerToHead } from '../../../src/synthetic/head-geometry.js';
import { Tissue } from '../../../src/synthetic/tissues.js';

test('signed distances: exact for spheres and capsules, sign right for rotated ellipsoids, inside the box', () => {
  const sphere = ellipsoid([1, 2, 3], [5, 5, 5]);
  assert.ok(Math.abs(signedDistance(sphere, 1, 2, 10) - 2) < 1e-12);
  assert.ok(Math.abs(signedDistance(sphere, 1, 2, 3) + 5) < 1e-12);
  const cap = capsule([0, 0, 0], [10, 0, 0], 2, 4);
  assert.ok(Math.abs(signedDistance(cap, 5, 6, 0) - 3) < 1e-12, 'radius 3 at the middle');
  assert.ok(Math.abs(signedDistance(cap, -5, 0, 0) - 3) < 1e-12, 'end cap');
  const e = ellipsoid([0, 0, 0], [10, 4, 2], Math.PI / 2, 0);
  // after a 90° yaw the 10-mm axis lies along y
  assert.ok(signedDistance(e, 0, 9, 0) < 0 && signedDistance(e, 9, 0, 0) > 0);
  assert.ok(Math.abs(signedDistance(e, 0, 12, 0) - 2) < 1e-9);
  const r = Rng.fromSeed(2);
  for (const s of [sphere, cap, e]) {
    const b = shapeBox(s);
    for (let k = 0; k < 2000; k++) {
      const x = r.uniformRange(-20, 20), y = r.uniformRange(-20, 20), z = r.uniformRange(-20, 20);
      const inBox = x >= b.lo[0] && x <= b.hi[0] && y >= b.lo[1] && y <= b.hi[1] && z >= b.lo[2] && z <= b.hi[2];
      if (signedDistance(s, x, y, z) < 0) assert.ok(inBox);
    }
  }
});

test('the painter’s inlined distance and coverage agree with signedDistance', () => {
  const options = resolveSynthOptions({ matrix: 96 });
  const plan = planCase(options, 'PR-1', 1, 0);
  const g = scanGeometry(plan.anatomy, plan.scanner);
  const raster = new HeadRaster(plan.anatomy, g, Rng.fromSeed(1));
  const sp = g.spacing[0];
  const prims: Primitive[] = [
    { shape: ellipsoid([5, -10, 12], [14, 8, 6], 0.4, 0.3), tissue: Tissue.LESION, hu: 500 },
    { shape: capsule([-30, 10, 10], [-5, 30, 16], 3, 6), tissue: Tissue.LESION, hu: 500 },
  ];
  for (const prim of prims) {
    const jobs = paintJobs(g, plan.anatomy.pose, [prim], null);
    for (const zHead of [11, 13, 15]) {
      const z = zHead + plan.anatomy.pose.shift[2];
      raster.prepareSlice(z);
      const buf = allocateSamples(g.size[0] * g.size[1]);
      raster.basePass(z, buf);
      const before = Float32Array.from(buf.hu);
      paint(raster, jobs, z, buf);
      let covered = 0;
      for (let j = 0; j < g.size[1]; j++) for (let i = 0; i < g.size[0]; i++) {
        const p = i + g.size[0] * j;
        const q = scannerToHead(plan.anatomy.pose, g.origin[0] + i * sp, g.origin[1] + j * sp, z);
        const f = Math.min(1, Math.max(0, 0.5 - signedDistance(prim.shape, q[0], q[1], q[2]) / sp));
        const expected = before[p] + f * (500 - before[p]);
        assert.ok(Math.abs(buf.hu[p] - expected) < 0.02, `pixel ${i},${j}: ${buf.hu[p]} vs ${expected}`);
        if (f >= 1) { assert.equal(buf.label[p], Tissue.LESION); covered++; }
      }
      assert.ok(covered > 0, `no fully covered pixel at z ${zHead} for ${prim.shape.kind}`);
    }
  }
});
