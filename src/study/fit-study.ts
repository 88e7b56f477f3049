/**
 * The modelling core of a study, from feature tables to fitted models and predictions, leakage-free by
 * construction: every pipeline, classifier and regression is fitted on the training patients only; the
 * internal and external test patients are only transformed and predicted.
 *
 * Feature sets:
 * - Rad: non-finite filter → variance filter → [ICC] → z-score;
 * - DL: non-finite filter → variance filter → z-score → PCA (k) → z-score (`dl_pc1..k`);
 * - DLR: the Rad and DL outputs side by side (fusion);
 * each then goes through Mann-Whitney → correlation filter → mRMR → LASSO-CV. The LASSO linear predictor of
 * the DLR set is the DLR signature. Models: Rad, DL and DLR = the chosen classifier on the LASSO-selected
 * features; clinical = logistic regression on the selected clinical variables; DLRN = logistic regression on
 * the DLR signature and those clinical variables, with its nomogram.
 */
import { InvalidInputError, ModelFitError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { fitLogistic, type LogisticFit } from '../models/logistic/index.js';
import { buildNomogram, type NomogramModel, type NomogramPredictorInput } from '../nomogram/index.js';
import { fitClassifier, matrixRows, type FittedModel } from './classifier.js';
import { analyseClinical, clinicalTermNames, coefficientRows, encodeClinical, learnClinicalVariables, type ClinicalAnalysis, type ClinicalVariable } from './clinical.js';
import type { ClassifierId } from './config-schema.js';
import type { StudyConfig } from './config.js';
import type { StudyCohorts } from './cohorts.js';
import { concatColumns, tableRowsFor, type FeatureTable } from './feature-table.js';
import { Pipeline, type FittedPipeline, type LassoStep, type StepContext, type StepSpec } from './pipeline.js';
import { COHORT_IDS, type CoefficientRow, type CohortId, type ModelId, type ModelResult } from './results.js';
import { correlationStep, iccStep, lassoStep, mannWhitneyStep, mrmrStep, nonFiniteStep, pcaStep, scalerStep, varianceStep } from './steps.js';
import { youdenThreshold } from './evaluate.js';

/** Inputs of {@link fitStudy}. */
export interface StudyData {
  readonly config: StudyConfig;
  readonly cohorts: StudyCohorts;
  /** Raw radiomics features (rows for at least every patient of the cohorts). */
  readonly rad: FeatureTable;
  /** Raw DL features, or null without DL. */
  readonly deep: FeatureTable | null;
  /** Raw radiomics features of the retest patients (ICC screen), when configured. */
  readonly retest?: FeatureTable | null;
}

/** Per cohort values (only the cohorts that have patients). */
export type PerCohort<T> = Partial<Record<CohortId, T>>;

/** A fitted feature set (Rad, DL or DLR). */
export interface FeatureSetFit {
  readonly id: 'rad' | 'dl' | 'dlr';
  readonly nCandidates: number;
  /** The screening + LASSO pipeline (input = the preprocessed features). */
  readonly selection: FittedPipeline;
  readonly lasso: LassoStep;
  /** The LASSO linear predictor per cohort. */
  readonly signature: PerCohort<Float64Array>;
  /** Selected features per cohort. */
  readonly selected: PerCohort<FeatureTable>;
}

/** A fitted model and its predictions. */
export interface ModelFit extends Pick<ModelResult, 'id' | 'label' | 'classifier' | 'inputs' | 'coefficients' | 'threshold'> {
  readonly probabilities: PerCohort<Float64Array>;
  readonly alternatives: readonly { classifier: ClassifierId; probabilities: PerCohort<Float64Array> }[];
}

/** The DLRN: its logistic regression, design and nomogram. */
export interface DlrnFit {
  readonly fit: LogisticFit;
  /** Term names: `dlr_signature`, then the clinical terms. */
  readonly terms: readonly string[];
  /** The clinical variables in the DLRN. */
  readonly clinical: readonly ClinicalVariable[];
  /** Design rows per cohort (columns = terms). */
  readonly rows: PerCohort<Float64Array[]>;
  readonly nomogram: NomogramModel;
}

/** Everything {@link fitStudy} learnt and predicted. */
export interface StudyFit {
  readonly cohortsPresent: readonly CohortId[];
  readonly ids: PerCohort<readonly string[]>;
  readonly y: PerCohort<Float64Array>;
  readonly radPre: FittedPipeline;
  readonly dlPre: FittedPipeline | null;
  readonly sets: { readonly rad: FeatureSetFit; readonly dl: FeatureSetFit | null; readonly dlr: FeatureSetFit };
  readonly clinicalVariables: readonly ClinicalVariable[];
  readonly clinical: ClinicalAnalysis;
  readonly models: Partial<Record<ModelId, ModelFit>>;
  readonly dlrn: DlrnFit;
  /** Missing clinical values filled with training values, per cohort. */
  readonly imputed: PerCohort<number>;
}

function perCohort<T>(present: readonly CohortId[], f: (c: CohortId) => T): PerCohort<T> {
  const out: PerCohort<T> = {};
  for (const c of present) out[c] = f(c);
  return out;
}

/** The selection chain shared by the three feature sets. */
function selectionSteps(config: StudyConfig): StepSpec[] {
  const s = config.doc.selection;
  const steps: StepSpec[] = [];
  if (s.mann_whitney_p < 1) steps.push(mannWhitneyStep(s.mann_whitney_p, s.min_keep));
  if (s.correlation) steps.push(correlationStep(s.correlation.threshold, s.correlation.method));
  if (s.mrmr_top_k !== null) steps.push(mrmrStep(s.mrmr_top_k));
  steps.push(lassoStep({ nfolds: s.lasso.nfolds, measure: s.lasso.measure, lambdaRule: s.lasso.lambda_rule, alpha: s.lasso.alpha, minFeatures: s.lasso.min_features }));
  return steps;
}

function describeSteps(p: FittedPipeline): string {
  return p.steps.map((s) => `${s.summary.step} ${s.summary.n_in}→${s.summary.n_out}`).join(', ');
}

/** One log line per screening step with the features it kept (up to 40 names). */
function keptLines(p: FittedPipeline): string[] {
  return p.steps.filter((s) => s.kind === 'select').map((s) => {
    const names = s.namesOut;
    return `  ${s.summary.step} kept ${names.length}: ${names.slice(0, 40).join(', ')}${names.length > 40 ? ', ...' : ''}`;
  });
}

/**
 * Fits every pipeline and model on the training patients and predicts every cohort (see the module comment).
 * `log` receives one line per step.
 */
export function fitStudy(data: StudyData, log: (line: string) => void = () => undefined): StudyFit {
  const { config, cohorts } = data;
  const seed = config.doc.seed;
  const rng = Rng.fromSeed(seed);
  const present = COHORT_IDS.filter((c) => cohorts.members[c].length > 0);
  const ids = perCohort(present, (c) => cohorts.members[c].map((i) => cohorts.cases[i].id));
  const y = perCohort(present, (c) => Float64Array.from(cohorts.members[c], (i) => cohorts.cases[i].outcome));
  const trainIds = ids.training as readonly string[];
  const yTrain = y.training as Float64Array;
  const ctx = (key: string): StepContext => ({ ids: trainIds, rng: rng.child(key), log, retest: data.retest ?? undefined });
  const rows = (t: FeatureTable, what: string): PerCohort<FeatureTable> => perCohort(present, (c) => tableRowsFor(t, ids[c] as string[], what));

  // Rad preprocessing
  const radRaw = rows(data.rad, 'radiomics feature table');
  const radSteps: StepSpec[] = [nonFiniteStep(), varianceStep(config.doc.selection.variance_threshold)];
  const icc = config.doc.selection.icc;
  if (icc) {
    if (!data.retest) throw new InvalidInputError('selection.icc is set but no retest features were given');
    radSteps.push(iccStep({ threshold: icc.threshold, form: icc.form, minKeep: config.doc.selection.min_keep }));
  }
  radSteps.push(scalerStep());
  log(`Rad preprocessing (${data.rad.names.length} features, fitted on ${trainIds.length} training patients):`);
  const radPre = new Pipeline(radSteps).fit(radRaw.training as FeatureTable, yTrain, ctx('rad-pre'));
  log(`  ${describeSteps(radPre)}`);
  const radPreOut = perCohort(present, (c) => radPre.transformTable(radRaw[c] as FeatureTable));

  // DL preprocessing
  let dlPre: FittedPipeline | null = null;
  let dlPreOut: PerCohort<FeatureTable> | null = null;
  if (data.deep && config.doc.deep) {
    const dlRaw = rows(data.deep, 'DL feature table');
    log(`DL preprocessing (${data.deep.names.length} features):`);
    dlPre = new Pipeline([nonFiniteStep(), varianceStep(config.doc.selection.variance_threshold), scalerStep(), pcaStep(config.doc.deep.pca_components, 'dl_pc'), scalerStep()])
      .fit(dlRaw.training as FeatureTable, yTrain, ctx('dl-pre'));
    log(`  ${describeSteps(dlPre)}`);
    const pre = dlPre;
    dlPreOut = perCohort(present, (c) => pre.transformTable(dlRaw[c] as FeatureTable));
  }

  const fitSet = (id: 'rad' | 'dl' | 'dlr', input: PerCohort<FeatureTable>, nCandidates: number): FeatureSetFit => {
    log(`${id.toUpperCase()} selection (${(input.training as FeatureTable).names.length} features in):`);
    const selection = new Pipeline(selectionSteps(config)).fit(input.training as FeatureTable, yTrain, ctx(`select-${id}`));
    log(`  ${describeSteps(selection)}`);
    for (const line of keptLines(selection)) log(line);
    const lasso = selection.lassoStep() as LassoStep;
    log(`  LASSO (${lasso.summary.settings.lambda_rule}, λ = ${lasso.lambda.toPrecision(4)}): ${lasso.namesOut.join(', ')}`);
    const beforeLasso = selection.steps.slice(0, -1);
    const signature = perCohort(present, (c) => {
      let m = (input[c] as FeatureTable).matrix;
      for (const s of beforeLasso) m = s.transform(m);
      return lasso.signature(m);
    });
    const selected = perCohort(present, (c) => selection.transformTable(input[c] as FeatureTable));
    return { id, nCandidates, selection, lasso, signature, selected };
  };

  const rad = fitSet('rad', radPreOut, data.rad.names.length);
  const dl = dlPreOut && data.deep ? fitSet('dl', dlPreOut, data.deep.names.length) : null;
  const fused = dlPreOut ? perCohort(present, (c) => concatColumns(radPreOut[c] as FeatureTable, (dlPreOut as PerCohort<FeatureTable>)[c] as FeatureTable)) : radPreOut;
  const dlr = fitSet('dlr', fused, data.rad.names.length + (data.deep?.names.length ?? 0));

  // Rad / DL / DLR models
  const models: Partial<Record<ModelId, ModelFit>> = {};
  const classifiers = config.doc.models.classifiers;
  const setLabels = { rad: 'Rad', dl: 'DL', dlr: 'DLR' } as const;
  for (const set of [rad, dl, dlr]) {
    if (!set) continue;
    const train = set.selected.training as FeatureTable;
    const fitOne = (cl: ClassifierId): FittedModel =>
      fitClassifier(cl, train.matrix, yTrain, train.names, set.signature.training as Float64Array, rng.child(`model-${set.id}-${cl}`));
    let primary: FittedModel;
    try {
      primary = fitOne(classifiers[0]);
    } catch (e) {
      if (!(e instanceof ModelFitError)) throw e;
      throw new ModelFitError(`the ${setLabels[set.id]} model (${classifiers[0]} on ${train.names.length} selected features) cannot be fitted`, {
        found: e.message.split(' Potential fix:')[0].replace(/\.+$/, ''), cause: e,
        fix: 'use `models.classifiers: [signature]` (logistic regression on the LASSO signature), or `selection.lasso.lambda_rule: lambda.1se` for fewer features.',
      });
    }
    const predictAll = (m: FittedModel): PerCohort<Float64Array> =>
      perCohort(present, (c) => m.predict((set.selected[c] as FeatureTable).matrix, set.signature[c] as Float64Array));
    const probabilities = predictAll(primary);
    const alternatives: ModelFit['alternatives'][number][] = [];
    for (const cl of classifiers.slice(1)) {
      try {
        alternatives.push({ classifier: cl, probabilities: predictAll(fitOne(cl)) });
      } catch (e) {
        if (!(e instanceof ModelFitError) && !(e instanceof InvalidInputError)) throw e;
        log(`  ${setLabels[set.id]} model with ${cl}: not fitted (${e.message.split('. ')[0]})`);
      }
    }
    const id = set.id as ModelId;
    models[id] = {
      id, label: `${setLabels[set.id]} (${train.names.length} features)`, classifier: primary.classifier, inputs: primary.inputs,
      coefficients: primary.coefficients, threshold: youdenThreshold(yTrain, probabilities.training as Float64Array), probabilities, alternatives,
    };
  }

  // Clinical variables
  const rowsOf = (c: CohortId) => cohorts.members[c].map((i) => cohorts.cases[i].row);
  const clinicalVariables = learnClinicalVariables(config.doc.clinical.variables, rowsOf('training'));
  const imputed: PerCohort<number> = {};
  const clinicalRows = perCohort(present, (c) => {
    const e = encodeClinical(clinicalVariables, rowsOf(c), ids[c]);
    imputed[c] = e.filled;
    return e.rows;
  });
  const clinical = analyseClinical(clinicalVariables, clinicalRows.training as Float64Array[], yTrain, config.doc.clinical.p_univariate, config.doc.clinical.p_multivariable);
  for (const n of clinical.notes) log(`  ${n}`);
  if (clinicalVariables.length) {
    log(`Clinical variables: univariate p ${Object.entries(clinical.pUnivariate).map(([k, p]) => `${k} ${p === null ? 'NA' : p.toPrecision(3)}`).join(', ')}`);
    log(`  multivariable p ${Object.entries(clinical.pMultivariable).map(([k, p]) => `${k} ${p.toPrecision(3)}`).join(', ') || '(none entered)'}; selected: ${clinical.selected.join(', ') || 'none'}`);
  }
  const selectedVars = clinicalVariables.filter((v) => clinical.selected.includes(v.name));
  const allTerms = clinicalTermNames(clinicalVariables);
  const selTerms = clinicalTermNames(selectedVars);
  const termCols = selTerms.map((t) => allTerms.indexOf(t));
  const selectedClinicalRows = perCohort(present, (c) => (clinicalRows[c] as Float64Array[]).map((r) => Float64Array.from(termCols, (j) => r[j])));
  if (selectedVars.length) {
    const fit = fitLogistic(selectedClinicalRows.training as Float64Array[], yTrain, { termNames: selTerms });
    const probabilities = perCohort(present, (c) => fit.predict(selectedClinicalRows[c] as Float64Array[]));
    models.clinical = {
      id: 'clinical', label: `Clinical (${selectedVars.map((v) => v.label).join(' + ')})`, classifier: 'logistic', inputs: selTerms,
      coefficients: coefficientRows(fit), threshold: youdenThreshold(yTrain, probabilities.training as Float64Array), probabilities, alternatives: [],
    };
  }

  // DLRN
  const dlrnTerms = ['dlr_signature', ...selTerms];
  const dlrnRows = perCohort(present, (c) => {
    const sig = dlr.signature[c] as Float64Array;
    return (selectedClinicalRows[c] as Float64Array[]).map((r, i) => Float64Array.from([sig[i], ...r]));
  });
  const dlrnFit = fitDlrnLogistic(dlrnRows.training as Float64Array[], yTrain, selTerms);
  const dlrnProb = perCohort(present, (c) => dlrnFit.predict(dlrnRows[c] as Float64Array[]));
  models.dlrn = {
    id: 'dlrn', label: `DLRN (DLR signature${selectedVars.length ? ' + ' + selectedVars.map((v) => v.label).join(' + ') : ''})`, classifier: 'logistic', inputs: dlrnTerms,
    coefficients: coefficientRows(dlrnFit), threshold: youdenThreshold(yTrain, dlrnProb.training as Float64Array), probabilities: dlrnProb, alternatives: [],
  };
  log(`DLRN: logit P = ${dlrnTerms.map((t, j) => `${dlrnFit.coefficients[j + 1].toPrecision(4)}·${t}`).join(' + ')} + ${dlrnFit.coefficients[0].toPrecision(4)}`);
  const nomogram = buildNomogram({
    intercept: dlrnFit.coefficients[0],
    predictors: nomogramPredictors(dlrnFit, selectedVars, dlr.signature.training as Float64Array, selectedClinicalRows.training as Float64Array[]),
    trainingLinearPredictors: dlrnFit.predict(dlrnRows.training as Float64Array[], 'link'),
  }, { funLabel: 'Risk' });

  return {
    cohortsPresent: present, ids, y, radPre, dlPre, sets: { rad, dl, dlr }, clinicalVariables, clinical, models,
    dlrn: { fit: dlrnFit, terms: dlrnTerms, clinical: selectedVars, rows: dlrnRows, nomogram }, imputed,
  };
}

/**
 * The DLRN's logistic regression (R's `glm(y ~ dlr_signature + clinical terms, binomial)`, IRLS to 1e-14):
 * `rows` = [signature, clinical terms...] per training patient.
 * @throws ModelFitError (with a fix) when the training classes are separated.
 */
export function fitDlrnLogistic(rows: readonly ArrayLike<number>[], y: Float64Array, clinicalTerms: readonly string[]): LogisticFit {
  try {
    return fitLogistic(rows, y, { termNames: ['dlr_signature', ...clinicalTerms] });
  } catch (e) {
    if (!(e instanceof ModelFitError)) throw e;
    throw new ModelFitError('the DLRN logistic regression cannot be fitted', {
      found: e.message.split(' Potential fix:')[0].replace(/\.+$/, ''), cause: e,
      fix: 'the DLR signature separates the training classes perfectly; use `selection.lasso.lambda_rule: lambda.1se` or more training patients.',
    });
  }
}

/** The nomogram predictors of the DLRN: the signature, then each clinical variable (factors by level). */
function nomogramPredictors(fit: LogisticFit, vars: readonly ClinicalVariable[], signature: Float64Array, clinicalRows: readonly Float64Array[]): NomogramPredictorInput[] {
  const out: NomogramPredictorInput[] = [{ name: 'dlr_signature', label: 'DLR signature', kind: 'numeric', coefficient: fit.coefficient('dlr_signature'), trainingValues: signature }];
  let col = 0;
  for (const v of vars) {
    if (v.coding.kind === 'numeric') {
      const j = col;
      out.push({ name: v.name, label: v.label, kind: 'numeric', coefficient: fit.coefficient(v.name), trainingValues: clinicalRows.map((r) => r[j]) });
      col++;
    } else {
      const levels = v.coding.levels;
      out.push({ name: v.name, label: v.label, kind: 'categorical', levels, coefficients: levels.map((l, k) => (k === 0 ? 0 : fit.coefficient(`${v.name}${l}`))) });
      col += levels.length - 1;
    }
  }
  return out;
}

/** Training rows of a model's selected features as plain rows (for exports). */
export function featureRows(t: FeatureTable): Float64Array[] {
  return matrixRows(t.matrix);
}
