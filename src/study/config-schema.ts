/**
 * The schema of a study config (`dlrn study --config study.yaml`): every setting, its type, default and
 * meaning. {@link StudyConfigDoc} is the shape the schema produces (defaults filled in).
 */
import type { Schema } from './schema.js';

/** Classifiers a model can use. */
export const CLASSIFIER_IDS = ['logistic', 'signature', 'l2_logistic', 'svm', 'random_forest'] as const;
export type ClassifierId = (typeof CLASSIFIER_IDS)[number];

/** The study config schema. */
export const STUDY_SCHEMA: Schema = {
  name: { kind: 'string', default: null, doc: 'Study name shown in results and the report (default: the config file name without extension).' },
  seed: { kind: 'number', integer: true, min: 0, max: 2 ** 31 - 1, default: 42, doc: 'Seed of every random step (internal split, CV folds, classifiers). Same seed, same results.' },
  manifest: { kind: 'string', required: true, doc: 'CSV with one row per patient: id, image, mask, outcome, cohort and clinical columns. Relative paths (here and inside the manifest) are resolved from the config file and the manifest folder.' },
  columns: {
    kind: 'object', doc: 'Column names of the manifest.',
    fields: {
      id: { kind: 'string', default: 'id', doc: 'Patient id column.' },
      image: { kind: 'string', default: 'image', doc: 'Image path column (NIfTI, NRRD or DICOM folder; CT in HU).' },
      mask: { kind: 'string', default: 'mask', doc: 'Lesion mask path column.' },
      mask_label: { kind: 'string', default: null, doc: 'Column with a per-patient mask label value (default: none, `mask_label` below for everyone).' },
    },
  },
  mask_label: { kind: 'number', integer: true, default: 1, doc: 'Label value of the lesion in the masks.' },
  outcome: {
    kind: 'object', doc: 'The binary outcome.',
    fields: {
      column: { kind: 'string', default: 'label', doc: 'Outcome column.' },
      positive: { kind: 'string', default: '1', doc: 'Value of the positive class (event, coded 1).' },
      negative: { kind: 'string', default: '0', doc: 'Value of the negative class (coded 0). Any other value is an error.' },
      label: { kind: 'string', default: null, doc: 'Display name of the positive class, e.g. `CVT` (default: `<column> = <positive>`).' },
    },
  },
  cohorts: {
    kind: 'object', doc: 'How patients are split into cohorts. Test cohorts are never used to fit anything.',
    fields: {
      column: { kind: 'string', default: null, doc: 'Column choosing the cohorts, e.g. `centre` (default: none, every patient is a training candidate).' },
      training: { kind: 'strings', default: null, doc: 'Values of `column` for the training cohort (default: every patient not in the external test).' },
      external_test: { kind: 'strings', default: null, doc: 'Values of `column` for the external test cohort (default: no external test).' },
      internal_test: { kind: 'number', min: 0, max: 0.9, default: 0, doc: 'Fraction of the training patients held out as an internal test cohort, drawn at random within each class (stratified, seeded). 0 = none.' },
    },
  },
  clinical: {
    kind: 'object', doc: 'Clinical variables: univariate logistic regression on training, then the significant ones together (multivariable); those still significant join the DLR signature in the DLRN.',
    fields: {
      variables: {
        kind: 'list', default: [], doc: 'Candidate clinical variables.',
        item: {
          kind: 'object', doc: 'One clinical variable.',
          fields: {
            name: { kind: 'string', required: true, doc: 'Manifest column.' },
            type: { kind: 'enum', values: ['numeric', 'binary', 'categorical'], default: 'numeric', doc: '`numeric`; `binary` (0/1); `categorical` (treatment coding against `reference`).' },
            reference: { kind: 'string', default: null, doc: 'Reference level of a categorical variable (default: the first level in sorted order).' },
            label: { kind: 'string', default: null, doc: 'Display name (default: the column name).' },
          },
        },
      },
      missing: { kind: 'enum', values: ['impute', 'drop'], default: 'impute', doc: '`impute`: a missing value takes the training median (numeric) or most frequent value (binary/categorical), learnt on training patients only; `drop`: patients with a missing value in any listed variable are left out of the study.' },
      p_univariate: { kind: 'number', min: 0, max: 1, default: 0.05, doc: 'A variable enters the multivariable model when its univariate Wald p is below this.' },
      p_multivariable: { kind: 'number', min: 0, max: 1, default: 0.05, doc: 'A variable stays in the clinical model and the DLRN when its multivariable Wald p is below this.' },
    },
  },
  radiomics: {
    kind: 'object', doc: 'Hand-crafted (Rad) features of the lesion, PyRadiomics-compatible.',
    fields: {
      params: { kind: 'mapping-or-string', default: null, doc: 'PyRadiomics parameter file (path) or the same settings inline (`setting`, `imageType`, `featureClass`). Default: PyRadiomics defaults, original image, every feature class.' },
      table: { kind: 'string', default: null, doc: 'Use a precomputed feature table instead of extracting (CSV with the id column and one column per feature, e.g. PyRadiomics batch output; `diagnostics_*` columns are ignored).' },
      jobs: { kind: 'number', integer: true, min: 0, max: 256, default: 0, doc: 'Worker threads for extraction (0 = one per CPU core).' },
    },
  },
  deep: {
    kind: 'object', nullable: true, doc: 'Deep-learning (DL) features: a CNN on the largest lesion slice. `deep: null` disables them (no DL and DLR = Rad).',
    fields: {
      backbone: { kind: 'string', default: 'mobilenetv2', doc: '`mobilenetv2` (the shipped ImageNet MobileNetV2, 1280 features) or the path of an ONNX model with an [N,3,H,W] input.' },
      model_id: { kind: 'string', default: null, doc: 'Name used in feature names (default: `mobilenetv2` or the model file name).' },
      input_size: { kind: 'numbers', length: 2, default: null, doc: 'Input [height, width] when the ONNX model has symbolic dimensions.' },
      mean: { kind: 'numbers', length: 3, default: null, doc: 'Channel means on [0, 1] (default ImageNet).' },
      std: { kind: 'numbers', length: 3, default: null, doc: 'Channel SDs (default ImageNet).' },
      feature_output: { kind: 'string', default: null, doc: 'Tensor with the pooled features (default: the last global average pool).' },
      mode: { kind: 'enum', values: ['2d', '2.5d'], default: '2d', doc: '`2d`: the largest slice; `2.5d`: also the slices at ±1, ±2, ±4.' },
      aggregate: { kind: 'enum', values: ['mean', 'concat'], default: 'mean', doc: '2.5D: average the slice vectors or concatenate them.' },
      windows: { kind: 'string', default: 'brain,subdural,blood', doc: 'CT windows of the three channels: presets (brain, subdural, blood, bone, soft) or level:width.' },
      plane: { kind: 'enum', values: ['axial', 'coronal', 'sagittal'], default: 'axial', doc: 'Slice plane.' },
      margin_mm: { kind: 'number', min: 0, default: 10, doc: 'Margin around the lesion bounding box, mm.' },
      pca_components: { kind: 'number', integer: true, min: 1, default: 10, doc: 'Principal components kept from the DL features (PCA fitted on training patients only).' },
      table: { kind: 'string', default: null, doc: 'Use a precomputed DL feature table (CSV: id column + one column per feature) instead of running the network.' },
      jobs: { kind: 'number', integer: true, min: 0, max: 256, default: 0, doc: 'Worker threads (0 = one per CPU core).' },
    },
  },
  selection: {
    kind: 'object', doc: 'Feature selection, fitted on training patients only and applied unchanged to the test cohorts. Order: non-finite → variance → ICC → z-score → (DL: PCA → z-score) → Mann-Whitney → correlation → mRMR → LASSO-CV.',
    fields: {
      variance_threshold: { kind: 'number', min: 0, default: 0, doc: 'Drop features whose training variance (raw values) is at most this (0 drops constant features).' },
      icc: {
        kind: 'object', nullable: true, absentNull: true, doc: 'Stability screen with a test-retest or re-segmentation manifest (default: off).',
        fields: {
          retest_manifest: { kind: 'string', required: true, doc: 'CSV with the id column and a second image/mask per patient (same column names as the manifest). Patients of the test cohorts are not used.' },
          threshold: { kind: 'number', min: 0, max: 1, default: 0.75, doc: 'Keep features with ICC ≥ threshold.' },
          form: { kind: 'enum', values: ['ICC1', 'ICC2', 'ICC3'], default: 'ICC3', doc: 'Shrout-Fleiss form (ICC3 = ICC(3,1), consistency).' },
        },
      },
      mann_whitney_p: { kind: 'number', min: 0, max: 1, default: 0.05, doc: 'Keep features whose Mann-Whitney p (training, positive vs negative) is below this; 1 = skip the step.' },
      correlation: {
        kind: 'object', nullable: true, doc: 'Redundancy filter: of two features with |r| above the threshold, keep the one with the smaller Mann-Whitney p (null = skip).',
        fields: {
          threshold: { kind: 'number', min: 0, max: 1, exclusive: true, default: 0.9, doc: '|r| above which two features are redundant.' },
          method: { kind: 'enum', values: ['spearman', 'pearson'], default: 'spearman', doc: 'Correlation coefficient.' },
        },
      },
      mrmr_top_k: { kind: 'number', integer: true, min: 1, default: 20, doc: 'Keep the first k features of the mRMR ranking (null = skip).' },
      min_keep: { kind: 'number', integer: true, min: 1, default: 1, doc: 'When a screening step would keep fewer features, it keeps this many best ones instead (logged).' },
      lasso: {
        kind: 'object', doc: 'LASSO logistic regression with K-fold cross-validation (glmnet).',
        fields: {
          nfolds: { kind: 'number', integer: true, min: 3, default: 10, doc: 'Folds, assigned at random within each class (seeded).' },
          measure: { kind: 'enum', values: ['deviance', 'auc'], default: 'deviance', doc: 'Cross-validation measure.' },
          lambda_rule: { kind: 'enum', values: ['lambda.min', 'lambda.1se'], default: 'lambda.min', doc: 'λ with the best CV measure, or the largest λ within one SE of it.' },
          alpha: { kind: 'number', min: 0, max: 1, default: 1, doc: 'Elastic-net mixing (1 = LASSO).' },
          min_features: { kind: 'number', integer: true, min: 1, default: 1, doc: 'If fewer features are non-zero at the chosen λ, the first (largest) λ on the path with at least this many is used instead (logged).' },
        },
      },
    },
  },
  models: {
    kind: 'object', doc: 'Classifiers of the Rad, DL and DLR models (the clinical model and the DLRN are always logistic regressions).',
    fields: {
      classifiers: { kind: 'strings', default: ['logistic'], doc: 'First = the model reported; the others are fitted on the same features and reported as alternatives. `logistic` (glm on the LASSO-selected features), `signature` (glm on the LASSO linear predictor), `l2_logistic` (scikit-learn LogisticRegression, C = 1), `svm` (RBF C-SVC, Platt probabilities), `random_forest` (500 trees).' },
    },
  },
  evaluation: {
    kind: 'object', doc: 'Evaluation settings.',
    fields: {
      hl_groups: { kind: 'number', integer: true, min: 3, default: 10, doc: 'Hosmer-Lemeshow groups.' },
    },
  },
};

/** A clinical variable as validated. */
export interface ClinicalVariableDoc {
  readonly name: string;
  readonly type: 'numeric' | 'binary' | 'categorical';
  readonly reference: string | null;
  readonly label: string | null;
}

/** The validated config document (defaults applied; paths still as written). */
export interface StudyConfigDoc {
  readonly name: string | null;
  readonly seed: number;
  readonly manifest: string;
  readonly columns: { readonly id: string; readonly image: string; readonly mask: string; readonly mask_label: string | null };
  readonly mask_label: number;
  readonly outcome: { readonly column: string; readonly positive: string; readonly negative: string; readonly label: string | null };
  readonly cohorts: { readonly column: string | null; readonly training: readonly string[] | null; readonly external_test: readonly string[] | null; readonly internal_test: number };
  readonly clinical: { readonly variables: readonly ClinicalVariableDoc[]; readonly missing: 'impute' | 'drop'; readonly p_univariate: number; readonly p_multivariable: number };
  readonly radiomics: { readonly params: string | Record<string, unknown> | null; readonly table: string | null; readonly jobs: number };
  readonly deep: {
    readonly backbone: string;
    readonly model_id: string | null;
    readonly input_size: readonly [number, number] | null;
    readonly mean: readonly [number, number, number] | null;
    readonly std: readonly [number, number, number] | null;
    readonly feature_output: string | null;
    readonly mode: '2d' | '2.5d';
    readonly aggregate: 'mean' | 'concat';
    readonly windows: string;
    readonly plane: 'axial' | 'coronal' | 'sagittal';
    readonly margin_mm: number;
    readonly pca_components: number;
    readonly table: string | null;
    readonly jobs: number;
  } | null;
  readonly selection: {
    readonly variance_threshold: number;
    readonly icc: { readonly retest_manifest: string; readonly threshold: number; readonly form: 'ICC1' | 'ICC2' | 'ICC3' } | null;
    readonly mann_whitney_p: number;
    readonly correlation: { readonly threshold: number; readonly method: 'spearman' | 'pearson' } | null;
    readonly mrmr_top_k: number | null;
    readonly min_keep: number;
    readonly lasso: { readonly nfolds: number; readonly measure: 'deviance' | 'auc'; readonly lambda_rule: 'lambda.min' | 'lambda.1se'; readonly alpha: number; readonly min_features: number };
  };
  readonly models: { readonly classifiers: readonly ClassifierId[] };
  readonly evaluation: { readonly hl_groups: number };
}
