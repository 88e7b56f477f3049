import type { StudyResults } from '../../study/results.js';
import { esc } from '../svg/escape.js';
import { nText, table } from '../format.js';

/** TRIPOD+AI-style summary and the run log. */
export function tripodSection(r: StudyResults): string {
  const epv = table(['Model', 'Events per variable'], Object.entries(r.tripod.events_per_variable).map(([k, v]) => [k, nText(v, 1)]));
  const notes = r.tripod.notes.length ? `<ul>${r.tripod.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : '';
  const f = r.features;
  const items = [
    ['Outcome', `${r.study.outcome} (positive class: ${r.study.positive_class})`],
    ['Predictors', `radiomics (${f.radiomics.settings}; settings sha256 ${f.radiomics.settings_sha256.slice(0, 12)}…)${f.deep ? `, deep features (${f.deep.backbone}, model sha256 ${f.deep.model_sha256.slice(0, 12)}…)` : ''}, clinical variables`],
    ['Leakage control', 'all scaling, selection, PCA and model fitting on the training cohort only; test cohorts only transformed'],
    ['Randomness', `seed ${r.study.seed}; configuration sha256 ${r.study.config_sha256.slice(0, 12)}…`],
    ['Software', `dlrn ${r.dlrn_version}`],
  ];
  return `<section id="tripod"><h2>TRIPOD+AI summary</h2>${table(['Item', 'Value'], items)}${epv}${notes}
<details><summary>Run log (${r.log.length} lines)</summary><pre>${esc(r.log.join('\n'))}</pre></details></section>`;
}
