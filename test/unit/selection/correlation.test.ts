import { test } from 'node:test';
import assert from 'node:assert/strict';
import { correlation, correlationMatrix, squareRows } from '../../../src/selection/correlation.js';

test('Pearson and Spearman on a hand example', () => {
  const x = [1, 2, 3, 4];
  const y = [1, 3, 2, 10];
  // Pearson: centred x = -1.5,-.5,.5,1.5 ; centred y = -3,-1,-2,6 ; Sxy = 4.5+.5-1+9 = 13; Sxx = 5; Syy = 50
  assert.ok(Math.abs(correlation(x, y) - 13 / Math.sqrt(5 * 50)) < 1e-15);
  // Spearman: ranks of y = 1,3,2,4 → Pearson of 1..4 with 1,3,2,4 = (2.25+(-0.5)(0.5)... ) = 4/5
  assert.ok(Math.abs(correlation(x, y, 'spearman') - 0.8) < 1e-15);
  // ties get average ranks: y = 1,2,2,3 → ranks 1,2.5,2.5,4
  const r = correlation(x, [1, 2, 2, 3], 'spearman');
  const rx = [-1.5, -0.5, 0.5, 1.5], ry = [-1.5, 0, 0, 1.5];
  const sxy = rx.reduce((s, v, i) => s + v * ry[i], 0);
  assert.ok(Math.abs(r - sxy / Math.sqrt(5 * 4.5)) < 1e-15);
});

test('the matrix is symmetric with a unit diagonal; a constant column gives NaN', () => {
  const rows = [[1, 5, 2], [2, 3, 2], [4, 4, 2], [8, 1, 2]];
  const m = correlationMatrix(rows);
  const s = squareRows(m, 3);
  assert.equal(s[0][0], 1);
  assert.equal(s[0][1], s[1][0]);
  assert.ok(s[0][1] < 0);
  assert.ok(Number.isNaN(s[0][2]) && Number.isNaN(s[2][2]));
});
