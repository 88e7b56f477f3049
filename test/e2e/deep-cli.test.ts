// Reads real CT cases from ../shared/data/sts-ct-cohort (CC BY 3.0) and runs the shipped backbone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDlrn } from '../helpers/cli.js';
import { shared } from '../helpers/paths.js';
import { parseCsv } from '../../src/table/csv.js';

const dir = mkdtempSync(join(tmpdir(), 'dlrn-deep-e2e-'));
const ids = ['STS_001', 'STS_005', 'STS_012', 'STS_019', 'STS_031'];
const manifest = join(dir, 'cases.csv');
writeFileSync(manifest, 'id,image,mask\n' + ids.map((id) => `${id},${shared('data/sts-ct-cohort/cases', id, 'CT_image.nii.gz')},${shared('data/sts-ct-cohort/cases', id, 'CT_mask.nii.gz')}`).join('\n') + '\n');

test('dlrn deep: 1280 finite features per real case, identical across runs and --jobs 1 / 2', async () => {
  const outs = ['a.csv', 'b.csv', 'c.csv'].map((f) => join(dir, f));
  const r1 = await runDlrn(['deep', '--manifest', manifest, '--out', outs[0], '--jobs', '1']);
  assert.equal(r1.code, 0, r1.stderr);
  const r2 = await runDlrn(['deep', '--manifest', manifest, '--out', outs[1], '--jobs', '1']);
  assert.equal(r2.code, 0, r2.stderr);
  const r3 = await runDlrn(['deep', '--manifest', manifest, '--out', outs[2], '--jobs', '2']);
  assert.equal(r3.code, 0, r3.stderr);
  const [a, b, c] = outs.map((f) => readFileSync(f, 'utf8'));
  assert.equal(a, b, 'two runs differ');
  assert.equal(a, c, '--jobs 1 and --jobs 2 differ');
  const t = parseCsv(a);
  assert.equal(t.header.length, 1 + 1280);
  assert.equal(t.header[1], 'dl_mobilenetv2_0');
  assert.deepEqual(t.rows.map((r) => r[0]), ids);
  for (const r of t.rows) {
    const v = r.slice(1).map(Number);
    assert.ok(v.every(Number.isFinite));
    assert.ok(v.some((x) => x > 0));
  }
  // Different lesions give different embeddings.
  assert.notDeepEqual(t.rows[0].slice(1), t.rows[1].slice(1));
});

test('dlrn deep: a failing case gets an error row, the others go on; JSON has id + dl_ columns', async () => {
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, readFileSync(manifest, 'utf8').trimEnd() + `\nmissing,${join(dir, 'nope.nii.gz')},${join(dir, 'nope.nii.gz')}\n`);
  const out = join(dir, 'bad-out.json');
  const r = await runDlrn(['deep', '--manifest', bad, '--json', '--out', out, '--jobs', '2', '--mode', '2.5d']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /missing failed/);
  const arr = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>[];
  assert.equal(arr.length, 6);
  assert.equal(arr[0].id, 'STS_001');
  assert.equal(Object.keys(arr[0]).filter((k) => k.startsWith('dl_mobilenetv2_')).length, 1280);
  assert.match(String(arr[5].error), /no such file/);
});

test('dlrn deep: bad options are clear errors', async () => {
  const r = await runDlrn(['deep', '--image', 'x.nii.gz']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /needs --image and --mask/);
  const r2 = await runDlrn(['deep', '--manifest', manifest, '--model', join(dir, 'cases.csv')]);
  assert.equal(r2.code, 2);
  assert.match(r2.stderr, /not an ONNX model/);
});
