import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planCase, type CasePlan } from '../../../src/synthetic/case-plan.js';
import { resolveSynthOptions } from '../../../src/synthetic/options.js';
import { renderCase, type RenderedCase } from '../../../src/synthetic/render-case.js';
import { HematomaField } from '../../../src/synthetic/hematoma-field.js';
import { brainDepth, scannerToHead } from '../../../src/synthetic/head-geometry.js';
import { Tissue, TISSUE_HU, TISSUE_NAMES } from '../../../src/synthetic/tissues.js';
import { Rng } from '../../../src/core/rng.js';
import type { Etiology } from '../../../src/synthetic/etiology.js';

const options = resolveSynthOptions({ matrix: 112 });

/** The first plan (ids F-<tag>-0, 1, ...) of an etiology and centre that satisfies `pred`. */
function findPlan(tag: string, etiology: Etiology, centre: 1 | 2, pred: (p: CasePlan) => boolean): CasePlan {
  for (let k = 0; k < 400; k++) {
    const p = planCase(options, `F-${tag}-${k}`, centre, etiology === 'cvt' ? 1 : 0, etiology);
    if (pred(p)) return p;
  }
  throw new Error(`no plan found for ${tag}`);
}

const cache = new Map<string, RenderedCase>();
function rendered(p: CasePlan): RenderedCase {
  if (!cache.has(p.id)) cache.set(p.id, renderCase(p, { truth: true }));
  return cache.get(p.id)!;
}

const bgHyp = findPlan('bg', 'hypertensive', 1, (p) => p.hematoma.location === 'basal-ganglia' && p.hematoma.nFoci === 1 && p.hematoma.targetVolumeMl > 8);
const cvtTypical = findPlan('cvt', 'cvt', 2, (p) => p.hematoma.typicalPattern && p.hematoma.location !== 'thalamus' && p.hematoma.denseSinus && p.hematoma.targetVolumeMl > 5);
const tumour = findPlan('tum', 'tumour', 1, (p) => p.hematoma.lesion !== null);
const amyloid = findPlan('amy', 'amyloid', 2, () => true);

test('every pure tissue voxel has a noise-free HU inside the nominal range of its tissue', () => {
  const seen = new Set<string>();
  for (const p of [bgHyp, cvtTypical, tumour, amyloid]) {
    const t = rendered(p).truth!;
    for (let i = 0; i < t.tissue.data.length; i++) {
      const name = TISSUE_NAMES[t.tissue.data[i]];
      if (name === 'mixed') continue;
      const r = TISSUE_HU[name];
      const v = t.cleanHu.data[i];
      assert.ok(v >= r.lo - 0.05 && v <= r.hi + 0.05, `${p.id}: ${name} voxel at ${v.toFixed(2)} HU outside [${r.lo}, ${r.hi}]`);
      seen.add(name);
    }
  }
  for (const name of ['air', 'scalp', 'bone', 'diploe', 'csf', 'grey', 'white', 'deep_grey', 'ventricle', 'sinus', 'thrombus', 'hematoma', 'edema', 'cerebellum']) {
    assert.ok(seen.has(name), `no pure ${name} voxel in the test cases`);
  }
});

test('the image is the clean volume plus the centre offset and noise of the centre’s sd', () => {
  for (const p of [bgHyp, cvtTypical]) {
    const r = rendered(p);
    const t = r.truth!;
    const [nx, ny, nz] = r.image.size;
    let n = 0, s = 0, s2 = 0;
    for (let k = 0; k < nz; k++) for (let j = 2; j < ny - 2; j++) for (let i = 2; i < nx - 2; i++) {
      const c = i + nx * (j + ny * k);
      // interior white matter: the voxel and its in-plane neighbours within 2 px are pure white matter
      let pure = true;
      for (let dj = -2; dj <= 2 && pure; dj++) for (let di = -2; di <= 2 && pure; di++) pure = t.tissue.data[c + di + nx * dj] === Tissue.WHITE;
      if (!pure) continue;
      const d = r.image.data[c] - t.cleanHu.data[c];
      s += d; s2 += d * d; n++;
    }
    assert.ok(n > 2000, `${n} interior white-matter voxels`);
    const mean = s / n, sd = Math.sqrt(s2 / n - mean * mean);
    assert.ok(Math.abs(mean - p.scanner.huOffset) < 0.6, `${p.id}: offset ${mean} vs ${p.scanner.huOffset}`);
    // rounding to integers adds 1/12 HU² of variance
    const expected = Math.sqrt(p.scanner.noiseSd ** 2 + 1 / 12);
    assert.ok(Math.abs(sd / expected - 1) < 0.12, `${p.id}: noise sd ${sd} vs ${expected}`);
  }
});

test('the mask is exactly the voxels that are at least half blood, and holds every pure blood voxel', () => {
  for (const p of [bgHyp, cvtTypical, tumour, amyloid]) {
    const r = rendered(p);
    const t = r.truth!;
    let n = 0;
    for (let i = 0; i < r.mask.data.length; i++) {
      assert.equal(r.mask.data[i], t.bloodFraction.data[i] >= 0.5 ? 1 : 0);
      if (t.tissue.data[i] === Tissue.HEMATOMA) assert.equal(r.mask.data[i], 1);
      n += r.mask.data[i];
    }
    assert.equal(n, r.maskVoxels);
    assert.ok(n > 10, `${p.id}: mask of ${n} voxels`);
    const v = r.image.spacing[0] * r.image.spacing[1] * r.image.spacing[2];
    assert.ok(Math.abs(r.hematomaVolumeMl - (n * v) / 1000) < 1e-9);
  }
});

test('the rasterised blood matches the hematoma field evaluated independently at the sub-slice points', () => {
  const p = bgHyp;
  const r = rendered(p);
  const field = new HematomaField(p.hematoma);
  const [nx, ny, nz] = r.image.size;
  const sp = r.image.spacing[0], T = r.image.spacing[2];
  // the renderer's documented default: S = round(T / 2.5 mm) sub-slices per slice
  const S = Math.max(1, Math.round(T / 2.5));
  const blood = r.truth!.bloodFraction.data;
  // every voxel of the mask's bounding box grown by 2 voxels
  const lo = [nx, ny, nz], hi = [-1, -1, -1];
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    if (!r.mask.data[i + nx * (j + ny * k)]) continue;
    [i, j, k].forEach((v, d) => { lo[d] = Math.min(lo[d], v); hi[d] = Math.max(hi[d], v); });
  }
  let checked = 0, agree = 0, partial = 0;
  for (let k = Math.max(0, lo[2] - 2); k <= Math.min(nz - 1, hi[2] + 2); k++) {
    for (let j = Math.max(0, lo[1] - 2); j <= Math.min(ny - 1, hi[1] + 2); j++) {
      for (let i = Math.max(0, lo[0] - 2); i <= Math.min(nx - 1, hi[0] + 2); i++) {
        const x = r.image.origin[0] + i * sp, y = r.image.origin[1] + j * sp, zc = r.image.origin[2] + k * T;
        let f = 0;
        for (let s = 0; s < S; s++) {
          const q = scannerToHead(p.anatomy.pose, x, y, zc - T / 2 + ((s + 0.5) * T) / S);
          f += field.sampleAt(q[0], q[1], q[2], sp).blood / S;
        }
        checked++;
        if (f > 0.01 && f < 0.99) partial++;
        if (Math.abs(f - blood[i + nx * (j + ny * k)]) < 1e-4) agree++;
      }
    }
  }
  assert.ok(partial > 20, `${partial} partial-volume voxels among ${checked}`);
  assert.ok(agree / checked > 0.98, `${agree} of ${checked} voxels agree`);
});

test('the mask volume matches a Monte-Carlo volume of the planned hematoma', () => {
  const p = bgHyp;
  const r = rendered(p);
  const field = new HematomaField(p.hematoma);
  const rng = Rng.fromSeed('mc');
  const lo = p.hematoma.lobes[0].shape.kind === 'ellipsoid' ? p.hematoma.lobes[0].shape.c : [0, 0, 0];
  const half = 35;
  let inside = 0;
  const N = 60000;
  for (let k = 0; k < N; k++) {
    const s = field.sampleAt(lo[0] + rng.uniformRange(-half, half), lo[1] + rng.uniformRange(-half, half), lo[2] + rng.uniformRange(-half, half), 1e-6);
    if (s.blood > 0.5) inside++;
  }
  const mc = ((inside / N) * (2 * half) ** 3) / 1000;
  assert.ok(Math.abs(r.hematomaVolumeMl / mc - 1) < 0.12, `mask ${r.hematomaVolumeMl.toFixed(2)} mL vs Monte-Carlo ${mc.toFixed(2)} mL`);
});

/** Physical centroid of the mask in head coordinates, and the smallest depth of a mask voxel under the brain surface. */
function maskGeometry(p: CasePlan, r: RenderedCase): { centroid: number[]; minDepth: number } {
  const [nx, ny, nz] = r.image.size;
  const c = [0, 0, 0];
  let n = 0, minDepth = Infinity;
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    if (!r.mask.data[i + nx * (j + ny * k)]) continue;
    const q = scannerToHead(p.anatomy.pose, r.image.origin[0] + i * r.image.spacing[0], r.image.origin[1] + j * r.image.spacing[1], r.image.origin[2] + k * r.image.spacing[2]);
    for (let d = 0; d < 3; d++) c[d] += q[d];
    minDepth = Math.min(minDepth, brainDepth(p.anatomy, q[0], q[1], q[2]));
    n++;
  }
  return { centroid: c.map((x) => x / n), minDepth };
}

test('rendered bleeds sit at their planned location: deep basal ganglia vs juxtacortical CVT', () => {
  const g = maskGeometry(bgHyp, rendered(bgHyp));
  const dist = Math.hypot(...g.centroid.map((x, d) => x - bgHyp.hematoma.centre[d]));
  assert.ok(dist < 6, `BG mask centroid ${dist.toFixed(1)} mm from the planned centre`);
  assert.ok(Math.abs(g.centroid[0]) > 12 && Math.abs(g.centroid[0]) < 36, 'lateral to the ventricles, medial to the insula');
  assert.ok(g.minDepth > 6, `BG bleed stays off the cortex (min depth ${g.minDepth.toFixed(1)} mm)`);
  const c = maskGeometry(cvtTypical, rendered(cvtTypical));
  assert.ok(c.minDepth < 8, `CVT bleed reaches the cortex (min depth ${c.minDepth.toFixed(1)} mm)`);
});

test('CVT with a dense sinus shows thrombus ≥ 62 HU; the non-CVT cases have no thrombus', () => {
  const t = rendered(cvtTypical).truth!;
  let dense = 0;
  for (let i = 0; i < t.tissue.data.length; i++) if (t.tissue.data[i] === Tissue.THROMBUS && t.cleanHu.data[i] >= 62) dense++;
  assert.ok(dense > 0, 'dense thrombus voxels');
  for (const p of [bgHyp, tumour, amyloid]) assert.ok(!rendered(p).truth!.tissue.data.includes(Tissue.THROMBUS), p.id);
});

test('edema: darker brain next to a typical CVT bleed than farther away', () => {
  const p = cvtTypical, r = rendered(p), t = r.truth!;
  const field = new HematomaField(p.hematoma);
  const [nx, ny, nz] = r.image.size;
  const near: number[] = [], far: number[] = [];
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    const c = i + nx * (j + ny * k);
    const lab = t.tissue.data[c];
    if (lab !== Tissue.WHITE && lab !== Tissue.EDEMA) continue;
    const q = scannerToHead(p.anatomy.pose, r.image.origin[0] + i * r.image.spacing[0], r.image.origin[1] + j * r.image.spacing[1], r.image.origin[2] + k * r.image.spacing[2]);
    const d = field.sampleAt(q[0], q[1], q[2], 1e-6).d;
    if (d > 1 && d < 1 + p.hematoma.edema.plateau) near.push(t.cleanHu.data[c]);
    else if (d === Infinity) far.push(t.cleanHu.data[c]);
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(near.length > 10 && far.length > 100);
  // near voxels mix white matter (full drop) and grey matter (55 % of it)
  assert.ok(mean(far) - mean(near) > 0.45 * p.hematoma.edema.drop, `edema ${mean(near).toFixed(1)} vs ${mean(far).toFixed(1)} HU (drop ${p.hematoma.edema.drop.toFixed(1)})`);
  const sorted = [...near].sort((x, y) => x - y);
  const p10 = sorted[Math.floor(0.1 * sorted.length)];
  const h = p.anatomy.hu;
  assert.ok(p10 < h.white + h.brainVariation - 0.75 * p.hematoma.edema.drop, `white-matter edema at full strength (10th percentile ${p10.toFixed(1)} HU)`);
  assert.ok(p10 > 3 && p10 < 20, 'edema core between ~10 and 20 HU');
});

test('rendering is deterministic and the seed matters', () => {
  const a = renderCase(bgHyp);
  assert.deepEqual(a.image.data, rendered(bgHyp).image.data);
  assert.deepEqual(a.mask.data, rendered(bgHyp).mask.data);
  const other = renderCase(planCase(resolveSynthOptions({ matrix: 112, seed: 43 }), bgHyp.id, 1, 0, 'hypertensive'));
  assert.notDeepEqual(other.image.data, a.image.data);
});
