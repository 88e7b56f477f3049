import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../core/atomic.js';
import { DlrnError } from '../core/errors.js';
import { siblingModuleUrl } from '../core/module-url.js';
import { runWorkerPool } from '../core/worker-pool.js';
import { type CaseMeasurement, writeCaseFiles } from './case-files.js';
import { type CasePlan, planCohort } from './case-plan.js';
import { hiddenParametersJson, manifestCsv } from './manifest.js';
import { resolveSynthOptions, type SynthOptions, type SynthOptionsInput } from './options.js';
import { writePreviews } from './write-previews.js';

/** Options of {@link writeSyntheticCohort}. */
export interface WriteCohortOptions {
  /** Worker threads (default: available parallelism, at most 8). 1 = render in this thread. */
  readonly jobs?: number;
  /** Also write `preview-cvt.png` and `preview-hypertensive.png` (axial slices through the bleed). */
  readonly preview?: boolean;
  /** Called after each case with the number of finished cases and the id of the case just finished. */
  readonly onProgress?: (done: number, total: number, id: string) => void;
}

/** Files and counts of a written cohort. */
export interface WrittenCohort {
  readonly dir: string;
  /** `DIR/manifest.csv`. */
  readonly manifest: string;
  /** `DIR/hidden-parameters.json`. */
  readonly hiddenParameters: string;
  /** Preview PNGs (when requested). */
  readonly previews: readonly string[];
  readonly plans: readonly CasePlan[];
  readonly measurements: readonly CaseMeasurement[];
}

/** Name of the manifest file inside a cohort folder. */
export const MANIFEST_FILE = 'manifest.csv';
/** Name of the hidden-parameter file inside a cohort folder. */
export const HIDDEN_PARAMETERS_FILE = 'hidden-parameters.json';

/**
 * Generates a synthetic two-centre cohort into `dir`: `images/<id>.nii.gz` (int16 HU), `masks/<id>.nii.gz`
 * (uint8 hematoma mask), `manifest.csv` (`id,image,mask,label,centre,` + clinical columns, paths relative to
 * `dir`) and `hidden-parameters.json`. Each patient comes from its own child stream of the seed, so the files
 * are byte-identical for the same options whatever the number of workers.
 */
export async function writeSyntheticCohort(options: SynthOptions, dir: string, opts: WriteCohortOptions = {}): Promise<WrittenCohort> {
  const out = resolve(dir);
  const plans = planCohort(options);
  const jobs = Math.max(1, Math.min(opts.jobs ?? Math.min(8, availableParallelism()), plans.length));
  let done = 0;
  const measurements: CaseMeasurement[] = [];
  if (jobs === 1) {
    for (const p of plans) {
      measurements.push(writeCaseFiles(p, out));
      opts.onProgress?.(++done, plans.length, p.id);
    }
  } else {
    const outcomes = await runWorkerPool<CasePlan, CaseMeasurement>({
      workerUrl: siblingModuleUrl(import.meta.url, './synth-worker'),
      jobs,
      init: { dir: out },
      items: plans,
      onResult: (index) => opts.onProgress?.(++done, plans.length, plans[index].id),
    });
    outcomes.forEach((o, i) => {
      if (!o.ok) throw new DlrnError(o.error.code, `synthetic case ${plans[i].id} failed: ${o.error.message}`);
      measurements.push(o.value);
    });
  }
  const manifest = join(out, MANIFEST_FILE);
  const hidden = join(out, HIDDEN_PARAMETERS_FILE);
  writeFileAtomic(manifest, manifestCsv(options, plans));
  writeFileAtomic(hidden, hiddenParametersJson(options, plans, measurements));
  const previews = opts.preview ? writePreviews(options, plans, out) : [];
  return { dir: out, manifest, hiddenParameters: hidden, previews, plans, measurements };
}

/**
 * Convenience entry point for other modules (`dlrn demo`): resolves user options (a preset name and
 * overrides, see `SynthOptionsInput`) and writes the cohort to `outDir`. `onCase(id, done, total)` is
 * called as cases finish.
 */
export async function generateCohort(
  input: SynthOptionsInput,
  outDir: string,
  opts: { readonly onCase?: (id: string, done: number, total: number) => void; readonly jobs?: number; readonly preview?: boolean } = {},
): Promise<WrittenCohort> {
  const options = resolveSynthOptions(input);
  return writeSyntheticCohort(options, outDir, { jobs: opts.jobs, preview: opts.preview, onProgress: (done, total, id) => opts.onCase?.(id, done, total) });
}
