/**
 * Seeded synthetic non-contrast head CT cohorts with intraparenchymal hematomas of known cause (CVT vs
 * other etiologies), at two centres with different scanners: the built-in demo data of dlrn. See
 * docs/synthetic.md.
 */
export { resolveSynthOptions, PRESETS, MATRIX_RANGE, type SynthOptions, type SynthOptionsInput, type SynthPreset } from './options.js';
export { planCohort, planCase, caseId, type CasePlan } from './case-plan.js';
export { renderCase, HU_MIN, HU_MAX, type RenderOptions, type RenderedCase, type CaseTruth } from './render-case.js';
export { writeSyntheticCohort, generateCohort, MANIFEST_FILE, HIDDEN_PARAMETERS_FILE, type WriteCohortOptions, type WrittenCohort } from './write-cohort.js';
export { writeCaseFiles, caseFilePaths, type CaseMeasurement } from './case-files.js';
export { manifestColumns, manifestCsv, hiddenParametersJson, MANIFEST_BASE_COLUMNS, type HiddenCase } from './manifest.js';
export { writePreviews, previewPlans, PREVIEW_FILES } from './write-previews.js';
export { axialPreview, previewPng, largestMaskSlice, BRAIN_WINDOW } from './preview.js';
export { encodePng, crc32, type RasterImage } from './png.js';
export { Tissue, TISSUE_HU, TISSUE_NAMES, type TissueCode, type HuRange } from './tissues.js';
export { ETIOLOGIES, LOCATION_MIX, OTHER_ETIOLOGY_WEIGHTS, type Etiology } from './etiology.js';
export { LOCATIONS, locationClass, type LocationName, type LocationClass } from './locations.js';
export { CVT_TYPICAL_PROBABILITY, type Difficulty, type HematomaPlan, type Lobe } from './hematoma-plan.js';
export { HematomaField, HEM, type HematomaSample } from './hematoma-field.js';
export { clinicalColumns, type ClinicalVariables } from './clinical.js';
export type { ScannerParams, Centre } from './scanner.js';
export type { AnatomyParams, TissueMeans } from './anatomy.js';
export { scanGeometry } from './scan-grid.js';
