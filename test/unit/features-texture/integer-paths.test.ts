// The integer fast paths of the texture code agree with the general ones: GLCM statistics of Int32 counts against
// the same counts as doubles, zone matrices from sorted keys against the general grouping, and the packed neighbour
// tallies against a direct count over the 26 neighbours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../../src/core/rng.js';
import { glcmStats, type GlcmStats } from '../../../src/features/texture/glcm/stats.js';
import { groupCounts } from '../../../src/features/texture/common/sparse-counts.js';
import { zoneCounts } from '../../../src/features/texture/common/zone-matrices.js';
import type { Zones } from '../../../src/features/texture/common/zones.js';
import { buildTextureGrid, gridOffset } from '../../../src/features/texture/common/grid.js';
import { neighbourTallies } from '../../../src/features/texture/common/neighbour-tallies.js';
import { halfChebyshevOffsets } from '../../../src/features/texture/common/neighbourhood.js';

test('GLCM statistics of integer counts equal those of the same counts as doubles', () => {
  const rng = Rng.fromSeed(7);
  for (const ng of [1, 2, 5, 17]) {
    const m = new Int32Array(ng * ng);
    // symmetric counts with some empty rows
    for (let a = 0; a < ng; a++) {
      for (let b = 0; b <= a; b++) {
        if (a % 4 === 3 || b % 4 === 3) continue;
        const c = Math.floor(rng.uniform() * 50);
        m[a * ng + b] += c;
        m[b * ng + a] += c;
      }
    }
    const options = { normLevels: ng, eps: 2.220446049250313e-16, flat: 'pyradiomics' as const, mcc: true, symmetric: true };
    const fromInt = glcmStats(m, ng, options);
    const fromDouble = glcmStats(Float64Array.from(m), ng, { ...options, symmetric: false });
    for (const k of Object.keys(fromDouble) as (keyof GlcmStats)[]) {
      const x = fromInt[k];
      const y = fromDouble[k];
      if (Number.isNaN(y)) { assert.ok(Number.isNaN(x), `${k} (N_g ${ng}): ${x} vs NaN`); continue; }
      assert.ok(Math.abs(x - y) <= 1e-10 * Math.max(1, Math.abs(y)), `${k} (N_g ${ng}): ${x} vs ${y}`);
    }
  }
});

test('zone matrices from sorted keys equal the general grouping, entries sorted by level then j', () => {
  const rng = Rng.fromSeed(3);
  const n = 500;
  const level = Int32Array.from({ length: n }, () => 1 + Math.floor(rng.uniform() * 9));
  const size = Int32Array.from({ length: n }, () => (rng.uniform() < 0.05 ? 100000 + Math.floor(rng.uniform() * 3) : 1 + Math.floor(rng.uniform() * 20)));
  const zones: Zones = { count: n, level, size, distance: new Int32Array(n), seed: new Int32Array(n) };
  for (const [from, to] of [[0, n], [100, 180], [7, 7]]) {
    const got = zoneCounts(zones, 'size', from, to);
    const want = groupCounts(level.subarray(from, to), size.subarray(from, to), new Float64Array(to - from).fill(1));
    assert.deepEqual([Array.from(got.level), Array.from(got.j), Array.from(got.count)], [Array.from(want.level), Array.from(want.j), Array.from(want.count)]);
  }
});

test('packed neighbour tallies: neighbour count, level sum and dependent count per voxel', () => {
  const rng = Rng.fromSeed(11);
  const size: [number, number, number] = [6, 5, 4];
  const levels = Int32Array.from({ length: 120 }, () => (rng.uniform() < 0.2 ? 0 : 1 + Math.floor(rng.uniform() * 4)));
  const grid = buildTextureGrid({ size, spacing: [1, 1, 1], levels, nLevels: 4 }, 1);
  const alpha = 1;
  const t = neighbourTallies(grid, halfChebyshevOffsets(grid, 1, -1), alpha);
  for (const v of grid.voxels) {
    const g = grid.levels[v];
    let count = 0, sum = 0, dependent = 0;
    for (let dz = -1; dz <= 1; dz++) for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      if (dx === 0 && dy === 0 && dz === 0) continue;
      const h = grid.levels[v + gridOffset(grid, dx, dy, dz)];
      if (h === 0) continue;
      count++;
      sum += h;
      if (Math.abs(g - h) <= alpha) dependent++;
    }
    assert.equal(t.data[2 * v] & 0xffff, count);
    assert.equal(t.data[2 * v] >>> 16, dependent);
    assert.equal(t.data[2 * v + 1], sum);
  }
});
