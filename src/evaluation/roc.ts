/**
 * ROC analysis of one score, as pROC 1.18 reports it: AUC, DeLong variance/SE/CI (and placements),
 * the full curve, coordinates at every threshold, Youden and closest-top-left optimal thresholds
 * (all ties), the direction pROC's `"auto"` would choose, and optionally a stratified bootstrap CI.
 * Field names follow the ROC block of the reference outputs (docs/stats.md).
 */
import type { Rng } from '../core/rng.js';
import { bootstrapAucCi, type BootstrapAucCi } from './bootstrap.js';
import { delongCi, pairedDelongTest, unpairedDelongTest, type PairedDelongTest, type UnpairedDelongTest } from './delong.js';
import { autoDirection, resolveDirection, type RocDirection, type RocDirectionOption } from './direction.js';
import { delongPlacements, type Placements } from './placements.js';
import { bestThresholdIndices, rocCoords, selectCoords, type CoordsRows } from './roc-curve.js';
import { checkBinaryScores, splitByClass } from './validate.js';

/** Options of {@link rocAnalysis}. */
export interface RocOptions {
  /** `"<"` (default; controls lower, as the reference), `">"` or `"auto"` (pROC's median rule). */
  readonly direction?: RocDirectionOption;
  /** Confidence level of the DeLong (and bootstrap) CI (default 0.95). */
  readonly confLevel?: number;
  /** Include the DeLong placements (one value per subject) in the block (default false). */
  readonly placements?: boolean;
  /** Add a stratified bootstrap CI with this seeded stream (default: none). */
  readonly bootstrapRng?: Rng;
  /** Bootstrap replicates (default 2000). */
  readonly bootstrapReplicates?: number;
  /** Name of the score in error messages. */
  readonly name?: string;
}

/** `youden_best`: optimal rows plus J = sensitivity + specificity - 1. */
export interface YoudenRows extends CoordsRows {
  readonly J: number[];
}

/** The ROC block (reference JSON `roc.<predictor>`). */
export interface RocBlock {
  readonly n_controls: number;
  readonly n_cases: number;
  readonly direction: RocDirection;
  readonly direction_auto: RocDirection;
  readonly auc: number;
  readonly delong: {
    readonly var: number;
    readonly se: number;
    readonly ci_lower: number;
    readonly ci_upper: number;
    readonly conf_level: number;
    readonly placements?: { readonly theta: number; readonly cases_X: Float64Array; readonly controls_Y: Float64Array };
  };
  readonly curve: { readonly thresholds: Float64Array; readonly sensitivities: Float64Array; readonly specificities: Float64Array };
  readonly coords_all: CoordsRows;
  readonly youden_best: YoudenRows;
  readonly closest_topleft_best: CoordsRows;
  readonly bootstrap?: BootstrapAucCi;
}

/**
 * Full ROC analysis of `score` against the binary outcome `y` (1 = case).
 * @throws InvalidInputError for non-binary labels, a single class, non-finite scores, unequal lengths
 */
export function rocAnalysis(y: ArrayLike<number>, score: ArrayLike<number>, opts: RocOptions = {}): RocBlock {
  checkBinaryScores(y, score, opts.name);
  const { cases, controls } = splitByClass(y, score);
  const direction = resolveDirection(opts.direction ?? '<', cases, controls);
  const pl = delongPlacements(cases, controls, direction);
  const ci = delongCi(pl, opts.confLevel ?? 0.95);
  const c = rocCoords(cases, controls, direction);
  const youden = selectCoords(c, bestThresholdIndices(c, 'youden'));
  const block: RocBlock = {
    n_controls: controls.length,
    n_cases: cases.length,
    direction,
    direction_auto: autoDirection(cases, controls),
    auc: pl.theta,
    delong: {
      ...ci,
      ...(opts.placements ? { placements: { theta: pl.theta, cases_X: pl.cases, controls_Y: pl.controls } } : {}),
    },
    curve: { thresholds: c.threshold, sensitivities: c.sensitivity, specificities: c.specificity },
    coords_all: selectCoords(c, Array.from(c.threshold, (_, i) => i)),
    youden_best: { ...youden, J: youden.sensitivity.map((se, i) => se + youden.specificity[i] - 1) },
    closest_topleft_best: selectCoords(c, bestThresholdIndices(c, 'closest.topleft')),
    ...(opts.bootstrapRng
      ? { bootstrap: bootstrapAucCi(cases, controls, opts.bootstrapRng, { replicates: opts.bootstrapReplicates, confLevel: opts.confLevel, direction }) }
      : {}),
  };
  return block;
}

/** The short ROC block of a model's predictions (reference `roc_train`, `roc_test`, `roc_full`, …). */
export interface ModelRocSummary {
  readonly auc: number;
  readonly delong_var: number;
  readonly ci_lower: number;
  readonly ci_upper: number;
  readonly youden_best: CoordsRows;
}

/** AUC, DeLong variance and CI, and the Youden-optimal rows of predicted probabilities (direction "<"). */
export function modelRocSummary(y: ArrayLike<number>, p: ArrayLike<number>, confLevel = 0.95): ModelRocSummary {
  checkBinaryScores(y, p, 'predictions');
  const { cases, controls } = splitByClass(y, p);
  const pl = delongPlacements(cases, controls, '<');
  const ci = delongCi(pl, confLevel);
  const c = rocCoords(cases, controls, '<');
  return { auc: pl.theta, delong_var: ci.var, ci_lower: ci.ci_lower, ci_upper: ci.ci_upper, youden_best: selectCoords(c, bestThresholdIndices(c, 'youden')) };
}

/** DeLong placements of a score (cases and controls in data order). */
export function rocPlacements(y: ArrayLike<number>, score: ArrayLike<number>, direction: RocDirectionOption = '<'): Placements {
  checkBinaryScores(y, score);
  const { cases, controls } = splitByClass(y, score);
  return delongPlacements(cases, controls, resolveDirection(direction, cases, controls));
}

/** Paired DeLong block with the predictor names (reference `paired_delong.<a>_vs_<b>`). */
export interface PairedDelongBlock extends PairedDelongTest {
  readonly predictor_1: string;
  readonly predictor_2: string;
}

/**
 * Paired DeLong test of two scores measured on the same subjects (`roc.test(paired = TRUE)`);
 * each curve uses its own direction (default `"<"`).
 */
export function pairedDelong(
  y: ArrayLike<number>, score1: ArrayLike<number>, score2: ArrayLike<number>,
  opts: { names?: readonly [string, string]; direction?: RocDirectionOption; confLevel?: number } = {},
): PairedDelongBlock {
  const [a, b] = opts.names ?? ['score_1', 'score_2'];
  checkBinaryScores(y, score1, a);
  checkBinaryScores(y, score2, b);
  const p1 = rocPlacements(y, score1, opts.direction ?? '<');
  const p2 = rocPlacements(y, score2, opts.direction ?? '<');
  return { predictor_1: a, predictor_2: b, ...pairedDelongTest(p1, p2, opts.confLevel ?? 0.95) };
}

/** Unpaired DeLong test of one score in two independent cohorts (`roc.test(paired = FALSE)`). */
export function unpairedDelong(
  y1: ArrayLike<number>, score1: ArrayLike<number>, y2: ArrayLike<number>, score2: ArrayLike<number>,
  opts: { direction?: RocDirectionOption } = {},
): UnpairedDelongTest {
  checkBinaryScores(y1, score1, 'cohort 1');
  checkBinaryScores(y2, score2, 'cohort 2');
  return unpairedDelongTest(rocPlacements(y1, score1, opts.direction ?? '<'), rocPlacements(y2, score2, opts.direction ?? '<'));
}
