// Reads ../shared (reference/radiomics and data/sts-ct-cohort): every image and mask is read with the
// geometry and voxels ITK reports, as recorded by PyRadiomics (SimpleITK/ITK) in its diagnostics rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readImage, readMask } from '../../src/io/index.js';
import { readCsv, type CsvTable } from '../../src/table/csv.js';
import { boundingBox, dice, maskVoxelCount, type Mask } from '../../src/core/mask.js';
import { indexToPhysical, sameGeometry } from '../../src/core/geometry.js';
import type { Volume } from '../../src/core/volume.js';
import { shared } from '../helpers/paths.js';

const R = (...p: string[]): string => shared('reference', 'radiomics', ...p);
const PYR = (...p: string[]): string => R('pyradiomics', ...p);

/** `diagnostics_*` rows of a PyRadiomics output column. */
type Diagnostics = Map<string, string>;

function generated(file: string): Diagnostics {
  const t = readCsv(file);
  return new Map(t.rows.map((r) => [r[0], r[1]]));
}

function baselineColumn(t: CsvTable, column: string): Diagnostics {
  const c = t.header.indexOf(column);
  assert.ok(c > 0, `column ${column}`);
  return new Map(t.rows.map((r) => [r[0], r[c]]));
}

const tuple = (s: string | undefined): number[] => {
  assert.ok(s, 'diagnostic present');
  return s.replace(/[()\s]/g, '').split(',').map(Number);
};
const sha1 = (a: ArrayBufferView): string => createHash('sha1').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex');

function relClose(actual: readonly number[], expected: readonly number[], rel: number, what: string): void {
  assert.equal(actual.length, expected.length, what);
  actual.forEach((a, i) => assert.ok(Math.abs(a - expected[i]) <= rel * Math.max(1, Math.abs(expected[i])), `${what}[${i}]: ${a} vs ${expected[i]}`));
}

/** Image checks: PyRadiomics' hash is SHA-1 of the voxel array in the type SimpleITK read. */
function checkImage(v: Volume, d: Diagnostics, name: string): void {
  assert.equal(sha1(v.data), d.get('diagnostics_Image-original_Hash'), `${name} image voxels (hash)`);
  assert.deepEqual([...v.size], tuple(d.get('diagnostics_Image-original_Size')), `${name} size`);
  relClose(v.spacing, tuple(d.get('diagnostics_Image-original_Spacing')), 1e-15, `${name} spacing`);
  if (d.get('diagnostics_Image-original_Minimum')) {
    let min = Infinity, max = -Infinity;
    for (const x of v.data) { if (x < min) min = x; if (x > max) max = x; }
    assert.equal(min, Number(d.get('diagnostics_Image-original_Minimum')));
    assert.equal(max, Number(d.get('diagnostics_Image-original_Maximum')));
  }
}

/**
 * Mask checks: hash of the label map cast to 32-bit integers (PyRadiomics casts masks), size, spacing,
 * voxel count, bounding box, centre of mass in index space and — through our geometry — in LPS space.
 */
function checkMask(labelMap: Volume, mask: Mask, d: Diagnostics, name: string): void {
  assert.equal(sha1(Int32Array.from(labelMap.data)), d.get('diagnostics_Mask-original_Hash'), `${name} mask voxels (hash)`);
  assert.deepEqual([...mask.size], tuple(d.get('diagnostics_Mask-original_Size')), `${name} mask size`);
  relClose(mask.spacing, tuple(d.get('diagnostics_Mask-original_Spacing')), 1e-15, `${name} mask spacing`);
  assert.equal(maskVoxelCount(mask), Number(d.get('diagnostics_Mask-original_VoxelNum')), `${name} voxel count`);
  const bb = boundingBox(mask);
  assert.deepEqual([...bb.lo, bb.hi[0] - bb.lo[0] + 1, bb.hi[1] - bb.lo[1] + 1, bb.hi[2] - bb.lo[2] + 1], tuple(d.get('diagnostics_Mask-original_BoundingBox')), `${name} bounding box`);
  const [nx, ny] = mask.size;
  const com = [0, 0, 0];
  let n = 0;
  mask.data.forEach((x, p) => {
    if (!x) return;
    com[0] += p % nx; com[1] += Math.floor(p / nx) % ny; com[2] += Math.floor(p / (nx * ny)); n++;
  });
  const comIndex = com.map((c) => c / n) as [number, number, number];
  relClose(comIndex, tuple(d.get('diagnostics_Mask-original_CenterOfMassIndex')), 1e-12, `${name} centre of mass (index)`);
  // the physical centre of mass checks origin, direction and spacing together (ITK TransformContinuousIndexToPhysicalPoint)
  const phys = indexToPhysical(mask, tuple(d.get('diagnostics_Mask-original_CenterOfMassIndex')) as unknown as [number, number, number]);
  relClose(phys, tuple(d.get('diagnostics_Mask-original_CenterOfMass')), 1e-9, `${name} centre of mass (LPS mm)`);
}

const CASES: { name: string; image: string; mask: string; csv: string }[] = [
  { name: 'brain1', image: PYR('data', 'brain1_image.nrrd'), mask: PYR('data', 'brain1_label.nrrd'), csv: PYR('generated', 'brain1_default_original.csv') },
  { name: 'breast1', image: PYR('data', 'breast1_image.nrrd'), mask: PYR('data', 'breast1_label.nrrd'), csv: PYR('generated', 'breast1_default_original.csv') },
  { name: 'prostate', image: PYR('data', 'prostate_phantom_subvolume.nrrd'), mask: PYR('data', 'prostate_phantom_subvolume-label.nrrd'), csv: PYR('generated', 'prostate_default_original.csv') },
  { name: 'ibsi_ct', image: R('ibsi', 'ibsi1', 'ct_phantom', 'nifti', 'image.nii.gz'), mask: R('ibsi', 'ibsi1', 'ct_phantom', 'nifti', 'mask.nii.gz'), csv: PYR('generated', 'ibsi_ct_default_original.csv') },
  { name: 'ibsi_digital', image: R('ibsi', 'ibsi1', 'digital_phantom', 'image.nii.gz'), mask: R('ibsi', 'ibsi1', 'digital_phantom', 'mask.nii.gz'), csv: PYR('generated', 'ibsi_digital_default_original.csv') },
];

for (const c of CASES) {
  test(`${c.name}: image and mask as PyRadiomics/ITK read them (voxel hashes, size, spacing, bounding box, centre of mass)`, async () => {
    const d = generated(c.csv);
    const image = await readImage(c.image);
    checkImage(image, d, c.name);
    const { labelMap, mask } = await readMask(c.mask, { like: image });
    checkMask(labelMap, mask, d, c.name);
  });
}

test('PyRadiomics upstream baselines (brain1, breast1, and the lung1/lung2 label maps)', async () => {
  const t = readCsv(PYR('baseline', 'baseline_shape.csv'));
  for (const [name, file] of [['brain1', 'brain1_label.nrrd'], ['breast1', 'breast1_label.nrrd'], ['lung1', 'lung1_label.nrrd'], ['lung2', 'lung2_label.nrrd']]) {
    const d = baselineColumn(t, `${name}_resampling`);
    const { labelMap, mask } = await readMask(PYR('data', file));
    checkMask(labelMap, mask, d, name);
  }
});

test('NRRD header facts: LPS origin and directions exactly as written in the headers', async () => {
  const brain = await readImage(PYR('data', 'brain1_image.nrrd'));
  assert.deepEqual([...brain.origin], [-99.609374999999986, 99.609374999999986, -77.999999999999957]);
  assert.deepEqual([...brain.direction], [1, 0, 0, 0, -1, 0, 0, 0, 1]);
  assert.deepEqual([...brain.spacing], [0.78124999999999989, 0.78124999999999989, 6.4999999999999982]);
  assert.ok(brain.data instanceof Int16Array);
  const prostate = await readImage(PYR('data', 'prostate_phantom_subvolume.nrrd'));
  assert.deepEqual([...prostate.direction], [-1, 0, 0, 0, -1, 0, 0, 0, 1]);
  assert.deepEqual([...prostate.origin], [15.683382511138916, 76.535760879516602, -52.776130676269538]);
  assert.ok(prostate.data instanceof Uint16Array);
  const lung = await readImage(PYR('data', 'lung2_label.nrrd'));
  assert.deepEqual([...lung.size], [512, 512, 61]);
  assert.deepEqual([...lung.origin], [-170.5, -324.5, -359.99999999999989]);
});

test('IBSI 2 phantoms and response maps: sizes and 2 mm spacing of the README; quaternion (0,0,1) is the LPS identity at origin 0', async () => {
  const base = R('ibsi', 'ibsi2');
  let n = 0;
  for (const name of readdirSync(`${base}/digital_phantoms`)) {
    for (const f of readdirSync(`${base}/digital_phantoms/${name}`)) {
      const v = await readImage(`${base}/digital_phantoms/${name}/${f}`);
      assert.deepEqual([...v.size], name === 'orientation' ? [32, 48, 64] : [64, 64, 64], `${name}/${f}`);
      assert.deepEqual([...v.spacing], [2, 2, 2]);
      assert.deepEqual([...v.origin], [0, 0, 0]);
      assert.deepEqual([...v.direction], [1, 0, 0, 0, 1, 0, 0, 0, 1]);
      assert.ok(v.data instanceof Uint8Array);
      n++;
    }
  }
  for (const f of readdirSync(`${base}/reference_response_maps`)) {
    const v = await readImage(`${base}/reference_response_maps/${f}`);
    assert.deepEqual([...v.size], [64, 64, 64], f);
    assert.ok(v.data instanceof Float32Array);
    n++;
  }
  assert.ok(n >= 40, `${n} files`);
});

test('IBSI CT phantom: the DICOM series and the NIfTI give the same geometry and voxel values', async () => {
  const dcm = await readImage(R('ibsi', 'ibsi1', 'ct_phantom', 'dicom', 'image'));
  const nii = await readImage(R('ibsi', 'ibsi1', 'ct_phantom', 'nifti', 'image.nii.gz'));
  assert.deepEqual([...dcm.size], [204, 201, 60]);
  assert.ok(sameGeometry(dcm, nii, 1e-6), `DICOM ${JSON.stringify([dcm.spacing, dcm.origin, dcm.direction])} vs NIfTI ${JSON.stringify([nii.spacing, nii.origin, nii.direction])}`);
  assert.ok(dcm.data instanceof Int16Array, 'GDCM best fit of 12-bit unsigned − 1000 is int16');
  let maxDiff = 0;
  for (let i = 0; i < dcm.data.length; i++) maxDiff = Math.max(maxDiff, Math.abs(dcm.data[i] - nii.data[i]));
  assert.equal(maxDiff, 0);
});

test('IBSI CT phantom: RTSTRUCT ROI "GTV-1" rasterised on the DICOM grid agrees with the NIfTI mask (Dice ≥ 0.98)', async () => {
  const dcm = await readImage(R('ibsi', 'ibsi1', 'ct_phantom', 'dicom', 'image'));
  const rs = await readMask(R('ibsi', 'ibsi1', 'ct_phantom', 'dicom', 'mask', 'DCM_RS_00060.dcm'), { like: dcm, roiName: 'GTV-1' });
  const nii = await readMask(R('ibsi', 'ibsi1', 'ct_phantom', 'nifti', 'mask.nii.gz'));
  const dc = dice(rs.mask, nii.mask); // dice() also checks that both masks share the grid
  console.log(`RTSTRUCT "GTV-1" vs NIfTI mask: Dice = ${dc.toFixed(6)} (${maskVoxelCount(rs.mask)} vs ${maskVoxelCount(nii.mask)} voxels)`);
  assert.ok(sameGeometry(dcm, nii.mask, 1e-6));
  assert.ok(dc >= 0.98, `Dice ${dc}`);
  assert.equal(maskVoxelCount(rs.mask), Number(generated(PYR('generated', 'ibsi_ct_default_original.csv')).get('diagnostics_Mask-original_VoxelNum')));
});

test('real CT cohort (24 STS cases): every image and mask as PyRadiomics/ITK read them', async () => {
  const dir = shared('data', 'sts-ct-cohort', 'cases');
  const ids = readdirSync(dir).sort();
  assert.equal(ids.length, 24);
  for (const id of ids) {
    const d = generated(PYR('generated', 'sts', `${id}_default_original.csv`));
    const image = await readImage(`${dir}/${id}/CT_image.nii.gz`);
    checkImage(image, d, id);
    const { labelMap, mask } = await readMask(`${dir}/${id}/CT_mask.nii.gz`, { like: image });
    checkMask(labelMap, mask, d, id);
  }
});
