/**
 * Seeded stratified sampling: the internal-test split and the LASSO cross-validation folds are drawn within
 * each outcome class, so every part keeps the class balance of the whole.
 */
import { InvalidInputError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';

/**
 * Splits positions 0..n-1 into (kept, heldOut): in each class, round(fraction · n_class) positions chosen at
 * random (a seeded permutation of the class) are held out. Both lists are returned in ascending order.
 */
export function stratifiedHoldout(y: ArrayLike<number>, fraction: number, rng: Rng): { kept: number[]; heldOut: number[] } {
  if (!(fraction >= 0 && fraction < 1)) throw new InvalidInputError('the held-out fraction must be in [0, 1)', { found: String(fraction) });
  const heldOut: number[] = [];
  for (const cls of [0, 1]) {
    const members: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === cls) members.push(i);
    const k = Math.round(fraction * members.length);
    const order = rng.child(`class-${cls}`).shuffle(members);
    heldOut.push(...order.slice(0, k));
  }
  heldOut.sort((a, b) => a - b);
  const out = new Set(heldOut);
  const kept: number[] = [];
  for (let i = 0; i < y.length; i++) if (!out.has(i)) kept.push(i);
  return { kept, heldOut };
}

/**
 * Fold ids 1..K for cross-validation, stratified: the members of each class are shuffled (seeded) and dealt
 * to the folds in turn, the negatives continuing where the positives stopped, so fold sizes differ by at most
 * one and each fold holds ⌊n_c/K⌋ or ⌈n_c/K⌉ members of class c.
 */
export function stratifiedFoldIds(y: ArrayLike<number>, k: number, rng: Rng): Int32Array {
  const n = y.length;
  if (!Number.isInteger(k) || k < 2) throw new InvalidInputError('the number of folds must be an integer ≥ 2', { found: String(k) });
  if (k > n) throw new InvalidInputError('more folds than training patients', { expected: `at most ${n} folds`, found: String(k), fix: 'lower selection.lasso.nfolds.' });
  const fold = new Int32Array(n);
  let next = 0;
  for (const cls of [1, 0]) {
    const members: number[] = [];
    for (let i = 0; i < n; i++) if (y[i] === cls) members.push(i);
    for (const i of rng.child(`folds-${cls}`).shuffle(members)) {
      fold[i] = (next % k) + 1;
      next++;
    }
  }
  return fold;
}
