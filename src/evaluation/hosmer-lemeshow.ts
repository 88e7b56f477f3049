/**
 * Hosmer-Lemeshow goodness-of-fit test with ResourceSelection's `hoslem.test(y, p, g)` grouping
 * (version 0.3-6): breaks = unique(quantile(p, 0:g/g)) (type 7), groups = `cut(p, breaks,
 * include.lowest = TRUE)` (right-closed intervals, the first also closed on the left),
 * X² = Σ over non-empty groups of (O₁-E₁)²/E₁ + (O₀-E₀)²/E₀, df = (non-empty groups) - 2,
 * p = P(χ²_df > X²). Hosmer & Lemeshow, Applied Logistic Regression (2000), §5.2.2.
 */
import { InvalidInputError } from '../core/errors.js';
import { pchisq } from '../math/distributions.js';
import { quantile } from '../math/quantile.js';
import { checkBinaryScores, checkProbabilities } from './validate.js';

/** The Hosmer-Lemeshow block (reference `hosmer_lemeshow.resourceselection_replica`). */
export interface HosmerLemeshow {
  readonly g: number;
  readonly chisq: number;
  readonly df: number;
  readonly p_value: number;
  /** Group boundaries (unique type-7 quantiles of p). */
  readonly breaks: number[];
  /** Per group (one per interval between consecutive breaks): size, observed/expected events and non-events. */
  readonly group_n: number[];
  readonly observed_events: number[];
  readonly expected_events: number[];
  readonly observed_nonevents: number[];
  readonly expected_nonevents: number[];
}

/** Group (0-based) of value v for right-closed intervals over `breaks`, the first closed on the left. */
function groupOf(v: number, breaks: readonly number[]): number {
  for (let k = 1; k < breaks.length; k++) if (v <= breaks[k]) return k - 1;
  return breaks.length - 2;
}

/**
 * Hosmer-Lemeshow test of probabilities `p` against outcomes `y` with `g` quantile groups (default 10).
 * @throws InvalidInputError for bad labels/probabilities, g < 3, or fewer than 3 distinct groups
 */
export function hosmerLemeshow(y: ArrayLike<number>, p: ArrayLike<number>, g = 10): HosmerLemeshow {
  checkBinaryScores(y, p, 'probability');
  checkProbabilities(p);
  if (!(Number.isInteger(g) && g >= 3)) throw new InvalidInputError('Hosmer-Lemeshow needs an integer number of groups >= 3', { found: String(g) });
  const probs = Array.from({ length: g + 1 }, (_, k) => k / g);
  const q = quantile(p, probs);
  const breaks = q.filter((v, i) => i === 0 || q.indexOf(v) === i);
  if (breaks.length < 2) {
    throw new InvalidInputError('Hosmer-Lemeshow: all predicted probabilities are equal', { fix: 'the test needs varying predictions.' });
  }
  const G = breaks.length - 1;
  const n = new Array<number>(G).fill(0);
  const o1 = new Array<number>(G).fill(0);
  const e1 = new Array<number>(G).fill(0);
  for (let i = 0; i < p.length; i++) {
    const k = groupOf(p[i], breaks);
    n[k]++;
    o1[k] += y[i];
    e1[k] += p[i];
  }
  const o0 = n.map((m, k) => m - o1[k]);
  const e0 = n.map((m, k) => m - e1[k]);
  let s1 = 0;
  let s0 = 0;
  let nonEmpty = 0;
  for (let k = 0; k < G; k++) {
    if (n[k] === 0) continue;
    nonEmpty++;
    s1 += ((o1[k] - e1[k]) * (o1[k] - e1[k])) / e1[k];
    s0 += ((o0[k] - e0[k]) * (o0[k] - e0[k])) / e0[k];
  }
  const df = nonEmpty - 2;
  if (df < 1) throw new InvalidInputError('Hosmer-Lemeshow: fewer than 3 non-empty groups', { found: `${nonEmpty} groups`, fix: 'the predictions take too few distinct values.' });
  const chisq = s1 + s0;
  return {
    g, chisq, df, p_value: pchisq(chisq, df, false), breaks,
    group_n: n, observed_events: o1, expected_events: e1, observed_nonevents: o0, expected_nonevents: e0,
  };
}
