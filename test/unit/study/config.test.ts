// Study config: one schema, defaults applied, unknown keys rejected with the allowed keys, wrong types and
// inconsistent cohort settings rejected, paths resolved from the config folder, the schema documentation lists
// every setting with the default the validator applies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '../../../src/core/errors.js';
import { describeSchema, parseStudyConfig, STUDY_SCHEMA, validateSchema, DEMO_CONFIG_YAML, loadStudyConfig } from '../../../src/study/index.js';
import { REPO_ROOT } from '../../helpers/paths.js';

const minimal = 'manifest: data/cases.csv\n';

test('defaults: a config with only the manifest gets every documented default', () => {
  const c = parseStudyConfig(minimal, { baseDir: '/studies/x' });
  const d = c.doc;
  assert.equal(d.seed, 42);
  assert.deepEqual(d.columns, { id: 'id', image: 'image', mask: 'mask', mask_label: null });
  assert.deepEqual(d.outcome, { column: 'label', positive: '1', negative: '0', label: null });
  assert.deepEqual(d.cohorts, { column: null, training: null, external_test: null, internal_test: 0 });
  assert.equal(d.selection.mann_whitney_p, 0.05);
  assert.deepEqual(d.selection.correlation, { threshold: 0.9, method: 'spearman' });
  assert.equal(d.selection.icc, null, 'the ICC screen is off unless configured');
  assert.deepEqual(d.selection.lasso, { nfolds: 10, measure: 'deviance', lambda_rule: 'lambda.min', alpha: 1, min_features: 1 });
  assert.deepEqual(d.models.classifiers, ['logistic']);
  assert.equal(d.deep?.backbone, 'mobilenetv2');
  assert.equal(d.deep?.pca_components, 10);
  assert.equal(c.paths.manifest, '/studies/x/data/cases.csv');
  assert.equal(c.paths.deepModel, null);
  assert.equal(c.name, 'study');
  assert.ok(Object.isFrozen(c.doc.selection.lasso));
});

test('unknown keys are errors that list the allowed keys, at any depth', () => {
  assert.throws(() => parseStudyConfig(minimal + 'seeed: 3\n'), (e: unknown) => {
    assert.ok(e instanceof InvalidInputError);
    assert.match(e.message, /unknown setting "seeed"/);
    assert.match(e.message, /seed/);
    assert.match(e.message, /manifest/);
    return true;
  });
  assert.throws(() => parseStudyConfig(minimal + 'selection:\n  lasso:\n    nfold: 5\n'), (e: unknown) => {
    assert.ok(e instanceof InvalidInputError);
    assert.match(e.message, /selection\.lasso\.nfold/);
    assert.match(e.message, /nfolds, measure, lambda_rule, alpha, min_features/);
    return true;
  });
  assert.throws(() => parseStudyConfig(minimal + 'clinical:\n  variables:\n    - {name: age, kind: numeric}\n'), /clinical\.variables\[0\]\.kind/);
});

test('types, ranges and enums are checked with the setting named', () => {
  assert.throws(() => parseStudyConfig('seed: 1\n'), /manifest/);
  assert.throws(() => parseStudyConfig(minimal + 'seed: 1.5\n'), /invalid setting seed.*whole number/);
  assert.throws(() => parseStudyConfig(minimal + 'cohorts: {internal_test: 0.95}\n'), /cohorts\.internal_test/);
  assert.throws(() => parseStudyConfig(minimal + 'selection: {lasso: {lambda_rule: min}}\n'), /lambda\.min, lambda\.1se/);
  assert.throws(() => parseStudyConfig(minimal + 'selection: {correlation: {threshold: 1}}\n'), /correlation\.threshold/);
  assert.throws(() => parseStudyConfig(minimal + 'models: {classifiers: [logistic, xgboost]}\n'), /xgboost/);
  assert.throws(() => parseStudyConfig(minimal + 'deep: {input_size: [224]}\n'), /list of 2 numbers/);
  assert.throws(() => parseStudyConfig('manifest: [a]\n'), /invalid setting manifest/);
  assert.throws(() => parseStudyConfig('manifest: a\n  bad: indentation\n:'), /not valid YAML/);
});

test('cohort settings must be consistent', () => {
  assert.throws(() => parseStudyConfig(minimal + 'cohorts: {external_test: "2"}\n'), /need cohorts\.column/);
  assert.throws(() => parseStudyConfig(minimal + 'cohorts: {column: c, training: [1, 2], external_test: 2}\n'), /both training and external test/);
  const c = parseStudyConfig(minimal + 'cohorts: {column: centre, training: 1, external_test: [2, 3]}\n');
  assert.deepEqual(c.doc.cohorts.training, ['1'], 'a scalar becomes a one-element list of text');
  assert.deepEqual(c.doc.cohorts.external_test, ['2', '3']);
  assert.throws(() => parseStudyConfig(minimal + 'clinical: {variables: [{name: a}, {name: a}]}\n'), /listed twice/);
  assert.throws(() => parseStudyConfig(minimal + 'outcome: {positive: x, negative: x}\n'), /equal/);
});

test('deep: null switches DL off; a backbone path and the other paths are resolved from the config folder', () => {
  assert.equal(parseStudyConfig(minimal + 'deep: null\n').doc.deep, null);
  const dir = mkdtempSync(join(tmpdir(), 'dlrn-cfg-'));
  writeFileSync(join(dir, 'rad.yaml'), 'setting: {binWidth: 10}\nimageType: {Original: {}}\n');
  const file = join(dir, 'study.yaml');
  writeFileSync(file, `${minimal}deep: {backbone: models/resnet.onnx, table: dl.csv}\nradiomics: {params: rad.yaml, table: /abs/rad.csv}\nselection: {icc: {retest_manifest: retest.csv}}\n`);
  const c = loadStudyConfig(file);
  assert.equal(c.name, 'study');
  assert.equal(c.paths.deepModel, join(dir, 'models/resnet.onnx'));
  assert.equal(c.paths.deepTable, join(dir, 'dl.csv'));
  assert.equal(c.paths.radiomicsTable, '/abs/rad.csv');
  assert.equal(c.paths.retestManifest, join(dir, 'retest.csv'));
  assert.equal(c.doc.selection.icc?.threshold, 0.75);
  assert.equal(c.radiomicsParams.settings.binWidth, 10);
  assert.equal(c.radiomicsSettingsText, readFileSync(join(dir, 'rad.yaml'), 'utf8'));
});

test('inline radiomics parameters are checked by the PyRadiomics parameter schema', () => {
  const c = parseStudyConfig(minimal + 'radiomics:\n  params: {setting: {binWidth: 5}, featureClass: {firstorder: [Mean]}}\n');
  assert.equal(c.radiomicsParams.settings.binWidth, 5);
  assert.deepEqual(c.radiomicsParams.featureClasses, { firstorder: ['Mean'] });
  assert.throws(() => parseStudyConfig(minimal + 'radiomics:\n  params: {setting: {binwidth: 5}}\n'), InvalidInputError);
});

test('the config hash is the SHA-256 of the text (a changed config gives a new hash)', () => {
  const a = parseStudyConfig(minimal);
  const b = parseStudyConfig(minimal + '# comment\n');
  assert.match(a.sha256, /^[0-9a-f]{64}$/);
  assert.notEqual(a.sha256, b.sha256);
});

test('the schema table documents every setting with the default the validator applies', () => {
  const md = describeSchema(STUDY_SCHEMA);
  const defaults = validateSchema(STUDY_SCHEMA, { manifest: 'x' });
  const check = (obj: Record<string, unknown>, prefix: string): void => {
    for (const [k, v] of Object.entries(obj)) {
      const path = prefix ? `${prefix}.${k}` : k;
      assert.ok(md.includes(`| \`${path}\` |`), `${path} documented`);
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) check(v as Record<string, unknown>, path);
      else if (path !== 'manifest' && v !== null) {
        const row = md.split('\n').find((l) => l.startsWith(`| \`${path}\` |`)) as string;
        assert.ok(row.includes(`| ${JSON.stringify(v)} |`), `${path}: default ${JSON.stringify(v)} in "${row}"`);
      }
    }
  };
  check(defaults, '');
});

test('the built-in demo config is valid and is the one in examples/demo/study.yaml', () => {
  const c = parseStudyConfig(DEMO_CONFIG_YAML, { baseDir: '/tmp/demo' });
  assert.deepEqual(c.doc.cohorts.training, ['1']);
  assert.deepEqual(c.doc.cohorts.external_test, ['2']);
  assert.ok(c.doc.clinical.variables.some((v) => v.name === 'epilepsy' && v.type === 'binary'));
  assert.equal(readFileSync(join(REPO_ROOT, 'examples/demo/study.yaml'), 'utf8'), DEMO_CONFIG_YAML);
});
