// Reads ../shared/reference/radiomics (PyRadiomics test images and generated outputs, IBSI digital phantom) and
// ../shared/data/sts-ct-cohort (real CT). Runs `dlrn extract` from the sources.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync as makeTempDir, readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runDlrn } from '../helpers/cli.js';
import { shared } from '../helpers/paths.js';
import { parseCsv, readCsv } from '../../src/table/csv.js';

const PY = shared('reference/radiomics/pyradiomics');
const made: string[] = [];
/** A temporary folder removed when the tests end. */
const mkdtempSync = (prefix: string): string => { const d = makeTempDir(prefix); made.push(d); return d; };
after(() => { for (const d of made) rmSync(d, { recursive: true, force: true }); });
const STS = shared('data/sts-ct-cohort/cases');
const brain = ['--image', `${PY}/data/brain1_image.nrrd`, '--mask', `${PY}/data/brain1_label.nrrd`];
const generated = new Map(readCsv(`${PY}/generated/brain1_default_original.csv`).rows.map(([k, v]) => [k, v]));

test('single case to CSV on stdout: one header and one row, PyRadiomics names and values', async () => {
  const r = await runDlrn(['extract', ...brain]);
  assert.equal(r.code, 0, r.stderr);
  const t = parseCsv(r.stdout);
  assert.equal(t.rows.length, 1);
  const col = (n: string) => t.rows[0][t.header.indexOf(n)];
  assert.ok(t.header.includes('original_glcm_Contrast'));
  assert.ok(t.header.indexOf('diagnostics_Mask-original_VoxelNum') < t.header.indexOf('original_firstorder_Mean'));
  for (const n of ['original_firstorder_Mean', 'original_glcm_Contrast', 'original_ngtdm_Busyness']) {
    const ref = Number(generated.get(n));
    assert.ok(Math.abs(Number(col(n)) - ref) <= 1e-9 * Math.abs(ref), `${n}: ${col(n)} vs ${ref}`);
  }
  assert.equal(col('diagnostics_Mask-original_BoundingBox'), generated.get('diagnostics_Mask-original_BoundingBox'));
  assert.match(col('diagnostics_Configuration_SettingsHash'), /^[0-9a-f]{16}$/);
});

test('--json --out writes one object atomically (no temporary file left)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dlrn-extract-'));
  const out = join(dir, 'brain1.json');
  const r = await runDlrn(['extract', ...brain, '--json', '--out', out, '--params', `${PY}/settings/Params.yaml`]);
  assert.equal(r.code, 0, r.stderr);
  const o = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(typeof o.original_firstorder_Mean, 'number');
  // Params.yaml lists every GLCM feature but SumAverage
  assert.ok(!('original_glcm_SumAverage' in o));
  assert.ok('original_glcm_JointAverage' in o);
  assert.deepEqual(readdirSync(dir), ['brain1.json']);
});

test('IBSI mode names features by IBSI tag', async () => {
  const R = shared('reference/radiomics/ibsi/ibsi1/digital_phantom');
  const r = await runDlrn(['extract', '--image', `${R}/image.nii.gz`, '--mask', `${R}/mask.nii.gz`, '--mode', 'ibsi', '--ibsi-config', 'none', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const o = JSON.parse(r.stdout);
  // IBSI 1 digital phantom reference: cm_joint_max_3D_avg = 0.503, szm_sze_3D = 0.255
  assert.ok(Math.abs(o.cm_joint_max_3D_avg - 0.503) <= 0.0005);
  assert.ok(Math.abs(o.szm_sze_3D - 0.255) <= 0.0005);
  assert.equal(o.int_mask_vox_count_init_roi, 74);
  assert.ok(!Object.keys(o).some((k) => k.startsWith('original_')));
});

test('batch: relative paths, --jobs 2, a failing case gets a row with its error and the others go on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dlrn-extract-batch-'));
  const rel = (p: string) => relative(dir, p);
  const lines = ['id,image,mask,label',
    `STS_001,${rel(`${STS}/STS_001/CT_image.nii.gz`)},${rel(`${STS}/STS_001/CT_mask.nii.gz`)},1`,
    `absent_label,${rel(`${STS}/STS_002/CT_image.nii.gz`)},${rel(`${STS}/STS_002/CT_mask.nii.gz`)},7`,
    `STS_005,${rel(`${STS}/STS_005/CT_image.nii.gz`)},${rel(`${STS}/STS_005/CT_mask.nii.gz`)},`,
    `no_file,missing.nii.gz,${rel(`${STS}/STS_005/CT_mask.nii.gz`)},1`];
  writeFileSync(join(dir, 'cases.csv'), lines.join('\n') + '\n');
  const out = join(dir, 'features.csv');
  const r = await runDlrn(['extract', '--manifest', join(dir, 'cases.csv'), '--out', out, '--jobs', '2']);
  assert.equal(r.code, 1, r.stderr); // some cases failed
  const t = readCsv(out);
  assert.deepEqual(t.header.slice(0, 5), ['id', 'image', 'mask', 'label', 'error']);
  assert.deepEqual(t.rows.map((x) => x[0]), ['STS_001', 'absent_label', 'STS_005', 'no_file']);
  const err = t.header.indexOf('error');
  const mean = t.header.indexOf('original_firstorder_Mean');
  assert.equal(t.rows[0][err], '');
  assert.match(t.rows[1][err], /E_MASK.*label 7/);
  assert.match(t.rows[3][err], /E_NOT_FOUND/);
  assert.equal(t.rows[1][mean], '');
  for (const [row, id] of [[0, 'STS_001'], [2, 'STS_005']] as const) {
    const ref = new Map(readCsv(shared(`reference/radiomics/pyradiomics/generated/sts/${id}_default_original.csv`)).rows.map(([k, v]) => [k, v]));
    const v = Number(t.rows[row][mean]);
    const refV = Number(ref.get('original_firstorder_Mean'));
    assert.ok(Math.abs(v - refV) <= 1e-9 * Math.abs(refV), `${id}: ${v} vs ${refV}`);
  }
  assert.match(r.stderr, /2 of 4 cases extracted/);
});

test('batch: PyRadiomics Image,Mask headers and --json (one object per line)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dlrn-extract-batch-'));
  writeFileSync(join(dir, 'cases.csv'), `Image,Mask\n${PY}/data/breast1_image.nrrd,${PY}/data/breast1_label.nrrd\n${PY}/data/brain1_image.nrrd,${PY}/data/brain1_label.nrrd\n`);
  const r = await runDlrn(['extract', '--manifest', join(dir, 'cases.csv'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  const objs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(objs.length, 2);
  assert.equal(objs[0].id, 'breast1_image');
  assert.equal(typeof objs[1].original_glcm_Contrast, 'number');
});

test('bad options and parameter files are clear errors (exit 2)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dlrn-extract-params-'));
  writeFileSync(join(dir, 'bad.yaml'), 'setting:\n  binwidth: 25\n');
  let r = await runDlrn(['extract', ...brain, '--params', join(dir, 'bad.yaml')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown setting "binwidth".*did you mean "binWidth"/);
  r = await runDlrn(['extract', ...brain, '--params', `${PY}/settings/exampleCT.yaml`]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /image type "LoG".*not implemented/);
  r = await runDlrn(['extract', ...brain, '--mode', 'ibsi', '--ibsi-config', 'Z']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown IBSI configuration "Z"/);
  r = await runDlrn(['extract', '--image', `${PY}/data/brain1_image.nrrd`]);
  assert.equal(r.code, 2);
});

test('DICOM series + RTSTRUCT input gives the PyRadiomics values of the NIfTI CT phantom', async () => {
  const D = shared('reference/radiomics/ibsi/ibsi1/ct_phantom/dicom');
  const r = await runDlrn(['extract', '--image', `${D}/image`, '--mask', `${D}/mask/DCM_RS_00060.dcm`, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const o = JSON.parse(r.stdout);
  const ref = new Map(readCsv(`${PY}/generated/ibsi_ct_default_original.csv`).rows.map(([k, v]) => [k, v]));
  assert.equal(o['diagnostics_Mask-original_VoxelNum'], Number(ref.get('diagnostics_Mask-original_VoxelNum')));
  for (const n of ['original_firstorder_Mean', 'original_glszm_ZoneEntropy', 'original_shape_MeshVolume']) {
    const v = Number(ref.get(n));
    assert.ok(Math.abs(o[n] - v) <= 1e-6 * Math.abs(v), `${n}: ${o[n]} vs ${v}`);
  }
});
