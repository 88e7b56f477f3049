import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planCase, planCohort, caseId } from '../../../src/synthetic/case-plan.js';
import { resolveSynthOptions } from '../../../src/synthetic/options.js';
import { locationClass } from '../../../src/synthetic/locations.js';
import { brainDepth, floorHeight, overPosteriorFossa, tentoriumHeight } from '../../../src/synthetic/head-geometry.js';
import type { Etiology } from '../../../src/synthetic/etiology.js';

const options = resolveSynthOptions();

test('the default cohort has the counts and prevalences of Wu et al. 2025 per centre, unique ids, labels matching the etiology', () => {
  const plans = planCohort(options);
  const count = (c: number, l?: number) => plans.filter((p) => p.centre === c && (l === undefined || p.label === l)).length;
  assert.equal(count(1), 192);
  assert.equal(count(1, 1), 46);
  assert.equal(count(2), 83);
  assert.equal(count(2, 1), 24);
  assert.equal(new Set(plans.map((p) => p.id)).size, 275);
  for (const p of plans) assert.equal(p.label, p.etiology === 'cvt' ? 1 : 0);
  // labels are not sorted: CVT cases are spread over the centre
  const firstCvt = plans.findIndex((p) => p.label === 1);
  assert.ok(firstCvt < 40, `first CVT case at position ${firstCvt}`);
});

test('a patient depends only on the seed, its id and label: same plan alone or in any cohort', () => {
  const plans = planCohort(options);
  const p = plans[57];
  assert.deepEqual(planCase(options, p.id, p.centre, p.label), p);
  const bigger = planCohort(resolveSynthOptions({ nCentre1: 192, nCentre2: 120, cvtCentre2: 30 }));
  for (let i = 0; i < 192; i++) assert.deepEqual(bigger[i], plans[i]);
  const otherSeed = planCase(resolveSynthOptions({ seed: 7 }), p.id, p.centre, p.label);
  assert.notDeepEqual(otherSeed.anatomy, p.anatomy);
  assert.equal(caseId(2, 8), 'C2-009');
});

/** Many plans of one etiology (index-based ids, centre 1). */
function many(etiology: Etiology, n: number) {
  return Array.from({ length: n }, (_, i) => planCase(options, `T-${etiology}-${i}`, 1, etiology === 'cvt' ? 1 : 0, etiology));
}

const frac = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length / xs.length;

test('location mix per class: hypertensive deep (basal ganglia ~60 %, thalamus ~25 %), CVT lobar with ~10 % thalamic, amyloid lobar only', () => {
  const hyp = many('hypertensive', 1500);
  assert.ok(Math.abs(frac(hyp, (p) => p.hematoma.location === 'basal-ganglia') - 0.6) < 0.045);
  assert.ok(Math.abs(frac(hyp, (p) => p.hematoma.location === 'thalamus') - 0.25) < 0.04);
  const cvt = many('cvt', 1500);
  assert.ok(frac(cvt, (p) => locationClass(p.hematoma.location) === 'lobar') > 0.85);
  assert.ok(Math.abs(frac(cvt, (p) => p.hematoma.location === 'thalamus') - 0.1) < 0.03);
  assert.ok(frac(cvt, (p) => p.hematoma.location === 'parasagittal' || p.hematoma.location === 'temporal') > 0.55);
  assert.equal(frac(many('amyloid', 300), (p) => locationClass(p.hematoma.location) === 'lobar'), 1);
  const sides = frac(hyp, (p) => p.hematoma.side === 1);
  assert.ok(Math.abs(sides - 0.5) < 0.05);
});

test('hematoma centres lie where their location says, inside the brain', () => {
  for (const e of ['cvt', 'hypertensive', 'amyloid', 'avm', 'tumour'] as const) {
    for (const p of many(e, 150)) {
      const a = p.anatomy, h = p.hematoma;
      const [x, y, z] = h.centre;
      const depth = brainDepth(a, x, y, z);
      assert.ok(depth > 0, `${p.id} ${h.location} centre outside the brain (depth ${depth})`);
      assert.ok(z > floorHeight(a, x, y), `${p.id} below the cranial floor`);
      assert.equal(Math.sign(x) || h.side, h.side, `${p.id} on the wrong side`);
      switch (h.location) {
        case 'basal-ganglia': assert.ok(Math.abs(x) > 12 && Math.abs(x) < 36 && depth > 20, `${p.id} BG at ${h.centre}`); break;
        case 'thalamus': assert.ok(Math.abs(x) < 20 && y > 0 && depth > 25, `${p.id} thalamus at ${h.centre}`); break;
        case 'cerebellum': assert.ok(overPosteriorFossa(a, y) && z < tentoriumHeight(a, x, y), `${p.id} cerebellum at ${h.centre}`); break;
        case 'parasagittal': assert.ok(Math.abs(x) < 30 && z > 20, `${p.id} parasagittal at ${h.centre}`); break;
        case 'temporal': assert.ok(z < 8 && Math.abs(x) > 25, `${p.id} temporal at ${h.centre}`); break;
        default: assert.ok(depth < 40, `${p.id} ${h.location} too deep (${depth} mm)`);
      }
      if (locationClass(h.location) === 'lobar' && !overPosteriorFossa(a, y)) assert.ok(z > tentoriumHeight(a, x, y) || !overPosteriorFossa(a, y));
    }
  }
});

test('clinical variables follow the class-dependent figures of issue 6', () => {
  const cvt = many('cvt', 1200).map((p) => p.clinicalComplete);
  const other = planCohort(resolveSynthOptions({ nCentre1: 1500, nCentre2: 0, cvtCentre1: 0 })).map((p) => p.clinicalComplete);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(Math.abs(mean(cvt.map((c) => c.age)) - 42) < 2, 'CVT mean age ~42');
  const ageOther = mean(other.map((c) => c.age));
  assert.ok(ageOther > 62 && ageOther < 72, `others' mean age ${ageOther}`);
  const fCvt = frac(cvt, (c) => c.female === 1), fOther = frac(other, (c) => c.female === 1);
  assert.ok(fCvt > 0.64 && fCvt < 0.74, `CVT female ${fCvt}`);
  assert.ok(Math.abs(fOther - 0.35) < 0.05, `others female ${fOther}`);
  const eCvt = frac(cvt, (c) => c.epilepsy === 1), eOther = frac(other, (c) => c.epilepsy === 1);
  assert.ok(eCvt > 0.25 && eCvt < 0.4, `CVT seizures ${eCvt}`);
  assert.ok(eOther > 0.05 && eOther < 0.15, `others seizures ${eOther}`);
  assert.ok(Math.abs(frac(cvt, (c) => c.headache === 1) - 0.8) < 0.04);
  const hOther = frac(other, (c) => c.hypertension === 1);
  assert.ok(hOther > 0.68 && hOther < 0.82, `others hypertension ${hOther}`);
  for (const c of [...cvt, ...other]) {
    if (c.female === 0) assert.equal(c.oc_pregnancy, 0, 'no contraceptives/pregnancy in men');
    assert.ok(Number.isInteger(c.gcs) && c.gcs >= 3 && c.gcs <= 15);
    assert.equal(c.d_dimer, undefined);
  }
  assert.ok(frac(cvt, (c) => c.oc_pregnancy === 1) > 2 * frac(other, (c) => c.oc_pregnancy === 1));
});

test('missing values appear at the configured rate, never in age and sex; D-dimer only on request', () => {
  const o = resolveSynthOptions({ nCentre1: 800, nCentre2: 0, missingRate: 0.1, includeDDimer: true });
  const plans = planCohort(o);
  let blank = 0, total = 0;
  for (const p of plans) {
    const c = p.clinical as unknown as Record<string, number>;
    assert.ok(Number.isFinite(c.age) && Number.isFinite(c.female));
    assert.ok(p.clinicalComplete.d_dimer! > 0);
    for (const k of ['epilepsy', 'headache', 'hypertension', 'oc_pregnancy', 'gcs', 'd_dimer']) { total++; if (Number.isNaN(c[k])) blank++; }
  }
  assert.ok(Math.abs(blank / total - 0.1) < 0.015, `missing fraction ${blank / total}`);
  const none = planCohort(resolveSynthOptions({ preset: 'small', missingRate: 0 }));
  for (const p of none) assert.deepEqual(p.clinical, p.clinicalComplete);
});
