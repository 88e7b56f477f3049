// End-to-end: `dlrn synth` from the sources (tsx), small cohorts at a small matrix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runDlrn } from '../helpers/cli.js';
import { readManifest } from '../../src/table/manifest.js';
import { readImage } from '../../src/io/index.js';

const root = mkdtempSync(join(tmpdir(), 'dlrn-synth-e2e-'));
process.on('exit', () => rmSync(root, { recursive: true, force: true }));

const base = ['synth', '--preset', 'small', '--n-centre1', '3', '--n-centre2', '2', '--cvt-centre1', '1', '--cvt-centre2', '1', '--matrix', '64'];

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => { for (const e of readdirSync(d)) { const p = join(d, e); if (statSync(p).isDirectory()) walk(p); else out.push(relative(dir, p)); } };
  walk(dir);
  return out.sort();
}

test('dlrn synth writes images, masks, manifest, hidden parameters and previews; same seed → byte-identical files whatever --jobs', async () => {
  const a = join(root, 'a'), b = join(root, 'b'), c = join(root, 'c');
  const ra = await runDlrn([...base, '--out', a, '--seed', '5', '--preview', '--jobs', '2']);
  assert.equal(ra.code, 0, ra.stderr);
  assert.match(ra.stdout, /centre 1: 3 patients, 1 CVT/);
  assert.match(ra.stdout, /centre 2: 2 patients, 1 CVT/);
  const rb = await runDlrn([...base, '--out', b, '--seed', '5', '--preview', '--jobs', '1']);
  assert.equal(rb.code, 0, rb.stderr);
  const fa = files(a);
  assert.deepEqual(fa, files(b));
  assert.deepEqual(fa, [
    'hidden-parameters.json',
    'images/C1-001.nii.gz', 'images/C1-002.nii.gz', 'images/C1-003.nii.gz', 'images/C2-001.nii.gz', 'images/C2-002.nii.gz',
    'manifest.csv',
    'masks/C1-001.nii.gz', 'masks/C1-002.nii.gz', 'masks/C1-003.nii.gz', 'masks/C2-001.nii.gz', 'masks/C2-002.nii.gz',
    'preview-cvt.png', 'preview-hypertensive.png',
  ]);
  for (const f of fa) assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), `${f} differs between runs`);
  const rc = await runDlrn([...base, '--out', c, '--seed', '6', '--json']);
  assert.equal(rc.code, 0, rc.stderr);
  const summary = JSON.parse(rc.stdout);
  assert.deepEqual([summary.centre1.patients, summary.centre2.cvt, summary.seed], [3, 1, 6]);
  assert.ok(!readFileSync(join(a, 'images/C1-001.nii.gz')).equals(readFileSync(join(c, 'images/C1-001.nii.gz'))));
  // PNG signature
  assert.deepEqual([...readFileSync(join(a, 'preview-cvt.png')).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
});

test('the manifest reads as a study manifest; images are int16 HU and masks 0/1 on the same grid', async () => {
  const a = join(root, 'a');
  const text = readFileSync(join(a, 'manifest.csv'), 'utf8');
  assert.equal(text.split('\n')[0], 'id,image,mask,label,centre,age,female,epilepsy,headache,hypertension,oc_pregnancy,gcs');
  const m = readManifest(join(a, 'manifest.csv'));
  assert.equal(m.cases.length, 5);
  assert.equal(m.maskLabelColumn, null, '`label` is the outcome, not the mask label');
  assert.deepEqual(m.cases.map((c) => c.row.label).sort(), ['0', '0', '0', '1', '1']);
  assert.deepEqual(m.cases.map((c) => c.row.centre), ['1', '1', '1', '2', '2']);
  const hidden = JSON.parse(readFileSync(join(a, 'hidden-parameters.json'), 'utf8'));
  for (const c of m.cases) {
    const img = await readImage(c.image);
    const mask = await readImage(c.mask);
    assert.ok(img.data instanceof Int16Array);
    assert.ok(mask.data instanceof Uint8Array);
    assert.deepEqual(img.size, mask.size);
    assert.equal(img.size[0], 64);
    const h = hidden.cases.find((x: { id: string }) => x.id === c.id);
    assert.ok(Math.abs(img.spacing[0] - h.scanner.fov / 64) < 1e-4, 'pixel = FOV / matrix');
    assert.ok(Math.abs(img.spacing[2] - h.scanner.sliceThickness) < 1e-4);
    let n = 0, min = Infinity, max = -Infinity;
    for (let i = 0; i < mask.data.length; i++) { assert.ok(mask.data[i] <= 1); n += mask.data[i]; }
    for (const v of img.data) { min = Math.min(min, v); max = Math.max(max, v); }
    assert.equal(n, h.measured.maskVoxels);
    assert.equal(h.label, Number(c.row.label));
    assert.ok(min >= -1024 && min <= -995 && max > 700, `HU range ${min}..${max}`);
  }
});

test('bad options exit with code 2 and say what is wrong', async () => {
  const r1 = await runDlrn(['synth', '--out', join(root, 'x'), '--matrix', '10']);
  assert.equal(r1.code, 2);
  assert.match(r1.stderr, /matrix/);
  const r2 = await runDlrn(['synth', '--preset', 'small']);
  assert.equal(r2.code, 2);
  assert.match(r2.stderr, /--out is required/);
  const r3 = await runDlrn(['synth', '--help']);
  assert.equal(r3.code, 0);
  assert.match(r3.stdout, /--n-centre1/);
});
