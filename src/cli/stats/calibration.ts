/**
 * `dlrn stats calibration`: calibration of a column of predicted probabilities against a binary
 * label, with rms `val.prob`'s statistics (Dxy, C, R2, D, U, Q, Brier, Intercept, Slope, Emax, E90,
 * Eavg, Spiegelhalter z), exact logistic recalibration and calibration-in-the-large, R's lowess
 * calibration curve and the Hosmer-Lemeshow test with per-group tables. JSON: a calibration block.
 */
import { calibrationAnalysis, type CalibrationBlock } from '../../evaluation/index.js';
import { parseOptions, requireOption } from '../args.js';
import { DATA_OPTIONS, DATA_OPTIONS_HELP, dataSpecFromOptions, emitResult, loadStatsData } from './data.js';
import { fmt, numberArg, rejectValidation } from './common-eval.js';

/** Help text of `dlrn stats calibration`. */
export const help = [
  'Usage: dlrn stats calibration --data F.csv --label COL --prob COL [options]',
  '',
  'Calibration of given predicted probabilities (e.g. a model applied to a validation cohort), with the',
  'numbers of rms::val.prob (rms 6.5), glm recalibration, R\'s lowess and Hosmer-Lemeshow (g groups,',
  'ResourceSelection grouping).',
  '',
  'Options:',
  '  --prob COL                 column of predicted probabilities P(label = 1), strictly between 0 and 1  [required]',
  '  --hl-groups G              Hosmer-Lemeshow groups (default 10)',
  DATA_OPTIONS_HELP,
  '',
  'Rows come from --where (all rows by default); --validate-where/--validate-data do not apply.',
  '',
  'JSON: a calibration block: n, c_index_exact, val_prob {Dxy, "C (ROC)", R2, D, "D:Chi-sq", "D:p" (null, as',
  'rms), U, "U:Chi-sq", "U:p", Q, Brier, Intercept, Slope, Emax, E90, Eavg, "S:z", "S:p"}, D_p_computed,',
  'recalibration_exact {intercept, slope, deviance}, calibration_in_the_large {intercept},',
  'formulas {L0, L01, D_chisq}, lowess {x, y}, hosmer_lemeshow.resourceselection_replica {g, chisq, df,',
  'p_value, breaks, group_n, observed_events, expected_events, observed_nonevents, expected_nonevents}.',
  'Note: val.prob\'s "C (ROC)" and Dxy are computed by rms from probabilities binned in 5001 cells;',
  'c_index_exact is the exact AUC.',
  '',
  'Example: dlrn stats calibration --data validation.csv --label y --prob p_model --json',
].join('\n');

const OPTIONS = { ...DATA_OPTIONS, prob: { type: 'string' }, 'hl-groups': { type: 'string' } } as const;

/** Runs `dlrn stats calibration` on its arguments. */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions('stats calibration', argv, OPTIONS);
  rejectValidation('calibration', values);
  const prob = requireOption('stats calibration', values, 'prob');
  const g = numberArg('calibration', values, 'hl-groups', 10, (x) => Number.isInteger(x) && x >= 3, 'an integer >= 3');
  const data = loadStatsData(dataSpecFromOptions('calibration', values, { numeric: [prob], constant: 'error', epvVariables: 1 }));
  const t = data.train;
  const block = calibrationAnalysis(t.y, t.numeric.get(prob)!, { hlGroups: g });
  const result = { ...block, ...(data.warnings.length ? { warnings: data.warnings } : {}) };
  emitResult('calibration', values, result, () => summary(prob, block, t.events), data.warnings);
  return 0;
}

function summary(prob: string, b: CalibrationBlock, events: number): string {
  const v = b.val_prob;
  const hl = b.hosmer_lemeshow.resourceselection_replica;
  return [
    `Calibration of ${prob}: ${b.n} subjects, ${events} events`,
    '',
    `  calibration intercept (recalibration) ${fmt(b.recalibration_exact.intercept)}   slope ${fmt(b.recalibration_exact.slope)}`,
    `  calibration-in-the-large intercept    ${fmt(b.calibration_in_the_large.intercept)}`,
    `  Brier ${fmt(v.Brier)}   C (exact) ${fmt(b.c_index_exact)}   R2 ${fmt(v.R2)}`,
    `  Emax ${fmt(v.Emax)}   E90 ${fmt(v.E90)}   Eavg ${fmt(v.Eavg)}`,
    `  Spiegelhalter z ${fmt(v['S:z'])}, p = ${fmt(v['S:p'])}`,
    `  Unreliability U:Chi-sq ${fmt(v['U:Chi-sq'])}, p = ${fmt(v['U:p'])}`,
    `  Hosmer-Lemeshow (g = ${hl.g}): X2 = ${fmt(hl.chisq)}, df = ${hl.df}, p = ${fmt(hl.p_value)}`,
  ].join('\n');
}
