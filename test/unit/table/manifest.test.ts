import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readManifest } from '../../../src/table/manifest.js';
import { InvalidInputError } from '../../../src/core/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'dlrn-manifest-'));
function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

test('extraction manifest: label is the mask label; paths resolve from the manifest folder', () => {
  const m = readManifest(write('a.csv', 'id,image,mask,label\nc1,img/a.nii.gz,/abs/m.nii.gz,2\nc2,b.nrrd,bm.nrrd,\n'));
  assert.equal(m.maskLabelColumn, 'label');
  assert.deepEqual(m.cases.map((c) => [c.id, c.maskLabel]), [['c1', 2], ['c2', 1]]);
  assert.equal(m.cases[0].image, join(dir, 'img/a.nii.gz'));
  assert.equal(m.cases[0].mask, '/abs/m.nii.gz');
});

test('study manifest: label is the outcome, mask label defaults to 1', () => {
  const m = readManifest(write('s.csv', 'id,image,mask,label,centre,age\np1,i.nii.gz,m.nii.gz,0,1,70\n'));
  assert.equal(m.maskLabelColumn, null);
  assert.equal(m.cases[0].maskLabel, 1);
  assert.equal(m.cases[0].row.centre, '1');
});

test('PyRadiomics headers and ids from file names, made unique', () => {
  const m = readManifest(write('p.csv', 'Image,Mask,Label\nx/case.nii.gz,m1.nrrd,3\ny/case.nii.gz,m2.nrrd,3\n'));
  assert.deepEqual(m.cases.map((c) => [c.id, c.maskLabel]), [['case', 3], ['case_2', 3]]);
});

test('bad manifests are clear errors', () => {
  assert.throws(() => readManifest(write('b.csv', 'id,img,msk\n1,a,b\n')), (e: unknown) => e instanceof InvalidInputError && /image\/mask columns/.test((e as Error).message));
  assert.throws(() => readManifest(write('c.csv', 'id,image,mask,label\n1,a,b,x\n')), /not an integer/);
  assert.throws(() => readManifest(write('d.csv', 'id,image,mask\n1,,b\n')), /empty image or mask/);
  assert.throws(() => readManifest(write('e.csv', 'id,image,mask\n')), /no cases/);
});
