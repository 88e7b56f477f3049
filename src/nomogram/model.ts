/**
 * The nomogram of a binary logistic model, built as rms 6.5 `nomogram(fit, fun = plogis, fun.at, lp = TRUE)`
 * builds it with `datadist` defaults (F. Harrell, rms R/nomogram.s and R/datadist.s):
 *
 * - Axis values of a predictor: a factor uses its levels; a numeric predictor with at most
 *   `nUnique` (10) distinct training values uses those values (and is "discrete"); any other
 *   numeric predictor uses `pretty(c(min, max), n = nint)` over the training values.
 * - Xbeta = the term's contribution to the linear predictor at each axis value (β·x for a numeric
 *   term, the level's coefficient for a factor, 0 for the reference level); R_min/R_max = its range.
 * - sc (points per unit of linear predictor) = maxscale / max_j (R_max,j - R_min,j);
 *   points = (Xbeta - R_min)·sc; lp at 0 total points = intercept + Σ_j R_min,j;
 *   total points T ↔ lp: lp = lpAtZero + T/sc.
 * - Linear-predictor axis: lp.at = pretty(range(training lp), nint), placed at (lp.at - lpAtZero)·sc.
 * - Total-points axis: pretty(c(0, max(maxscale, sc·max(lp.at - lpAtZero))), nint) (maxscale alone for one predictor).
 * - Probability axis: each requested probability is placed at the lp found by linear interpolation of
 *   plogis on 1000 equally spaced points over range(lp.at) (as rms does, so positions agree with rms
 *   to the last bits, ≈1e-4 points from the exact qlogis); probabilities outside plogis(range(lp.at))
 *   are not shown.
 */
import { InvalidInputError } from '../core/errors.js';
import { pretty, seqLength } from '../math/pretty.js';
import { approxLinear } from './approx.js';

/** A predictor of the model, as the nomogram needs it. */
export type NomogramPredictorInput =
  | {
    readonly name: string;
    readonly kind: 'numeric';
    /** Coefficient of the (linear) term. */
    readonly coefficient: number;
    /** The training values (for the axis: distinct values or pretty range). */
    readonly trainingValues: ArrayLike<number>;
    /** Display label (default: name). */
    readonly label?: string;
  }
  | {
    readonly name: string;
    readonly kind: 'categorical';
    /** Levels in axis order (the reference level first, as R orders a releveled factor). */
    readonly levels: readonly string[];
    /** Coefficient per level (0 for the reference level). */
    readonly coefficients: readonly number[];
    readonly label?: string;
  };

/** Everything {@link buildNomogram} needs from a fitted model. */
export interface NomogramInput {
  /** The model intercept. */
  readonly intercept: number;
  readonly predictors: readonly NomogramPredictorInput[];
  /** Training linear predictors (for the default lp axis, rms `lp.at`). */
  readonly trainingLinearPredictors: ArrayLike<number>;
}

/** Options of {@link buildNomogram}; defaults are rms's. */
export interface NomogramOptions {
  /** Points of the predictor with the widest Xbeta range (rms `maxscale`, default 100). */
  readonly maxscale?: number;
  /** Approximate number of intervals of pretty axes (rms `nint`, default 10). */
  readonly nint?: number;
  /** Numeric predictors with at most this many distinct values are discrete (datadist `n.unique`, default 10). */
  readonly nUnique?: number;
  /** Probabilities to mark (rms `fun.at`); default `pretty(plogis(range(lp.at)), nint)`. */
  readonly funAt?: readonly number[];
  /** Linear-predictor ticks (rms `lp.at`); default `pretty(range(training lp), nint)`. */
  readonly lpAt?: readonly number[];
  /** Label of the probability axis (rms `funlabel`, default "Risk"). */
  readonly funLabel?: string;
}

/** One predictor axis of the nomogram. */
export interface NomogramAxis {
  readonly name: string;
  readonly label: string;
  readonly kind: 'numeric' | 'categorical';
  /** rms's `discrete`: factors and numeric predictors with few distinct values. */
  readonly discrete: boolean;
  readonly axisValues: readonly (number | string)[];
  readonly xbeta: readonly number[];
  readonly points: readonly number[];
  readonly rMin: number;
  readonly rMax: number;
  /** Numeric predictors: the coefficient and the points per unit of the predictor (coefficient·sc). */
  readonly coefficient?: number;
  readonly pointsPerUnit?: number;
}

/** A patient's reading of the nomogram. */
export interface NomogramPatientPoints {
  readonly values: Readonly<Record<string, number | string>>;
  readonly points: Readonly<Record<string, number>>;
  readonly totalPoints: number;
  /** Linear predictor from the model (intercept + Σ β·x). */
  readonly lp: number;
  readonly probability: number;
  /** lpAtZeroPoints + totalPoints / sc (equals lp up to rounding). */
  readonly lpFromPoints: number;
  /** Numeric predictors whose value lies outside their axis (points extrapolated). */
  readonly outsideAxis: readonly string[];
}

/** The nomogram model: axes, scales and conversions (see the module documentation). */
export interface NomogramModel {
  readonly maxscale: number;
  /** Points per unit of linear predictor (rms `sc`). */
  readonly pointsPerLpUnit: number;
  readonly modelIntercept: number;
  readonly sumRMin: number;
  /** Linear predictor at 0 total points (rms `info$Intercept`). */
  readonly lpAtZeroPoints: number;
  readonly predictors: readonly NomogramAxis[];
  readonly totalPointsAxis: readonly number[];
  readonly lpAxis: { readonly lpValues: readonly number[]; readonly totalPoints: readonly number[] };
  readonly probabilityAxis: {
    readonly label: string;
    readonly requestedFunAt: readonly number[];
    readonly shown: readonly boolean[];
    readonly probability: readonly number[];
    readonly totalPoints: readonly number[];
  };
}

const plogisR = (x: number): number => 1 / (1 + Math.exp(-x));

function distinctSorted(v: readonly number[]): number[] {
  const s = Float64Array.from(v).sort();
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[i - 1]) out.push(s[i]);
  return out;
}

/** Builds the nomogram model (see the module documentation for every rule). */
export function buildNomogram(input: NomogramInput, opts: NomogramOptions = {}): NomogramModel {
  const maxscale = opts.maxscale ?? 100;
  const nint = opts.nint ?? 10;
  const nUnique = opts.nUnique ?? 10;
  if (input.predictors.length === 0) throw new InvalidInputError('a nomogram needs at least one predictor');
  const raw = input.predictors.map((p) => {
    if (p.kind === 'categorical') {
      if (p.levels.length !== p.coefficients.length) throw new InvalidInputError(`levels and coefficients of "${p.name}" differ in length`);
      return { p, discrete: true, axisValues: [...p.levels] as (number | string)[], xbeta: [...p.coefficients] };
    }
    const finite = Array.from(p.trainingValues).filter(Number.isFinite);
    if (finite.length === 0) throw new InvalidInputError(`predictor "${p.name}" has no finite training values`);
    const distinct = distinctSorted(finite);
    const discrete = distinct.length <= nUnique;
    const axis = discrete ? distinct : Array.from(pretty([distinct[0], distinct[distinct.length - 1]], nint));
    return { p, discrete, axisValues: axis as (number | string)[], xbeta: axis.map((x) => p.coefficient * x) };
  });
  const rMin = raw.map((r) => Math.min(...r.xbeta));
  const rMax = raw.map((r) => Math.max(...r.xbeta));
  let widest = 0;
  raw.forEach((_, j) => { widest = Math.max(widest, rMax[j] - rMin[j]); });
  if (!(widest > 0)) throw new InvalidInputError('every predictor has a zero coefficient: the nomogram has no scale');
  const sc = maxscale / widest;
  let sumRMin = 0;
  for (const v of rMin) sumRMin += v;
  const lpAtZero = input.intercept + sumRMin;

  const predictors: NomogramAxis[] = raw.map((r, j) => {
    const base = {
      name: r.p.name, label: r.p.label ?? r.p.name, kind: r.p.kind, discrete: r.discrete,
      axisValues: r.axisValues, xbeta: r.xbeta, points: r.xbeta.map((x) => (x - rMin[j]) * sc), rMin: rMin[j], rMax: rMax[j],
    };
    return r.p.kind === 'numeric' ? { ...base, coefficient: r.p.coefficient, pointsPerUnit: r.p.coefficient * sc } : base;
  });

  const lpAt = opts.lpAt ? [...opts.lpAt] : Array.from(pretty(input.trainingLinearPredictors, nint));
  if (lpAt.length < 2) throw new InvalidInputError('the linear-predictor axis needs at least two ticks', { found: `lp.at = ${lpAt.join(', ')}` });
  const sumMax = input.predictors.length === 1 ? maxscale : Math.max(maxscale, sc * Math.max(...lpAt.map((v) => v - lpAtZero)));
  const totalPointsAxis = Array.from(pretty([0, sumMax], nint));
  const lpAxis = { lpValues: lpAt, totalPoints: lpAt.map((v) => (v - lpAtZero) * sc) };

  const lo = Math.min(...lpAt);
  const hi = Math.max(...lpAt);
  const funAt = opts.funAt ? [...opts.funAt] : Array.from(pretty([plogisR(lo), plogisR(hi)], nint));
  const xseq = seqLength(lo, hi, 1000);
  const fu = xseq.map(plogisR);
  const w = approxLinear(fu, xseq, funAt);
  const shown = funAt.map((f, k) => !Number.isNaN(w[k]) && !Number.isNaN(f));
  const probability = funAt.filter((_, k) => shown[k]);
  const totalPoints = Array.from(w).filter((_, k) => shown[k]).map((v) => (v - lpAtZero) * sc);
  return {
    maxscale, pointsPerLpUnit: sc, modelIntercept: input.intercept, sumRMin, lpAtZeroPoints: lpAtZero, predictors,
    totalPointsAxis, lpAxis,
    probabilityAxis: { label: opts.funLabel ?? 'Risk', requestedFunAt: funAt, shown, probability, totalPoints },
  };
}

/**
 * Reads a patient off the nomogram: points per predictor (linear in x for numeric predictors — the
 * same as interpolating between ticks —, lookup for factors), total points, and the model's lp and
 * probability. Throws for a missing predictor or an unknown level.
 */
export function nomogramPoints(model: NomogramModel, values: Readonly<Record<string, number | string>>): NomogramPatientPoints {
  const sc = model.pointsPerLpUnit;
  const points: Record<string, number> = {};
  const outsideAxis: string[] = [];
  let total = 0;
  let lp = model.modelIntercept;
  for (const a of model.predictors) {
    const v = values[a.name];
    if (v === undefined) throw new InvalidInputError(`patient value for "${a.name}" is missing`);
    let xb: number;
    if (a.kind === 'categorical') {
      const k = a.axisValues.indexOf(String(v));
      if (k < 0) throw new InvalidInputError(`unknown level "${v}" of "${a.name}"`, { expected: `one of ${a.axisValues.join(', ')}` });
      xb = a.xbeta[k];
    } else {
      const x = typeof v === 'number' ? v : Number(v);
      if (!Number.isFinite(x)) throw new InvalidInputError(`patient value for "${a.name}" is not a number`, { found: String(v) });
      const k = a.axisValues.indexOf(x);
      xb = k >= 0 ? a.xbeta[k] : (a.coefficient as number) * x;
      const lo = a.axisValues[0] as number;
      const hi = a.axisValues[a.axisValues.length - 1] as number;
      if (x < lo || x > hi) outsideAxis.push(a.name);
    }
    const pts = (xb - a.rMin) * sc;
    points[a.name] = pts;
    total += pts;
    lp += xb;
  }
  return {
    values: { ...values }, points, totalPoints: total, lp, probability: plogisR(lp),
    lpFromPoints: model.lpAtZeroPoints + total / sc, outsideAxis,
  };
}
