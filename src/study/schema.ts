/**
 * A small declarative schema for YAML/JSON settings (in the spirit of PyRadiomics' `paramSchema.yaml`):
 * every field states its kind, default and meaning; {@link validateSchema} checks a parsed document against
 * it, fills in the defaults and rejects unknown keys with the list of allowed keys. The same schema renders
 * the documentation table ({@link describeSchema}), so the documented defaults are the ones applied.
 */
import { InvalidInputError } from '../core/errors.js';

/** One field of a schema. `doc` is the user documentation; `default` applies when the key is absent. */
export type FieldSpec =
  | { readonly kind: 'string'; readonly doc: string; readonly default?: string | null; readonly required?: boolean }
  | {
    readonly kind: 'number';
    readonly doc: string;
    readonly default?: number | null;
    readonly required?: boolean;
    readonly integer?: boolean;
    readonly min?: number;
    readonly max?: number;
    /** The bounds are exclusive. */
    readonly exclusive?: boolean;
  }
  | { readonly kind: 'boolean'; readonly doc: string; readonly default?: boolean }
  | { readonly kind: 'enum'; readonly doc: string; readonly values: readonly string[]; readonly default?: string | null; readonly required?: boolean }
  /** A list of strings; a single scalar is accepted as a one-element list. */
  | { readonly kind: 'strings'; readonly doc: string; readonly default?: readonly string[] | null }
  /** A fixed-length list of numbers. */
  | { readonly kind: 'numbers'; readonly doc: string; readonly length: number; readonly default?: readonly number[] | null }
  | {
    readonly kind: 'object';
    readonly doc: string;
    readonly fields: Readonly<Record<string, FieldSpec>>;
    /** `null` is accepted (e.g. to switch a part off). */
    readonly nullable?: boolean;
    /** An absent key gives `null` (off by default) instead of the defaults of its fields. */
    readonly absentNull?: boolean;
  }
  | { readonly kind: 'list'; readonly doc: string; readonly item: FieldSpec & { kind: 'object' }; readonly default?: readonly unknown[] }
  /** A mapping passed on unchanged (checked by its own parser, e.g. PyRadiomics parameters), or a string. */
  | { readonly kind: 'mapping-or-string'; readonly doc: string; readonly default?: null };

/** A schema: the fields of the top-level mapping. */
export type Schema = Readonly<Record<string, FieldSpec>>;

function fail(file: string | undefined, path: string, expected: string, found: unknown, fix?: string): never {
  throw new InvalidInputError(`invalid setting ${path}`, {
    file, expected, found: found === undefined ? 'nothing' : JSON.stringify(found)?.slice(0, 120) ?? String(found), fix,
  });
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function scalarString(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return null;
}

function validateField(spec: FieldSpec, v: unknown, path: string, file: string | undefined): unknown {
  const absent = v === undefined;
  switch (spec.kind) {
    case 'string': {
      if (absent || v === null) {
        if (spec.required) fail(file, path, 'a value (this setting is required)', v, `add "${path.split('.').pop()}: ..." to the config.`);
        return absent ? spec.default ?? null : null;
      }
      const s = scalarString(v);
      if (s === null || s === '') fail(file, path, 'a non-empty text value', v);
      return s;
    }
    case 'number': {
      if (absent || v === null) {
        if (spec.required) fail(file, path, 'a number (this setting is required)', v);
        return absent ? spec.default ?? null : null;
      }
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(file, path, 'a number', v);
      const x = v as number;
      if (spec.integer && !Number.isInteger(x)) fail(file, path, 'a whole number', v);
      const lo = spec.min;
      const hi = spec.max;
      const below = lo !== undefined && (spec.exclusive ? x <= lo : x < lo);
      const above = hi !== undefined && (spec.exclusive ? x >= hi : x > hi);
      if (below || above) {
        const l = lo === undefined ? '' : `${spec.exclusive ? '>' : '≥'} ${lo}`;
        const h = hi === undefined ? '' : `${spec.exclusive ? '<' : '≤'} ${hi}`;
        fail(file, path, `a number ${[l, h].filter(Boolean).join(' and ')}`, v);
      }
      return x;
    }
    case 'boolean':
      if (absent) return spec.default ?? false;
      if (typeof v !== 'boolean') fail(file, path, 'true or false', v);
      return v;
    case 'enum': {
      if (absent || v === null) {
        if (spec.required) fail(file, path, `one of ${spec.values.join(', ')}`, v);
        return absent ? spec.default ?? null : null;
      }
      const s = scalarString(v);
      if (s === null || !spec.values.includes(s)) fail(file, path, `one of ${spec.values.join(', ')}`, v);
      return s;
    }
    case 'strings': {
      if (absent || v === null) return absent ? spec.default ?? null : null;
      const list = Array.isArray(v) ? v : [v];
      return list.map((x, i) => {
        const s = scalarString(x);
        if (s === null) fail(file, `${path}[${i}]`, 'a text or number value', x);
        return s;
      });
    }
    case 'numbers': {
      if (absent || v === null) return absent ? spec.default ?? null : null;
      if (!Array.isArray(v) || v.length !== spec.length || v.some((x) => typeof x !== 'number' || !Number.isFinite(x))) {
        fail(file, path, `a list of ${spec.length} numbers`, v);
      }
      return [...(v as number[])];
    }
    case 'object': {
      if (v === null && spec.nullable) return null;
      if (absent) return spec.absentNull ? null : validateObject(spec.fields, {}, path, file);
      if (!isMapping(v)) fail(file, path, 'a mapping (key: value lines)', v);
      return validateObject(spec.fields, v as Record<string, unknown>, path, file);
    }
    case 'list': {
      if (absent || v === null) return spec.default ? [...spec.default] : [];
      if (!Array.isArray(v)) fail(file, path, 'a list (lines starting with "- ")', v);
      return (v as unknown[]).map((x, i) => validateField(spec.item, x, `${path}[${i}]`, file));
    }
    case 'mapping-or-string':
      if (absent || v === null) return null;
      if (typeof v === 'string' || isMapping(v)) return v;
      return fail(file, path, 'a file path or a mapping', v);
  }
}

function validateObject(fields: Readonly<Record<string, FieldSpec>>, doc: Record<string, unknown>, path: string, file: string | undefined): Record<string, unknown> {
  const allowed = Object.keys(fields);
  for (const k of Object.keys(doc)) {
    if (!allowed.includes(k)) {
      const where = path ? `${path}.${k}` : k;
      throw new InvalidInputError(`unknown setting "${where}"`, {
        file, expected: `one of the keys ${allowed.join(', ')}${path ? ` (under ${path})` : ''}`, found: JSON.stringify(k),
        fix: 'check the spelling; `dlrn study --schema` lists every setting with its default.',
      });
    }
  }
  const out: Record<string, unknown> = {};
  for (const k of allowed) out[k] = validateField(fields[k], doc[k], path ? `${path}.${k}` : k, file);
  return out;
}

/**
 * Validates a parsed document against a schema: unknown keys are an {@link InvalidInputError} listing the
 * allowed keys, wrong types or ranges an error naming the setting, and absent keys take their defaults.
 * Returns a new plain object (the input is not changed).
 */
export function validateSchema(schema: Schema, doc: unknown, file?: string): Record<string, unknown> {
  if (doc === null || doc === undefined) doc = {};
  if (!isMapping(doc)) fail(file, '(top level)', 'a mapping of settings', doc);
  return validateObject(schema, doc as Record<string, unknown>, '', file);
}

function defaultText(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'object':
      return spec.absentNull ? 'null (off)' : '';
    case 'list':
      return spec.default && spec.default.length ? JSON.stringify(spec.default) : '[]';
    default: {
      if ('required' in spec && spec.required) return '(required)';
      const d = (spec as { default?: unknown }).default;
      return d === undefined || d === null ? 'null' : JSON.stringify(d);
    }
  }
}

/**
 * One line per setting, `path | kind | default | documentation`, as a Markdown table (used by
 * `dlrn study --schema` and docs/study.md).
 */
export function describeSchema(schema: Schema): string {
  const rows: string[] = ['| setting | type | default | meaning |', '|---|---|---|---|'];
  const walk = (fields: Readonly<Record<string, FieldSpec>>, prefix: string): void => {
    for (const [k, spec] of Object.entries(fields)) {
      const path = prefix ? `${prefix}.${k}` : k;
      const kind = spec.kind === 'enum' ? spec.values.join(' \\| ') : spec.kind === 'list' ? 'list of mappings' : spec.kind;
      rows.push(`| \`${path}\` | ${kind} | ${defaultText(spec)} | ${spec.doc.replace(/\|/g, '\\|')} |`);
      if (spec.kind === 'object') walk(spec.fields, path);
      if (spec.kind === 'list') walk(spec.item.fields, `${path}[]`);
    }
  };
  walk(schema, '');
  return rows.join('\n') + '\n';
}
