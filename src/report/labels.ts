import type { CohortId, ModelId } from '../study/results.js';

export const COHORT_LABEL: Record<CohortId, string> = {
  training: 'Training cohort',
  internal_test: 'Internal test cohort',
  external_test: 'External test cohort',
};

export const MODEL_LABEL: Record<ModelId, string> = {
  clinical: 'Clinical',
  rad: 'Rad',
  dl: 'DL',
  dlr: 'DLR',
  dlrn: 'DLRN',
};

/** Fixed model colours (Okabe-Ito), so a model keeps its colour in every figure. */
export const MODEL_COLOR: Record<ModelId, string> = {
  clinical: '#999999',
  rad: '#0072B2',
  dl: '#009E73',
  dlr: '#E69F00',
  dlrn: '#D55E00',
};
