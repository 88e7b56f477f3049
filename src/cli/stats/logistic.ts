/**
 * `dlrn stats logistic`: binary logistic regression over a CSV table with R's numbers (glm + rms lrm
 * statistics), predictions and validation on held-out rows (ROC, calibration, Hosmer-Lemeshow,
 * decision curves, unpaired DeLong train vs validation), an rms nomogram (+ SVG), and the comparison
 * with a smaller model (paired DeLong, NRI/IDI). This file only parses options and formats output.
 */
import { InvalidInputError, ModelFitError, type DlrnWarning } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/atomic.js';
import { readCsv, columnIndex, parseNumberField } from '../../table/csv.js';
import { parseOptions } from '../args.js';
import { fitLogistic, glmBlock, lrmBlock, type LogisticFit } from '../../models/logistic/index.js';
import { buildDesign, encodeRows, type Design, type PredictorData, type PredictorSpec } from '../../models/design/index.js';
import { nomogramBlock, nomogramFromFit, nomogramPoints, renderNomogramSvg, type NomogramPatientPoints } from '../../nomogram/index.js';
import {
  calibrationAnalysis, decisionCurve, modelRocSummary, nriIdi, pairedDelong, unpairedDelong,
} from '../../evaluation/index.js';
import {
  DATA_OPTIONS, DATA_OPTIONS_HELP, dataSpecFromOptions, emitResult, eventsPerVariableWarning, loadStatsData, splitList,
  type Cohort, type OptionValues,
} from './data.js';

/** Help text of `dlrn stats logistic`. */
export const help = `Usage: dlrn stats logistic --data F.csv --label COL --predictors A,B,... [options]

Binary logistic regression (R glm by IRLS, converged to 1e-14) with rms lrm statistics. With
validation rows it also reports predictions, ROC (DeLong), calibration (rms val.prob, recalibration,
Hosmer-Lemeshow), decision curves and the unpaired DeLong test training vs validation.
Complete or quasi-complete separation is an error naming the variables (see --separation).

Data options:
${DATA_OPTIONS_HELP}

Model options:
  --predictors A,B,...       predictors (repeatable, comma-separated); numeric unless --categorical
  --categorical COL[:REF]    treat COL as a factor with treatment coding and reference level REF
                             (default reference: the first level in sorted order); repeatable.
                             R names the dummies COLlevel (raceblack), rms names them COL=level
  --conf-level X             level of Wald and profile-likelihood intervals (default 0.95)
  --no-profile               skip the profile-likelihood intervals (R confint)
  --separation error|warn    on separation: stop with an error (default) or report the diverging fit

Comparison:
  --compare-with A,B,...     a smaller model (its predictors); adds roc_<set>_small,
                             delong_paired_<set>_model_vs_small and nri_idi_<set>_small_to_model,
                             on the validation rows when given, else on the training rows

Nomogram (rms nomogram with datadist defaults):
  --nomogram                 add the nomogram block
  --svg F.svg                also draw the nomogram as SVG (implies --nomogram)
  --fun-at P1,P2,...         probabilities to mark on the risk axis (default pretty(plogis(range(lp.at))))
  --patients F.csv           patients to read off the nomogram (columns = the predictors)
  --patient-rows R1,R2,...   1-based data rows of --data to read off the nomogram

JSON blocks: glm_train, lrm_train, predictions {train_probability, test_probability,
test_linear_predictor}, roc_train, roc_test, calibration_train_apparent, calibration_test_external,
delong_unpaired_train_vs_test, dca_train, dca_test, nomogram; with --compare-with also glm_train_small,
roc_test_small, delong_paired_test_model_vs_small, nri_idi_test_small_to_model (see docs/stats.md).
`;

const OPTIONS = {
  ...DATA_OPTIONS,
  predictors: { type: 'string', multiple: true },
  categorical: { type: 'string', multiple: true },
  'conf-level': { type: 'string' },
  'no-profile': { type: 'boolean' },
  separation: { type: 'string' },
  'compare-with': { type: 'string', multiple: true },
  nomogram: { type: 'boolean' },
  svg: { type: 'string' },
  'fun-at': { type: 'string' },
  patients: { type: 'string' },
  'patient-rows': { type: 'string' },
} as const;

interface Plan {
  readonly predictors: string[];
  readonly small: string[];
  readonly categorical: Map<string, string | undefined>;
}

function parseCategorical(values: OptionValues): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const list = Array.isArray(values.categorical) ? (values.categorical as string[]) : [];
  for (const item of list.flatMap((s) => s.split(','))) {
    const t = item.trim();
    if (t === '') continue;
    const i = t.indexOf(':');
    out.set(i < 0 ? t : t.slice(0, i).trim(), i < 0 ? undefined : t.slice(i + 1).trim());
  }
  return out;
}

function specsOf(names: readonly string[], categorical: Map<string, string | undefined>): PredictorSpec[] {
  return names.map((n) => (categorical.has(n) ? { name: n, kind: 'categorical', reference: categorical.get(n) } : { name: n, kind: 'numeric' }));
}

function numberList(option: string, text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const v = splitList(text).map(Number);
  if (v.length === 0 || v.some((x) => !Number.isFinite(x))) throw new InvalidInputError(`--${option} must be a comma-separated list of numbers`, { found: JSON.stringify(text) });
  return v;
}

interface FittedModel {
  readonly design: Design;
  readonly fit: LogisticFit;
}

function fitModel(c: Cohort, specs: PredictorSpec[], separation: 'error' | 'warn'): FittedModel {
  const design = buildDesign(c, specs, c.n);
  const fit = fitLogistic(design.rows, c.y, { termNames: design.terms.map((t) => t.term), separation });
  return { design, fit };
}

function predictCohort(m: FittedModel, c: Cohort, type: 'link' | 'response'): Float64Array {
  return m.fit.predict(encodeRows(m.design.coding, c, c.n), type);
}

/** Patients to read off the nomogram, as predictor → value records. */
function nomogramPatients(values: OptionValues, plan: Plan, dataFile: string): Record<string, number | string>[] {
  const out: Record<string, number | string>[] = [];
  const fromTable = (file: string, rows: number[] | undefined): void => {
    const t = readCsv(file);
    const cols = plan.predictors.map((p) => columnIndex(t, p, file));
    const idx = rows ?? t.rows.map((_, i) => i + 1);
    for (const r of idx) {
      if (!Number.isInteger(r) || r < 1 || r > t.rows.length) {
        throw new InvalidInputError('--patient-rows names a row that does not exist', { file, expected: `rows 1..${t.rows.length}`, found: String(r) });
      }
      const rec: Record<string, number | string> = {};
      plan.predictors.forEach((p, k) => {
        const cell = t.rows[r - 1][cols[k]].trim();
        if (plan.categorical.has(p)) { rec[p] = cell; return; }
        const x = parseNumberField(cell);
        if (!Number.isFinite(x)) throw new InvalidInputError(`patient row ${r}: "${p}" is not a number`, { file, found: JSON.stringify(cell) });
        rec[p] = x;
      });
      out.push(rec);
    }
  };
  if (typeof values.patients === 'string') fromTable(values.patients, undefined);
  const rows = numberList('patient-rows', typeof values['patient-rows'] === 'string' ? values['patient-rows'] : undefined);
  if (rows) fromTable(dataFile, rows);
  return out;
}

function fmt(x: number, d = 4): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? x.toExponential(d - 1) : x.toFixed(d);
}

function textSummary(result: Record<string, unknown>, fit: LogisticFit, plan: Plan): string {
  const g = result.glm_train as ReturnType<typeof glmBlock>;
  const lines = [`Logistic regression of ${String((result.data as { label: string }).label)} on ${plan.predictors.join(', ')}`, ''];
  if (fit.separation) {
    lines.push(`WARNING: ${fit.separation.kind} separation (${fit.separation.terms.map((t) => t.term).join(', ')}): the estimates below diverge and are not interpretable.`, '');
  }
  const w = Math.max(11, ...g.terms.map((t) => t.length));
  lines.push(`${'term'.padEnd(w)}  ${'estimate'.padStart(10)}  ${'SE'.padStart(9)}  ${'z'.padStart(8)}  ${'p'.padStart(10)}  ${'OR'.padStart(9)}  OR 95% CI`);
  g.terms.forEach((t, j) => {
    lines.push(`${t.padEnd(w)}  ${fmt(g.estimate[j]).padStart(10)}  ${fmt(g.std_error[j]).padStart(9)}  ${fmt(g.z_value[j], 3).padStart(8)}  ${fmt(g.p_value[j]).padStart(10)}  ${fmt(g.odds_ratio[j], 3).padStart(9)}  [${fmt(g.or_wald_ci_lower[j], 3)}, ${fmt(g.or_wald_ci_upper[j], 3)}]`);
  });
  lines.push('', `deviance ${fmt(fit.deviance)} on ${fit.dfResidual} df (null ${fmt(fit.nullDeviance)} on ${fit.dfNull} df), AIC ${fmt(fit.aic)}, ${fit.iterations} IRLS iterations`);
  const st = (result.lrm_train as ReturnType<typeof lrmBlock>).stats;
  lines.push(`lrm: LR chi2 ${fmt(st['Model L.R.'])} (d.f. ${st['d.f.']}, P ${fmt(st.P)}), C ${fmt(st.C)}, Dxy ${fmt(st.Dxy)}, R2 ${fmt(st.R2)}, Brier ${fmt(st.Brier)}`);
  const roc = (k: string): string => {
    const r = result[k] as { auc: number; ci_lower: number; ci_upper: number } | undefined;
    return r ? `${k}: AUC ${fmt(r.auc)} (DeLong 95% CI ${fmt(r.ci_lower)}–${fmt(r.ci_upper)})` : '';
  };
  for (const k of ['roc_train', 'roc_test', 'roc_train_small', 'roc_test_small']) if (result[k]) lines.push(roc(k));
  const cal = result.calibration_test_external as { recalibration_exact: { intercept: number; slope: number } } | undefined;
  if (cal) lines.push(`validation calibration: intercept ${fmt(cal.recalibration_exact.intercept)}, slope ${fmt(cal.recalibration_exact.slope)}`);
  if (result.nomogram) lines.push('nomogram: see --json for the axes and points');
  return lines.join('\n');
}

/** Runs `dlrn stats logistic`. */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions('stats logistic', argv, OPTIONS);
  const predictors = splitList(values.predictors);
  if (predictors.length === 0) throw new InvalidInputError('dlrn stats logistic: --predictors is required', { fix: 'e.g. --predictors age,sex,radscore' });
  const small = splitList(values['compare-with']);
  const categorical = parseCategorical(values);
  for (const c of categorical.keys()) {
    if (!predictors.includes(c) && !small.includes(c)) throw new InvalidInputError(`--categorical ${c}: not among the predictors`, { expected: `one of ${predictors.join(', ')}` });
  }
  const unknownSmall = small.filter((s) => !predictors.includes(s));
  if (unknownSmall.length) {
    throw new InvalidInputError('--compare-with must name a smaller model nested in --predictors', { found: `not in --predictors: ${unknownSmall.join(', ')}` });
  }
  const plan: Plan = { predictors, small, categorical };
  const separation = values.separation === undefined ? 'error' : String(values.separation);
  if (separation !== 'error' && separation !== 'warn') throw new InvalidInputError('--separation must be error or warn', { found: separation });
  const level = values['conf-level'] === undefined ? 0.95 : Number(values['conf-level']);
  if (!(level > 0 && level < 1)) throw new InvalidInputError('--conf-level must lie in (0, 1)', { found: String(values['conf-level']) });
  const funAt = numberList('fun-at', typeof values['fun-at'] === 'string' ? values['fun-at'] : undefined);
  const wantNomogram = values.nomogram === true || typeof values.svg === 'string';

  const numeric = predictors.filter((p) => !categorical.has(p));
  const text = predictors.filter((p) => categorical.has(p));
  const spec = dataSpecFromOptions('logistic', values, { numeric, text });
  const data = loadStatsData(spec);
  const train = data.train;
  const val = data.validation;

  const model = fitModel(train, specsOf(predictors, categorical), separation);
  const df = model.design.terms.length;
  const warnings: DlrnWarning[] = data.warnings.filter((w) => w.code !== 'W_FEW_EVENTS' && w.code !== 'W_LOW_EPV');
  const epv = eventsPerVariableWarning(train.events, train.n, df);
  if (epv) warnings.push(epv);
  warnings.push(...model.fit.warnings);

  const pTrain = model.fit.fittedValues;
  const result: Record<string, unknown> = {
    data: {
      file: spec.file, label: spec.label, n_train: train.n, events_train: train.events,
      ...(val ? { n_test: val.n, events_test: val.events, test_file: val.file } : {}),
      na_dropped: data.naDropped,
      predictors, categorical: Object.fromEntries([...categorical].map(([k, v]) => [k, v ?? null])),
      coding: model.design.coding,
    },
    warnings,
    glm_train: glmBlock(model.fit, { confLevel: level, profile: values['no-profile'] !== true }),
    lrm_train: lrmBlock(model.fit, model.design.terms.map((t) => t.rmsName)),
  };
  let pTest: Float64Array | undefined;
  const predictions: Record<string, Float64Array> = { train_probability: pTrain };
  if (val) {
    pTest = predictCohort(model, val, 'response');
    predictions.test_probability = pTest;
    predictions.test_linear_predictor = predictCohort(model, val, 'link');
  }
  result.predictions = predictions;
  result.roc_train = modelRocSummary(train.y, pTrain, level);
  if (val && pTest) result.roc_test = modelRocSummary(val.y, pTest, level);
  // Calibration needs a recalibration fit on logit(p): with separated (perfect) predictions it does
  // not exist, and the block is replaced by the reason (never a table of NaN).
  const calibration = (key: string, y: Uint8Array, p: Float64Array): void => {
    try {
      result[key] = calibrationAnalysis(y, p);
    } catch (e) {
      if (!(e instanceof ModelFitError)) throw e;
      result[key] = { skipped: e.message };
      warnings.push({ code: 'W_BLOCK_SKIPPED', message: `${key} not computed: ${e.message}` });
    }
  };
  calibration('calibration_train_apparent', train.y, pTrain);
  if (val && pTest) {
    calibration('calibration_test_external', val.y, pTest);
    result.delong_unpaired_train_vs_test = unpairedDelong(train.y, pTrain, val.y, pTest);
  }
  result.dca_train = decisionCurve(train.y, pTrain);
  if (val && pTest) result.dca_test = decisionCurve(val.y, pTest);

  if (small.length > 0) {
    const sm = fitModel(train, specsOf(small, categorical), separation);
    warnings.push(...sm.fit.warnings.map((w) => ({ ...w, message: `smaller model: ${w.message}` })));
    result.glm_train_small = glmBlock(sm.fit, { confLevel: level, profile: false });
    const set = val ? 'test' : 'train';
    const cohort = val ?? train;
    const pBig = val && pTest ? pTest : pTrain;
    const pSmall = val ? predictCohort(sm, val, 'response') : sm.fit.fittedValues;
    predictions[`${set}_probability_small`] = pSmall;
    result[`roc_${set}_small`] = modelRocSummary(cohort.y, pSmall, level);
    result[`delong_paired_${set}_model_vs_small`] = pairedDelong(cohort.y, pBig, pSmall, { names: ['model', 'small'], confLevel: level });
    result[`nri_idi_${set}_small_to_model`] = nriIdi(pSmall, pBig, cohort.y);
  }

  if (wantNomogram) {
    const nom = nomogramFromFit(model.fit, model.design.coding, train as PredictorData, { funAt });
    const patients: NomogramPatientPoints[] = nomogramPatients(values, plan, spec.file).map((p) => nomogramPoints(nom, p));
    result.nomogram = {
      call: 'rms nomogram(lrm_fit, fun=plogis, lp=TRUE) with datadist(training rows) defaults',
      axis_rule: 'numeric predictor with <= 10 distinct training values: its sorted distinct values; other numeric: pretty(c(min, max), n=10); factor: its levels',
      ...nomogramBlock(nom, patients.length ? patients : undefined),
    };
    if (typeof values.svg === 'string') {
      writeFileAtomic(values.svg, renderNomogramSvg(nom, { title: `Nomogram: ${spec.label}`, patient: patients.length === 1 ? patients[0] : undefined }) + '\n');
    }
  }
  emitResult('logistic', values, result, () => textSummary(result, model.fit, plan), warnings);
  return 0;
}
