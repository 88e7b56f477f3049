// lowess against R 4.2.2 output (values printed with sprintf("%.17g")):
//   x <- c(0.3, 1.2, 2, 2, 3.5, 4.1, 5, 5.2, 6.8, 7, 7.3, 9, 9.1, 12)
//   y <- c(1.1, 0.4, 2.2, 1.9, 3.3, 2.8, 4.9, 4.4, 6.6, 5.1, 7.9, 8.2, 6.5, 13)
//   lowess(x, y, iter=0); lowess(x, y); lowess(x, y, f=0.3, iter=0, delta=1.5)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowess, lowessAt } from '../../../src/evaluation/lowess.js';
import { InvalidInputError } from '../../../src/core/errors.js';

const X = [0.3, 1.2, 2, 2, 3.5, 4.1, 5, 5.2, 6.8, 7, 7.3, 9, 9.1, 12];
const Y = [1.1, 0.4, 2.2, 1.9, 3.3, 2.8, 4.9, 4.4, 6.6, 5.1, 7.9, 8.2, 6.5, 13];
const R_ITER0 = [0.59509121778951535, 1.2719569392907186, 1.8727375828087498, 1.8727375828087498, 3.0651699209268335, 3.5756137095431786, 4.3694028025956522, 4.5799029395263657, 6.1363091563625973, 6.2570915812599228, 6.4469328454455219, 8.2145444694228065, 8.3611522866493857, 12.231389658128551];
const R_ITER3 = [0.64549108736044425, 1.3171209059893714, 1.9139739910194695, 1.9139739910194695, 3.094028588108733, 3.5997228043447325, 4.4073558177966019, 4.6180833368045899, 6.2651526797626218, 6.437663619039494, 6.7012785236219221, 8.7541477791975009, 8.8951553922276165, 12.716324247435223];
const R_F03 = [1.0999999999999999, 0.40000000000000013, 2.0500000000000007, 2.0500000000000007, 3.2999999999999972, 3.7584744333449871, 4.4461860833624716, 4.7629787820918299, 5.8137388084642243, 6.4418058806416383, 7.3839064889077575, 7.3663928721343304, 7.2844436115919198, 12.98634513939172];

function near(got: ArrayLike<number>, want: number[], tol: number): void {
  assert.equal(got.length, want.length);
  for (let i = 0; i < want.length; i++) assert.ok(Math.abs(got[i] - want[i]) <= tol * Math.max(1, Math.abs(want[i])), `[${i}] ${got[i]} vs ${want[i]}`);
}

test('lowess equals R (iter = 0, iter = 3, small span with delta interpolation)', () => {
  // Shuffle the input: lowess sorts by x itself.
  const order = [5, 0, 13, 2, 9, 1, 3, 12, 4, 11, 6, 10, 7, 8];
  const xs = order.map((i) => X[i]);
  const ys = order.map((i) => Y[i]);
  const a = lowess(xs, ys, { iter: 0 });
  assert.deepEqual(Array.from(a.x), X);
  near(a.y, R_ITER0, 1e-14);
  near(lowess(X, Y).y, R_ITER3, 1e-14);
  near(lowess(X, Y, { f: 0.3, iter: 0, delta: 1.5 }).y, R_F03, 1e-14);
});

test('lowess reproduces a straight line, and lowessAt reads the curve at the data points', () => {
  const x = [5, 1, 3, 2, 4, 2, 6, 8, 7, 9];
  const y = x.map((v) => 2 * v + 1);
  const c = lowess(x, y, { iter: 2 });
  c.x.forEach((v, i) => assert.ok(Math.abs(c.y[i] - (2 * v + 1)) < 1e-12));
  const at = lowessAt(c, [2, 9, 2.5]);
  assert.ok(Math.abs(at[0] - 5) < 1e-12 && Math.abs(at[1] - 19) < 1e-12 && Math.abs(at[2] - 6) < 1e-12);
});

test('lowess input errors', () => {
  assert.throws(() => lowess([1, 2], [1]), InvalidInputError);
  assert.throws(() => lowess([], []), InvalidInputError);
  assert.throws(() => lowess([1, NaN], [1, 2]), InvalidInputError);
  assert.throws(() => lowess([1, 2], [1, 2], { f: 0 }), InvalidInputError);
});
