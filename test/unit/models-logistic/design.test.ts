// Design matrices: R's treatment coding and term names (raceblack), rms names (race=black), the
// reference level, level order, and the coding applied unchanged to new rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDesign, encodeRows, sortLevels, type PredictorData } from '../../../src/models/design/index.js';
import { InvalidInputError } from '../../../src/core/errors.js';

const data: PredictorData = {
  numeric: new Map([['age', Float64Array.of(30, 40, 50, 60, 70)]]),
  text: new Map([['race', ['white', 'black', 'other', 'white', 'black']], ['grade', ['2', '10', '9', '2', '10']]]),
};

test('treatment coding with a chosen reference: R and rms names, indicator columns', () => {
  const d = buildDesign(data, [{ name: 'age', kind: 'numeric' }, { name: 'race', kind: 'categorical', reference: 'white' }], 5);
  assert.deepEqual(d.terms.map((t) => t.term), ['age', 'raceblack', 'raceother']);
  assert.deepEqual(d.terms.map((t) => t.rmsName), ['age', 'race=black', 'race=other']);
  assert.deepEqual(d.rows.map((r) => Array.from(r)), [[30, 0, 0], [40, 1, 0], [50, 0, 1], [60, 0, 0], [70, 1, 0]]);
  assert.deepEqual(d.coding[1], { name: 'race', kind: 'categorical', levels: ['white', 'black', 'other'], reference: 'white' });
});

test('default reference = first sorted level; numeric-looking levels sort numerically', () => {
  const d = buildDesign(data, [{ name: 'race', kind: 'categorical' }, { name: 'grade', kind: 'categorical' }], 5);
  assert.deepEqual(d.terms.map((t) => t.term), ['raceother', 'racewhite', 'grade9', 'grade10']);
  assert.deepEqual(sortLevels(['b', 'A', 'a']), ['a', 'A', 'b']);
});

test('new rows use the training coding; an unseen level is an error naming the row', () => {
  const d = buildDesign(data, [{ name: 'race', kind: 'categorical', reference: 'white' }], 5);
  const rows = encodeRows(d.coding, { numeric: new Map(), text: new Map([['race', ['other', 'white']]]) }, 2);
  assert.deepEqual(rows.map((r) => Array.from(r)), [[0, 1], [0, 0]]);
  assert.throws(() => encodeRows(d.coding, { numeric: new Map(), text: new Map([['race', ['white', 'asian']]]) }, 2),
    (e: unknown) => e instanceof InvalidInputError && /"asian"/.test(e.message) && /row 2/.test(e.message));
});

test('errors: unknown reference, single level, duplicate predictor, text column used as numeric', () => {
  assert.throws(() => buildDesign(data, [{ name: 'race', kind: 'categorical', reference: 'asian' }], 5), /reference level "asian"/);
  const one: PredictorData = { numeric: new Map(), text: new Map([['s', ['x', 'x', 'x']]]) };
  assert.throws(() => buildDesign(one, [{ name: 's', kind: 'categorical' }], 3), /single level/);
  assert.throws(() => buildDesign(data, [{ name: 'age', kind: 'numeric' }, { name: 'age', kind: 'numeric' }], 5), /twice/);
  assert.throws(() => buildDesign(data, [{ name: 'race', kind: 'numeric' }], 5), /--categorical race/);
});
