/**
 * `runStudy`: a study config → DIR with
 * - `features/radiomics.csv`, `features/deep.csv` (resumable caches; a rerun computes only missing patients),
 * - `results.json` (the report contract, src/study/results.ts), `run.log`,
 * - `nomogram.svg`, `model.dlrn.json` (the model bundle for `dlrn predict`),
 * - `tables/predictions.csv` (every model's probability per patient) and `tables/dlrn_design.csv` (the DLRN's
 *   design: signature and clinical terms per patient, to check the final model in R).
 * Every file is written atomically.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/atomic.js';
import { DlrnError, InvalidInputError } from '../core/errors.js';
import { canonicalJson, makeBundle, writeBundle, type ModelBundle } from './bundle.js';
import { buildResults } from './build-results.js';
import { isMissing } from './clinical.js';
import { assignCohorts, readStudyCases, type StudyCase, type StudyCohorts } from './cohorts.js';
import type { StudyConfig } from './config.js';
import { deepSettingsOf, type CachedDeepFeatures } from './deep-features.js';
import { studyFeatures, type StudyFeatures } from './case-features.js';
import type { CacheSource } from './feature-cache.js';
import { readFeatureTableCsv, tableRowsFor, type FeatureTable } from './feature-table.js';
import { fitStudy, type StudyFit } from './fit-study.js';
import { radiomicsFeatures, type ExtractionProgress } from './radiomics-features.js';
import { MODEL_IDS, type StudyResults } from './results.js';
import { renderNomogramSvg } from '../nomogram/index.js';
import { toCsv, readCsv, columnIndex } from '../table/csv.js';
import { summaryTable } from './summary.js';

/** Progress callbacks of a study run (for the CLI's progress bars). */
export interface StudyProgress {
  /** A phase starts (`features`, `retest`, `models`, `results`). */
  readonly onPhase?: (phase: string) => void;
  /** Per-patient progress of the feature phases. */
  readonly extraction?: (phase: string) => ExtractionProgress;
}

/** Options of {@link runStudy}. */
export interface RunStudyOptions {
  /** Output folder (created). */
  readonly outDir: string;
  /** Negative control: permute the training outcomes with this seed. */
  readonly permuteTrainingLabels?: number;
  readonly progress?: StudyProgress;
  /** Receives each run-log line as it is written. */
  readonly onLog?: (line: string) => void;
}

/** What a study run produced. */
export interface StudyRun {
  readonly results: StudyResults;
  readonly bundle: ModelBundle;
  readonly fit: StudyFit;
  readonly cohorts: StudyCohorts;
  readonly outDir: string;
  /** Files written, relative to outDir. */
  readonly files: readonly string[];
  /** The AUC summary table (text). */
  readonly summary: string;
}

function failuresError(kind: string, failures: readonly { id: string; message: string }[]): DlrnError {
  return new DlrnError('E_FEATURES', `${kind} feature extraction failed for ${failures.length} patient(s)`, {
    found: failures.slice(0, 5).map((f) => `${f.id}: ${f.message}`).join(' | ') + (failures.length > 5 ? ` | ... (${failures.length - 5} more)` : ''),
    fix: 'fix or remove these patients in the manifest; the features of the others are cached, so a rerun only computes the missing ones.',
  });
}

function sources(cases: readonly StudyCase[]): CacheSource[] {
  return cases.map((c) => ({ id: c.id, image: c.image, mask: c.mask, maskLabel: c.maskLabel }));
}

/** Reads the retest manifest (same column names as the manifest) for the given ids. */
function retestCases(config: StudyConfig, allowed: ReadonlySet<string>): CacheSource[] {
  const file = config.paths.retestManifest as string;
  const t = readCsv(file);
  const iId = columnIndex(t, config.doc.columns.id, file);
  const iImage = columnIndex(t, config.doc.columns.image, file);
  const iMask = columnIndex(t, config.doc.columns.mask, file);
  const base = join(file, '..');
  const abs = (p: string) => (p.startsWith('/') ? p : join(base, p));
  return t.rows.filter((r) => allowed.has(r[iId].trim())).map((r) => ({ id: r[iId].trim(), image: abs(r[iImage].trim()), mask: abs(r[iMask].trim()), maskLabel: config.doc.mask_label }));
}

/**
 * Runs a whole study (see the module comment).
 * @throws InvalidInputError for config/manifest problems, DlrnError `E_FEATURES` when extraction fails for a
 *   patient, ModelFitError when a model cannot be fitted.
 */
export async function runStudy(config: StudyConfig, opts: RunStudyOptions): Promise<StudyRun> {
  const out = opts.outDir;
  mkdirSync(join(out, 'features'), { recursive: true });
  const log: string[] = [];
  const say = (line: string): void => {
    log.push(line);
    opts.onLog?.(line);
  };
  const phase = (p: string): void => opts.progress?.onPhase?.(p);
  const doc = config.doc;
  say(`dlrn study "${config.name}" (config sha256 ${config.sha256.slice(0, 16)}, seed ${doc.seed})`);

  const cases = readStudyCases(config);
  const exclude = new Set<string>();
  if (doc.clinical.missing === 'drop') {
    for (const c of cases) if (doc.clinical.variables.some((v) => isMissing(c.row[v.name]))) exclude.add(c.id);
    if (exclude.size) say(`missing clinical values: ${exclude.size} patient(s) excluded (clinical.missing = drop)`);
  }
  const cohorts = assignCohorts(config, cases, { exclude, permuteTrainingLabels: opts.permuteTrainingLabels });
  for (const n of cohorts.notes) say(n);
  const counts = (['training', 'internal_test', 'external_test'] as const).filter((c) => cohorts.members[c].length).map((c) => {
    const idx = cohorts.members[c];
    return `${c} ${idx.length} (${idx.filter((i) => cohorts.cases[i].outcome === 1).length} positive)`;
  });
  say(`cohorts: ${counts.join(', ')}`);
  const used = [...new Set([...cohorts.members.training, ...cohorts.members.internal_test, ...cohorts.members.external_test])].sort((a, b) => a - b).map((i) => cohorts.cases[i]);

  // Features: tables given in the config, or extracted (radiomics and DL in one pass per patient, cached)
  phase('features');
  const ids = used.map((c) => c.id);
  const extractRad = !config.paths.radiomicsTable;
  const extractDeep = doc.deep !== null && !config.paths.deepTable;
  let extracted: StudyFeatures = { radiomics: null, deep: null };
  if (extractRad || extractDeep) {
    extracted = await studyFeatures(sources(used), {
      radiomics: extractRad ? { params: config.radiomicsParams, cachePath: join(out, 'features', 'radiomics.csv') } : null,
      deep: extractDeep && doc.deep ? { settings: deepSettingsOf(doc.deep, config.paths.deepModel), cachePath: join(out, 'features', 'deep.csv') } : null,
      jobs: doc.radiomics.jobs, progress: opts.progress?.extraction?.('features'),
    });
    // report every failure (both parts) before stopping; the successful patients stay cached
    const failures = [...(extracted.radiomics?.failures ?? []), ...(extracted.deep?.failures ?? [])];
    if (failures.length) throw failuresError(extracted.radiomics?.failures.length ? 'radiomics' : 'DL', failures);
  }
  let rad: FeatureTable;
  let radHash: string;
  if (extracted.radiomics) {
    const r = extracted.radiomics;
    rad = r.table;
    radHash = r.settingsHash;
    say(`radiomics: ${rad.names.length} features per patient (${r.reused} reused from the cache, ${r.computed} extracted; settings hash ${r.settingsHash})`);
  } else {
    rad = tableRowsFor(readFeatureTableCsv(config.paths.radiomicsTable as string, doc.columns.id), ids, 'radiomics feature table');
    radHash = createHash('sha256').update(canonicalJson(rad.names)).digest('hex').slice(0, 16);
    say(`radiomics: ${rad.names.length} features read from ${config.paths.radiomicsTable}`);
  }
  let deep: FeatureTable | null = null;
  const deepInfo: CachedDeepFeatures | null = extracted.deep;
  if (deepInfo) {
    deep = deepInfo.table;
    say(`deep: ${deep.names.length} features per patient from ${deepInfo.backboneId} (model sha256 ${deepInfo.modelSha256.slice(0, 16)}; ${deepInfo.reused} reused, ${deepInfo.computed} computed)`);
  } else if (doc.deep && config.paths.deepTable) {
    deep = tableRowsFor(readFeatureTableCsv(config.paths.deepTable, doc.columns.id), ids, 'DL feature table');
    say(`deep: ${deep.names.length} features read from ${config.paths.deepTable}`);
  }

  // Retest radiomics for the ICC screen (training patients only)
  let retest: FeatureTable | null = null;
  if (doc.selection.icc) {
    phase('retest');
    const trainIds = new Set(cohorts.members.training.map((i) => cohorts.cases[i].id));
    const rc = retestCases(config, trainIds);
    if (rc.length < 2) throw new InvalidInputError('the retest manifest has fewer than 2 training patients', { file: config.paths.retestManifest ?? undefined, fix: 'the ICC screen uses the retest rows of training patients only.' });
    const r = await radiomicsFeatures(rc, { params: config.radiomicsParams, cachePath: join(out, 'features', 'radiomics-retest.csv'), jobs: doc.radiomics.jobs, progress: opts.progress?.extraction?.('retest') });
    if (r.failures.length) throw failuresError('retest radiomics', r.failures);
    retest = r.table;
    say(`retest radiomics: ${rc.length} training patients`);
  }

  phase('models');
  const fit = fitStudy({ config, cohorts, rad, deep, retest }, say);

  phase('results');
  const files: string[] = [];
  const write = (name: string, text: string): void => {
    writeFileAtomic(join(out, name), text);
    files.push(name);
  };
  const labels: Record<string, string> = { dlr_signature: 'DLR signature' };
  for (const v of fit.dlrn.clinical) labels[v.name] = v.label;
  write('nomogram.svg', renderNomogramSvg(fit.dlrn.nomogram, { title: `DLRN nomogram — ${config.name}`, labels }));

  const evalNotes: string[] = [];
  const results = buildResults({
    config, cohorts, fit, nomogramSvg: 'nomogram.svg', log,
    features: {
      radiomics: { n_features: rad.names.length, settings: config.radiomicsSettingsText, settings_sha256: createHash('sha256').update(canonicalJson(config.radiomicsParams)).digest('hex') },
      deep: deep ? { backbone: deepInfo?.backboneId ?? 'table', model_sha256: deepInfo?.modelSha256 ?? '', n_features: deep.names.length } : null,
    },
    onNote: (line) => { evalNotes.push(line); say(`note: ${line}`); },
  });

  // Bundle
  const dlrnFit = fit.dlrn.fit;
  const bundle = makeBundle({
    study: {
      name: config.name, config_sha256: config.sha256, seed: doc.seed, created: results.study.created, outcome: doc.outcome.column, positive_class: results.study.positive_class,
      n_training: (fit.y.training as Float64Array).length, n_training_positive: (fit.y.training as Float64Array).reduce((a, b) => a + b, 0),
    },
    radiomics: { mode: 'pyradiomics', params: config.radiomicsParams, settings_hash: radHash, mask_label: doc.mask_label, from_table: !extracted.radiomics },
    deep: doc.deep && deepInfo ? { settings: deepSettingsOf(doc.deep, config.paths.deepModel), backbone_id: deepInfo.backboneId, model_sha256: deepInfo.modelSha256, settings_hash: deepInfo.settingsHash } : null,
    pipelines: { rad_pre: fit.radPre.toJSON(), dl_pre: fit.dlPre ? fit.dlPre.toJSON() : null, dlr_selection: fit.sets.dlr.selection.toJSON() },
    signature: { intercept: fit.sets.dlr.lasso.intercept, lambda: fit.sets.dlr.lasso.lambda, coefficients: fit.sets.dlr.lasso.keep.map((j) => ({ name: fit.sets.dlr.lasso.namesIn[j], coefficient: fit.sets.dlr.lasso.beta[j] })) },
    clinical: fit.dlrn.clinical.map((v) => ({ name: v.name, label: v.label, type: v.type, coding: v.coding })),
    dlrn: { terms: fit.dlrn.terms, intercept: dlrnFit.coefficients[0], coefficients: Array.from(dlrnFit.coefficients.subarray(1)) },
    nomogram: fit.dlrn.nomogram,
    threshold: fit.models.dlrn!.threshold,
  });
  if (!extracted.radiomics || (doc.deep && !deepInfo)) {
    say('note: features came from a table, so `dlrn predict` cannot compute them from images with this bundle (library: predictFromFeatures).');
  }
  writeBundle(join(out, 'model.dlrn.json'), bundle);
  files.push('model.dlrn.json');

  // Tables
  const modelIds = MODEL_IDS.filter((m) => fit.models[m]);
  const predRows: unknown[][] = [];
  const designRows: unknown[][] = [];
  for (const c of fit.cohortsPresent) {
    const ids = fit.ids[c] as string[];
    ids.forEach((id, i) => {
      predRows.push([id, c, (fit.y[c] as Float64Array)[i], ...modelIds.map((m) => (fit.models[m]!.probabilities[c] as Float64Array)[i])]);
      designRows.push([id, c, (fit.y[c] as Float64Array)[i], ...Array.from((fit.dlrn.rows[c] as Float64Array[])[i]), (fit.models.dlrn!.probabilities[c] as Float64Array)[i]]);
    });
  }
  write('tables/predictions.csv', toCsv(['id', 'cohort', 'outcome', ...modelIds.map((m) => `p_${m}`)], predRows));
  write('tables/dlrn_design.csv', toCsv(['id', 'cohort', 'outcome', ...fit.dlrn.terms, 'p_dlrn'], designRows));

  write('results.json', JSON.stringify(results, null, 1) + '\n');
  write('run.log', log.join('\n') + '\n');
  return { results, bundle, fit, cohorts, outDir: out, files, summary: summaryTable(results) };
}
