// `dlrn predict` (issue 7, acceptance 4): on a training patient it reproduces the probability the study computed
// for that patient (from the image and mask files, with the bundle's settings); it prints the risk class and the
// points per nomogram item; a bundle of another format version or a corrupted bundle is refused with a
// BundleError; missing clinical variables are an error listing what is needed.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDlrn } from '../helpers/cli.js';
import { BundleError } from '../../src/core/errors.js';
import { loadStudyConfig, predictPatient, readBundle, runStudy } from '../../src/study/index.js';
import { readCsv } from '../../src/table/csv.js';
import { phantomConfig, writePhantomCohort, type PhantomCase } from '../unit/study/helpers/phantom-cohort.js';

let dir = '';
let bundle = '';
let cases: PhantomCase[] = [];
let predictions: Map<string, { cohort: string; p: number }>;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dlrn-predict-e2e-'));
  cases = (await writePhantomCohort(dir, { nCentre1: 32, nCentre2: 20, seed: 3, signal: 0.7, clinicalSignal: 1.4, size: 20, slices: 5 })).cases;
  writeFileSync(join(dir, 'study.yaml'), phantomConfig());
  await runStudy(loadStudyConfig(join(dir, 'study.yaml')), { outDir: join(dir, 'out') });
  bundle = join(dir, 'out', 'model.dlrn.json');
  const t = readCsv(join(dir, 'out', 'tables', 'predictions.csv'));
  const iP = t.header.indexOf('p_dlrn');
  predictions = new Map(t.rows.map((r) => [r[0], { cohort: r[1], p: Number(r[iP]) }]));
});

const files = (id: string) => ['--image', join(dir, 'images', `${id}.nii.gz`), '--mask', join(dir, 'images', `${id}_mask.nii.gz`)];

test('a training patient gets the probability the study computed for it (JSON), and the nomogram points', async () => {
  const c = cases.find((x) => x.id === 'C1_002')!;
  assert.equal(predictions.get(c.id)!.cohort, 'training');
  const r = await runDlrn(['predict', '--model', bundle, ...files(c.id), '--clinical', `epilepsy=${c.epilepsy}`, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.probability, predictions.get(c.id)!.p);
  assert.deepEqual(Object.keys(out.points), ['dlr_signature', 'epilepsy']);
  assert.ok(Math.abs(out.points.dlr_signature + out.points.epilepsy - out.total_points) < 1e-12);
  assert.equal(out.risk_class, out.probability >= out.threshold ? 'high' : 'low');
  assert.equal(out.values.epilepsy, c.epilepsy);
  const results = JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8'));
  assert.equal(out.threshold, results.models.dlrn.threshold);
});

test('an external-test patient too, and the text output names the class, the threshold and the points', async () => {
  const c = cases.find((x) => x.centre === 2 && x.label === 1)!;
  const r = await runDlrn(['predict', '--model', bundle, ...files(c.id), '--clinical', `epilepsy=${c.epilepsy}`]);
  assert.equal(r.code, 0, r.stderr);
  const p = predictions.get(c.id)!.p;
  assert.match(r.stdout, new RegExp(`probability of label = 1: ${p.toFixed(3)}`));
  assert.match(r.stdout, /risk class: (high|low) \(threshold 0\.\d+, Youden on the training cohort\)/);
  assert.match(r.stdout, /nomogram points: DLR signature \d+\.\d, epilepsy \d+\.\d; total \d+\.\d/);
});

test('missing or unknown clinical variables are an error listing what the model needs', async () => {
  const r = await runDlrn(['predict', '--model', bundle, ...files('C1_001')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /missing clinical variable\(s\): epilepsy/);
  assert.match(r.stderr, /--clinical NAME=VALUE for each of epilepsy \(binary: 0\|1\)/);
  // (in-process: the check comes before any extraction)
  await assert.rejects(
    predictPatient(readBundle(bundle), { image: 'unused', mask: 'unused', clinical: { epilepsy: '1', age: '50' } }),
    /unknown clinical variable\(s\): age/,
  );
  await assert.rejects(predictPatient(readBundle(bundle), { image: 'unused', mask: 'unused', clinical: { epilepsy: 'yes' } }), /epilepsy.*not binary/);
});

test('a corrupted bundle, a bundle of another version and a truncated bundle are refused', async () => {
  const text = readFileSync(bundle, 'utf8');
  const b = JSON.parse(text);
  const tampered = join(dir, 'tampered.json');
  b.content.threshold = b.content.threshold / 2;
  writeFileSync(tampered, JSON.stringify(b));
  const args = (m: string) => ['predict', '--model', m, ...files('C1_001'), '--clinical', 'epilepsy=0'];
  let r = await runDlrn(args(tampered));
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\[E_BUNDLE\] .*corrupted: its content does not match its SHA-256/);
  const newer = join(dir, 'newer.json');
  writeFileSync(newer, text.replace('"format_version":1', '"format_version":2'));
  r = await runDlrn(args(newer));
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\[E_BUNDLE\] .*unsupported format version/);
  const cut = join(dir, 'cut.json');
  writeFileSync(cut, text.slice(0, 1000));
  assert.throws(() => readBundle(cut), (e: unknown) => e instanceof BundleError && /not valid JSON/.test(e.message));
});
