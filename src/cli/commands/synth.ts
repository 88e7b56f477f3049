import type { Command } from '../command.js';
import { numberOption, parseOptions, requireOption } from '../args.js';
import { ProgressBar } from '../progress.js';
import { InvalidInputError } from '../../core/errors.js';
import { resolveSynthOptions, writeSyntheticCohort, type SynthOptionsInput, type SynthPreset } from '../../synthetic/index.js';
import type { Difficulty } from '../../synthetic/hematoma-plan.js';

const HELP = `Usage:
  dlrn synth --out DIR [--seed N] [--preset paper|small] [--n-centre1 N --n-centre2 N] [--matrix 256|512] [--preview]

Generates the synthetic two-centre non-contrast head-CT cohort (the built-in demo data): one NIfTI image
(int16 HU) and one hematoma mask (uint8) per patient, DIR/manifest.csv and DIR/hidden-parameters.json.
Label 1 = hematoma caused by cerebral venous thrombosis (CVT), 0 = other cause (hypertensive, amyloid,
AVM, tumour). The same options and seed give byte-identical files. See docs/synthetic.md.

Cohort:
  --out DIR            output folder (created; existing files of the same names are replaced)
  --preset NAME        paper (default): Wu et al. 2025, centre 1 with 192 patients (46 CVT), centre 2 with
                       83 (24 CVT), matrix 256; small: 12 + 8 patients (4 + 3 CVT), matrix 128, for quick tests
  --seed N             integer seed (default 42)
  --n-centre1 N        patients of centre 1 (training centre)
  --n-centre2 N        patients of centre 2 (external test centre)
  --cvt-centre1 N      CVT patients of centre 1 (default: the preset's prevalence × N)
  --cvt-centre2 N      CVT patients of centre 2
  --prevalence P       fraction of CVT patients in both centres (0-1), instead of the counts
  --difficulty D       easy, standard (default) or hard: how often CVT bleeds show their typical pattern
  --missing-rate P     probability that a clinical value (not age/sex) is missing (default 0.02)
  --d-dimer            add a D-dimer column (mg/L FEU)

Images:
  --matrix N           in-plane matrix (default from the preset; 512 = native 0.40-0.50 mm pixels, 256 =
                       0.8-1.0 mm; any 64-1024); the field of view stays a head, the pixel size scales

Output:
  --preview            also write DIR/preview-cvt.png and DIR/preview-hypertensive.png (axial slice through
                       the bleed, brain window, with the mask outline)
  --jobs N             worker threads (default: number of CPUs, at most 8); files do not depend on N
  --json               print a JSON summary instead of the text one

Manifest columns: id,image,mask,label,centre,age,female,epilepsy,headache,hypertension,oc_pregnancy,gcs[,d_dimer]
`;

const synth: Command = {
  name: 'synth',
  summary: 'generate the synthetic two-centre head-CT hematoma cohort',
  help: HELP,
  async run(argv) {
    const { values: o } = parseOptions('synth', argv, {
      out: { type: 'string' }, seed: { type: 'string' }, preset: { type: 'string' },
      'n-centre1': { type: 'string' }, 'n-centre2': { type: 'string' }, 'cvt-centre1': { type: 'string' }, 'cvt-centre2': { type: 'string' },
      prevalence: { type: 'string' }, difficulty: { type: 'string' }, 'missing-rate': { type: 'string' }, 'd-dimer': { type: 'boolean' },
      matrix: { type: 'string' }, preview: { type: 'boolean' }, jobs: { type: 'string' }, json: { type: 'boolean' },
    });
    const out = requireOption('synth', o, 'out');
    const str = (k: string) => o[k] as string | undefined;
    const num = (k: string): number | undefined => (str(k) === undefined ? undefined : numberOption('synth', k, str(k), NaN));
    const preset = str('preset');
    if (preset !== undefined && preset !== 'paper' && preset !== 'small') {
      throw new InvalidInputError('dlrn synth: unknown --preset', { expected: 'paper or small', found: JSON.stringify(preset) });
    }
    const input: SynthOptionsInput = {
      preset: preset as SynthPreset | undefined,
      seed: num('seed'),
      nCentre1: num('n-centre1'),
      nCentre2: num('n-centre2'),
      cvtCentre1: num('cvt-centre1'),
      cvtCentre2: num('cvt-centre2'),
      prevalence: num('prevalence'),
      matrix: num('matrix'),
      difficulty: str('difficulty') as Difficulty | undefined,
      missingRate: num('missing-rate'),
      includeDDimer: o['d-dimer'] === true,
    };
    const options = resolveSynthOptions(input);
    const jobs = num('jobs');
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new InvalidInputError('dlrn synth: --jobs must be a positive integer', { found: String(jobs) });
    const total = options.nCentre1 + options.nCentre2;
    const bar = new ProgressBar(total, 'synth ');
    const t0 = Date.now();
    const res = await writeSyntheticCohort(options, out, { jobs, preview: o.preview === true, onProgress: () => bar.tick() });
    bar.finish();
    const secs = (Date.now() - t0) / 1000;
    const count = (c: number, l: number) => res.plans.filter((p) => p.centre === c && (l < 0 || p.label === l)).length;
    const summary = {
      dir: res.dir, manifest: res.manifest, hiddenParameters: res.hiddenParameters, previews: res.previews,
      seed: options.seed, matrix: options.matrix, difficulty: options.difficulty,
      centre1: { patients: count(1, -1), cvt: count(1, 1) }, centre2: { patients: count(2, -1), cvt: count(2, 1) },
      seconds: Number(secs.toFixed(2)),
    };
    if (o.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else {
      process.stdout.write(
        `Synthetic cohort written to ${res.dir} in ${secs.toFixed(1)} s (seed ${options.seed}, matrix ${options.matrix}, difficulty ${options.difficulty})\n` +
        `  centre 1: ${summary.centre1.patients} patients, ${summary.centre1.cvt} CVT\n` +
        `  centre 2: ${summary.centre2.patients} patients, ${summary.centre2.cvt} CVT\n` +
        `  manifest: ${res.manifest}\n  hidden parameters: ${res.hiddenParameters}\n` +
        res.previews.map((p) => `  preview: ${p}\n`).join(''),
      );
    }
    return 0;
  },
};

export default synth;
