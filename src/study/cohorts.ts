/**
 * The patients of a study and their cohorts: the manifest is read with the configured column names, the
 * outcome coded 0/1, and every patient assigned to training, internal test (a seeded stratified fraction of
 * the training patients) or external test (by the cohort column). Test patients are only ever transformed.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { InvalidInputError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { columnIndex, parseNumberField, readCsv } from '../table/csv.js';
import type { CohortId } from './results.js';
import type { StudyConfig } from './config.js';
import { stratifiedHoldout } from './stratify.js';

/** One patient of the study. */
export interface StudyCase {
  readonly id: string;
  /** Absolute image and mask paths. */
  readonly image: string;
  readonly mask: string;
  readonly maskLabel: number;
  /** 1 = positive class. */
  readonly outcome: 0 | 1;
  /** Value of the cohort column (null without one). */
  readonly cohortValue: string | null;
  /** Every manifest column, raw text. */
  readonly row: Readonly<Record<string, string>>;
}

/** Cases with their cohorts (indices into `cases`, ascending). */
export interface StudyCohorts {
  readonly cases: readonly StudyCase[];
  readonly members: Readonly<Record<CohortId, readonly number[]>>;
  /** How each cohort was chosen (for results and the report). */
  readonly definitions: Readonly<Partial<Record<CohortId, string>>>;
  /** What was left out and why (logged). */
  readonly notes: readonly string[];
}

/** Reads the manifest's patients with the configured columns (paths resolved from the manifest folder). */
export function readStudyCases(config: StudyConfig): StudyCase[] {
  const file = config.paths.manifest;
  const t = readCsv(file);
  const { columns, outcome, cohorts } = config.doc;
  const iId = columnIndex(t, columns.id, file);
  const iImage = columnIndex(t, columns.image, file);
  const iMask = columnIndex(t, columns.mask, file);
  const iOutcome = columnIndex(t, outcome.column, file);
  const iCohort = cohorts.column ? columnIndex(t, cohorts.column, file) : -1;
  const iLabel = columns.mask_label ? columnIndex(t, columns.mask_label, file) : -1;
  for (const v of config.doc.clinical.variables) columnIndex(t, v.name, file);
  const base = dirname(resolve(file));
  const seen = new Set<string>();
  return t.rows.map((r, k) => {
    const line = k + 2;
    const id = r[iId].trim();
    if (!id) throw new InvalidInputError(`manifest line ${line} has an empty id`, { file, fix: 'give every patient an id.' });
    if (seen.has(id)) throw new InvalidInputError(`patient id "${id}" appears twice in the manifest`, { file, found: `line ${line}`, fix: 'ids must be unique.' });
    seen.add(id);
    const image = r[iImage].trim();
    const mask = r[iMask].trim();
    if (!image || !mask) throw new InvalidInputError(`manifest line ${line} (${id}) has an empty image or mask path`, { file });
    const o = r[iOutcome].trim();
    let y: 0 | 1;
    if (o === outcome.positive) y = 1;
    else if (o === outcome.negative) y = 0;
    else {
      throw new InvalidInputError(`patient ${id}: outcome "${o}" is neither the positive nor the negative value`, {
        file, expected: `${outcome.column} = ${outcome.positive} (positive) or ${outcome.negative} (negative)`, found: JSON.stringify(o) + ` on line ${line}`,
        fix: 'recode the outcome or set outcome.positive / outcome.negative in the config.',
      });
    }
    let maskLabel = config.doc.mask_label;
    if (iLabel >= 0 && r[iLabel].trim() !== '') {
      maskLabel = parseNumberField(r[iLabel]);
      if (!Number.isInteger(maskLabel)) throw new InvalidInputError(`patient ${id}: the mask label is not an integer`, { file, found: JSON.stringify(r[iLabel]) });
    }
    const row: Record<string, string> = {};
    t.header.forEach((h, j) => (row[h] = r[j]));
    return {
      id,
      image: isAbsolute(image) ? image : resolve(base, image),
      mask: isAbsolute(mask) ? mask : resolve(base, mask),
      maskLabel,
      outcome: y,
      cohortValue: iCohort >= 0 ? r[iCohort].trim() : null,
      row,
    };
  });
}

function classCounts(cases: readonly StudyCase[], idx: readonly number[]): [number, number] {
  let pos = 0;
  for (const i of idx) pos += cases[i].outcome;
  return [pos, idx.length - pos];
}

/**
 * Assigns cohorts (see the module comment). With `permuteTrainingLabels` (a seed), the training outcomes are
 * shuffled after the split (a negative control: a leakage-free study then has test AUCs near 0.5).
 * @throws InvalidInputError when a cohort is empty or lacks 2 patients of each class (AUC CIs need them).
 */
export function assignCohorts(config: StudyConfig, allCases: readonly StudyCase[], opts: { exclude?: ReadonlySet<string>; permuteTrainingLabels?: number } = {}): StudyCohorts {
  const c = config.doc.cohorts;
  const notes: string[] = [];
  const cases = opts.exclude ? allCases.filter((x) => !opts.exclude!.has(x.id)) : [...allCases];
  const external: number[] = [];
  const trainingPool: number[] = [];
  const unused: string[] = [];
  cases.forEach((x, i) => {
    const v = x.cohortValue;
    if (c.external_test && v !== null && c.external_test.includes(v)) external.push(i);
    else if (!c.training || (v !== null && c.training.includes(v))) trainingPool.push(i);
    else unused.push(x.id);
  });
  if (unused.length) notes.push(`${unused.length} patient(s) in neither the training nor the external cohort were left out (${unused.slice(0, 5).join(', ')}${unused.length > 5 ? ', ...' : ''}).`);
  const definitions: Partial<Record<CohortId, string>> = {};
  definitions.training = c.training ? `${c.column} = ${c.training.join(' or ')}` : c.external_test ? `${c.column} ≠ ${c.external_test.join(', ')}` : 'all patients';
  let training = trainingPool;
  let internal: number[] = [];
  if (c.internal_test > 0) {
    const y = trainingPool.map((i) => cases[i].outcome);
    const split = stratifiedHoldout(y, c.internal_test, Rng.fromSeed(config.doc.seed).child('internal-test'));
    training = split.kept.map((k) => trainingPool[k]);
    internal = split.heldOut.map((k) => trainingPool[k]);
    definitions.internal_test = `random ${Math.round(c.internal_test * 100)} % of ${definitions.training} (stratified by outcome, seed ${config.doc.seed})`;
    definitions.training = `${definitions.training}, the other ${100 - Math.round(c.internal_test * 100)} %`;
  }
  if (external.length) definitions.external_test = `${c.column} = ${c.external_test!.join(' or ')}`;
  const checks: [CohortId, number[]][] = [['training', training], ['internal_test', internal], ['external_test', external]];
  for (const [id, idx] of checks) {
    if (id !== 'training' && idx.length === 0) {
      if (id === 'external_test' && c.external_test) notes.push(`no patient has ${c.column} = ${c.external_test.join(' or ')}: no external test cohort.`);
      continue;
    }
    const [pos, neg] = classCounts(cases, idx);
    if (pos < 2 || neg < 2) {
      throw new InvalidInputError(`the ${id.replace('_', ' ')} cohort has too few patients of a class`, {
        expected: 'at least 2 positive and 2 negative patients (AUC confidence intervals need them)', found: `${pos} positive, ${neg} negative`,
        fix: id === 'internal_test' ? 'raise cohorts.internal_test or use no internal test (0).' : 'check the cohort settings and the outcome column.',
      });
    }
  }
  let finalCases = cases;
  if (opts.permuteTrainingLabels !== undefined) {
    const rng = Rng.fromSeed(opts.permuteTrainingLabels).child('permute-training-labels');
    const perm = rng.permutation(training.length);
    const shuffled = Array.from(perm, (p) => cases[training[p]].outcome);
    finalCases = cases.map((x) => x);
    training.forEach((i, k) => { finalCases[i] = { ...cases[i], outcome: shuffled[k] }; });
    notes.push(`NEGATIVE CONTROL: training outcomes were randomly permuted (seed ${opts.permuteTrainingLabels}); test AUCs should be near 0.5.`);
  }
  return { cases: finalCases, members: { training, internal_test: internal, external_test: external }, definitions, notes };
}
