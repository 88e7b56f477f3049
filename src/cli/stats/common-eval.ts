/**
 * Small helpers shared by the evaluation analyses of `dlrn stats` (roc, calibration, dca):
 * option parsing of numbers and the check that no validation rows were requested.
 */
import { InvalidInputError } from '../../core/errors.js';
import type { OptionValues } from './data.js';

/** A number option with a default and a valid range. */
export function numberArg(analysis: string, values: OptionValues, name: string, fallback: number, check: (x: number) => boolean, expected: string): number {
  const v = values[name];
  if (v === undefined) return fallback;
  const x = typeof v === 'string' ? Number(v) : NaN;
  if (!Number.isFinite(x) || !check(x)) {
    throw new InvalidInputError(`dlrn stats ${analysis}: --${name} must be ${expected}`, { found: JSON.stringify(v), fix: `run \`dlrn stats ${analysis} --help\`.` });
  }
  return x;
}

/** These analyses work on one set of rows: --validate-where / --validate-data are rejected with a hint. */
export function rejectValidation(analysis: string, values: OptionValues): void {
  const vw = values['validate-where'];
  if ((Array.isArray(vw) && vw.length > 0) || typeof values['validate-data'] === 'string') {
    throw new InvalidInputError(`dlrn stats ${analysis}: --validate-where / --validate-data do not apply here`, {
      fix: 'select the rows to evaluate with --where COL=VALUE (e.g. --where set=test); run the analysis once per cohort.',
    });
  }
}

/** Formats a number for the text summaries (4 significant decimals, non-finite as text). */
export function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 1e-3 || x === 0 ? x.toFixed(digits) : x.toExponential(2);
}
