import { MODEL_IDS, type StudyResults } from '../../study/results.js';
import { nText, pText, raw, table } from '../format.js';
import { MODEL_LABEL } from '../labels.js';

/** Model definitions, coefficient tables and the nomogram. `nomogramSvg` is the SVG text (or null). */
export function modelsSection(r: StudyResults, nomogramSvg: string | null): string {
  const parts: string[] = ['<section id="models"><h2>Models</h2>'];
  const defs = MODEL_IDS.filter((m) => r.models[m]).map((m) => {
    const model = r.models[m]!;
    return [MODEL_LABEL[m], model.label, model.classifier, model.inputs.length > 8 ? `${model.inputs.slice(0, 8).join(', ')} … (${model.inputs.length})` : model.inputs.join(', ')];
  });
  parts.push(table(['Model', 'Description', 'Classifier', 'Inputs'], defs));
  for (const m of ['dlrn', 'clinical'] as const) {
    const model = r.models[m];
    if (!model?.coefficients) continue;
    parts.push(`<h3>${MODEL_LABEL[m]}: multivariable logistic regression</h3>`);
    parts.push(table(['Term', 'β', 'SE', 'z', 'p', 'OR (95 % CI)'], model.coefficients.map((c) => [c.term, nText(c.estimate, 4), nText(c.std_error, 4), nText(c.z, 2), pText(c.p_value), c.odds_ratio === null ? '–' : `${nText(c.odds_ratio)} (${nText(c.or_ci_lower)}–${nText(c.or_ci_upper)})`])));
  }
  if (nomogramSvg) {
    parts.push(`<h3>Nomogram</h3>`);
    parts.push(table([], [[raw(`<figure class="chart nomogram" id="fig-nomogram" data-figure="nomogram">${nomogramSvg}<figcaption>DLRN nomogram: read each predictor's points on the top scale, add them, and read the probability under the total.</figcaption></figure>`)]], 'plain'));
  }
  parts.push('</section>');
  return parts.join('');
}
