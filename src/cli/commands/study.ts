import type { Command } from '../command.js';
import { numberOption, parseOptions, requireOption } from '../args.js';
import { ProgressBar } from '../progress.js';
import { InvalidInputError } from '../../core/errors.js';
import { describeSchema, loadStudyConfig, runStudy, STUDY_SCHEMA, type StudyProgress } from '../../study/index.js';
import { renderReport } from '../../report/index.js';

const HELP = `Usage:
  dlrn study --config study.yaml --out DIR [--report] [--verbose] [--negative-control SEED]
  dlrn study --schema

Runs a deep learning radiomics nomogram (DLRN) study: reads the manifest, assigns the cohorts (training,
optional internal test = a seeded stratified fraction of the training patients, optional external test by
a column value), extracts radiomics (PyRadiomics-compatible) and deep-learning features of every lesion
(cached in DIR/features/, so a rerun or an interrupted run only computes the missing patients), fits every
step on the training patients only (z-score, filters, PCA, Mann-Whitney, correlation filter, mRMR,
LASSO-CV, classifiers, clinical selection, DLRN) and evaluates the Rad, DL, DLR, clinical and DLRN models on
every cohort. Prints the AUCs (95 % DeLong CI) per model and cohort.

Options:
  --config F             the study config (YAML); \`--schema\` lists every setting and its default
  --out DIR              output folder (created)
  --report               also render DIR/report.html (and report.pdf when Chromium is installed)
  --verbose              print the run log (what each step kept) while running
  --negative-control S   permute the training outcomes with seed S (a leakage check: test AUCs near 0.5)
  --schema               print the config settings (Markdown table) and exit

Output (all written atomically):
  DIR/results.json       every number of the study (the report reads it)
  DIR/run.log            what each step did and kept
  DIR/model.dlrn.json    the model bundle for \`dlrn predict\`
  DIR/nomogram.svg       the DLRN nomogram
  DIR/tables/            predictions.csv (every model, every patient), dlrn_design.csv (the DLRN's design)
  DIR/features/          radiomics.csv, deep.csv (caches with settings hashes)
`;

/** Progress bars for the feature phases, drawn on a terminal only. */
export function terminalProgress(): StudyProgress {
  const tty = Boolean(process.stderr.isTTY);
  let bar: ProgressBar | null = null;
  return {
    onPhase: (p) => {
      bar?.finish();
      bar = null;
      if (tty) process.stderr.write(`dlrn: ${p}\n`);
    },
    extraction: (phase) => ({
      onStart: (n, reused) => {
        if (tty && reused) process.stderr.write(`  ${reused} patient(s) reused from the cache\n`);
        bar = new ProgressBar(n, `  ${phase} `);
      },
      onCase: (_id, ok) => bar?.tick(ok),
    }),
  };
}

const study: Command = {
  name: 'study',
  summary: 'run a DLRN study from a config: features, selection, models, validation, report',
  help: HELP,
  async run(argv) {
    const { values: o } = parseOptions('study', argv, {
      config: { type: 'string' }, out: { type: 'string' }, report: { type: 'boolean' }, verbose: { type: 'boolean' },
      'negative-control': { type: 'string' }, schema: { type: 'boolean' },
    });
    if (o.schema) {
      process.stdout.write(describeSchema(STUDY_SCHEMA));
      return 0;
    }
    const config = loadStudyConfig(requireOption('study', o, 'config'));
    const out = requireOption('study', o, 'out');
    const nc = o['negative-control'] as string | undefined;
    const negativeControl = nc === undefined ? undefined : numberOption('study', 'negative-control', nc, 0);
    if (negativeControl !== undefined && !Number.isInteger(negativeControl)) throw new InvalidInputError('--negative-control needs an integer seed', { found: nc });
    const run = await runStudy(config, {
      outDir: out, permuteTrainingLabels: negativeControl, progress: terminalProgress(),
      onLog: o.verbose ? (line) => process.stderr.write(line + '\n') : undefined,
    });
    process.stdout.write(run.summary);
    if (o.report) {
      const rep = await renderReport(out);
      process.stdout.write(`report: ${rep.html}${rep.pdf ? `, ${rep.pdf}` : ` (${rep.pdfNote})`}\n`);
    }
    process.stdout.write(`results: ${out}/results.json; model bundle: ${out}/model.dlrn.json; nomogram: ${out}/nomogram.svg\n`);
    return 0;
  },
};

export default study;
