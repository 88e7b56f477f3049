import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InvalidInputError } from '../core/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses command-line options with node's `parseArgs`, turning its errors into an
 * {@link InvalidInputError} that names the command and points at `--help`.
 */
export interface ParsedOptions {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

export function parseOptions(command: string, argv: string[], options: Options, allowPositionals = false): ParsedOptions {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals, strict: true });
    return { values: r.values as ParsedOptions['values'], positionals: r.positionals };
  } catch (e) {
    throw new InvalidInputError(`dlrn ${command}: ${(e as Error).message}`, { fix: `run \`dlrn ${command} --help\` for the list of options.` });
  }
}

/** Reads a required string option or throws a clear error. */
export function requireOption(command: string, values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') {
    throw new InvalidInputError(`dlrn ${command}: --${name} is required`, { fix: `run \`dlrn ${command} --help\`.` });
  }
  return v;
}

/** Parses a numeric option value, with a clear error when it is not a number. */
export function numberOption(command: string, name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const x = Number(value);
  if (!Number.isFinite(x)) {
    throw new InvalidInputError(`dlrn ${command}: --${name} must be a number`, { found: JSON.stringify(value) });
  }
  return x;
}
