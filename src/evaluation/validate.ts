/**
 * Input checks shared by the evaluation functions: binary labels, finite scores of the same length,
 * both classes present, probabilities strictly inside (0, 1). Failures are
 * {@link InvalidInputError}s that say what was expected, what was found and how to fix it.
 */
import { InvalidInputError } from '../core/errors.js';

/** Labels and scores split by class, in data order. */
export interface ClassSplit {
  /** Scores of the cases (y = 1), in data order. */
  readonly cases: Float64Array;
  /** Scores of the controls (y = 0), in data order. */
  readonly controls: Float64Array;
}

function listIndices(idx: readonly number[], max = 8): string {
  const s = idx.slice(0, max).map((i) => String(i + 1)).join(', ');
  return idx.length > max ? `${s} and ${idx.length - max} more` : s;
}

/**
 * Checks that `y` is coded 0/1 and has both classes, and that `score` is finite with the same length.
 * @param what name of the score in messages (e.g. `"s100b"`)
 * @throws InvalidInputError naming the offending positions (1-based)
 */
export function checkBinaryScores(y: ArrayLike<number>, score: ArrayLike<number>, what = 'score'): void {
  if (y.length !== score.length) {
    throw new InvalidInputError(`${what}: labels and scores differ in length`, {
      expected: `${y.length} scores (one per label)`, found: `${score.length}`, fix: 'pass one score per subject.',
    });
  }
  const badY: number[] = [];
  let events = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] === 1) events++;
    else if (y[i] !== 0) badY.push(i);
  }
  if (badY.length > 0) {
    throw new InvalidInputError('the outcome is not binary', {
      expected: 'labels coded 0 (control) and 1 (case)', found: `${badY.length} other values, e.g. ${y[badY[0]]} at position ${badY[0] + 1}`,
      fix: 'recode the outcome to 0/1 (1 = event).',
    });
  }
  if (events === 0 || events === y.length) {
    throw new InvalidInputError(`${what}: a single outcome class`, {
      expected: 'both cases (y = 1) and controls (y = 0)', found: `${y.length} subjects, ${events} cases`,
      fix: 'ROC, calibration and decision curves need both classes; check the row selection.',
    });
  }
  const bad: number[] = [];
  for (let i = 0; i < score.length; i++) if (!Number.isFinite(score[i])) bad.push(i);
  if (bad.length > 0) {
    throw new InvalidInputError(`${what}: scores must be finite numbers`, {
      expected: 'a finite number for every subject', found: `${bad.length} non-finite values (NaN or ±Infinity) at positions ${listIndices(bad)}`,
      fix: 'remove or impute those subjects before the analysis (CLI: --na-drop).',
    });
  }
}

/**
 * Checks that predicted probabilities lie strictly between 0 and 1 (as logit(p) must be finite).
 * @throws InvalidInputError naming the offending positions (1-based)
 */
export function checkProbabilities(p: ArrayLike<number>, what = 'probability'): void {
  const bad: number[] = [];
  for (let i = 0; i < p.length; i++) if (!(p[i] > 0 && p[i] < 1)) bad.push(i);
  if (bad.length > 0) {
    throw new InvalidInputError(`${what}: predicted probabilities must lie strictly between 0 and 1`, {
      expected: '0 < p < 1 for every subject', found: `${bad.length} values outside, e.g. ${p[bad[0]]} at position ${bad[0] + 1} (positions ${listIndices(bad)})`,
      fix: 'pass model probabilities (not 0/1 class predictions or linear predictors); clip exact 0/1 if they come from separation.',
    });
  }
}

/** Splits scores into cases and controls (after {@link checkBinaryScores}). */
export function splitByClass(y: ArrayLike<number>, score: ArrayLike<number>): ClassSplit {
  let n1 = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === 1) n1++;
  const cases = new Float64Array(n1);
  const controls = new Float64Array(y.length - n1);
  let a = 0;
  let b = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] === 1) cases[a++] = score[i];
    else controls[b++] = score[i];
  }
  return { cases, controls };
}
