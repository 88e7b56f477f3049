import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveSynthOptions } from '../../../src/synthetic/options.js';
import { InvalidInputError } from '../../../src/core/errors.js';

test('the default (paper) preset is the Wu et al. 2025 design: 192 (46 CVT) + 83 (24 CVT), matrix 256', () => {
  const o = resolveSynthOptions();
  assert.deepEqual([o.nCentre1, o.cvtCentre1, o.nCentre2, o.cvtCentre2, o.matrix], [192, 46, 83, 24, 256]);
  assert.equal(o.seed, 42);
  assert.equal(o.difficulty, 'standard');
  assert.ok(Object.isFrozen(o));
});

test('custom sizes keep the preset prevalence per centre unless counts or a prevalence are given', () => {
  const o = resolveSynthOptions({ nCentre1: 100, nCentre2: 50 });
  assert.equal(o.cvtCentre1, Math.round((100 * 46) / 192));
  assert.equal(o.cvtCentre2, Math.round((50 * 24) / 83));
  const p = resolveSynthOptions({ nCentre1: 40, nCentre2: 10, prevalence: 0.5 });
  assert.deepEqual([p.cvtCentre1, p.cvtCentre2], [20, 5]);
  const c = resolveSynthOptions({ preset: 'small', cvtCentre1: 2 });
  assert.deepEqual([c.nCentre1, c.cvtCentre1, c.nCentre2, c.cvtCentre2, c.matrix], [12, 2, 8, 3, 128]);
});

test('bad options are InvalidInputErrors naming the option', () => {
  const bad: Record<string, unknown>[] = [
    { matrix: 32 }, { matrix: 200.5 }, { seed: -1 }, { nCentre1: 0, nCentre2: 0 }, { cvtCentre1: 500 },
    { prevalence: 1.5 }, { difficulty: 'extreme' }, { missingRate: 0.9 }, { preset: 'huge' }, { nCentres: 3 },
  ];
  for (const b of bad) {
    assert.throws(() => resolveSynthOptions(b as never), (e: unknown) => e instanceof InvalidInputError && /option/.test(e.message), JSON.stringify(b));
  }
});
