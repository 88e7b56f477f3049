/**
 * `dlrn stats <analysis> ...`: statistics over CSV tables. This file only dispatches: each analysis
 * lives in its own module `src/cli/stats/<analysis>.ts`, loaded lazily, which exports
 * `run(argv): Promise<number>` and `help: string`. Shared data loading is in `src/cli/stats/data.ts`.
 */
import { InvalidInputError } from '../../core/errors.js';
import type { Command } from '../command.js';

/** One analysis module of `dlrn stats`. */
export interface StatsAnalysisModule {
  /** Runs the analysis on its own arguments (everything after `dlrn stats <analysis>`); resolves to the exit code. */
  run(argv: string[]): Promise<number>;
  /** Full help text (documents every option). */
  help: string;
}

/** The analyses of `dlrn stats`, in the order they are listed in the help. */
export const STATS_ANALYSES: ReadonlyArray<{ name: string; summary: string }> = [
  { name: 'roc', summary: 'ROC curves of score columns: AUC, DeLong CI, thresholds, paired/unpaired DeLong tests' },
  { name: 'logistic', summary: 'logistic regression (glm + rms lrm statistics), validation, calibration, DCA, nomogram' },
  { name: 'lasso', summary: 'glmnet-style LASSO / elastic-net logistic path with cross-validation' },
  { name: 'screen', summary: 'univariate screening (Mann-Whitney, Welch t, BH/Bonferroni) and correlation matrices' },
  { name: 'calibration', summary: 'calibration of given probabilities: rms val.prob, recalibration, Hosmer-Lemeshow' },
  { name: 'dca', summary: 'decision-curve analysis of given probabilities: net benefit, interventions avoided' },
  { name: 'icc', summary: 'intraclass correlation (six Shrout-Fleiss forms) for feature stability, long or wide tables' },
];

function overview(): string {
  const width = Math.max(...STATS_ANALYSES.map((a) => a.name.length));
  return [
    'Usage: dlrn stats <analysis> --data F.csv --label COL [options] [--json] [--out F.json]',
    '',
    'Statistics over CSV tables, with the numbers of R (stats, rms, pROC, glmnet, Hmisc, psych).',
    'The JSON output (--json) uses the block and field names of the reference outputs described in docs/stats.md.',
    '',
    'Analyses:',
    ...STATS_ANALYSES.map((a) => `  ${a.name.padEnd(width)}  ${a.summary}`),
    '',
    'Common data options (most analyses):',
    '  --data F.csv            the table (one row per patient, a header line)',
    '  --label COL             binary outcome column (0/1; 1 = event) ',
    '  --positive VALUE        label value that means 1 when the label is not coded 0/1',
    '  --where COL=VALUE       keep only these rows for training (repeatable, all must hold)',
    '  --validate-where COL=VALUE  rows used for validation (repeatable, all must hold); never used for fitting',
    '  --validate-data F.csv   a separate validation table (instead of --validate-where)',
    '  --na-drop               drop rows with missing values in the used columns (the count is reported)',
    '  --json                  print the result as JSON',
    '  --out F.json            also write the JSON result to a file',
    '',
    'Run `dlrn stats <analysis> --help` for the options of one analysis.',
  ].join('\n');
}

/**
 * One lazy loader per analysis: static `import()` calls, so an analysis loads only when it runs and the bundler can
 * split it into its own chunk.
 */
const ANALYSIS_LOADERS: Readonly<Record<string, () => Promise<unknown>>> = {
  roc: () => import('../stats/roc.js'),
  logistic: () => import('../stats/logistic.js'),
  lasso: () => import('../stats/lasso.js'),
  screen: () => import('../stats/screen.js'),
  calibration: () => import('../stats/calibration.js'),
  dca: () => import('../stats/dca.js'),
  icc: () => import('../stats/icc.js'),
};

const cache = new Map<string, StatsAnalysisModule>();

/** True when `name` is one of {@link STATS_ANALYSES}. */
export function isStatsAnalysis(name: string): boolean {
  return STATS_ANALYSES.some((a) => a.name === name);
}

/**
 * Loads the module of one analysis (`src/cli/stats/<name>.ts`). Throws an {@link InvalidInputError}
 * for an unknown analysis, and a clear error when the analysis is known but its module is not
 * available in this build yet.
 */
export async function loadStatsAnalysis(name: string): Promise<StatsAnalysisModule> {
  const hit = cache.get(name);
  if (hit) return hit;
  if (!isStatsAnalysis(name)) {
    throw new InvalidInputError(`unknown analysis "${name}"`, {
      expected: `one of ${STATS_ANALYSES.map((a) => a.name).join(', ')}`,
      found: JSON.stringify(name),
      fix: 'run `dlrn stats --help` for the list of analyses.',
    });
  }
  const load = ANALYSIS_LOADERS[name];
  if (!load) {
    throw new InvalidInputError(`the analysis "${name}" is not available in this build yet`, {
      expected: `a module src/cli/stats/${name}.ts`,
      found: 'no such module',
      fix: `use one of the available analyses (run \`dlrn stats --help\`), or update dlrn.`,
    });
  }
  const mod = (await load()) as Partial<StatsAnalysisModule>;
  if (typeof mod.run !== 'function' || typeof mod.help !== 'string') {
    throw new InvalidInputError(`the module of analysis "${name}" is incomplete`, {
      expected: 'exports run(argv) and help', found: `exports ${Object.keys(mod).join(', ') || 'nothing'}`,
    });
  }
  const m = { run: mod.run, help: mod.help } as StatsAnalysisModule;
  cache.set(name, m);
  return m;
}

const stats: Command = {
  name: 'stats',
  summary: 'statistics over CSV tables: roc, logistic, lasso, screen, calibration, dca, icc',
  help: overview(),
  handlesHelp: true,
  async run(argv: string[]): Promise<number> {
    const [name, ...rest] = argv;
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
      const target = name === 'help' ? rest[0] : undefined;
      if (target !== undefined) {
        process.stdout.write((await loadStatsAnalysis(target)).help.trimEnd() + '\n');
        return 0;
      }
      process.stdout.write(overview() + '\n');
      return name === undefined ? 1 : 0;
    }
    const mod = await loadStatsAnalysis(name);
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(mod.help.trimEnd() + '\n');
      return 0;
    }
    return mod.run(rest);
  },
};

export default stats;
