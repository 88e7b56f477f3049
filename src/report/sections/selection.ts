import type { FeatureSetResult, StudyResults } from '../../study/results.js';
import { figure, nText, table } from '../format.js';
import { barChartSvg, cvCurveSvg, lassoPathSvg } from '../svg/index.js';

function setBlock(key: string, title: string, s: FeatureSetResult): string {
  const steps = table(['Step', 'Settings', 'Features in', 'Features kept'], s.steps.map((st) => [st.step, JSON.stringify(st.settings), st.n_in, st.n_out]));
  const parts = [`<h3>${title}</h3><p>${s.n_candidates} candidate features; every step fitted on the training cohort only.</p>${steps}`];
  if (s.lasso) {
    const l = s.lasso;
    parts.push(`<div class="figrow">${figure(`lasso-path-${key}`, lassoPathSvg({ title: `${title}: LASSO path`, lambda: l.lambda, beta: l.path_beta, names: l.path_features, lambdaMin: l.lambda_min, lambda1se: l.lambda_1se }), `Coefficient paths (${l.path_scale} scale) against λ; dashed lines mark λ.min and λ.1se.`)}${figure(`lasso-cv-${key}`, cvCurveSvg({ title: `${title}: ${l.measure} (10-fold CV)`, lambda: l.lambda, cvm: l.cvm, cvlo: l.cvlo, cvup: l.cvup, measure: l.measure, lambdaMin: l.lambda_min, lambda1se: l.lambda_1se }), `Cross-validated ${l.measure} (mean ± 1 SE); λ chosen = ${nText(l.lambda_chosen, 5)}.`)}</div>`);
  }
  if (s.selected.length) {
    const sorted = [...s.selected].sort((a, b) => Math.abs(b.coefficient) - Math.abs(a.coefficient));
    parts.push(figure(`coefficients-${key}`, barChartSvg({ title: `${title}: selected features`, xLabel: 'Coefficient', labels: sorted.map((f) => f.name), values: sorted.map((f) => f.coefficient) }), `${s.selected.length} selected features and their coefficients.`));
  }
  return parts.join('');
}

/** Feature selection: steps, LASSO path and CV curve, coefficient chart, per feature set. */
export function selectionSection(r: StudyResults): string {
  const f = r.features;
  const intro = `<p>Radiomics: ${f.radiomics.n_features} features (${f.radiomics.settings}).${f.deep ? ` Deep learning: ${f.deep.n_features} features of ${f.deep.backbone}, compressed by PCA to ${f.deep.pca_components} components (training cohort; ${(100 * f.deep.pca_explained_variance.reduce((a, b) => a + b, 0)).toFixed(1)} % of the variance).` : ''}</p>`;
  const sets = [setBlock('rad', 'Rad features', r.selection.rad), ...(r.selection.dl ? [setBlock('dl', 'DL features', r.selection.dl)] : []), setBlock('dlr', 'DLR (fused) features', r.selection.dlr)];
  const clin = r.selection.clinical;
  const uni = table(['Variable', 'Term', 'OR', '95 % CI', 'p'], clin.univariate.map((u) => [u.variable, u.term, nText(u.odds_ratio), `${nText(u.or_ci_lower)}–${nText(u.or_ci_upper)}`, u.p_value === null ? '–' : u.p_value < 0.001 ? '< 0.001' : u.p_value.toFixed(3)]));
  return `<section id="selection"><h2>Features and selection</h2>${intro}${sets.join('')}<h3>Clinical variables (univariate logistic regression, training cohort)</h3>${uni}<p>Kept for the multivariable models: ${clin.selected.length ? clin.selected.join(', ') : 'none'}.</p></section>`;
}
