/**
 * `dlrn stats roc`: ROC analysis of one or more score columns against a binary label, with pROC's
 * numbers (AUC, DeLong variance/CI, curve, coordinates, Youden and closest-top-left thresholds),
 * paired DeLong tests for every pair of scores (in the order given), optional stratified bootstrap
 * CIs, and with `--by COL` the unpaired DeLong test of each score between two groups.
 * JSON: `{roc: {<score>: ROC block}, paired_delong: {"<a>_vs_<b>": block}, unpaired_delong: {<score>: block}}`.
 */
import { InvalidInputError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { pairedDelong, rocAnalysis, unpairedDelong, type RocBlock } from '../../evaluation/index.js';
import { parseOptions } from '../args.js';
import { DATA_OPTIONS, DATA_OPTIONS_HELP, dataSpecFromOptions, emitResult, loadStatsData, splitList } from './data.js';
import { fmt, numberArg, rejectValidation } from './common-eval.js';

/** Help text of `dlrn stats roc`. */
export const help = [
  'Usage: dlrn stats roc --data F.csv --label COL --score COL [--score COL ...] [options]',
  '',
  'ROC curves of score columns (pROC 1.18 numbers): AUC with DeLong variance and CI, the full curve,',
  'sensitivity/specificity/accuracy/PPV/NPV and confusion counts at every threshold, the Youden and',
  'closest-top-left optimal thresholds (all ties), paired DeLong tests between the scores, and with',
  '--by an unpaired DeLong test (t distribution, pROC df rule) of each score between two groups.',
  '',
  'Options:',
  '  --score COL[,COL...]       score column(s); repeatable. Paired DeLong for every pair, in this order',
  '  --direction <|>|auto       "<" (default): cases have higher scores; ">" lower; "auto": pROC median rule',
  '  --conf-level X             confidence level of the CIs (default 0.95)',
  '  --by COL[:A,B]             unpaired DeLong test of each score between the two groups of COL',
  '                             (group 1 = A, group 2 = B; default: the two values in sorted order)',
  '  --bootstrap N              add a stratified bootstrap CI of each AUC with N replicates (e.g. 2000)',
  '  --seed S                   seed of the bootstrap (default 1); the same seed gives the same CI',
  '  --placements               include the DeLong placement values (one per subject) in the JSON',
  DATA_OPTIONS_HELP,
  '',
  'Rows come from --where (all rows by default); --validate-where/--validate-data do not apply.',
  'Missing or non-numeric scores are errors naming the rows (or dropped with --na-drop).',
  '',
  'JSON: {roc: {<score>: ROC block}, paired_delong: {"<a>_vs_<b>": block},',
  '       unpaired_delong: {<score>: block}} with the field names of docs/stats.md.',
  '',
  'Example: dlrn stats roc --data asah.csv --label y --score s100b --score ndka --by gender:Male,Female --json',
].join('\n');

const OPTIONS = {
  ...DATA_OPTIONS,
  score: { type: 'string', multiple: true },
  direction: { type: 'string' },
  'conf-level': { type: 'string' },
  by: { type: 'string' },
  bootstrap: { type: 'string' },
  seed: { type: 'string' },
  placements: { type: 'boolean' },
} as const;

interface ByOption { column: string; levels?: [string, string] }

function parseBy(text: string): ByOption {
  const i = text.indexOf(':');
  if (i < 0) return { column: text.trim() };
  const levels = text.slice(i + 1).split(',').map((s) => s.trim());
  if (levels.length !== 2 || levels.some((l) => l === '')) {
    throw new InvalidInputError('dlrn stats roc: --by must be COL or COL:A,B', { found: JSON.stringify(text), fix: 'e.g. --by gender:Male,Female' });
  }
  return { column: text.slice(0, i).trim(), levels: [levels[0], levels[1]] };
}

/** Runs `dlrn stats roc` on its arguments. */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions('stats roc', argv, OPTIONS);
  rejectValidation('roc', values);
  const scores = splitList(values.score);
  if (scores.length === 0) throw new InvalidInputError('dlrn stats roc: --score is required', { fix: 'e.g. --score s100b --score ndka' });
  if (new Set(scores).size !== scores.length) throw new InvalidInputError('dlrn stats roc: a score is named twice', { found: scores.join(', ') });
  const direction = typeof values.direction === 'string' ? values.direction : '<';
  if (!['<', '>', 'auto'].includes(direction)) {
    throw new InvalidInputError('dlrn stats roc: --direction must be <, > or auto', { found: JSON.stringify(direction) });
  }
  const dir = direction as '<' | '>' | 'auto';
  const confLevel = numberArg('roc', values, 'conf-level', 0.95, (x) => x > 0 && x < 1, 'between 0 and 1');
  const boot = numberArg('roc', values, 'bootstrap', 0, (x) => Number.isInteger(x) && (x === 0 || x >= 10), 'an integer >= 10 (or 0 for none)');
  const seed = typeof values.seed === 'string' ? values.seed : '1';
  const by = typeof values.by === 'string' ? parseBy(values.by) : undefined;

  const data = loadStatsData(dataSpecFromOptions('roc', values, {
    numeric: scores, text: by ? [by.column] : [], constant: 'warn', epvVariables: 1,
  }));
  const t = data.train;
  const roc: Record<string, RocBlock> = {};
  for (const s of scores) {
    roc[s] = rocAnalysis(t.y, t.numeric.get(s)!, {
      direction: dir, confLevel, placements: values.placements === true, name: s,
      bootstrapRng: boot > 0 ? Rng.fromSeed(seed).child('roc-bootstrap').child(s) : undefined,
      bootstrapReplicates: boot > 0 ? boot : undefined,
    });
  }
  const paired: Record<string, unknown> = {};
  for (let i = 0; i < scores.length; i++) {
    for (let j = i + 1; j < scores.length; j++) {
      paired[`${scores[i]}_vs_${scores[j]}`] = pairedDelong(t.y, t.numeric.get(scores[i])!, t.numeric.get(scores[j])!, {
        names: [scores[i], scores[j]], direction: dir, confLevel,
      });
    }
  }
  const unpaired: Record<string, unknown> = {};
  if (by) {
    const g = t.text.get(by.column)!;
    const levels = by.levels ?? ([...new Set(g)].sort() as string[]);
    if (levels.length !== 2) {
      throw new InvalidInputError(`dlrn stats roc: --by ${by.column} needs exactly two groups`, {
        found: `${levels.length} values: ${levels.slice(0, 8).join(', ')}`, fix: `name the two groups: --by ${by.column}:A,B (other rows are ignored), or filter with --where.`,
      });
    }
    for (const lv of levels) {
      if (!g.includes(lv)) throw new InvalidInputError(`dlrn stats roc: no row has ${by.column} = ${lv}`, { found: `values ${[...new Set(g)].join(', ')}` });
    }
    const idx = levels.map((lv) => g.flatMap((v, i) => (v === lv ? [i] : [])));
    for (const s of scores) {
      const x = t.numeric.get(s)!;
      const pick = (k: number) => [Uint8Array.from(idx[k], (i) => t.y[i]), Float64Array.from(idx[k], (i) => x[i])] as const;
      const [y1, x1] = pick(0);
      const [y2, x2] = pick(1);
      unpaired[s] = {
        cohort_1: `${by.column} == ${levels[0]}`, cohort_2: `${by.column} == ${levels[1]}`,
        ...unpairedDelong(y1, x1, y2, x2, { direction: dir }),
      };
    }
  }
  const result = {
    roc, paired_delong: paired, ...(by ? { unpaired_delong: unpaired } : {}),
    n: t.n, events: t.events, ...(data.warnings.length ? { warnings: data.warnings } : {}),
  };
  emitResult('roc', values, result, () => summary(roc, paired, unpaired, t.n, t.events), data.warnings);
  return 0;
}

function summary(roc: Record<string, RocBlock>, paired: Record<string, any>, unpaired: Record<string, any>, n: number, events: number): string {
  const lines = [`ROC analysis: ${n} subjects, ${events} cases (label = 1), ${n - events} controls`, ''];
  lines.push('score            AUC     DeLong 95% CI        Youden threshold  sens    spec');
  for (const [s, b] of Object.entries(roc)) {
    const yb = b.youden_best;
    lines.push(`${s.padEnd(15)}  ${fmt(b.auc)}  [${fmt(b.delong.ci_lower)}, ${fmt(b.delong.ci_upper)}]  ${fmt(yb.threshold[0]).padStart(16)}  ${fmt(yb.sensitivity[0])}  ${fmt(yb.specificity[0])}` +
      (yb.threshold.length > 1 ? ` (+${yb.threshold.length - 1} tied)` : '') + (b.direction === '>' ? '  (direction >)' : ''));
  }
  if (Object.keys(paired).length) {
    lines.push('', 'Paired DeLong tests:');
    for (const [k, p] of Object.entries(paired)) lines.push(`  ${k}: ΔAUC = ${fmt(p.auc_1 - p.auc_2)}, Z = ${fmt(p.Z)}, p = ${fmt(p.p_value)}`);
  }
  if (Object.keys(unpaired).length) {
    lines.push('', 'Unpaired DeLong tests:');
    for (const [k, u] of Object.entries(unpaired)) lines.push(`  ${k}: ${u.cohort_1} AUC ${fmt(u.auc_1)} vs ${u.cohort_2} AUC ${fmt(u.auc_2)}, D = ${fmt(u.D)}, df = ${fmt(u.df, 1)}, p = ${fmt(u.p_value)}`);
  }
  return lines.join('\n');
}
