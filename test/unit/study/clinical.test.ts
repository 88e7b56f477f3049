// Clinical variables: fill values learnt on training rows only (median, most frequent value), treatment coding
// with the chosen reference, imputation counts, strict checks of binary values and unseen levels; the
// cohort table's summaries by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidInputError } from '../../../src/core/errors.js';
import { clinicalTermNames, cohortTable, encodeClinical, formatNumber, learnClinicalVariables, type ClinicalVariableDoc, type StudyCohorts } from '../../../src/study/index.js';

const docs: ClinicalVariableDoc[] = [
  { name: 'age', type: 'numeric', reference: null, label: 'Age' },
  { name: 'epilepsy', type: 'binary', reference: null, label: null },
  { name: 'site', type: 'categorical', reference: 'lobar', label: null },
];
const train = [
  { age: '40', epilepsy: '1', site: 'deep' },
  { age: '70', epilepsy: '0', site: 'lobar' },
  { age: '', epilepsy: '0', site: 'lobar' },
  { age: '55', epilepsy: 'NA', site: 'infratentorial' },
];

test('fill values come from the training rows; categorical levels start with the reference', () => {
  const vars = learnClinicalVariables(docs, train);
  assert.deepEqual(vars.map((v) => v.fill), ['55', '0', 'lobar']); // median of 40, 70, 55; most frequent 0; most frequent lobar
  assert.deepEqual(vars[2].coding, { name: 'site', kind: 'categorical', levels: ['lobar', 'deep', 'infratentorial'], reference: 'lobar' });
  assert.deepEqual(clinicalTermNames(vars), ['age', 'epilepsy', 'sitedeep', 'siteinfratentorial']);
  const e = encodeClinical(vars, [...train, { age: '81', epilepsy: '1', site: 'deep' }]);
  assert.equal(e.filled, 2);
  assert.deepEqual(e.rows.map((r) => Array.from(r)), [
    [40, 1, 1, 0], [70, 0, 0, 0], [55, 0, 0, 0], [55, 0, 0, 1], [81, 1, 1, 0],
  ]);
});

test('bad clinical values are errors naming the variable and patient', () => {
  const vars = learnClinicalVariables(docs, train);
  assert.throws(() => encodeClinical(vars, [{ age: '40', epilepsy: '2', site: 'deep' }], ['P9']), (e: unknown) => e instanceof InvalidInputError && /epilepsy.*not binary.*P9/.test(e.message));
  assert.throws(() => encodeClinical(vars, [{ age: 'old', epilepsy: '1', site: 'deep' }]), /age.*not a number/);
  assert.throws(() => encodeClinical(vars, [{ age: '40', epilepsy: '1', site: 'brainstem' }]), /unknown level "brainstem"/);
  assert.throws(() => learnClinicalVariables([{ name: 'x', type: 'numeric', reference: null, label: null }], [{ x: '' }]), /no value in the training patients/);
});

test('cohort table: mean ± SD; median [IQR] and n (%) per class, missing counted, Fisher p for small counts', () => {
  const rows = [
    { age: '30', epilepsy: '1' }, { age: '50', epilepsy: '1' }, { age: '', epilepsy: '0' }, // positives (training)
    { age: '60', epilepsy: '0' }, { age: '70', epilepsy: '0' }, { age: '80', epilepsy: '0' }, { age: '90', epilepsy: '1' }, // negatives
  ];
  const outcomes = [1, 1, 1, 0, 0, 0, 0] as const;
  const cohorts: StudyCohorts = {
    cases: rows.map((row, i) => ({ id: `p${i}`, image: '', mask: '', maskLabel: 1, outcome: outcomes[i], cohortValue: null, row })),
    members: { training: [0, 1, 2, 3, 4, 5, 6], internal_test: [], external_test: [] },
    definitions: {}, notes: [],
  };
  const t = cohortTable(docs.slice(0, 2), cohorts);
  assert.equal(t[0].variable, 'Age');
  const age = t[0].cells.training!;
  assert.equal(age.missing, 1);
  assert.equal(age.positive, '40.0 ± 14.1; 40.0 [35.0, 45.0]'); // 30, 50: SD = 14.142
  assert.equal(age.negative, '75.0 ± 12.9; 75.0 [67.5, 82.5]'); // 60..90: SD = 12.910
  const ep = t[1].cells.training!;
  assert.equal(ep.positive, '2 (66.7 %)');
  assert.equal(ep.negative, '1 (25.0 %)');
  assert.equal(ep.all, '3 (42.9 %)');
  // epilepsy × class = [[2, 1], [1, 3]]: R fisher.test p = 0.48571428571428577
  assert.ok(Math.abs((t[1].p_training as number) - 0.48571428571428577) < 1e-12);
  // age: R wilcox.test(c(30, 50), c(60, 70, 80, 90), exact = FALSE, correct = TRUE)$p.value
  assert.ok(Math.abs((t[0].p_training as number) - 0.10519250512004141) < 1e-12);
  assert.deepEqual(Object.keys(t[0].cells), ['training']);
  assert.equal(formatNumber(123.456), '123');
  assert.equal(formatNumber(0.012345), '0.012');
});
