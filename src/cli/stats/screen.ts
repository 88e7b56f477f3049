/**
 * `dlrn stats screen`: univariate screening of feature columns against a binary label (Mann-Whitney with
 * BH/Bonferroni, Welch t, group medians) and the Pearson/Spearman correlation matrices, on the training
 * rows; optionally the correlation-redundancy filter. Only parses options and formats output; the work is
 * done by `src/selection`.
 */
import { InvalidInputError, type DlrnWarning } from '../../core/errors.js';
import { parseOptions } from '../args.js';
import { matrixFromColumns } from '../../selection/matrix.js';
import { screenFeatures } from '../../selection/screening.js';
import { correlationMatrix, squareRows } from '../../selection/correlation.js';
import { CorrelationRedundancyFilter } from '../../selection/redundancy-filter.js';
import { DATA_OPTIONS, DATA_OPTIONS_HELP, dataSpecFromOptions, emitResult, loadStatsData } from './data.js';
import { numberArg, rejectValidation } from './common-eval.js';
import { resolveFeatures } from './lasso.js';

/** Help text of `dlrn stats screen`. */
export const help = `Usage: dlrn stats screen --data F.csv --label COL [--features A,B,...] [options]

Univariate screening of each feature against the binary label on the training rows, as R's
wilcox.test(x[y==1], x[y==0], exact=FALSE, correct=TRUE) (W, p, BH and Bonferroni adjusted p),
t.test(var.equal=FALSE) (t, df, p) and the group medians; and the correlation matrices
cor(X, method="pearson") and cor(X, method="spearman").

Data options:
${DATA_OPTIONS_HELP.split('\n').filter((l) => !/validate/.test(l) && !/they are removed/.test(l)).join('\n')}

Features:
  --features A,B,...         feature columns (default: every other all-numeric column)
  --exclude A,B,...          columns never used as features (e.g. a patient id)
  A constant feature is an error (Welch's t is undefined); remove it or use --features.

Redundancy filter (optional):
  --redundancy R             add redundancy_train: among features with |r| > R keep the one with the
                             better univariate criterion (greedy, best first); R in (0, 1]
  --method spearman|pearson  correlation of the filter (default spearman)
  --rank-by p|auc            criterion: Mann-Whitney p (default) or |AUC - 0.5|

JSON: {screening_train: {features, n_group1, n_group0, mann_whitney: {W, p_value, p_bh, p_bonferroni},
welch_t: {t, df, p_value}, group_medians: {y1, y0}}, correlation_train: {features, pearson, spearman}}
(+ redundancy_train with --redundancy), see docs/stats.md.
`;

const OPTIONS = {
  ...DATA_OPTIONS,
  features: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  redundancy: { type: 'string' },
  method: { type: 'string' },
  'rank-by': { type: 'string' },
} as const;

/** Runs `dlrn stats screen`. */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions('stats screen', argv, OPTIONS);
  rejectValidation('screen', values);
  const label = typeof values.label === 'string' ? values.label : '';
  if (typeof values.data !== 'string' || label === '') dataSpecFromOptions('screen', values, {});
  const features = resolveFeatures('screen', values, label);
  const spec = dataSpecFromOptions('screen', values, { numeric: features, epvVariables: features.length });
  const data = loadStatsData(spec);
  const warnings: DlrnWarning[] = data.warnings.filter((w) => w.code !== 'W_LOW_EPV' && w.code !== 'W_FEW_EVENTS');
  const X = matrixFromColumns(features.map((f) => data.train.numeric.get(f)!), 'features');
  const p = features.length;
  const result: Record<string, unknown> = {
    data: { file: spec.file, label, n_train: data.train.n, events_train: data.train.events, na_dropped: data.naDropped },
    warnings,
    screening_train: screenFeatures(X, data.train.y, features),
    correlation_train: {
      features,
      pearson: squareRows(correlationMatrix(X, 'pearson'), p),
      spearman: squareRows(correlationMatrix(X, 'spearman'), p),
    },
  };
  if (values.redundancy !== undefined) {
    const threshold = numberArg('screen', values, 'redundancy', 0.9, (x) => x > 0 && x <= 1, 'a number in (0, 1]');
    const method = values.method === undefined ? 'spearman' : String(values.method);
    if (method !== 'spearman' && method !== 'pearson') throw new InvalidInputError('dlrn stats screen: --method must be spearman or pearson', { found: method });
    const rankBy = values['rank-by'] === undefined ? 'p' : String(values['rank-by']);
    if (rankBy !== 'p' && rankBy !== 'auc') throw new InvalidInputError('dlrn stats screen: --rank-by must be p or auc', { found: rankBy });
    const f = new CorrelationRedundancyFilter({ threshold, method, rankBy }).fit(X, data.train.y, features);
    result.redundancy_train = {
      rule: `|${method} r| > ${threshold}: keep the feature with the better ${rankBy === 'p' ? 'Mann-Whitney p (smaller)' : '|AUC - 0.5| (larger)'}, greedily from the best`,
      kept: f.selectedNames,
      dropped: f.dropped.map((d) => ({ feature: features[d.index], kept_instead: features[d.keptInstead], r: d.r })),
    };
  }
  emitResult('screen', values, result, () => {
    const s = result.screening_train as ReturnType<typeof screenFeatures>;
    const order = features.map((f, j) => [f, s.mann_whitney.p_value[j], s.mann_whitney.p_bh[j]] as const).sort((a, b) => a[1] - b[1]);
    return [
      `screening of ${p} features on ${data.train.n} training rows (${s.n_group1} events, ${s.n_group0} non-events)`,
      'feature: Mann-Whitney p (BH)',
      ...order.slice(0, 20).map(([f, pv, bh]) => `  ${f}: ${pv.toExponential(3)} (${bh.toExponential(3)})`),
      order.length > 20 ? `  ... ${order.length - 20} more (use --json)` : '',
    ].join('\n');
  }, warnings);
  return 0;
}
