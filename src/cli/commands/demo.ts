import type { Command } from '../command.js';
import { numberOption, parseOptions } from '../args.js';
import { ProgressBar } from '../progress.js';
import { runDemo } from '../../study/index.js';
import { renderReport } from '../../report/index.js';
import { generateCohort } from '../../synthetic/index.js';
import { terminalProgress } from './study.js';

const HELP = `Usage:
  dlrn demo [--out DIR] [--no-report] [--jobs N] [--verbose]

The whole DLRN study on built-in data: generates the synthetic two-centre head-CT cohort of CVT-related and
other intraparenchymal hematomas (the design of Wu et al., Sci Rep 2025: training centre 1 with 192 patients,
46 CVT; external test centre 2 with 83 patients, 24 CVT; matrix 256) in DIR/cohort, or reuses it when a
complete one is there; runs the built-in study config (DIR/study.yaml, also examples/demo/study.yaml) and
prints the AUCs (95 % DeLong CI) of the clinical, Rad, DL, DLR and DLRN models on both cohorts; then renders
the report (DIR/report.html, and report.pdf when Chromium is installed).

Options:
  --out DIR      output folder (default dlrn-demo)
  --no-report    skip the HTML/PDF report
  --jobs N       worker threads for the cohort generation (default: one per core)
  --verbose      print the run log while running

Output: as \`dlrn study\` (results.json, run.log, model.dlrn.json, nomogram.svg, tables/, features/), plus
DIR/cohort/ (images, masks, manifest.csv) and the report. Try \`dlrn predict --model DIR/model.dlrn.json ...\`
on a patient of DIR/cohort.
`;

const demo: Command = {
  name: 'demo',
  summary: 'generate the demo cohort and run the whole study on it',
  help: HELP,
  async run(argv) {
    const { values: o } = parseOptions('demo', argv, {
      out: { type: 'string' }, 'no-report': { type: 'boolean' }, jobs: { type: 'string' }, verbose: { type: 'boolean' },
    });
    const out = (o.out as string | undefined) ?? 'dlrn-demo';
    const t0 = Date.now();
    let cohortBar: ProgressBar | null = null;
    const run = await runDemo({
      outDir: out,
      generate: generateCohort,
      jobs: o.jobs === undefined ? undefined : numberOption('demo', 'jobs', o.jobs as string, 0),
      progress: {
        ...terminalProgress(),
        onCohortCase: (_id, _done, total) => {
          cohortBar ??= new ProgressBar(total, '  cohort ');
          cohortBar.tick(true);
        },
      },
      onLog: o.verbose ? (line) => process.stderr.write(line + '\n') : undefined,
    });
    (cohortBar as ProgressBar | null)?.finish();
    process.stdout.write(run.summary);
    if (!o['no-report']) {
      const rep = await renderReport(out);
      process.stdout.write(`report: ${rep.html}${rep.pdf ? `, ${rep.pdf}` : ` (${rep.pdfNote})`}\n`);
    }
    process.stdout.write(`results: ${out}/results.json; model bundle: ${out}/model.dlrn.json (${run.cohortReused ? 'cohort reused' : 'cohort generated'}; ${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
    return 0;
  },
};

export default demo;
