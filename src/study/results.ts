/**
 * The machine-readable results of a study (`DIR/results.json`): the contract between the study pipeline
 * (src/study) and the report (src/report). All numbers are plain JSON numbers (NaN/Infinity as null).
 */

/** Model ids, in report order. */
export const MODEL_IDS = ['clinical', 'rad', 'dl', 'dlr', 'dlrn'] as const;
export type ModelId = (typeof MODEL_IDS)[number];

/** Cohort ids, in report order (internal_test is optional). */
export const COHORT_IDS = ['training', 'internal_test', 'external_test'] as const;
export type CohortId = (typeof COHORT_IDS)[number];

export interface CohortSummary {
  readonly n: number;
  readonly n_positive: number;
  readonly n_negative: number;
  /** How the cohort was chosen, e.g. `centre = 1` or `random 30 % of training (stratified, seed 42)`. */
  readonly definition: string;
  readonly ids: readonly string[];
}

/** One row of the cohort (baseline characteristics) table. */
export interface CohortTableRow {
  readonly variable: string;
  /** `numeric`: mean ± SD and median [IQR]; `binary`/`categorical`: n (%) per level. */
  readonly type: 'numeric' | 'binary' | 'categorical';
  /** Per cohort and per class (`all`, `positive`, `negative`): formatted summary text. */
  readonly cells: Readonly<Partial<Record<CohortId, { all: string; positive: string; negative: string; missing: number }>>>;
  /** Test of positive vs negative in the training cohort (Mann-Whitney or chi-squared/Fisher), if computed. */
  readonly p_training?: number | null;
}

/** Performance of one model on one cohort. */
export interface CohortPerformance {
  readonly n: number;
  readonly n_positive: number;
  /** AUC with DeLong 95 % CI. */
  readonly auc: number;
  readonly auc_ci_lower: number;
  readonly auc_ci_upper: number;
  readonly auc_delong_var: number;
  /** At the training Youden threshold of the model (on predicted probability). */
  readonly threshold: number;
  readonly sensitivity: number;
  readonly specificity: number;
  readonly accuracy: number;
  readonly ppv: number | null;
  readonly npv: number | null;
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
  /** ROC curve points for plotting (1 − specificity, sensitivity), sorted. */
  readonly roc: { readonly fpr: readonly number[]; readonly tpr: readonly number[] };
  readonly calibration: {
    readonly intercept: number;
    readonly slope: number;
    readonly calibration_in_the_large: number;
    readonly brier: number;
    readonly hosmer_lemeshow_chisq: number;
    readonly hosmer_lemeshow_df: number;
    readonly hosmer_lemeshow_p: number;
    readonly spiegelhalter_z: number;
    readonly spiegelhalter_p: number;
    readonly emax: number;
    readonly eavg: number;
    /** lowess(p, y) curve for the plot. */
    readonly lowess: { readonly x: readonly number[]; readonly y: readonly number[] };
    /** Hosmer-Lemeshow groups: mean predicted vs observed proportion. */
    readonly groups: { readonly predicted: readonly number[]; readonly observed: readonly number[]; readonly n: readonly number[] };
  };
  readonly dca: {
    readonly thresholds: readonly number[];
    readonly net_benefit: readonly number[];
    readonly treat_all: readonly number[];
    readonly prevalence: number;
  };
  /** Predicted probability per case id (same order as the cohort's ids). */
  readonly probabilities: readonly number[];
}

/** A coefficient of a fitted logistic model. */
export interface CoefficientRow {
  readonly term: string;
  readonly estimate: number;
  readonly std_error: number | null;
  readonly z: number | null;
  readonly p_value: number | null;
  readonly odds_ratio: number | null;
  readonly or_ci_lower: number | null;
  readonly or_ci_upper: number | null;
}

export interface ModelResult {
  readonly id: ModelId;
  /** Human label, e.g. `DLRN (DLR signature + epilepsy)`. */
  readonly label: string;
  /** Classifier used: `logistic`, `svm`, `random_forest`, ... */
  readonly classifier: string;
  /** Input variables of the model (feature names, `dlr_signature`, clinical variables). */
  readonly inputs: readonly string[];
  /** Coefficients when the model is a logistic regression. */
  readonly coefficients?: readonly CoefficientRow[];
  /** Youden threshold on the training cohort (probability scale). */
  readonly threshold: number;
  readonly cohorts: Readonly<Partial<Record<CohortId, CohortPerformance>>>;
  /** Other classifiers tried on the same inputs (AUC per cohort), when requested. */
  readonly alternatives?: readonly { classifier: string; auc: Readonly<Partial<Record<CohortId, { auc: number; ci_lower: number; ci_upper: number }>>> }[];
}

/** One step of feature selection (fitted on training rows only). */
export interface SelectionStep {
  readonly step: string;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly n_in: number;
  readonly n_out: number;
}

/** LASSO-CV details of a feature set, for the path and CV plots. */
export interface LassoSummary {
  readonly measure: string;
  readonly lambda: readonly number[];
  readonly cvm: readonly number[];
  readonly cvsd: readonly number[];
  readonly cvlo: readonly number[];
  readonly cvup: readonly number[];
  readonly lambda_min: number;
  readonly lambda_1se: number;
  /** λ used for selection (lambda_min or lambda_1se). */
  readonly lambda_chosen: number;
  /** Path coefficients (standardised-scale or original scale, see `path_scale`), features × λ. */
  readonly path_features: readonly string[];
  readonly path_beta: readonly (readonly number[])[];
  readonly path_scale: 'original' | 'standardized';
  readonly intercept: number;
  /** Non-zero coefficients at lambda_chosen. */
  readonly selected: readonly { name: string; coefficient: number }[];
}

export interface FeatureSetResult {
  readonly n_candidates: number;
  readonly steps: readonly SelectionStep[];
  readonly lasso?: LassoSummary;
  readonly selected: readonly { name: string; coefficient: number }[];
}

export interface PairedComparison {
  readonly cohort: CohortId;
  readonly model_a: ModelId;
  readonly model_b: ModelId;
  readonly auc_a: number;
  readonly auc_b: number;
  readonly z: number;
  readonly p_value: number;
}

export interface StudyResults {
  readonly format: 'dlrn-results';
  readonly format_version: 1;
  readonly dlrn_version: string;
  readonly study: { readonly name: string; readonly seed: number; readonly config_sha256: string; readonly created: string; readonly outcome: string; readonly positive_class: string };
  readonly cohorts: Readonly<Partial<Record<CohortId, CohortSummary>>>;
  readonly cohort_table: readonly CohortTableRow[];
  readonly features: {
    readonly radiomics: { readonly n_features: number; readonly settings: string; readonly settings_sha256: string };
    readonly deep: { readonly backbone: string; readonly model_sha256: string; readonly n_features: number; readonly pca_components: number; readonly pca_explained_variance: readonly number[] } | null;
  };
  readonly selection: { readonly rad: FeatureSetResult; readonly dl: FeatureSetResult | null; readonly dlr: FeatureSetResult; readonly clinical: { readonly univariate: readonly (CoefficientRow & { variable: string })[]; readonly selected: readonly string[] } };
  readonly models: Readonly<Partial<Record<ModelId, ModelResult>>>;
  readonly comparisons: readonly PairedComparison[];
  /** The DLRN nomogram (src/nomogram NomogramBlock) and its SVG file name. */
  readonly nomogram: { readonly block: unknown; readonly svg: string } | null;
  /** TRIPOD+AI-style summary figures. */
  readonly tripod: { readonly events_per_variable: Readonly<Record<string, number>>; readonly notes: readonly string[] };
  /** What each step did, in order (also in DIR/run.log). */
  readonly log: readonly string[];
}
