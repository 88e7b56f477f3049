import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../../src/core/rng.js';
import { planCase } from '../../../src/synthetic/case-plan.js';
import { resolveSynthOptions } from '../../../src/synthetic/options.js';
import { scanGeometry } from '../../../src/synthetic/scan-grid.js';
import { fillNearestTable, HeadRaster } from '../../../src/synthetic/head-raster.js';
import { allocateSamples } from '../../../src/synthetic/sample-buffers.js';
import { brainRadius, headToScanner, nearestSulcus, scannerToHead, skinRadius, sulcusAngle, sulcusDepth, SULCUS_MIN_DEPTH, wrapAngle } from '../../../src/synthetic/head-geometry.js';
import { Tissue } from '../../../src/synthetic/tissues.js';

const options = resolveSynthOptions({ matrix: 160 });

test('the polar nearest-sulcus table agrees with the brute-force search (wrapping around ±π)', () => {
  const a = planCase(options, 'R-1', 1, 0).anatomy;
  const nb = 720;
  for (const z of [-30, 0, 12.5, 40, 70]) {
    const ang = Float64Array.from(a.sulci, (s) => sulcusAngle(s, z));
    const present = a.sulci.map((s, k) => (sulcusDepth(s, z) >= SULCUS_MIN_DEPTH ? k : -1)).filter((k) => k >= 0);
    const table = new Uint8Array(nb);
    fillNearestTable(present, ang, table);
    for (let b = 0; b < nb; b++) {
      const theta = -Math.PI + ((b + 0.5) * 2 * Math.PI) / nb;
      const k = nearestSulcus(a, theta, z);
      const dTable = Math.abs(wrapAngle(theta - ang[table[b]]));
      const dBrute = Math.abs(wrapAngle(theta - ang[k]));
      assert.ok(Math.abs(dTable - dBrute) < 1e-12, `z ${z} bin ${b}: table ${table[b]} brute ${k}`);
    }
  }
  const empty = new Uint8Array(8);
  fillNearestTable([], new Float64Array(0), empty);
  assert.ok(empty.every((v) => v === 255));
});

test('scanner ↔ head transforms invert each other', () => {
  const pose = planCase(options, 'R-2', 1, 0).anatomy.pose;
  for (const p of [[0, 0, 0], [50, -70, 33], [-88, 12, -40]] as const) {
    const q = scannerToHead(pose, p[0], p[1], p[2]);
    const back = headToScanner(pose, ...q);
    for (let d = 0; d < 3; d++) assert.ok(Math.abs(back[d] - p[d]) < 1e-9);
  }
});

test('the fast layered-head pass agrees with the analytic skin and brain surfaces', () => {
  const plan = planCase(options, 'R-3', 2, 0);
  const a = plan.anatomy;
  const g = scanGeometry(a, plan.scanner);
  const raster = new HeadRaster(a, g, Rng.fromSeed(1));
  const buf = allocateSamples(g.size[0] * g.size[1]);
  const sp = g.spacing[0];
  const brainish = new Set<number>([Tissue.GREY, Tissue.WHITE, Tissue.CSF, Tissue.MIXED, Tissue.CEREBELLUM]);
  let checkedAir = 0, checkedBrain = 0;
  for (const zHead of [-20, 5, 30, 60]) {
    const z = zHead + a.pose.shift[2];
    raster.prepareSlice(z);
    raster.basePass(z, buf);
    for (let j = 0; j < g.size[1]; j += 3) {
      for (let i = 0; i < g.size[0]; i += 3) {
        const p = i + g.size[0] * j;
        const [qx, qy, qz] = scannerToHead(a.pose, g.origin[0] + i * sp, g.origin[1] + j * sp, z);
        const th = Math.atan2(qy, qx), r = Math.hypot(qx, qy);
        if (r > skinRadius(a, th, qz) + sp) { assert.equal(buf.label[p], Tissue.AIR, `air at ${i},${j},${zHead}`); checkedAir++; }
        else if (r < skinRadius(a, th, qz) - sp) assert.notEqual(buf.label[p], Tissue.AIR, `head tissue at ${i},${j},${zHead}`);
        const rb = brainRadius(a, th, qz);
        if (r < rb - sp && buf.depth[p] > -1000) {
          assert.ok(brainish.has(buf.label[p]), `brain at ${i},${j},${zHead}: label ${buf.label[p]}`);
          assert.ok(Math.abs(buf.depth[p] - (rb - r)) < 1e-6 * Math.max(1, rb));
          checkedBrain++;
        }
      }
    }
  }
  assert.ok(checkedAir > 500 && checkedBrain > 500, `${checkedAir} air and ${checkedBrain} brain samples checked`);
});
