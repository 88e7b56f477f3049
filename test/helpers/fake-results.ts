// A plausible StudyResults built from seeded synthetic scores with the real evaluation functions,
// for report tests that must not depend on running a whole study.
import { Rng } from '../../src/core/rng.js';
import { calibrationAnalysis, decisionCurve, rocAnalysis } from '../../src/evaluation/index.js';
import type { CohortId, CohortPerformance, CohortSummary, ModelId, ModelResult, StudyResults } from '../../src/study/results.js';

function perf(y: number[], p: number[], threshold: number): CohortPerformance {
  const roc = rocAnalysis(y, p);
  const cal = calibrationAnalysis(y, p);
  const dca = decisionCurve(y, p);
  const pred = p.map((v) => (v >= threshold ? 1 : 0));
  const tp = pred.filter((v, i) => v === 1 && y[i] === 1).length;
  const fp = pred.filter((v, i) => v === 1 && y[i] === 0).length;
  const tn = pred.filter((v, i) => v === 0 && y[i] === 0).length;
  const fn = pred.filter((v, i) => v === 0 && y[i] === 1).length;
  const hl = cal.hosmer_lemeshow.resourceselection_replica;
  const pts = Array.from(roc.curve.sensitivities, (s, i) => [1 - roc.curve.specificities[i], s] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    n: y.length, n_positive: tp + fn, auc: roc.auc, auc_ci_lower: roc.delong.ci_lower, auc_ci_upper: roc.delong.ci_upper, auc_delong_var: roc.delong.var,
    threshold, sensitivity: tp / (tp + fn), specificity: tn / (tn + fp), accuracy: (tp + tn) / y.length, ppv: tp + fp ? tp / (tp + fp) : null, npv: tn + fn ? tn / (tn + fn) : null, tp, fp, tn, fn,
    roc: { fpr: pts.map((q) => q[0]), tpr: pts.map((q) => q[1]) },
    calibration: {
      intercept: cal.recalibration_exact.intercept, slope: cal.recalibration_exact.slope, calibration_in_the_large: cal.calibration_in_the_large.intercept,
      brier: cal.val_prob.Brier, hosmer_lemeshow_chisq: hl.chisq, hosmer_lemeshow_df: hl.df, hosmer_lemeshow_p: hl.p_value,
      spiegelhalter_z: cal.val_prob['S:z'], spiegelhalter_p: cal.val_prob['S:p'], emax: cal.val_prob.Emax, eavg: cal.val_prob.Eavg,
      lowess: { x: Array.from(cal.lowess.x), y: Array.from(cal.lowess.y) },
      groups: { predicted: hl.expected_events.map((e, i) => e / hl.group_n[i]), observed: hl.observed_events.map((o, i) => o / hl.group_n[i]), n: hl.group_n },
    },
    dca: { thresholds: dca.thresholds, net_benefit: dca.net_benefit_model, treat_all: dca.net_benefit_treat_all, prevalence: dca.prevalence },
    probabilities: p,
  };
}

export function fakeResults(seed = 1): StudyResults {
  const rng = Rng.fromSeed(seed);
  const sizes: Record<CohortId, [number, number]> = { training: [146, 46], internal_test: [40, 12], external_test: [59, 24] };
  const strength: Record<ModelId, number> = { clinical: 0.8, rad: 1.6, dl: 1.3, dlr: 2.2, dlrn: 2.4 };
  const ys: Partial<Record<CohortId, number[]>> = {};
  for (const c of Object.keys(sizes) as CohortId[]) ys[c] = [...Array(sizes[c][0]).fill(0), ...Array(sizes[c][1]).fill(1)];
  const models: Partial<Record<ModelId, ModelResult>> = {};
  for (const m of Object.keys(strength) as ModelId[]) {
    const cohorts: Partial<Record<CohortId, CohortPerformance>> = {};
    for (const c of Object.keys(sizes) as CohortId[]) {
      const y = ys[c]!;
      const p = y.map((v) => 1 / (1 + Math.exp(-(-1.2 + strength[m] * (v - 0.3) + rng.normal(0, 1)))));
      cohorts[c] = perf(y, p, 0.3);
    }
    models[m] = { id: m, label: `${m} model`, classifier: 'logistic', inputs: m === 'dlrn' ? ['dlr_signature', 'epilepsy'] : ['f1', 'f2'], threshold: 0.3, cohorts,
      coefficients: m === 'dlrn' || m === 'clinical' ? [{ term: '(Intercept)', estimate: -1.2, std_error: 0.3, z: -4, p_value: 6e-5, odds_ratio: 0.3, or_ci_lower: 0.17, or_ci_upper: 0.54 }, { term: 'epilepsy', estimate: 1.1, std_error: 0.4, z: 2.75, p_value: 0.006, odds_ratio: 3, or_ci_lower: 1.37, or_ci_upper: 6.6 }] : undefined };
  }
  const lambda = Array.from({ length: 30 }, (_, k) => 0.2 * 0.85 ** k);
  const lasso = {
    measure: 'Binomial deviance', lambda, cvm: lambda.map((l) => 1.1 - 0.4 * Math.exp(-((Math.log(l) + 3) ** 2))), cvsd: lambda.map(() => 0.05),
    cvlo: [] as number[], cvup: [] as number[], lambda_min: lambda[15], lambda_1se: lambda[10], lambda_chosen: lambda[10],
    path_features: ['original_firstorder_Mean', 'dl_pc1'], path_beta: [lambda.map((l, k) => (k > 3 ? 0.05 * (k - 3) : 0)), lambda.map((l, k) => (k > 8 ? -0.03 * (k - 8) : 0))],
    path_scale: 'original' as const, intercept: -1, selected: [{ name: 'original_firstorder_Mean', coefficient: 0.35 }, { name: 'dl_pc1', coefficient: -0.06 }],
  };
  lasso.cvlo = lasso.cvm.map((v) => v - 0.05);
  lasso.cvup = lasso.cvm.map((v) => v + 0.05);
  const cohortsSummary: Partial<Record<CohortId, CohortSummary>> = {};
  for (const c of Object.keys(sizes) as CohortId[]) cohortsSummary[c] = { n: sizes[c][0] + sizes[c][1], n_positive: sizes[c][1], n_negative: sizes[c][0], definition: c === 'external_test' ? 'centre = 2' : 'centre = 1', ids: ys[c]!.map((_, i) => `${c}-${i}`) };
  return {
    format: 'dlrn-results', format_version: 1, dlrn_version: '0.1.0',
    study: { name: 'Synthetic CVT vs other ICH', seed, config_sha256: 'ab'.repeat(32), created: '2026-11-27T00:00:00Z', outcome: 'label', positive_class: 'CVT' },
    cohorts: cohortsSummary,
    cohort_table: [{ variable: 'age', type: 'numeric', cells: { training: { all: '60 ± 15', positive: '42 ± 12', negative: '66 ± 11', missing: 0 } }, p_training: 1e-6 }],
    features: { radiomics: { n_features: 107, settings: 'PyRadiomics default', settings_sha256: 'cd'.repeat(32) }, deep: { backbone: 'mobilenetv2', model_sha256: 'ef'.repeat(32), n_features: 1280, pca_components: 16, pca_explained_variance: [0.4, 0.2] } },
    selection: {
      rad: { n_candidates: 107, steps: [{ step: 'variance', settings: { threshold: 0 }, n_in: 107, n_out: 100 }], lasso, selected: lasso.selected },
      dl: { n_candidates: 16, steps: [], selected: [] },
      dlr: { n_candidates: 116, steps: [{ step: 'mann_whitney', settings: { p: 0.05 }, n_in: 116, n_out: 40 }], lasso, selected: lasso.selected },
      clinical: { univariate: [{ variable: 'epilepsy', term: 'epilepsy', estimate: 1.1, std_error: 0.4, z: 2.75, p_value: 0.006, odds_ratio: 3, or_ci_lower: 1.37, or_ci_upper: 6.6 }], selected: ['epilepsy'] },
    },
    models,
    comparisons: [{ cohort: 'external_test', model_a: 'dlrn', model_b: 'dlr', auc_a: 0.91, auc_b: 0.9, z: 0.8, p_value: 0.42 }],
    nomogram: null,
    tripod: { events_per_variable: { dlrn: 23 }, notes: ['synthetic data'] },
    log: ['step 1', 'step 2'],
  };
}
