import { COHORT_IDS, MODEL_IDS, type CohortId, type StudyResults } from '../../study/results.js';
import { figure, nText, pText, table } from '../format.js';
import { COHORT_LABEL, MODEL_COLOR, MODEL_LABEL } from '../labels.js';
import { calibrationChartSvg, dcaChartSvg, rocChartSvg } from '../svg/index.js';

function modelsOn(r: StudyResults, c: CohortId) {
  return MODEL_IDS.filter((m) => r.models[m]?.cohorts[c]).map((m) => ({ id: m, perf: r.models[m]!.cohorts[c]! }));
}

/** ROC curves of all models, one figure per cohort. */
export function rocSection(r: StudyResults): string {
  const figs = COHORT_IDS.filter((c) => r.cohorts[c]).map((c) => figure(`roc-${c}`, rocChartSvg({
    title: `ROC: ${COHORT_LABEL[c]}`,
    curves: modelsOn(r, c).map(({ id, perf }) => ({ name: MODEL_LABEL[id], fpr: perf.roc.fpr, tpr: perf.roc.tpr, auc: perf.auc, ciLower: perf.auc_ci_lower, ciUpper: perf.auc_ci_upper, color: MODEL_COLOR[id] })),
  }), `ROC curves in the ${COHORT_LABEL[c].toLowerCase()}; AUC with 95 % DeLong CI.`));
  const cmp = r.comparisons.length
    ? `<h3>DeLong tests between models</h3>${table(['Cohort', 'Model A', 'Model B', 'AUC A', 'AUC B', 'Z', 'p'], r.comparisons.map((k) => [COHORT_LABEL[k.cohort], MODEL_LABEL[k.model_a], MODEL_LABEL[k.model_b], nText(k.auc_a), nText(k.auc_b), nText(k.z, 2), pText(k.p_value)]))}`
    : '';
  return `<section id="roc"><h2>ROC curves</h2><div class="figrow">${figs.join('')}</div>${cmp}</section>`;
}

/** Calibration curves (lowess + Hosmer-Lemeshow groups) and calibration statistics. */
export function calibrationSection(r: StudyResults): string {
  const shown = (['dlrn', 'dlr', 'clinical'] as const).filter((m) => r.models[m]);
  const figs = COHORT_IDS.filter((c) => r.cohorts[c]).map((c) => figure(`calibration-${c}`, calibrationChartSvg({
    title: `Calibration: ${COHORT_LABEL[c]}`,
    curves: shown.filter((m) => r.models[m]!.cohorts[c]).map((m) => {
      const cal = r.models[m]!.cohorts[c]!.calibration;
      return { name: MODEL_LABEL[m], smoothX: cal.lowess.x, smoothY: cal.lowess.y, groupPredicted: cal.groups.predicted, groupObserved: cal.groups.observed, color: MODEL_COLOR[m] };
    }),
  }), `Observed vs predicted probability in the ${COHORT_LABEL[c].toLowerCase()}: lowess smooth and Hosmer-Lemeshow decile groups; the diagonal is perfect calibration.`));
  const rows: string[][] = [];
  for (const m of MODEL_IDS) for (const c of COHORT_IDS) {
    const p = r.models[m]?.cohorts[c];
    if (!p) continue;
    const k = p.calibration;
    rows.push([MODEL_LABEL[m], COHORT_LABEL[c], nText(k.intercept), nText(k.slope), nText(k.calibration_in_the_large), nText(k.brier), `${nText(k.hosmer_lemeshow_chisq, 2)} (df ${k.hosmer_lemeshow_df})`, pText(k.hosmer_lemeshow_p), nText(k.emax), pText(k.spiegelhalter_p)]);
  }
  return `<section id="calibration"><h2>Calibration</h2><div class="figrow">${figs.join('')}</div>${table(['Model', 'Cohort', 'Intercept', 'Slope', 'CITL', 'Brier', 'HL χ²', 'HL p', 'Emax', 'Spiegelhalter p'], rows)}</section>`;
}

/** Decision curves of all models per cohort. */
export function dcaSection(r: StudyResults): string {
  const figs = COHORT_IDS.filter((c) => r.cohorts[c]).map((c) => {
    const models = modelsOn(r, c);
    const first = models[0]?.perf.dca;
    if (!first) return '';
    return figure(`dca-${c}`, dcaChartSvg({
      title: `Decision curves: ${COHORT_LABEL[c]}`,
      thresholds: first.thresholds,
      models: models.map(({ id, perf }) => ({ name: MODEL_LABEL[id], netBenefit: perf.dca.net_benefit, color: MODEL_COLOR[id] })),
      treatAll: first.treat_all,
      prevalence: first.prevalence,
    }), `Net benefit against threshold probability in the ${COHORT_LABEL[c].toLowerCase()}.`);
  });
  return `<section id="dca"><h2>Decision curves</h2><div class="figrow">${figs.join('')}</div></section>`;
}
