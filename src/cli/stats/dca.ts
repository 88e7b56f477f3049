/**
 * `dlrn stats dca`: decision-curve analysis of a column of predicted probabilities: net benefit of
 * the model, treat-all and treat-none, standardised net benefit and net interventions avoided per
 * 100 patients, at thresholds 0.01..0.99 (dcurves' rule: treated when p >= threshold).
 * JSON: a decision-curve block.
 */
import { InvalidInputError } from '../../core/errors.js';
import { decisionCurve, defaultDcaThresholds, type DecisionCurve } from '../../evaluation/index.js';
import { parseOptions, requireOption } from '../args.js';
import { DATA_OPTIONS, DATA_OPTIONS_HELP, dataSpecFromOptions, emitResult, loadStatsData, splitList } from './data.js';
import { fmt, rejectValidation } from './common-eval.js';

/** Help text of `dlrn stats dca`. */
export const help = [
  'Usage: dlrn stats dca --data F.csv --label COL --prob COL [options]',
  '',
  'Decision curves (Vickers & Elkin 2006) of given predicted probabilities: a subject is treated when',
  'p >= threshold pt; net benefit NB = TP/n - FP/n * pt/(1-pt), treat-all and treat-none curves,',
  'standardised NB = NB/prevalence and net interventions avoided per 100 = (NB - NB_all)/(pt/(1-pt))*100.',
  '',
  'Options:',
  '  --prob COL                 column of predicted probabilities P(label = 1)  [required]',
  '  --thresholds LIST          threshold probabilities, comma-separated values in (0, 1)',
  '                             (default 0.01, 0.02, ..., 0.99 computed as k/100)',
  DATA_OPTIONS_HELP,
  '',
  'Rows come from --where (all rows by default); --validate-where/--validate-data do not apply.',
  '',
  'JSON: {n, prevalence, thresholds, rule, tp, fp, net_benefit_model, net_benefit_treat_all,',
  '       net_benefit_treat_none, standardized_net_benefit_model, net_interventions_avoided_per_100}.',
  '',
  'Example: dlrn stats dca --data validation.csv --label y --prob p_model --json',
].join('\n');

const OPTIONS = { ...DATA_OPTIONS, prob: { type: 'string' }, thresholds: { type: 'string', multiple: true } } as const;

/** Runs `dlrn stats dca` on its arguments. */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions('stats dca', argv, OPTIONS);
  rejectValidation('dca', values);
  const prob = requireOption('stats dca', values, 'prob');
  const list = splitList(values.thresholds);
  const thresholds = list.length ? list.map((s) => {
    const x = Number(s);
    if (!(x > 0 && x < 1)) throw new InvalidInputError('dlrn stats dca: thresholds must lie strictly between 0 and 1', { found: JSON.stringify(s) });
    return x;
  }) : defaultDcaThresholds();
  const data = loadStatsData(dataSpecFromOptions('dca', values, { numeric: [prob], constant: 'error', epvVariables: 1 }));
  const t = data.train;
  const block = decisionCurve(t.y, t.numeric.get(prob)!, thresholds);
  const result = { ...block, ...(data.warnings.length ? { warnings: data.warnings } : {}) };
  emitResult('dca', values, result, () => summary(prob, block), data.warnings);
  return 0;
}

function summary(prob: string, b: DecisionCurve): string {
  const lines = [`Decision curve of ${prob}: ${b.n} subjects, prevalence ${fmt(b.prevalence)}`, '',
    'threshold  NB model  NB all    avoided/100'];
  b.thresholds.forEach((t, i) => {
    if (b.thresholds.length <= 20 || Math.round(t * 100) % 5 === 0) {
      lines.push(`${t.toFixed(2).padStart(9)}  ${fmt(b.net_benefit_model[i]).padStart(8)}  ${fmt(b.net_benefit_treat_all[i]).padStart(8)}  ${fmt(b.net_interventions_avoided_per_100[i], 1).padStart(11)}`);
    }
  });
  return lines.join('\n');
}
