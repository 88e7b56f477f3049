// Reads ../shared/reference/radiomics (IBSI digital phantom, brain1). Checks the bundled CLI that `npm run build`
// writes (dist/cli/run.cjs, dist/bundles/, worker entries, see src/cli/build-bundle.mjs) against the sources:
// same output, and the batch workers start from the bundle. Skipped when dist/ is missing or older
// than the sources (run `npm run build`; `npm test` always builds first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runDlrn, type CliResult } from '../helpers/cli.js';
import { REPO_ROOT, shared } from '../helpers/paths.js';

const BUNDLE = join(REPO_ROOT, 'dist/cli/run.cjs');

function newestSource(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newestSource(p) : s.mtimeMs);
  }
  return t;
}

const skip = !existsSync(BUNDLE) ? 'dist/ is not built' : statSync(BUNDLE).mtimeMs < newestSource(join(REPO_ROOT, 'src')) ? 'dist/ is older than src/ (run npm run build)' : false;

function runBundle(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUNDLE, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const PY = shared('reference/radiomics/pyradiomics/data');
const DP = shared('reference/radiomics/ibsi/ibsi1/digital_phantom');

test('bundled CLI: single case identical to the sources, feature code from the V8 code cache the build wrote', { skip }, async () => {
  const args = ['extract', '--image', `${PY}/brain1_image.nrrd`, '--mask', `${PY}/brain1_label.nrrd`, '--json'];
  const [a, b] = await Promise.all([runBundle(args, { DLRN_CODE_CACHE_DEBUG: '1' }), runDlrn(args)]);
  assert.equal(a.code, 0, a.stderr);
  assert.match(a.stderr, /code cache of .*extract-case\.cjs: accepted/);
  // every bundle of the run, including those loaded after the compute-phase V8 flags were set, has its cache accepted
  const states = [...a.stderr.matchAll(/code cache of (\S+): (.+)/g)].map((m) => `${m[1]}: ${m[2]}`);
  assert.ok(states.length >= 4, a.stderr);
  for (const s of states) assert.match(s, /: accepted$/);
  assert.equal(a.stdout, b.stdout);
  assert.match(JSON.parse(a.stdout).diagnostics_Versions_dlrn, /^\d+\.\d+\.\d+/); // package.json found from the bundle
});

test('bundled CLI: batch with --jobs 2 (worker entries) and IBSI mode identical to the sources', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dlrn-bundle-'));
  try {
    const manifest = join(dir, 'cases.csv');
    writeFileSync(manifest, `id,image,mask\nphantom,${DP}/image.nii.gz,${DP}/mask.nii.gz\nbrain1,${PY}/brain1_image.nrrd,${PY}/brain1_label.nrrd\n`);
    const batch = ['extract', '--manifest', manifest, '--jobs', '2', '--quiet', '--json'];
    const ibsi = ['extract', '--image', `${DP}/image.nii.gz`, '--mask', `${DP}/mask.nii.gz`, '--mode', 'ibsi', '--ibsi-config', 'none', '--json'];
    for (const args of [batch, ibsi]) {
      const [a, b] = await Promise.all([runBundle(args), runDlrn(args)]);
      assert.equal(a.code, 0, a.stderr);
      assert.equal(a.stdout, b.stdout);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bundled CLI: other commands load from their bundles; dist/cli/run.js and bin/dlrn.cjs start the same CLI', { skip }, async () => {
  for (const args of [['--version'], ['stats', 'roc', '--help'], ['info', `${PY}/brain1_label.nrrd`]]) {
    const [a, b] = await Promise.all([runBundle(args), runDlrn(args)]);
    assert.equal(a.code, b.code, a.stderr);
    assert.equal(a.stdout, b.stdout);
  }
  const version = (await runBundle(['--version'])).stdout;
  for (const entry of ['dist/cli/run.js', 'bin/dlrn.cjs']) {
    const r = spawnSync(process.execPath, [join(REPO_ROOT, entry), '--version'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, version, entry);
  }
});

test('built library (dist/index.js): errors of the extractor are instances of its exported classes', { skip }, async () => {
  const lib = await import(pathToFileURL(join(REPO_ROOT, 'dist/index.js')).href);
  await assert.rejects(lib.extractCaseFiles(`${PY}/brain1_image.nrrd`, `${PY}/brain1_label.nrrd`, { mode: 'pyradiomics' }, 7), (e: unknown) => {
    assert.ok(e instanceof lib.MaskError, 'a MaskError of dist/core/errors.js, not of a bundled copy');
    return true;
  });
});

test('bin/dlrn.cjs run as a command starts Node without NODE_EXTRA_CA_CERTS; run by node it leaves the environment alone', { skip }, () => {
  // Node warns on standard error when the file NODE_EXTRA_CA_CERTS names cannot be loaded: the warning shows whether
  // the Node process running the CLI got the variable
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: join(tmpdir(), 'dlrn-no-such-ca-bundle.pem') };
  const bin = join(REPO_ROOT, 'bin/dlrn.cjs');
  const asCommand = spawnSync(bin, ['--version'], { encoding: 'utf8', env });
  assert.equal(asCommand.status, 0, asCommand.stderr);
  assert.match(asCommand.stdout, /^\d+\.\d+\.\d+\n$/);
  assert.doesNotMatch(asCommand.stderr, /extra certs/i);
  const byNode = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8', env });
  assert.equal(byNode.stdout, asCommand.stdout);
  assert.match(byNode.stderr, /extra certs/i);
  // arguments with spaces, quotes and $ reach the CLI unchanged through the shell line
  const dir = mkdtempSync(join(tmpdir(), 'dlrn bin "q" $HOME '));
  try {
    const file = join(dir, "it's a label.nrrd");
    copyFileSync(`${PY}/brain1_label.nrrd`, file);
    const info = spawnSync(bin, ['info', file, '--json'], { encoding: 'utf8', env });
    assert.equal(info.status, 0, info.stderr);
    assert.equal(JSON.parse(info.stdout).path, file);
    assert.deepEqual(JSON.parse(info.stdout).size, [256, 256, 25]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
