/**
 * `dlrn demo`: the synthetic two-centre CVT-hematoma cohort of src/synthetic (the design of Wu et al., Sci Rep
 * 2025: centre 1 = 192 patients with 46 CVT for training, centre 2 = 83 with 24 CVT for external test; matrix
 * 256) in DIR/cohort — generated once and reused when complete — and the whole study on it with the built-in
 * config {@link DEMO_CONFIG_YAML} (also in examples/demo/study.yaml).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/atomic.js';
import { parseStudyConfig } from './config.js';
import { runStudy, type StudyProgress, type StudyRun } from './run-study.js';

/** The built-in demo study config (relative paths are resolved from the demo output folder). */
export const DEMO_CONFIG_YAML = `# dlrn demo: CVT-related vs other intraparenchymal hematoma on non-contrast head CT (synthetic cohort).
# Training = centre 1, external test = centre 2, as Wu et al., Sci Rep 2025.
name: dlrn-demo-cvt
seed: 42
manifest: cohort/manifest.csv
outcome:
  column: label
  positive: "1"
  negative: "0"
  label: CVT
cohorts:
  column: centre
  training: "1"
  external_test: "2"
clinical:
  variables:
    - {name: age, type: numeric, label: Age}
    - {name: female, type: binary, label: Female sex}
    - {name: epilepsy, type: binary, label: Epilepsy}
    - {name: headache, type: binary, label: Headache}
    - {name: hypertension, type: binary, label: Hypertension}
    - {name: gcs, type: numeric, label: GCS}
  missing: impute
radiomics:
  params:
    imageType: {Original: {}}
    setting: {binWidth: 25, label: 1}
deep:
  backbone: mobilenetv2
  windows: brain,subdural,blood
  pca_components: 10
selection:
  mann_whitney_p: 0.05
  correlation: {threshold: 0.9, method: spearman}
  mrmr_top_k: 20
  lasso: {nfolds: 10, measure: deviance, lambda_rule: lambda.1se}
models:
  classifiers: [logistic, svm, random_forest]
`;

/** Options of the synthetic cohort generator (src/synthetic `SynthOptionsInput`). */
export type DemoCohortOptions = Readonly<Record<string, unknown>>;

/** The demo cohort: the `paper` preset at matrix 256, seed 42. */
export const DEMO_COHORT_OPTIONS: DemoCohortOptions = { preset: 'paper', seed: 42, matrix: 256 };

/**
 * The cohort generator (src/synthetic `generateCohort`, passed in by the caller: src/synthetic sits below
 * src/study in the layering, so the study does not import it).
 */
export type CohortGenerator = (options: never, outDir: string, opts: { onCase?: (id: string, done: number, total: number) => void; jobs?: number }) => Promise<unknown>;

const MARKER = '.dlrn-demo-cohort.json';

/** True when `dir` holds a demo cohort generated completely with `options`. */
export function isDemoCohortComplete(dir: string, options: object = DEMO_COHORT_OPTIONS): boolean {
  const marker = join(dir, MARKER);
  if (!existsSync(marker) || !existsSync(join(dir, 'manifest.csv'))) return false;
  try {
    return JSON.stringify(JSON.parse(readFileSync(marker, 'utf8')).options) === JSON.stringify(options);
  } catch {
    return false;
  }
}

/** Options of {@link runDemo}. */
export interface DemoOptions {
  readonly outDir: string;
  /** Writes the cohort (src/synthetic `generateCohort`). */
  readonly generate: CohortGenerator;
  /** Cohort options (default {@link DEMO_COHORT_OPTIONS}; tests use smaller cohorts). */
  readonly cohort?: DemoCohortOptions;
  /** Config text (default {@link DEMO_CONFIG_YAML}). */
  readonly configYaml?: string;
  readonly progress?: StudyProgress & { readonly onCohortCase?: (id: string, done: number, total: number) => void };
  readonly onLog?: (line: string) => void;
  readonly jobs?: number;
}

/** Generates (or reuses) the demo cohort and runs the demo study (see the module comment). */
export async function runDemo(opts: DemoOptions): Promise<StudyRun & { readonly cohortReused: boolean }> {
  const cohortDir = join(opts.outDir, 'cohort');
  const options = opts.cohort ?? DEMO_COHORT_OPTIONS;
  const reused = isDemoCohortComplete(cohortDir, options);
  if (!reused) {
    opts.progress?.onPhase?.('cohort');
    await opts.generate(options as never, cohortDir, { onCase: opts.progress?.onCohortCase, jobs: opts.jobs });
    writeFileAtomic(join(cohortDir, MARKER), JSON.stringify({ options, completed: new Date().toISOString() }) + '\n');
  }
  opts.onLog?.(reused ? `demo cohort reused from ${cohortDir}` : `demo cohort generated in ${cohortDir}`);
  const yaml = opts.configYaml ?? DEMO_CONFIG_YAML;
  writeFileAtomic(join(opts.outDir, 'study.yaml'), yaml);
  const config = parseStudyConfig(yaml, { file: join(opts.outDir, 'study.yaml') });
  const run = await runStudy(config, { outDir: opts.outDir, progress: opts.progress, onLog: opts.onLog });
  return { ...run, cohortReused: reused };
}
