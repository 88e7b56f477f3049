/**
 * Stratified bootstrap confidence interval of the AUC, as pROC's
 * `ci.auc(method = "bootstrap", boot.stratified = TRUE)`: each replicate resamples the cases and the
 * controls separately with replacement (so both group sizes are kept), computes the empirical AUC,
 * and the CI is the type-7 quantile pair at α/2 and 1-α/2 of the replicate AUCs.
 * Randomness comes only from the given seeded {@link Rng}; the same seed gives the same interval.
 */
import { InvalidInputError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import { quantileSorted } from '../math/quantile.js';
import type { RocDirection } from './direction.js';

/** Options of {@link bootstrapAucCi}. */
export interface BootstrapOptions {
  /** Number of replicates (pROC `boot.n`, default 2000). */
  readonly replicates?: number;
  /** Confidence level (default 0.95). */
  readonly confLevel?: number;
  /** ROC direction (default `"<"`). */
  readonly direction?: RocDirection;
}

/** A bootstrap AUC interval. */
export interface BootstrapAucCi {
  readonly boot_n: number;
  readonly stratified: true;
  readonly conf_level: number;
  readonly ci_lower: number;
  readonly ci_upper: number;
  /** Seed path of the random stream used (for provenance). */
  readonly seed: string;
}

/**
 * Stratified bootstrap CI of the AUC of cases vs controls. O(B·(n + K)) with K distinct values.
 * @param rng seeded stream (e.g. `Rng.fromSeed(2024).child('bootstrap')`); it is advanced
 */
export function bootstrapAucCi(cases: ArrayLike<number>, controls: ArrayLike<number>, rng: Rng, opts: BootstrapOptions = {}): BootstrapAucCi {
  const B = opts.replicates ?? 2000;
  const conf = opts.confLevel ?? 0.95;
  if (!(Number.isInteger(B) && B >= 10)) throw new InvalidInputError('bootstrap replicates must be an integer >= 10', { found: String(B) });
  if (!(conf > 0 && conf < 1)) throw new InvalidInputError('confidence level must be between 0 and 1', { found: String(conf) });
  const sign = (opts.direction ?? '<') === '>' ? -1 : 1;
  // Dense integer codes of the (oriented) values: code order = value order.
  const all = Float64Array.from([...Array.from(cases as ArrayLike<number>), ...Array.from(controls as ArrayLike<number>)].map((v) => sign * v)).sort();
  const codeOf = new Map<number, number>();
  let k = 0;
  for (let i = 0; i < all.length; i++) if (!codeOf.has(all[i])) codeOf.set(all[i], k++);
  const cc = Int32Array.from(Array.from(cases as ArrayLike<number>), (v) => codeOf.get(sign * v) as number);
  const kc = Int32Array.from(Array.from(controls as ArrayLike<number>), (v) => codeOf.get(sign * v) as number);
  const n1 = cc.length;
  const n0 = kc.length;
  const count = new Int32Array(k);
  const aucs = new Float64Array(B);
  const below = new Int32Array(k);
  for (let b = 0; b < B; b++) {
    count.fill(0);
    for (let j = 0; j < n0; j++) count[kc[rng.int(n0)]]++;
    // cumulative: below[c] = number of resampled controls with code < c
    let acc = 0;
    for (let c = 0; c < k; c++) {
      below[c] = acc;
      acc += count[c];
    }
    let twice = 0;
    for (let i = 0; i < n1; i++) {
      const c = cc[rng.int(n1)];
      twice += 2 * below[c] + count[c];
    }
    aucs[b] = twice / (2 * n1 * n0);
  }
  aucs.sort();
  const a = (1 - conf) / 2;
  const [lo, hi] = quantileSorted(aucs, [a, 1 - a]);
  return { boot_n: B, stratified: true, conf_level: conf, ci_lower: lo, ci_upper: hi, seed: rng.seedPath };
}
