/**
 * Assembles DIR/results.json ({@link StudyResults}, the contract read by the report) from a fitted study:
 * per model and cohort the AUC with its DeLong CI, threshold metrics, calibration and decision curves; paired
 * DeLong tests between models per cohort; the selection steps and LASSO details of each feature set; the
 * clinical analysis; the cohort table; the DLRN nomogram; and a TRIPOD+AI-style summary.
 */
import { InvalidInputError } from '../core/errors.js';
import { dlrnVersion } from '../features/index.js';
import { pairedDelong } from '../evaluation/index.js';
import { nomogramBlock } from '../nomogram/index.js';
import type { StudyCohorts } from './cohorts.js';
import { cohortTable } from './cohort-table.js';
import type { StudyConfig } from './config.js';
import { cohortPerformance, type EvaluationNote } from './evaluate.js';
import type { FeatureSetFit, StudyFit } from './fit-study.js';
import type { FittedPipeline } from './pipeline.js';
import { MODEL_IDS, type CohortId, type FeatureSetResult, type ModelId, type ModelResult, type PairedComparison, type StudyResults } from './results.js';

/** Facts about the features, for results.features. */
export interface FeatureProvenance {
  readonly radiomics: { readonly n_features: number; readonly settings: string; readonly settings_sha256: string };
  readonly deep: { readonly backbone: string; readonly model_sha256: string; readonly n_features: number } | null;
}

function featureSetResult(set: FeatureSetFit, pre: readonly FittedPipeline[]): FeatureSetResult {
  const steps = [...pre.flatMap((p) => p.steps.map((s) => s.summary)), ...set.selection.steps.map((s) => s.summary)];
  const selected = set.lasso.keep.map((j) => ({ name: set.lasso.namesIn[j], coefficient: set.lasso.beta[j] }));
  return { n_candidates: set.nCandidates, steps, ...(set.lasso.details ? { lasso: set.lasso.details } : {}), selected };
}

/**
 * Builds the results (see the module comment). `log` gets a line for every statistic that could not be
 * computed (and why); the lines are also kept in `results.log` by the caller.
 */
export function buildResults(args: {
  config: StudyConfig;
  cohorts: StudyCohorts;
  fit: StudyFit;
  features: FeatureProvenance;
  nomogramSvg: string | null;
  log: readonly string[];
  onNote?: (line: string) => void;
}): StudyResults {
  const { config, cohorts, fit } = args;
  const note = args.onNote ?? (() => undefined);
  const present = fit.cohortsPresent;
  const cohortSummaries: StudyResults['cohorts'] = Object.fromEntries(present.map((c) => {
    const y = fit.y[c] as Float64Array;
    const pos = y.reduce((a, b) => a + b, 0);
    return [c, { n: y.length, n_positive: pos, n_negative: y.length - pos, definition: cohorts.definitions[c] ?? c, ids: [...(fit.ids[c] as string[])] }];
  }));

  const models: Partial<Record<ModelId, ModelResult>> = {};
  for (const id of MODEL_IDS) {
    const m = fit.models[id];
    if (!m) continue;
    const perf: ModelResult['cohorts'] = {};
    for (const c of present) {
      const notes: EvaluationNote[] = [];
      (perf as Record<CohortId, unknown>)[c] = cohortPerformance(fit.y[c] as Float64Array, m.probabilities[c] as Float64Array, m.threshold, { hlGroups: config.doc.evaluation.hl_groups, notes });
      for (const n of notes) note(`${m.label}, ${c}: ${n.what} — ${n.reason}`);
    }
    const alternatives = m.alternatives.map((a) => ({
      classifier: a.classifier,
      auc: Object.fromEntries(present.map((c) => {
        const p = cohortPerformance(fit.y[c] as Float64Array, a.probabilities[c] as Float64Array, 0.5);
        return [c, { auc: p.auc, ci_lower: p.auc_ci_lower, ci_upper: p.auc_ci_upper }];
      })),
    }));
    models[id] = {
      id, label: m.label, classifier: m.classifier, inputs: m.inputs, ...(m.coefficients ? { coefficients: m.coefficients } : {}),
      threshold: m.threshold, cohorts: perf, ...(alternatives.length ? { alternatives } : {}),
    };
  }

  const comparisons: PairedComparison[] = [];
  const ids = MODEL_IDS.filter((id) => fit.models[id]);
  for (const c of present) {
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        const ma = fit.models[ids[a]]!;
        const mb = fit.models[ids[b]]!;
        try {
          const t = pairedDelong(fit.y[c] as Float64Array, ma.probabilities[c] as Float64Array, mb.probabilities[c] as Float64Array, { names: [ids[a], ids[b]] });
          comparisons.push({ cohort: c, model_a: ids[a], model_b: ids[b], auc_a: t.auc_1, auc_b: t.auc_2, z: t.Z, p_value: t.p_value });
        } catch (e) {
          if (!(e instanceof InvalidInputError)) throw e;
          note(`paired DeLong ${ids[a]} vs ${ids[b]} (${c}): not computed (${e.message.split('. ')[0]})`);
        }
      }
    }
  }

  const yTrain = fit.y.training as Float64Array;
  const events = yTrain.reduce((a, b) => a + b, 0);
  const minority = Math.min(events, yTrain.length - events);
  const epv: Record<string, number> = {};
  for (const id of ids) {
    const m = fit.models[id]!;
    epv[id] = minority / Math.max(1, m.inputs.length);
  }
  for (const set of [fit.sets.rad, fit.sets.dl, fit.sets.dlr]) if (set) epv[`${set.id}_lasso_candidates`] = minority / Math.max(1, set.lasso.namesIn.length);

  const doc = config.doc;
  const tripodNotes = [
    `Design: development on the training cohort${present.includes('internal_test') ? ', internal validation on a held-out random split' : ''}${present.includes('external_test') ? ', external validation on an independent cohort' : ''}.`,
    `Outcome: ${doc.outcome.label ?? `${doc.outcome.column} = ${doc.outcome.positive}`} (positive) vs ${doc.outcome.column} = ${doc.outcome.negative}; training events ${events}/${yTrain.length}.`,
    'Leakage control: scaling, filters, PCA, mRMR, LASSO-CV, classifiers, clinical selection and the DLRN were fitted on training patients only; test cohorts were only transformed with the fitted parameters.',
    `Missing clinical values: ${doc.clinical.missing === 'impute' ? `imputed with training medians / most frequent values (${present.map((c) => `${c} ${fit.imputed[c] ?? 0}`).join(', ')})` : 'patients with missing values excluded'}.`,
    `Feature selection: Mann-Whitney p < ${doc.selection.mann_whitney_p}${doc.selection.correlation ? `, |r| > ${doc.selection.correlation.threshold} (${doc.selection.correlation.method}) redundancy filter` : ''}${doc.selection.mrmr_top_k ? `, mRMR top ${doc.selection.mrmr_top_k}` : ''}, LASSO ${doc.selection.lasso.nfolds}-fold CV (${doc.selection.lasso.measure}, ${doc.selection.lasso.lambda_rule}).`,
    `Thresholds: Youden-optimal on the training cohort, applied unchanged to the test cohorts.`,
    ...cohorts.notes,
    ...fit.clinical.notes,
  ];

  return {
    format: 'dlrn-results',
    format_version: 1,
    dlrn_version: dlrnVersion(),
    study: {
      name: config.name, seed: doc.seed, config_sha256: config.sha256, created: new Date().toISOString(),
      outcome: doc.outcome.column, positive_class: doc.outcome.label ?? `${doc.outcome.column} = ${doc.outcome.positive}`,
    },
    cohorts: cohortSummaries,
    cohort_table: cohortTable(doc.clinical.variables, cohorts),
    features: {
      radiomics: args.features.radiomics,
      deep: args.features.deep && fit.dlPre
        ? {
          ...args.features.deep,
          pca_components: fit.dlPre.namesOut.length,
          pca_explained_variance: Array.from(fit.dlPre.pcaStep()?.pca.explainedVarianceRatio ?? []),
        }
        : null,
    },
    selection: {
      rad: featureSetResult(fit.sets.rad, [fit.radPre]),
      dl: fit.sets.dl && fit.dlPre ? featureSetResult(fit.sets.dl, [fit.dlPre]) : null,
      dlr: featureSetResult(fit.sets.dlr, fit.dlPre ? [fit.radPre, fit.dlPre] : [fit.radPre]),
      clinical: { univariate: fit.clinical.univariate, selected: fit.clinical.selected },
    },
    models,
    comparisons,
    nomogram: args.nomogramSvg ? { block: nomogramBlock(fit.dlrn.nomogram), svg: args.nomogramSvg } : { block: nomogramBlock(fit.dlrn.nomogram), svg: '' },
    tripod: { events_per_variable: epv, notes: tripodNotes },
    log: args.log,
  };
}
