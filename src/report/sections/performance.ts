import { COHORT_IDS, MODEL_IDS, type StudyResults } from '../../study/results.js';
import { aucText, nText, pctText, table } from '../format.js';
import { COHORT_LABEL, MODEL_LABEL } from '../labels.js';

/** Main results table: per model and cohort, AUC (95 % DeLong CI) and metrics at the training Youden threshold. */
export function performanceSection(r: StudyResults): string {
  const rows: (string | number)[][] = [];
  for (const m of MODEL_IDS) {
    const model = r.models[m];
    if (!model) continue;
    for (const c of COHORT_IDS) {
      const p = model.cohorts[c];
      if (!p) continue;
      rows.push([MODEL_LABEL[m], COHORT_LABEL[c], `${p.n} (${p.n_positive})`, aucText(p.auc, p.auc_ci_lower, p.auc_ci_upper), nText(p.threshold), pctText(p.sensitivity), pctText(p.specificity), pctText(p.accuracy), pctText(p.ppv), pctText(p.npv)]);
    }
  }
  return `<section id="performance"><h2>Discrimination</h2>
<p>AUC with its 95 % DeLong confidence interval; sensitivity, specificity, accuracy, PPV and NPV at each model's Youden-optimal threshold on the training cohort (applied unchanged to the test cohorts).</p>
${table(['Model', 'Cohort', 'n (positive)', 'AUC (95 % CI)', 'Threshold', 'Sensitivity', 'Specificity', 'Accuracy', 'PPV', 'NPV'], rows, 'results')}</section>`;
}
