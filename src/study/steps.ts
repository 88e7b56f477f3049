/**
 * The study's feature steps as {@link StepSpec}s: thin adapters over src/selection (variance filter, ICC,
 * z-score scaler, PCA, Mann-Whitney, correlation-redundancy filter, mRMR) and src/models/glmnet (LASSO-CV).
 * Each `fit` sees training rows only and returns a fitted step whose transform never refits.
 */
import { InvalidInputError } from '../core/errors.js';
import { median } from '../math/quantile.js';
import { cvGlmnet } from '../models/glmnet/index.js';
import { columnView, type ColumnMajorMatrix } from '../selection/matrix.js';
import { CorrelationRedundancyFilter } from '../selection/redundancy-filter.js';
import { iccScreen } from '../selection/icc.js';
import { MrmrRanker } from '../selection/mrmr.js';
import { PCA } from '../selection/pca.js';
import { StandardScaler } from '../selection/scaler.js';
import { mannWhitneyTest } from '../selection/univariate-tests.js';
import { VarianceThresholdFilter } from '../selection/variance-filter.js';
import { LassoStep, NonFiniteStep, PcaStep, ScalerStep, SelectStep, type StepContext, type StepSpec } from './pipeline.js';
import type { LassoSummary, SelectionStep } from './results.js';
import { stratifiedFoldIds } from './stratify.js';

function summary(step: string, settings: Record<string, unknown>, nIn: number, nOut: number): SelectionStep {
  return { step, settings, n_in: nIn, n_out: nOut };
}

function shortList(names: readonly string[], max = 6): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')}, ... (${names.length})`;
}

/** Training rows split by class for one column. */
function byClass(col: Float64Array, y: Float64Array): { x1: Float64Array; x0: Float64Array } {
  const x1: number[] = [];
  const x0: number[] = [];
  for (let i = 0; i < y.length; i++) (y[i] === 1 ? x1 : x0).push(col[i]);
  return { x1: Float64Array.from(x1), x0: Float64Array.from(x0) };
}

/** Indices of the `k` best scores (smaller is better), ascending by index. */
function bestK(score: ArrayLike<number>, k: number, smallerIsBetter: boolean): number[] {
  const idx = Array.from({ length: score.length }, (_, j) => j).filter((j) => !Number.isNaN(score[j]));
  idx.sort((a, b) => (smallerIsBetter ? score[a] - score[b] : score[b] - score[a]) || a - b);
  return idx.slice(0, k).sort((a, b) => a - b);
}

/** Keeps features finite for every training patient; fills non-finite values elsewhere with the training median. */
export function nonFiniteStep(): StepSpec {
  return {
    name: 'nonfinite',
    fit(x, _y, names, ctx) {
      const keep: number[] = [];
      const fill: number[] = [];
      const dropped: string[] = [];
      for (let j = 0; j < x.ncol; j++) {
        const col = columnView(x, j);
        if (col.every(Number.isFinite)) { keep.push(j); fill.push(median(col)); } else dropped.push(names[j]);
      }
      if (keep.length === 0) throw new InvalidInputError('every feature has missing (non-finite) values in the training patients', { fix: 'check the feature extraction diagnostics.' });
      if (dropped.length) ctx.log(`  non-finite: dropped ${dropped.length} feature(s) with missing values in training: ${shortList(dropped)}`);
      return new NonFiniteStep(names, keep, fill, summary('nonfinite', { rule: 'finite in every training patient; other rows: training median' }, x.ncol, keep.length));
    },
  };
}

/** Drops features whose training variance (population) is at most `threshold`. */
export function varianceStep(threshold: number): StepSpec {
  return {
    name: 'variance',
    fit(x, _y, names, ctx) {
      const sel = new VarianceThresholdFilter({ threshold }).fit(x, names);
      if (sel.selected.length === 0) throw new InvalidInputError('every feature is constant in the training patients', { found: `${x.ncol} features` });
      if (sel.selected.length < x.ncol) ctx.log(`  variance: dropped ${x.ncol - sel.selected.length} feature(s) with variance ≤ ${threshold}`);
      return new SelectStep('variance', names, sel.selected, summary('variance', { threshold }, x.ncol, sel.selected.length));
    },
  };
}

/**
 * ICC stability screen: for every feature, ICC of (original, retest) over the training patients that have a
 * retest row; keeps features with ICC ≥ threshold (at least `minKeep`, the most stable ones).
 */
export function iccStep(opts: { threshold: number; form: 'ICC1' | 'ICC2' | 'ICC3'; minKeep: number }): StepSpec {
  return {
    name: 'icc',
    fit(x, _y, names, ctx: StepContext) {
      const retest = ctx.retest;
      if (!retest) throw new InvalidInputError('the ICC step needs retest features');
      const rpos = new Map(retest.ids.map((id, i) => [id, i]));
      const rows = ctx.ids.map((id, i) => [i, rpos.get(id)] as const).filter((p): p is readonly [number, number] => p[1] !== undefined);
      if (rows.length < 2) {
        throw new InvalidInputError('too few training patients have a retest row for the ICC screen', { expected: 'at least 2', found: String(rows.length), fix: 'check the ids of the retest manifest.' });
      }
      const rcol = new Map(retest.names.map((n, j) => [n, j]));
      const iccs = new Float64Array(names.length).fill(NaN);
      const tables = new Map<string, number[][]>();
      names.forEach((name, j) => {
        const rj = rcol.get(name);
        if (rj === undefined) return;
        const t: number[][] = [];
        for (const [i, r] of rows) {
          const a = x.data[j * x.nrow + i];
          const b = retest.matrix.data[rj * retest.matrix.nrow + r];
          if (Number.isFinite(a) && Number.isFinite(b)) t.push([a, b]);
        }
        if (t.length >= 2) tables.set(name, t);
      });
      names.forEach((name, j) => {
        const t = tables.get(name);
        if (!t) return;
        try {
          iccs[j] = iccScreen(new Map([[name, t]]), { threshold: opts.threshold, form: opts.form }).perFeature.get(name)!.psych[opts.form].ICC;
        } catch {
          iccs[j] = NaN; // no between-patient variation: not a usable feature
        }
      });
      let keep = names.map((_, j) => j).filter((j) => iccs[j] >= opts.threshold);
      if (keep.length < opts.minKeep) {
        keep = bestK(iccs, opts.minKeep, false);
        ctx.log(`  ICC: fewer than ${opts.minKeep} feature(s) reach ${opts.form} ≥ ${opts.threshold}; kept the ${keep.length} most stable`);
      }
      ctx.log(`  ICC (${opts.form}, ${rows.length} training patients with retest): kept ${keep.length}/${names.length} with ICC ≥ ${opts.threshold}`);
      return new SelectStep('icc', names, keep, summary('icc', { threshold: opts.threshold, form: opts.form, n_pairs: rows.length }, names.length, keep.length));
    },
  };
}

/** z-score scaling (training means and population SDs). */
export function scalerStep(): StepSpec {
  return {
    name: 'zscore',
    fit(x, _y, names) {
      return new ScalerStep(names, new StandardScaler().fit(x), summary('zscore', { ddof: 0, fitted_on: 'training' }, x.ncol, x.ncol));
    },
  };
}

/** PCA with `k` components (at most n - 1 and p), named `<prefix>1..k`. */
export function pcaStep(k: number, prefix: string): StepSpec {
  return {
    name: 'pca',
    fit(x, _y, names, ctx) {
      const kk = Math.min(k, x.nrow - 1, x.ncol);
      if (kk < k) ctx.log(`  PCA: ${k} components requested, ${kk} possible (n - 1 = ${x.nrow - 1}, p = ${x.ncol})`);
      const pca = new PCA({ nComponents: kk }).fit(x);
      const out = Array.from({ length: kk }, (_, c) => `${prefix}${c + 1}`);
      const cum = pca.explainedVarianceRatio.reduce((a, b) => a + b, 0);
      ctx.log(`  PCA: ${x.ncol} → ${kk} components (${(cum * 100).toFixed(1)} % of the training variance)`);
      return new PcaStep(names, out, pca, summary('pca', { n_components: kk, variance_explained: Number(cum.toFixed(4)) }, x.ncol, kk));
    },
  };
}

/** Mann-Whitney screening: keeps features with p < `pMax` (at least `minKeep`, those with the smallest p). */
export function mannWhitneyStep(pMax: number, minKeep: number): StepSpec {
  return {
    name: 'mann_whitney',
    fit(x, y, names, ctx) {
      const p = Float64Array.from({ length: x.ncol }, (_, j) => {
        const { x1, x0 } = byClass(columnView(x, j), y);
        return mannWhitneyTest(x1, x0).pValue;
      });
      let keep = names.map((_, j) => j).filter((j) => p[j] < pMax);
      if (keep.length < minKeep) {
        keep = bestK(p, Math.min(minKeep, x.ncol), true);
        ctx.log(`  Mann-Whitney: fewer than ${minKeep} feature(s) with p < ${pMax}; kept the ${keep.length} with the smallest p`);
      }
      return new SelectStep('mann_whitney', names, keep, summary('mann_whitney', { p_threshold: pMax }, x.ncol, keep.length));
    },
  };
}

/** Correlation-redundancy filter (src/selection): of two features with |r| > threshold keeps the one with the smaller Mann-Whitney p. */
export function correlationStep(threshold: number, method: 'spearman' | 'pearson'): StepSpec {
  return {
    name: 'correlation',
    fit(x, y, names) {
      const f = new CorrelationRedundancyFilter({ threshold, method, rankBy: 'p' }).fit(x, y, names);
      return new SelectStep('correlation', names, f.selected, summary('correlation', { threshold, method }, x.ncol, f.selected.length));
    },
  };
}

/** mRMR (src/selection): keeps the first `k` features of the ranking (all when there are at most k). */
export function mrmrStep(k: number): StepSpec {
  return {
    name: 'mrmr',
    fit(x, y, names) {
      const kk = Math.min(k, x.ncol);
      const keep = kk === x.ncol ? names.map((_, j) => j) : [...new MrmrRanker({ k: kk }).fit(x, y, names).selected];
      return new SelectStep('mrmr', names, keep, summary('mrmr', { top_k: k, scheme: 'MID', method: 'pearson' }, x.ncol, keep.length));
    },
  };
}

/** Options of {@link lassoStep}. */
export interface LassoStepOptions {
  readonly nfolds: number;
  readonly measure: 'deviance' | 'auc';
  readonly lambdaRule: 'lambda.min' | 'lambda.1se';
  readonly alpha: number;
  readonly minFeatures: number;
}

/**
 * LASSO logistic regression with cross-validation (src/models/glmnet `cvGlmnet`, glmnet's algorithm) on
 * stratified seeded folds; keeps the features with non-zero coefficients at the chosen λ (falling back to the
 * first λ of the path with at least `minFeatures` of them) and carries the linear predictor.
 */
export function lassoStep(o: LassoStepOptions): StepSpec {
  return {
    name: 'lasso',
    fit(x: ColumnMajorMatrix, y, names, ctx) {
      const nfolds = Math.min(o.nfolds, x.nrow);
      const foldid = stratifiedFoldIds(y, nfolds, ctx.rng.child('lasso-folds'));
      const cv = cvGlmnet(x, y, { foldid, typeMeasure: o.measure, alpha: o.alpha, featureNames: names });
      const byCode = new Map<string, { n: number; first: string }>();
      for (const w of cv.warnings) {
        if (w.code === 'W_CONSTANT_FEATURE') continue;
        const e = byCode.get(w.code);
        if (e) e.n++; else byCode.set(w.code, { n: 1, first: w.message });
      }
      for (const e of byCode.values()) ctx.log(`  glmnet warning${e.n > 1 ? ` (×${e.n}, full fit and folds)` : ''}: ${e.first}`);
      let lambda = o.lambdaRule === 'lambda.min' ? cv.lambdaMin : cv.lambda1se;
      let coef = cv.coef(lambda);
      let nonzero = Array.from(coef.beta).filter((b) => b !== 0).length;
      if (nonzero < o.minFeatures) {
        const m = Array.from(cv.fit.df).findIndex((d) => d >= o.minFeatures);
        if (m < 0) throw new InvalidInputError('no λ of the LASSO path selects a feature', { fix: 'check that the features vary between patients.' });
        ctx.log(`  LASSO: ${nonzero} feature(s) at ${o.lambdaRule} = ${lambda.toPrecision(4)}; used λ = ${cv.fit.lambda[m].toPrecision(4)}, the first on the path with ≥ ${o.minFeatures}`);
        lambda = cv.fit.lambda[m];
        coef = cv.fit.coefAt(m);
        nonzero = Array.from(coef.beta).filter((b) => b !== 0).length;
      }
      const keep: number[] = [];
      coef.beta.forEach((b, j) => { if (b !== 0) keep.push(j); });
      const details: LassoSummary = {
        measure: cv.name, lambda: Array.from(cv.lambda), cvm: Array.from(cv.cvm), cvsd: Array.from(cv.cvsd), cvlo: Array.from(cv.cvlo), cvup: Array.from(cv.cvup),
        lambda_min: cv.lambdaMin, lambda_1se: cv.lambda1se, lambda_chosen: lambda,
        path_features: [...names], path_beta: cv.fit.betaRows(), path_scale: 'original', intercept: coef.intercept,
        selected: keep.map((j) => ({ name: names[j], coefficient: coef.beta[j] })),
      };
      const settings = { nfolds, measure: cv.typeMeasure, lambda_rule: o.lambdaRule, alpha: o.alpha, lambda };
      return new LassoStep(names, keep, coef.intercept, Array.from(coef.beta), lambda, summary('lasso', settings, x.ncol, keep.length), details);
    },
  };
}
