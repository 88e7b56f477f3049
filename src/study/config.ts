/**
 * Study configs: YAML (or JSON) text → a validated, frozen {@link StudyConfig} with every path resolved.
 * One schema ({@link STUDY_SCHEMA}) checks the document; unknown keys are errors listing the allowed keys.
 */
import { createHash } from 'node:crypto';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InvalidInputError } from '../core/errors.js';
import { defaultPyradiomicsParams, parsePyradiomicsParams, type PyradiomicsParams } from '../features/index.js';
import { CLASSIFIER_IDS, STUDY_SCHEMA, type StudyConfigDoc } from './config-schema.js';
import { validateSchema } from './schema.js';
import { readTextChecked } from '../core/read-file.js';

/** A validated study config with resolved paths. */
export interface StudyConfig {
  /** The validated document (defaults applied, paths as written). */
  readonly doc: StudyConfigDoc;
  /** Study name (the `name` setting or the config file name). */
  readonly name: string;
  /** The config file, when read from a file. */
  readonly file: string | null;
  /** Folder relative paths are resolved from. */
  readonly baseDir: string;
  /** SHA-256 (hex) of the config text. */
  readonly sha256: string;
  /** Absolute paths. */
  readonly paths: {
    readonly manifest: string;
    readonly radiomicsTable: string | null;
    readonly radiomicsParamsFile: string | null;
    readonly deepTable: string | null;
    /** The user ONNX model, or null for the shipped backbone. */
    readonly deepModel: string | null;
    readonly retestManifest: string | null;
  };
  /** The parsed PyRadiomics parameters. */
  readonly radiomicsParams: PyradiomicsParams;
  /** The radiomics settings as given (file text or inline YAML), for the results. */
  readonly radiomicsSettingsText: string;
}

function abs(baseDir: string, p: string | null): string | null {
  if (p === null) return null;
  return isAbsolute(p) ? p : resolve(baseDir, p);
}

/**
 * Parses config text. `file` is used in messages; relative paths are resolved from `baseDir`
 * (default: the config file's folder, or the current folder).
 * @throws InvalidInputError for YAML errors, unknown keys, wrong types and inconsistent settings.
 */
export function parseStudyConfig(text: string, opts: { file?: string; baseDir?: string } = {}): StudyConfig {
  const file = opts.file;
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new InvalidInputError('the study config is not valid YAML', { file, found: (e as Error).message.split('\n')[0], fix: 'check the indentation and the colons.' });
  }
  const doc = validateSchema(STUDY_SCHEMA, raw, file) as unknown as StudyConfigDoc;
  for (const c of doc.models.classifiers) {
    if (!(CLASSIFIER_IDS as readonly string[]).includes(c)) {
      throw new InvalidInputError('invalid setting models.classifiers', { file, expected: `classifiers among ${CLASSIFIER_IDS.join(', ')}`, found: JSON.stringify(c) });
    }
  }
  if (doc.models.classifiers.length === 0) throw new InvalidInputError('invalid setting models.classifiers', { file, expected: 'at least one classifier', found: '[]' });
  if (new Set(doc.models.classifiers).size !== doc.models.classifiers.length) {
    throw new InvalidInputError('invalid setting models.classifiers', { file, expected: 'each classifier once', found: JSON.stringify(doc.models.classifiers) });
  }
  const c = doc.cohorts;
  if ((c.training || c.external_test) && !c.column) {
    throw new InvalidInputError('cohorts.training / cohorts.external_test need cohorts.column', { file, fix: 'name the manifest column that holds the cohort values, e.g. `column: centre`.' });
  }
  if (c.training && c.external_test && c.training.some((v) => c.external_test!.includes(v))) {
    throw new InvalidInputError('a cohort value is both training and external test', { file, found: `training ${c.training.join(', ')}; external_test ${c.external_test.join(', ')}` });
  }
  const names = doc.clinical.variables.map((v) => v.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new InvalidInputError(`clinical variable "${dup}" is listed twice`, { file });
  if (doc.outcome.positive === doc.outcome.negative) throw new InvalidInputError('outcome.positive and outcome.negative are equal', { file, found: doc.outcome.positive });

  const baseDir = opts.baseDir ?? (file ? dirname(resolve(file)) : process.cwd());
  let radiomicsParams: PyradiomicsParams;
  let radiomicsParamsFile: string | null = null;
  let radiomicsSettingsText: string;
  const rp = doc.radiomics.params;
  if (rp === null) {
    radiomicsParams = defaultPyradiomicsParams();
    radiomicsSettingsText = '# PyRadiomics defaults (original image, every feature class)\n';
  } else if (typeof rp === 'string') {
    radiomicsParamsFile = abs(baseDir, rp) as string;
    radiomicsSettingsText = readTextChecked(radiomicsParamsFile, 'a PyRadiomics parameter file (YAML)');
    radiomicsParams = parsePyradiomicsParams(radiomicsSettingsText, radiomicsParamsFile);
  } else {
    radiomicsSettingsText = JSON.stringify(rp, null, 1);
    radiomicsParams = parsePyradiomicsParams(radiomicsSettingsText, `${file ?? 'config'} (radiomics.params)`);
  }
  const deep = doc.deep;
  const deepModel = deep && deep.backbone !== 'mobilenetv2' ? abs(baseDir, deep.backbone) : null;
  const config: StudyConfig = {
    doc,
    name: doc.name ?? (file ? basename(file).replace(/\.(ya?ml|json)$/i, '') : 'study'),
    file: file ?? null,
    baseDir,
    sha256: createHash('sha256').update(text).digest('hex'),
    paths: {
      manifest: abs(baseDir, doc.manifest) as string,
      radiomicsTable: abs(baseDir, doc.radiomics.table),
      radiomicsParamsFile,
      deepTable: deep ? abs(baseDir, deep.table) : null,
      deepModel,
      retestManifest: abs(baseDir, doc.selection.icc?.retest_manifest ?? null),
    },
    radiomicsParams,
    radiomicsSettingsText,
  };
  return deepFreeze(config);
}

/** Reads and parses a config file (see {@link parseStudyConfig}). */
export function loadStudyConfig(path: string): StudyConfig {
  return parseStudyConfig(readTextChecked(path, 'a study config (YAML)'), { file: path });
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}
