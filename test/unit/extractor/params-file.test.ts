// Reads ../shared/reference/radiomics/pyradiomics/settings (PyRadiomics' example parameter files, BSD-3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parsePyradiomicsParams, readPyradiomicsParams, defaultPyradiomicsParams } from '../../../src/features/extractor/params-file.js';
import { parsePyradiomicsSettings, PYRADIOMICS_DEFAULTS, pythonRepr } from '../../../src/features/extractor/pyradiomics-settings.js';
import { InvalidInputError, FileNotFoundError } from '../../../src/core/errors.js';
import { shared } from '../../helpers/paths.js';

const SETTINGS = shared('reference/radiomics/pyradiomics/settings');

test('Params.yaml: settings merged over the defaults, GLCM list without SumAverage, empty lists = all', () => {
  const p = readPyradiomicsParams(`${SETTINGS}/Params.yaml`);
  assert.equal(p.settings.binWidth, 25);
  assert.equal(p.settings.interpolator, 'sitkBSpline');
  assert.equal(p.settings.resampledPixelSpacing, null); // "resampledPixelSpacing:" with no value = None
  assert.equal(p.settings.weightingNorm, null);
  assert.equal(p.settings.padDistance, 5); // default kept
  assert.deepEqual(Object.keys(p.imageTypes), ['Original']);
  assert.equal(p.featureClasses.shape, null);
  assert.equal(p.featureClasses.firstorder, null); // [] means all
  assert.equal(p.featureClasses.glcm?.length, 22);
  assert.ok(!p.featureClasses.glcm?.includes('SumAverage'));
  assert.ok(!('ngtdm' in p.featureClasses)); // not mentioned = off
});

test('filtered image types and their settings are rejected with a clear message', () => {
  assert.throws(() => readPyradiomicsParams(`${SETTINGS}/exampleCT.yaml`), (e: unknown) =>
    e instanceof InvalidInputError && /image type "LoG"/.test(e.message) && /Original/.test(e.message));
  assert.throws(() => parsePyradiomicsParams('setting:\n  sigma: [1, 2]\n'), /belongs to filtered image types/);
  assert.throws(() => parsePyradiomicsParams('voxelSetting:\n  kernelRadius: 2\n'), /voxel-based/);
});

test('every example parameter file without filters parses; those with filters fail cleanly', () => {
  for (const f of ['Params.yaml', 'exampleMR_NoResampling.yaml', 'exampleMR_3mm.yaml', 'exampleMR_5mm.yaml', 'MR_2D_extraction.yaml', 'example_allShape.yaml', 'exampleVoxel.yaml', 'pyradiomics-dcm_Params.yaml']) {
    const text = readFileSync(`${SETTINGS}/${f}`, 'utf8');
    const usesFilters = /^\s+(LoG|Wavelet|Square|SquareRoot|Logarithm|Exponential|Gradient|LBP2D|LBP3D)\s*:/m.test(text) || /^voxelSetting:/m.test(text);
    if (usesFilters) assert.throws(() => parsePyradiomicsParams(text, f), InvalidInputError, f);
    else assert.doesNotThrow(() => parsePyradiomicsParams(text, f), f);
  }
});

test('schema: unknown keys, wrong types and ranges are errors naming the key', () => {
  assert.throws(() => parsePyradiomicsSettings({ binwidth: 25 }), /unknown setting "binwidth".*did you mean "binWidth"/);
  assert.throws(() => parsePyradiomicsSettings({ binWidth: 0 }), /"binWidth".*> 0/);
  assert.throws(() => parsePyradiomicsSettings({ binCount: 2.5 }), /"binCount".*whole number/);
  assert.throws(() => parsePyradiomicsSettings({ minimumROIDimensions: 4 }), /minimumROIDimensions/);
  assert.throws(() => parsePyradiomicsSettings({ force2D: 'yes' }), /true or false/);
  assert.throws(() => parsePyradiomicsSettings({ resampledPixelSpacing: [1, 1] }), /3 values/);
  assert.throws(() => parsePyradiomicsSettings({ resegmentMode: 'percent' }), /absolute, relative, sigma/);
  assert.throws(() => parsePyradiomicsSettings({ interpolator: 'sitkLanczosWindowedSinc' }), /not implemented/);
  assert.throws(() => parsePyradiomicsSettings({ label: null }), /null is not allowed/);
  assert.throws(() => parsePyradiomicsParams('setting: [1, 2]'), /mapping/);
  assert.throws(() => parsePyradiomicsParams('featureClass:\n  glmc:\n'), /unknown feature class "glmc"/);
  assert.throws(() => parsePyradiomicsParams('imageType:\n  Orginal: {}\n'), /unknown image type/);
  assert.throws(() => parsePyradiomicsParams('setting:\n  binWidth: [25\n'), /not valid YAML/);
  assert.throws(() => parsePyradiomicsParams('extras: 1'), /unknown section "extras"/);
  assert.throws(() => readPyradiomicsParams('/nonexistent/params.yaml'), FileNotFoundError);
});

test('accepted values: SimpleITK interpolator codes, scalar as list, per-image-type overrides, defaults untouched', () => {
  assert.equal(parsePyradiomicsSettings({ interpolator: 2 }).interpolator, 'sitkLinear');
  assert.deepEqual(parsePyradiomicsSettings({ distances: 1 }).distances, [1]);
  const p = parsePyradiomicsParams('setting:\n  binWidth: 10\nimageType:\n  Original:\n    binWidth: 5\n');
  assert.equal(p.settings.binWidth, 5);
  assert.equal(PYRADIOMICS_DEFAULTS.binWidth, 25);
  const d = defaultPyradiomicsParams();
  assert.deepEqual(Object.keys(d.featureClasses).sort(), ['firstorder', 'glcm', 'gldm', 'glrlm', 'glszm', 'ngtdm', 'shape', 'shape2D']);
});

test('settings print as a Python dict literal, like diagnostics_Configuration_Settings', () => {
  assert.equal(pythonRepr({ a: null, b: true, c: [1, 2.5], d: 'x' }), "{'a': None, 'b': True, 'c': [1, 2.5], 'd': 'x'}");
});
