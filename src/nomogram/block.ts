/**
 * The nomogram block with the field names of the reference outputs
 * (`../shared/reference/stats/README.md`, "Nomogram block"), for JSON output and reports.
 */
import type { NomogramModel, NomogramPatientPoints } from './model.js';

/** One predictor entry of the block. */
export interface NomogramPredictorBlock {
  readonly discrete: boolean;
  readonly axis_values: readonly (number | string)[];
  readonly Xbeta: readonly number[];
  readonly points: readonly number[];
  readonly R_min: number;
  readonly R_max: number;
  readonly coefficient?: number;
  readonly points_per_unit?: number;
}

/** The nomogram block. */
export interface NomogramBlock {
  readonly sc_points_per_lp_unit: number;
  readonly maxscale: number;
  readonly model_intercept: number;
  readonly sum_R_min: number;
  readonly lp_at_zero_points: number;
  readonly predictors: Readonly<Record<string, NomogramPredictorBlock>>;
  readonly total_points_axis: readonly number[];
  readonly lp_axis: { readonly lp_values: readonly number[]; readonly total_points: readonly number[] };
  readonly probability_axis: {
    readonly label: string;
    readonly requested_fun_at: readonly number[];
    readonly shown: readonly boolean[];
    readonly probability: readonly number[];
    readonly total_points: readonly number[];
  };
  readonly patients?: {
    readonly rows: readonly {
      readonly values: Readonly<Record<string, number | string>>;
      readonly points: Readonly<Record<string, number>>;
      readonly total_points: number;
      readonly lp: number;
      readonly probability: number;
      readonly lp_from_points: number;
      readonly outside_axis?: readonly string[];
    }[];
  };
}

/** Converts a {@link NomogramModel} (and optionally patients' readings) to the reference block. */
export function nomogramBlock(model: NomogramModel, patients?: readonly NomogramPatientPoints[]): NomogramBlock {
  const predictors: Record<string, NomogramPredictorBlock> = {};
  for (const a of model.predictors) {
    predictors[a.name] = {
      discrete: a.discrete, axis_values: a.axisValues, Xbeta: a.xbeta, points: a.points, R_min: a.rMin, R_max: a.rMax,
      ...(a.coefficient !== undefined ? { coefficient: a.coefficient, points_per_unit: a.pointsPerUnit } : {}),
    };
  }
  const pa = model.probabilityAxis;
  return {
    sc_points_per_lp_unit: model.pointsPerLpUnit,
    maxscale: model.maxscale,
    model_intercept: model.modelIntercept,
    sum_R_min: model.sumRMin,
    lp_at_zero_points: model.lpAtZeroPoints,
    predictors,
    total_points_axis: model.totalPointsAxis,
    lp_axis: { lp_values: model.lpAxis.lpValues, total_points: model.lpAxis.totalPoints },
    probability_axis: { label: pa.label, requested_fun_at: pa.requestedFunAt, shown: pa.shown, probability: pa.probability, total_points: pa.totalPoints },
    ...(patients ? {
      patients: {
        rows: patients.map((p) => ({
          values: p.values, points: p.points, total_points: p.totalPoints, lp: p.lp, probability: p.probability, lp_from_points: p.lpFromPoints,
          ...(p.outsideAxis.length ? { outside_axis: p.outsideAxis } : {}),
        })),
      },
    } : {}),
  };
}
