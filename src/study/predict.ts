/**
 * Applies a model bundle to one patient: radiomics and DL features of the image and mask with the bundle's
 * settings, the fitted transforms, the DLR signature, the DLRN probability, the risk class at the training
 * threshold and the points of each nomogram item. The arithmetic is that of the study (same fitted steps,
 * same summation order), so a training patient gets the probability the study computed for it.
 */
import { BundleError, InvalidInputError } from '../core/errors.js';
import { deepFeaturesOfFiles, loadOnnxBackbone } from '../deep/index.js';
import { extractCaseFiles } from '../features/index.js';
import { logitInverse } from '../models/logistic/index.js';
import { nomogramPoints } from '../nomogram/index.js';
import type { ColumnMajorMatrix } from '../selection/matrix.js';
import { encodeClinical, isMissing, normaliseClinicalValue, type ClinicalVariable } from './clinical.js';
import type { BundleContent, ModelBundle } from './bundle.js';
import { backboneOptions, deepFeatureOptions } from './deep-features.js';
import { FittedPipeline, LassoStep } from './pipeline.js';

/** Inputs of {@link predictPatient}. */
export interface PatientInput {
  readonly image: string;
  readonly mask: string;
  /** Mask label (default: the bundle's). */
  readonly maskLabel?: number;
  /** Clinical values by variable name, as text (e.g. `{epilepsy: "1"}`). */
  readonly clinical: Readonly<Record<string, string>>;
  /** Path of the ONNX model when the study used a user backbone stored elsewhere on this machine. */
  readonly deepModelPath?: string;
}

/** One patient's prediction. */
export interface PatientPrediction {
  readonly probability: number;
  readonly linearPredictor: number;
  readonly threshold: number;
  /** `high` when probability ≥ threshold. */
  readonly riskClass: 'high' | 'low';
  readonly positiveClass: string;
  readonly dlrSignature: number;
  /** Points per nomogram item (`dlr_signature`, clinical variables). */
  readonly points: Readonly<Record<string, number>>;
  readonly totalPoints: number;
  /** Values read off the nomogram (signature and clinical values). */
  readonly values: Readonly<Record<string, number | string>>;
  /** Nomogram items whose value lies outside the axis drawn from the training patients. */
  readonly outsideAxis: readonly string[];
}

/** Clinical variables of a bundle as the clinical module uses them (no imputation: `fill` is unused). */
function bundleVariables(c: BundleContent): ClinicalVariable[] {
  return c.clinical.map((v) => ({ name: v.name, label: v.label, type: v.type, coding: v.coding, fill: '' }));
}

/**
 * Checks the clinical values against the bundle: every variable of the DLRN is required and no other is accepted.
 * @throws InvalidInputError listing what is needed
 */
export function checkClinicalValues(bundle: ModelBundle, clinical: Readonly<Record<string, string>>): void {
  const vars = bundle.content.clinical;
  const needed = vars.map((v) => `${v.name} (${v.type}${v.coding.kind === 'categorical' ? `: ${v.coding.levels.join('|')}` : v.type === 'binary' ? ': 0|1' : ''})`);
  const missing = vars.filter((v) => isMissing(clinical[v.name])).map((v) => v.name);
  const unknown = Object.keys(clinical).filter((k) => !vars.some((v) => v.name === k));
  if (missing.length || unknown.length) {
    throw new InvalidInputError(missing.length ? `missing clinical variable(s): ${missing.join(', ')}` : `unknown clinical variable(s): ${unknown.join(', ')}`, {
      expected: needed.length ? `--clinical NAME=VALUE for each of ${needed.join(', ')}` : 'no clinical variables (this DLRN uses the DLR signature only)',
      found: Object.keys(clinical).length ? Object.entries(clinical).map(([k, v]) => `${k}=${v}`).join(', ') : 'none',
      fix: `e.g. ${vars.map((v) => `--clinical ${v.name}=${v.coding.kind === 'categorical' ? v.coding.levels[0] : v.type === 'binary' ? '1' : '0'}`).join(' ') || '(no --clinical)'}.`,
    });
  }
  for (const v of vars) {
    const s = normaliseClinicalValue(v, clinical[v.name], '(--clinical)');
    if (v.coding.kind === 'categorical' && !v.coding.levels.includes(s)) {
      throw new InvalidInputError(`unknown level "${s}" of clinical variable ${v.name}`, { expected: `one of ${v.coding.levels.join(', ')}` });
    }
  }
}

function oneRow(names: readonly string[], values: Readonly<Record<string, number>>, what: string): ColumnMajorMatrix {
  const missing = names.filter((n) => !(n in values));
  if (missing.length) {
    throw new BundleError(`the ${what} features of this patient do not include those the model was fitted on`, {
      expected: `${names.length} features`, found: `missing ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}`,
    });
  }
  return { nrow: 1, ncol: names.length, data: Float64Array.from(names, (n) => values[n]) };
}

/**
 * The DLR signature and DLRN prediction of a patient from raw feature values (radiomics by name, DL in
 * backbone order) and clinical values. Used by {@link predictPatient}; exposed for tests and batch use.
 */
export function predictFromFeatures(bundle: ModelBundle, rad: Readonly<Record<string, number>>, deep: ArrayLike<number> | null, clinical: Readonly<Record<string, string>>): PatientPrediction {
  checkClinicalValues(bundle, clinical);
  const c = bundle.content;
  const radPre = FittedPipeline.fromJSON(c.pipelines.rad_pre);
  let fused = radPre.transform(oneRow(radPre.namesIn, rad, 'radiomics'));
  if (c.pipelines.dl_pre) {
    if (!deep) throw new BundleError('this model needs DL features');
    const dlPre = FittedPipeline.fromJSON(c.pipelines.dl_pre);
    if (deep.length !== dlPre.namesIn.length) throw new BundleError('the DL features do not match the model', { expected: `${dlPre.namesIn.length} values`, found: `${deep.length}` });
    const d = dlPre.transform({ nrow: 1, ncol: deep.length, data: Float64Array.from(deep) });
    const data = new Float64Array(fused.ncol + d.ncol);
    data.set(fused.data, 0);
    data.set(d.data, fused.ncol);
    fused = { nrow: 1, ncol: fused.ncol + d.ncol, data };
  }
  const sel = FittedPipeline.fromJSON(c.pipelines.dlr_selection);
  let m = fused;
  for (const s of sel.steps) {
    if (s instanceof LassoStep) break;
    m = s.transform(m);
  }
  const lasso = sel.lassoStep();
  if (!lasso) throw new BundleError('the model bundle has no LASSO step in its DLR selection');
  const signature = lasso.signature(m)[0];
  const vars = bundleVariables(c);
  const clinRow = vars.length ? encodeClinical(vars, [clinical]).rows[0] : new Float64Array(0);
  const x = [signature, ...clinRow];
  if (x.length !== c.dlrn.coefficients.length) throw new BundleError('the DLRN terms do not match the clinical variables of the bundle');
  let eta = 0 + c.dlrn.intercept;
  for (let j = 0; j < x.length; j++) eta += c.dlrn.coefficients[j] * x[j];
  const probability = logitInverse(eta);
  const values: Record<string, number | string> = { dlr_signature: signature };
  for (const v of vars) values[v.name] = v.coding.kind === 'categorical' ? normaliseClinicalValue(v, clinical[v.name], '') : Number(normaliseClinicalValue(v, clinical[v.name], ''));
  const pts = nomogramPoints(c.nomogram, values);
  return {
    probability, linearPredictor: eta, threshold: c.threshold, riskClass: probability >= c.threshold ? 'high' : 'low', positiveClass: c.study.positive_class,
    dlrSignature: signature, points: pts.points, totalPoints: pts.totalPoints, values: pts.values, outsideAxis: pts.outsideAxis,
  };
}

/** Predicts one patient from image and mask files (see the module comment). */
export async function predictPatient(bundle: ModelBundle, input: PatientInput): Promise<PatientPrediction> {
  checkClinicalValues(bundle, input.clinical);
  const c = bundle.content;
  if (c.radiomics.from_table || (c.pipelines.dl_pre && !c.deep)) {
    throw new BundleError('this model was trained on feature tables, so its features cannot be computed from images', {
      fix: 'extract the same features for the patient and use predictFromFeatures, or rerun the study with feature extraction by dlrn.',
    });
  }
  const label = input.maskLabel ?? c.radiomics.mask_label;
  const r = await extractCaseFiles(input.image, input.mask, { mode: 'pyradiomics', params: c.radiomics.params }, label);
  let deep: Float64Array | null = null;
  if (c.deep) {
    const settings = { ...c.deep.settings, modelPath: input.deepModelPath ?? c.deep.settings.modelPath };
    const backbone = await loadOnnxBackbone(backboneOptions(settings));
    try {
      if (backbone.modelSha256 !== c.deep.model_sha256) {
        throw new BundleError('the DL backbone differs from the one the model was trained with', {
          expected: `model sha256 ${c.deep.model_sha256} (${c.deep.backbone_id})`, found: `sha256 ${backbone.modelSha256}`,
          fix: c.deep.settings.modelPath ? 'give the original ONNX file with --deep-model.' : 'use the dlrn version that wrote the bundle (its shipped MobileNetV2).',
        });
      }
      deep = (await deepFeaturesOfFiles({ id: 'patient', image: input.image, mask: input.mask, maskLabel: label }, backbone, deepFeatureOptions(settings))).values;
    } finally {
      await backbone.dispose();
    }
  }
  return predictFromFeatures(bundle, r.features, deep, input.clinical);
}
