import { toCsv } from '../table/csv.js';
import { caseFilePaths, type CaseMeasurement } from './case-files.js';
import type { CasePlan } from './case-plan.js';
import { clinicalColumns } from './clinical.js';
import { locationClass } from './locations.js';
import type { SynthOptions } from './options.js';
import { round } from './sampling.js';

/** The fixed leading columns of the cohort manifest. */
export const MANIFEST_BASE_COLUMNS = ['id', 'image', 'mask', 'label', 'centre'] as const;

/** Manifest header: `id,image,mask,label,centre` then the clinical columns. */
export function manifestColumns(options: SynthOptions): string[] {
  return [...MANIFEST_BASE_COLUMNS, ...clinicalColumns(options.includeDDimer)];
}

/**
 * The manifest CSV text: one row per case, image and mask paths relative to the cohort folder, label
 * (1 = CVT, 0 = other), centre (1 or 2), clinical variables (missing values as empty fields).
 */
export function manifestCsv(options: SynthOptions, plans: readonly CasePlan[]): string {
  const cols = clinicalColumns(options.includeDDimer);
  const rows = plans.map((p) => {
    const f = caseFilePaths(p.id);
    const clin = p.clinical as unknown as Record<string, number>;
    return [p.id, f.image, f.mask, p.label, p.centre, ...cols.map((c) => (Number.isNaN(clin[c]) ? '' : clin[c]))];
  });
  return toCsv(manifestColumns(options), rows);
}

/** One case of the hidden-parameter file (everything the generator knows and the manifest does not say). */
export interface HiddenCase {
  readonly id: string;
  readonly centre: number;
  readonly label: number;
  readonly etiology: string;
  readonly location: string;
  readonly locationClass: string;
  readonly side: 'left' | 'right';
  readonly typicalPattern: boolean;
  readonly nFoci: number;
  readonly patchy: boolean;
  readonly denseSinus: boolean;
  readonly thrombosedSinuses: readonly string[];
  readonly cordSign: boolean;
  readonly subarachnoid: boolean;
  readonly targetVolumeMl: number;
  readonly measured: CaseMeasurement;
  readonly clinicalComplete: Readonly<Record<string, number>>;
  readonly scanner: CasePlan['scanner'];
  readonly tissueHu: CasePlan['anatomy']['hu'];
  readonly hematoma: CasePlan['hematoma'];
}

/** The hidden per-case parameters of a case, for tests and for checking what a model learned. */
export function hiddenCase(p: CasePlan, m: CaseMeasurement): HiddenCase {
  const h = p.hematoma;
  return {
    id: p.id,
    centre: p.centre,
    label: p.label,
    etiology: p.etiology,
    location: h.location,
    locationClass: locationClass(h.location),
    side: h.side > 0 ? 'left' : 'right',
    typicalPattern: h.typicalPattern,
    nFoci: h.nFoci,
    patchy: h.patchy !== null,
    denseSinus: h.denseSinus,
    thrombosedSinuses: h.thromboses.map((t) => t.sinus),
    cordSign: h.cordVein !== null,
    subarachnoid: h.sah !== null,
    targetVolumeMl: round(h.targetVolumeMl, 3),
    measured: m,
    clinicalComplete: p.clinicalComplete as unknown as Record<string, number>,
    scanner: p.scanner,
    tissueHu: p.anatomy.hu,
    hematoma: h,
  };
}

/** The hidden-parameter JSON text of a cohort (stable key order, 1-space indent). */
export function hiddenParametersJson(options: SynthOptions, plans: readonly CasePlan[], measured: readonly CaseMeasurement[]): string {
  const byId = new Map(measured.map((m) => [m.id, m]));
  const cases = plans.map((p) => {
    const m = byId.get(p.id);
    if (!m) throw new Error(`no measurement for case ${p.id}`);
    return hiddenCase(p, m);
  });
  return JSON.stringify({ generator: 'dlrn synthetic cohort', format: 1, options, cases }, null, 1) + '\n';
}
