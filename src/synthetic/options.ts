import { InvalidInputError } from '../core/errors.js';
import type { Difficulty } from './hematoma-plan.js';

/** Named cohort designs. `paper` = Wu et al., Sci Rep 2025 (192 + 83 patients); `small` = a quick one for tests. */
export type SynthPreset = 'paper' | 'small';

/** Fully resolved options of a synthetic cohort (frozen; see {@link resolveSynthOptions}). */
export interface SynthOptions {
  readonly preset: SynthPreset;
  /** Integer seed: the same seed and options give byte-identical files. Default 42. */
  readonly seed: number;
  /** Patients of centre 1 (training) and centre 2 (external test). */
  readonly nCentre1: number;
  readonly nCentre2: number;
  /** CVT patients (label 1) per centre. */
  readonly cvtCentre1: number;
  readonly cvtCentre2: number;
  /** In-plane matrix (pixels per side; the field of view stays a head, so the spacing scales). */
  readonly matrix: number;
  /** Class overlap of the hematoma appearance: `easy`, `standard` (default) or `hard`. */
  readonly difficulty: Difficulty;
  /** Probability that a clinical value (other than age and sex) is missing. Default 0.02. */
  readonly missingRate: number;
  /** Add a D-dimer column (mg/L FEU). Default false. */
  readonly includeDDimer: boolean;
}

/** User-facing options: everything optional; missing values come from the preset. */
export interface SynthOptionsInput {
  readonly preset?: SynthPreset;
  readonly seed?: number;
  readonly nCentre1?: number;
  readonly nCentre2?: number;
  /** CVT counts per centre; when absent they follow `prevalence` or the preset's prevalence per centre. */
  readonly cvtCentre1?: number;
  readonly cvtCentre2?: number;
  /** Fraction of CVT patients in both centres (0–1). */
  readonly prevalence?: number;
  readonly matrix?: number;
  readonly difficulty?: Difficulty;
  readonly missingRate?: number;
  readonly includeDDimer?: boolean;
}

/** The presets. `paper`: centre 1 with 192 patients (46 CVT), centre 2 with 83 (24 CVT), matrix 256. */
export const PRESETS: Readonly<Record<SynthPreset, Omit<SynthOptions, 'preset' | 'seed' | 'difficulty' | 'missingRate' | 'includeDDimer'>>> = {
  paper: { nCentre1: 192, nCentre2: 83, cvtCentre1: 46, cvtCentre2: 24, matrix: 256 },
  small: { nCentre1: 12, nCentre2: 8, cvtCentre1: 4, cvtCentre2: 3, matrix: 128 },
};

const INPUT_KEYS = ['preset', 'seed', 'nCentre1', 'nCentre2', 'cvtCentre1', 'cvtCentre2', 'prevalence', 'matrix', 'difficulty', 'missingRate', 'includeDDimer'];

/** Smallest and largest matrix accepted. */
export const MATRIX_RANGE = [64, 1024] as const;

function bad(name: string, expected: string, found: unknown): never {
  throw new InvalidInputError(`invalid synthetic-cohort option ${name}`, { expected, found: JSON.stringify(found), fix: 'run `dlrn synth --help` for the options.' });
}

function intIn(name: string, v: number, lo: number, hi: number): number {
  if (!Number.isInteger(v) || v < lo || v > hi) bad(name, `an integer in [${lo}, ${hi}]`, v);
  return v;
}

/**
 * Resolves and validates user options against a preset (default `paper`). Throws an
 * {@link InvalidInputError} naming the option, what was expected and what was found (also for unknown keys).
 */
export function resolveSynthOptions(input: SynthOptionsInput = {}): SynthOptions {
  for (const k of Object.keys(input)) if (!INPUT_KEYS.includes(k)) bad(k, `one of ${INPUT_KEYS.join(', ')}`, k);
  const preset = input.preset ?? 'paper';
  if (!(preset in PRESETS)) bad('preset', 'paper or small', preset);
  const p = PRESETS[preset];
  const seed = intIn('seed', input.seed ?? 42, 0, 2 ** 31 - 1);
  const nCentre1 = intIn('nCentre1', input.nCentre1 ?? p.nCentre1, 0, 100000);
  const nCentre2 = intIn('nCentre2', input.nCentre2 ?? p.nCentre2, 0, 100000);
  if (nCentre1 + nCentre2 === 0) bad('nCentre1/nCentre2', 'at least one patient', 0);
  if (input.prevalence !== undefined && !(input.prevalence >= 0 && input.prevalence <= 1)) bad('prevalence', 'a fraction in [0, 1]', input.prevalence);
  const prev1 = input.prevalence ?? p.cvtCentre1 / p.nCentre1;
  const prev2 = input.prevalence ?? p.cvtCentre2 / p.nCentre2;
  const cvtCentre1 = intIn('cvtCentre1', input.cvtCentre1 ?? (input.nCentre1 === undefined && input.prevalence === undefined ? p.cvtCentre1 : Math.round(nCentre1 * prev1)), 0, nCentre1);
  const cvtCentre2 = intIn('cvtCentre2', input.cvtCentre2 ?? (input.nCentre2 === undefined && input.prevalence === undefined ? p.cvtCentre2 : Math.round(nCentre2 * prev2)), 0, nCentre2);
  const matrix = intIn('matrix', input.matrix ?? p.matrix, MATRIX_RANGE[0], MATRIX_RANGE[1]);
  const difficulty = input.difficulty ?? 'standard';
  if (!['easy', 'standard', 'hard'].includes(difficulty)) bad('difficulty', 'easy, standard or hard', difficulty);
  const missingRate = input.missingRate ?? 0.02;
  if (!(missingRate >= 0 && missingRate <= 0.5)) bad('missingRate', 'a fraction in [0, 0.5]', missingRate);
  return Object.freeze({ preset, seed, nCentre1, nCentre2, cvtCentre1, cvtCentre2, matrix, difficulty, missingRate, includeDDimer: input.includeDDimer ?? false });
}
