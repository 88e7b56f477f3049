// Runs `dlrn info` from the sources on the bundled demo case (assets/demo) and on ../shared DICOM data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runDlrn } from '../helpers/cli.js';
import { REPO_ROOT, shared } from '../helpers/paths.js';

const CT = join(REPO_ROOT, 'assets', 'demo', 'STS_019_ct.nii.gz');
const MASK = join(REPO_ROOT, 'assets', 'demo', 'STS_019_mask.nii.gz');

test('dlrn info --json on the demo CT: documented fields with the geometry PyRadiomics/ITK report', async () => {
  const r = await runDlrn(['info', CT, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const d = JSON.parse(r.stdout);
  assert.equal(d.format, 'NIfTI-1');
  assert.equal(d.compressed, true);
  assert.deepEqual(d.size, [54, 52, 23]);
  // diagnostics_Image-original_Spacing of PyRadiomics for STS_019 (generated/sts/STS_019_default_original.csv)
  assert.deepEqual(d.spacing, [0.9765620231628418, 0.9765620231628418, 3.2699999809265137]);
  assert.equal(d.direction.length, 9);
  assert.equal(d.origin.length, 3);
  assert.equal(d.dataType, 'float32');
  assert.equal(d.min, -1000);
  assert.equal(d.max, 1280); // crop_log.csv ct_max of STS_019
  assert.equal(d.isMask, false);
  assert.equal(d.labels, undefined);
});

test('dlrn info on the demo mask lists its label and voxel count', async () => {
  const r = await runDlrn(['info', MASK, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const d = JSON.parse(r.stdout);
  assert.equal(d.isMask, true);
  assert.deepEqual(d.labels, [{ value: 1, voxels: 5564 }]); // crop_log.csv mask_voxels of STS_019
  assert.equal(d.backgroundVoxels, 54 * 52 * 23 - 5564);
  const text = await runDlrn(['info', MASK]);
  assert.match(text.stdout, /label 1: 5564 voxels/);
  assert.match(text.stdout, /Size:\s+54 × 52 × 23 voxels/);
});

test('dlrn info --mask forces label counts on an image', async () => {
  const r = await runDlrn(['info', CT, '--json', '--mask']);
  const d = JSON.parse(r.stdout);
  assert.equal(d.isMask, true);
  assert.ok(d.labels.length > 16);
});

test('dlrn info on a DICOM folder and on an RTSTRUCT (reads ../shared)', async () => {
  const r = await runDlrn(['info', shared('reference', 'radiomics', 'ibsi', 'ibsi1', 'ct_phantom', 'dicom', 'image'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  const d = JSON.parse(r.stdout);
  assert.equal(d.format, 'DICOM');
  assert.deepEqual(d.size, [204, 201, 60]);
  assert.equal(d.details.slices, 60);
  assert.equal(d.min, -1000);
  assert.equal(d.max, 3065);
  const rs = await runDlrn(['info', shared('reference', 'radiomics', 'ibsi', 'ibsi1', 'ct_phantom', 'dicom', 'mask', 'DCM_RS_00060.dcm')]);
  assert.match(rs.stdout, /DICOM RTSTRUCT/);
  assert.match(rs.stdout, /"GTV-1" \(26 contours\)/);
});

test('dlrn info errors: exit code 2 with the typed error naming the file; bad usage', async () => {
  const r = await runDlrn(['info', 'no/such/file.nii.gz']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /E_NOT_FOUND/);
  assert.match(r.stderr, /no\/such\/file\.nii\.gz/);
  const u = await runDlrn(['info']);
  assert.equal(u.code, 2);
  assert.match(u.stderr, /exactly one file/);
  const h = await runDlrn(['info', '--help']);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /--series-uid/);
});
