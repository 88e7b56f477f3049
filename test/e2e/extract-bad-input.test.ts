// Bad input for `dlrn extract`: every case must end in a clear typed error (exit 2 for one case, an error row in a
// batch), or in values with a diagnostics_ reason where PyRadiomics defines none. Images are made here.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeImage } from '../../src/io/index.js';
import { makeVolume } from '../../src/core/volume.js';
import { runDlrn } from '../helpers/cli.js';
import { readCsv } from '../../src/table/csv.js';

const dir = mkdtempSync(join(tmpdir(), 'dlrn-extract-bad-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const size = [8, 8, 6] as const;
const geom = { size, spacing: [1, 1, 2], origin: [0, 0, 0] };
const n = size[0] * size[1] * size[2];
const at = (i: number, j: number, k: number) => i + size[0] * (j + size[1] * k);

async function write(name: string, v: Parameters<typeof writeImage>[1]): Promise<string> {
  const p = join(dir, name);
  await writeImage(p, v);
  return p;
}

const ramp = Float32Array.from({ length: n }, (_, p) => (p * 37) % 200 - 50);
const image = await write('image.nii.gz', makeVolume(geom, ramp));
const cube = new Uint8Array(n);
for (let k = 1; k < 5; k++) for (let j = 2; j < 6; j++) for (let i = 2; i < 6; i++) cube[at(i, j, k)] = 1;
const goodMask = await write('mask.nii.gz', makeVolume(geom, cube));
const emptyMask = await write('empty.nii.gz', makeVolume(geom, new Uint8Array(n)));
const one = new Uint8Array(n);
one[at(3, 3, 3)] = 1;
const oneVoxel = await write('one.nii.gz', makeVolume(geom, one));
const flatImage = await write('flat.nii.gz', makeVolume(geom, new Float32Array(n).fill(40)));
const nanData = ramp.slice();
nanData[at(3, 3, 2)] = NaN;
const nanImage = await write('nan.nii.gz', makeVolume(geom, nanData));
const otherGrid = await write('other-grid.nii.gz', makeVolume({ size, spacing: [1, 1, 2.5], origin: [0, 0, 0] }, cube));

async function extractError(img: string, mask: string, extra: string[] = []): Promise<string> {
  const r = await runDlrn(['extract', '--image', img, '--mask', mask, ...extra]);
  assert.equal(r.code, 2, `expected a clean error, got code ${r.code}: ${r.stdout.slice(0, 200)} ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace'); // a typed error, not a crash
  return r.stderr;
}

test('empty mask', async () => {
  assert.match(await extractError(image, emptyMask), /E_MASK.*(empty|not present)/);
});

test('one-voxel mask', async () => {
  assert.match(await extractError(image, oneVoxel), /E_MASK.*single voxel/);
});

test('label absent from the mask names the labels present', async () => {
  assert.match(await extractError(image, goodMask, ['--label', '2']), /E_MASK.*label 2.*labels 1/);
});

test('NaN voxels inside the ROI', async () => {
  assert.match(await extractError(nanImage, goodMask), /E_INVALID_INPUT.*NaN/);
});

test('mask on another grid', async () => {
  assert.match(await extractError(image, otherGrid), /E_GEOMETRY_MISMATCH.*spacing/);
});

test('flat ROI: PyRadiomics conventions, and NaN features (IBSI mode) get a diagnostics reason', async () => {
  const r = await runDlrn(['extract', '--image', flatImage, '--mask', goodMask, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const o = JSON.parse(r.stdout);
  assert.equal(o.original_firstorder_Variance, 0);
  assert.equal(o.original_firstorder_Skewness, 0); // PyRadiomics returns 0 for a flat region
  assert.equal(o.original_glcm_Correlation, 1); // PyRadiomics' value for a flat region
  const ib = await runDlrn(['extract', '--image', flatImage, '--mask', goodMask, '--json', '--mode', 'ibsi', '--ibsi-config', 'none']);
  assert.equal(ib.code, 0, ib.stderr);
  const b = JSON.parse(ib.stdout);
  assert.equal(b.cm_corr_3D_avg, null); // undefined for one grey level: NaN, written as null in JSON
  assert.match(b.diagnostics_dlrn_NaNFeatures, /cm_corr_3D_avg.*one grey level/);
});

test('in a batch, each bad case becomes an error row and the good one is extracted', async () => {
  const m = join(dir, 'cases.csv');
  writeFileSync(m, ['id,image,mask', `good,image.nii.gz,mask.nii.gz`, `empty,image.nii.gz,empty.nii.gz`, `one,image.nii.gz,one.nii.gz`,
    `nan,nan.nii.gz,mask.nii.gz`, `grid,image.nii.gz,other-grid.nii.gz`].join('\n') + '\n');
  const out = join(dir, 'out.csv');
  const r = await runDlrn(['extract', '--manifest', m, '--out', out, '--quiet']);
  assert.equal(r.code, 1);
  const t = readCsv(out);
  const err = t.header.indexOf('error');
  assert.equal(t.rows[0][err], '');
  assert.deepEqual(t.rows.slice(1).map((x) => x[err].split(':')[0]), ['E_MASK', 'E_MASK', 'E_INVALID_INPUT', 'E_GEOMETRY_MISMATCH']);
});

test('geometryTolerance of a parameter file relaxes the grid comparison, as in PyRadiomics', async () => {
  const shifted = await write('shifted.nii.gz', makeVolume({ size, spacing: [1, 1, 2], origin: [0.0005, 0, 0] }, cube));
  assert.match(await extractError(image, shifted), /E_GEOMETRY_MISMATCH.*origin/);
  const params = join(dir, 'tolerant.yaml');
  writeFileSync(params, 'setting:\n  geometryTolerance: 0.001\n');
  const r = await runDlrn(['extract', '--image', image, '--mask', shifted, '--params', params, '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout)['diagnostics_Mask-original_VoxelNum'], 64);
});
