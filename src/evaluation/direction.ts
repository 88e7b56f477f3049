/**
 * ROC direction as in pROC: `"<"` means controls tend to have lower values than cases (a subject is
 * positive when its value is >= the threshold); `">"` the opposite (positive when value <= threshold).
 */
import { InvalidInputError } from '../core/errors.js';
import { median } from '../math/quantile.js';

/** pROC's direction codes. */
export type RocDirection = '<' | '>';

/** Direction requested by a caller: a fixed one or `"auto"`. */
export type RocDirectionOption = RocDirection | 'auto';

/**
 * The direction pROC's `direction = "auto"` picks: `"<"` when median(controls) <= median(cases),
 * else `">"` (pROC `roc.default`).
 */
export function autoDirection(cases: ArrayLike<number>, controls: ArrayLike<number>): RocDirection {
  return median(controls) <= median(cases) ? '<' : '>';
}

/** Resolves `"auto"` and validates the option. */
export function resolveDirection(option: string, cases: ArrayLike<number>, controls: ArrayLike<number>): RocDirection {
  if (option === '<' || option === '>') return option;
  if (option === 'auto') return autoDirection(cases, controls);
  throw new InvalidInputError('invalid ROC direction', { expected: '"<", ">" or "auto"', found: JSON.stringify(option) });
}
