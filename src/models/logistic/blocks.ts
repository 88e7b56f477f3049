/**
 * Report blocks of a logistic fit with the field names of the reference outputs
 * (`../shared/reference/stats/README.md`, "glm block" and "lrm block"), so that results can be compared
 * with R field by field and written as JSON by the CLI and reports.
 */
import { lrmStatistics, lrmStatsRecord } from './lrm-stats.js';
import { profileConfint } from './profile.js';
import type { LogisticFit } from './fit.js';

/** The glm block (R `glm` + `summary.glm` + `confint`), field names as in the references. */
export interface GlmBlock {
  readonly terms: readonly string[];
  readonly estimate: Float64Array;
  readonly std_error: Float64Array;
  readonly z_value: Float64Array;
  readonly p_value: Float64Array;
  readonly wald_ci_lower: Float64Array;
  readonly wald_ci_upper: Float64Array;
  readonly odds_ratio: Float64Array;
  readonly or_wald_ci_lower: Float64Array;
  readonly or_wald_ci_upper: Float64Array;
  readonly conf_level: number;
  readonly vcov: readonly Float64Array[];
  readonly deviance: number;
  readonly null_deviance: number;
  readonly df_residual: number;
  readonly df_null: number;
  readonly aic: number;
  readonly loglik: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly control: string;
  readonly profile_ci_lower?: Float64Array;
  readonly profile_ci_upper?: Float64Array;
}

/** Builds the glm block; `profile` adds the profile-likelihood CI (default true). */
export function glmBlock(fit: LogisticFit, opts: { confLevel?: number; profile?: boolean } = {}): GlmBlock {
  const level = opts.confLevel ?? 0.95;
  const ci = fit.confint(level);
  const or = fit.oddsRatios(level);
  const block: GlmBlock = {
    terms: fit.terms,
    estimate: fit.coefficients,
    std_error: fit.stdErrors,
    z_value: fit.zValues,
    p_value: fit.pValues,
    wald_ci_lower: ci.lower,
    wald_ci_upper: ci.upper,
    odds_ratio: or.oddsRatio,
    or_wald_ci_lower: or.lower,
    or_wald_ci_upper: or.upper,
    conf_level: level,
    vcov: fit.vcov,
    deviance: fit.deviance,
    null_deviance: fit.nullDeviance,
    df_residual: fit.dfResidual,
    df_null: fit.dfNull,
    aic: fit.aic,
    loglik: fit.logLik,
    iterations: fit.iterations,
    converged: fit.converged,
    control: `IRLS as glm.fit, epsilon=${fit.control.epsilon}, maxit=${fit.control.maxit}`,
  };
  if (opts.profile ?? true) {
    const prof = profileConfint(fit, level);
    return { ...block, profile_ci_lower: prof.lower, profile_ci_upper: prof.upper };
  }
  return block;
}

/** The lrm block: coefficients with rms names and `fit$stats` (rms 6.5 without `Max Deriv`). */
export interface LrmBlock {
  readonly coefficients: Readonly<Record<string, number>>;
  readonly stats: Readonly<Record<string, number>>;
  /** Exact C and Dxy of the fitted probabilities (Hmisc `somers2`), without rms's binning. */
  readonly somers2_exact: { readonly C: number; readonly Dxy: number };
}

/**
 * Builds the lrm block. `rmsNames` are the rms names of the non-intercept terms (e.g. `race=black`),
 * in the fit's order; default: the glm term names.
 */
export function lrmBlock(fit: LogisticFit, rmsNames?: readonly string[]): LrmBlock {
  const names = ['Intercept', ...(rmsNames ?? fit.terms.slice(1))];
  const coefficients: Record<string, number> = {};
  names.forEach((nm, j) => { coefficients[nm] = fit.coefficients[j]; });
  const st = lrmStatistics(fit);
  return { coefficients, stats: lrmStatsRecord(st), somers2_exact: { C: st.cExact, Dxy: st.dxyExact } };
}
