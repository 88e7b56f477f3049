// Cohorts: stratified seeded holdout and folds (exact class counts, disjoint, reproducible), the manifest
// reader (outcome coding, ids, paths), cohort assignment by column value, and the negative control that
// permutes only the training outcomes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../../../src/core/rng.js';
import { InvalidInputError } from '../../../src/core/errors.js';
import { assignCohorts, parseStudyConfig, readStudyCases, stratifiedFoldIds, stratifiedHoldout, type StudyCase } from '../../../src/study/index.js';

const y40 = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 1 : 0)); // 10 positive, 30 negative

test('stratifiedHoldout: round(fraction · n_class) per class, disjoint, covering, seeded', () => {
  const a = stratifiedHoldout(y40, 0.3, Rng.fromSeed(5));
  assert.equal(a.heldOut.filter((i) => y40[i] === 1).length, 3); // round(0.3 · 10)
  assert.equal(a.heldOut.filter((i) => y40[i] === 0).length, 9); // round(0.3 · 30)
  assert.deepEqual([...a.kept, ...a.heldOut].sort((x, z) => x - z), Array.from({ length: 40 }, (_, i) => i));
  assert.deepEqual(stratifiedHoldout(y40, 0.3, Rng.fromSeed(5)), a, 'same seed, same split');
  assert.notDeepEqual(stratifiedHoldout(y40, 0.3, Rng.fromSeed(6)).heldOut, a.heldOut);
  assert.deepEqual(stratifiedHoldout(y40, 0, Rng.fromSeed(5)).heldOut, []);
});

test('stratifiedFoldIds: every fold holds ⌊n_c/K⌋ or ⌈n_c/K⌉ of each class and sizes differ by at most 1', () => {
  const f = stratifiedFoldIds(y40, 4, Rng.fromSeed(1));
  for (let k = 1; k <= 4; k++) {
    const pos = y40.filter((v, i) => v === 1 && f[i] === k).length;
    const neg = y40.filter((v, i) => v === 0 && f[i] === k).length;
    assert.ok(pos === 2 || pos === 3, `fold ${k}: ${pos} positives`);
    assert.ok(neg === 7 || neg === 8, `fold ${k}: ${neg} negatives`);
    assert.equal(pos + neg, 10);
  }
  assert.deepEqual(stratifiedFoldIds(y40, 4, Rng.fromSeed(1)), f);
  assert.throws(() => stratifiedFoldIds([0, 1], 3, Rng.fromSeed(1)), InvalidInputError);
});

function caseOf(id: string, outcome: 0 | 1, centre: string): StudyCase {
  return { id, image: `/i/${id}`, mask: `/m/${id}`, maskLabel: 1, outcome, cohortValue: centre, row: { id, centre } };
}

const cases: StudyCase[] = [];
for (let i = 0; i < 30; i++) cases.push(caseOf(`a${i}`, i < 9 ? 1 : 0, '1'));
for (let i = 0; i < 12; i++) cases.push(caseOf(`b${i}`, i < 4 ? 1 : 0, '2'));
for (let i = 0; i < 3; i++) cases.push(caseOf(`c${i}`, 0, '3'));

test('assignCohorts: training and external test by column value; other values are left out with a note', () => {
  const cfg = parseStudyConfig('manifest: m.csv\ncohorts: {column: centre, training: "1", external_test: "2"}\n');
  const c = assignCohorts(cfg, cases);
  assert.deepEqual(c.members.training.map((i) => c.cases[i].id), cases.slice(0, 30).map((x) => x.id));
  assert.deepEqual(c.members.external_test.map((i) => c.cases[i].id), cases.slice(30, 42).map((x) => x.id));
  assert.deepEqual(c.members.internal_test, []);
  assert.match(c.notes.join(' '), /3 patient\(s\) in neither/);
  assert.equal(c.definitions.training, 'centre = 1');
  assert.equal(c.definitions.external_test, 'centre = 2');
  // without `training`, every non-external patient trains
  const all = assignCohorts(parseStudyConfig('manifest: m.csv\ncohorts: {column: centre, external_test: "2"}\n'), cases);
  assert.equal(all.members.training.length, 33);
});

test('assignCohorts: internal test = stratified seeded fraction of the training patients', () => {
  const cfg = parseStudyConfig('manifest: m.csv\nseed: 3\ncohorts: {column: centre, training: "1", external_test: "2", internal_test: 0.3}\n');
  const c = assignCohorts(cfg, cases);
  const pos = (idx: readonly number[]) => idx.filter((i) => c.cases[i].outcome === 1).length;
  assert.equal(c.members.internal_test.length, 9);
  assert.equal(pos(c.members.internal_test), 3); // round(0.3 · 9)
  assert.equal(c.members.training.length, 21);
  assert.ok(c.members.internal_test.every((i) => c.cases[i].cohortValue === '1'));
  assert.deepEqual(assignCohorts(cfg, cases).members, c.members, 'reproducible');
});

test('assignCohorts: the negative control permutes the training outcomes only', () => {
  const cfg = parseStudyConfig('manifest: m.csv\ncohorts: {column: centre, training: "1", external_test: "2"}\n');
  const base = assignCohorts(cfg, cases);
  const perm = assignCohorts(cfg, cases, { permuteTrainingLabels: 9 });
  const tr = perm.members.training;
  assert.equal(tr.filter((i) => perm.cases[i].outcome === 1).length, 9, 'the class counts stay');
  assert.ok(tr.some((i) => perm.cases[i].outcome !== base.cases[i].outcome), 'some training outcomes changed');
  for (const i of perm.members.external_test) assert.equal(perm.cases[i].outcome, base.cases[i].outcome, 'test outcomes untouched');
  assert.match(perm.notes.join(' '), /NEGATIVE CONTROL/);
});

test('assignCohorts: a cohort with fewer than 2 patients of a class is an error', () => {
  const few = [...cases.slice(0, 30), caseOf('x1', 1, '2'), caseOf('x2', 0, '2'), caseOf('x3', 0, '2')];
  const cfg = parseStudyConfig('manifest: m.csv\ncohorts: {column: centre, training: "1", external_test: "2"}\n');
  assert.throws(() => assignCohorts(cfg, few), /external test cohort has too few patients of a class/);
});

test('readStudyCases: configured columns, outcome coding, per-patient mask labels, paths from the manifest folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dlrn-cases-'));
  writeFileSync(join(dir, 'm.csv'), 'pid,ct,seg,dx,site,lab\nP1,img/1.nii,seg/1.nii,CVT,A,2\nP2,/abs/2.nii,seg/2.nii,other,B,\n');
  const cfg = parseStudyConfig(
    'manifest: m.csv\ncolumns: {id: pid, image: ct, mask: seg, mask_label: lab}\noutcome: {column: dx, positive: CVT, negative: other}\ncohorts: {column: site}\n',
    { baseDir: dir },
  );
  const c = readStudyCases(cfg);
  assert.deepEqual(c.map((x) => [x.id, x.outcome, x.maskLabel, x.cohortValue]), [['P1', 1, 2, 'A'], ['P2', 0, 1, 'B']]);
  assert.equal(c[0].image, join(dir, 'img/1.nii'));
  assert.equal(c[1].image, '/abs/2.nii');
  writeFileSync(join(dir, 'bad.csv'), 'pid,ct,seg,dx,site,lab\nP1,a,b,maybe,A,1\n');
  const bad = parseStudyConfig('manifest: bad.csv\ncolumns: {id: pid, image: ct, mask: seg}\noutcome: {column: dx, positive: CVT, negative: other}\n', { baseDir: dir });
  assert.throws(() => readStudyCases(bad), /outcome "maybe" is neither/);
  writeFileSync(join(dir, 'dup.csv'), 'id,image,mask,label\nP1,a,b,1\nP1,c,d,0\n');
  assert.throws(() => readStudyCases(parseStudyConfig('manifest: dup.csv\n', { baseDir: dir })), /appears twice/);
  const missingCol = parseStudyConfig('manifest: dup.csv\nclinical: {variables: [{name: epilepsy}]}\n', { baseDir: dir });
  assert.throws(() => readStudyCases(missingCol), /column "epilepsy" not found/);
});
