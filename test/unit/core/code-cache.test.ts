// loadCodeCached (src/core/code-cache.ts): a CommonJS bundle run through V8's code cache, in child processes (the
// cache is written at process exit), checking what V8 and our header checks decide in each case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../helpers/paths.js';

const LOADER = pathToFileURL(join(REPO_ROOT, 'src/core/code-cache.ts')).href;

/**
 * A bundle that exports a computed value, its own URL, and what it gets from other bundles: `dep.cjs` twice through
 * `require('dlrn-bundle:…')` (must be one instance) and `lazy.cjs` through `__dlrnImport`.
 */
function bundleSource(hash: string | null, factor: number): string {
  const body = [
    'function tri(n) { let s = 0; for (let i = 1; i <= n; i++) s += i; return s; }',
    `exports.value = tri(100) * ${factor};`,
    'exports.url = __dlrnModuleUrl;',
    "exports.sameDep = require('dlrn-bundle:./dep.cjs') === require('dlrn-bundle:./dep.cjs') && require('dlrn-bundle:./dep.cjs').n === 1;",
    "exports.dynamic = () => __dlrnImport(new URL('./lazy.cjs', __dlrnModuleUrl).href).then((m) => m.name + ':' + require('node:path').basename(m.url));",
  ].join('\n');
  return hash === null ? body : `// dlrn-bundle ${hash}\n${body}`;
}

/** Writes the two bundles the main one loads into `dir`. */
function writeDeps(dir: string): void {
  writeFileSync(join(dir, 'dep.cjs'), 'globalThis.__depLoads = (globalThis.__depLoads ?? 0) + 1; exports.n = globalThis.__depLoads;');
  writeFileSync(join(dir, 'lazy.cjs'), "exports.name = 'lazy'; exports.url = __dlrnModuleUrl;");
}

/** Runs the bundle in a fresh process; returns its exports (as JSON) and the loader's report on standard error. */
function run(bundle: string, env: Record<string, string>): { out: { value: number; url: string; sameDep: boolean; dynamic: string }; report: string } {
  const script = `const { loadCodeCached } = await import(${JSON.stringify(LOADER)});
const m = loadCodeCached(new URL(${JSON.stringify(pathToFileURL(bundle).href)}));
console.log(JSON.stringify({ value: m.value, url: m.url, sameDep: m.sameDep, dynamic: await m.dynamic() }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, DLRN_CODE_CACHE_DEBUG: '1', ...env },
  });
  assert.equal(r.status, 0, r.stderr);
  return { out: JSON.parse(r.stdout), report: r.stderr };
}

test('code cache: written at exit, accepted next time, and the bundle behaves the same with and without it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dlrn-cc-'));
  try {
    const bundle = join(dir, 'b.cjs');
    writeDeps(dir);
    writeFileSync(bundle, bundleSource('abc123', 2));
    const first = run(bundle, { DLRN_CODE_CACHE_WRITE: '1' });
    assert.match(first.report, /b\.cjs: missing/);
    assert.deepEqual(first.out, { value: 10100, url: pathToFileURL(bundle).href, sameDep: true, dynamic: 'lazy:lazy.cjs' });
    assert.ok(existsSync(`${bundle}.v8cache`), 'the cache file is written at exit');
    const second = run(bundle, {});
    assert.match(second.report, /b\.cjs: accepted/);
    assert.deepEqual(second.out, first.out);

    // a rebuilt bundle (new hash line, same length) must not use the old cache, even though V8 would accept it
    writeFileSync(bundle, bundleSource('abc124', 3));
    const rebuilt = run(bundle, {});
    assert.match(rebuilt.report, /made for another bundle/);
    assert.equal(rebuilt.out.value, 15150);

    // a damaged cache file is ignored
    writeFileSync(`${bundle}.v8cache`, Buffer.from([1, 2]));
    assert.match(run(bundle, {}).report, /malformed/);
    const header = Buffer.from('{"bundle":"abc124","node":"v0.0.1","arch":"x"}');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(header.length);
    writeFileSync(`${bundle}.v8cache`, Buffer.concat([len, header, Buffer.alloc(64)]));
    assert.match(run(bundle, {}).report, /made by Node v0\.0\.1/);

    // a bundle without a hash line runs, and never gets a cache
    writeFileSync(bundle, bundleSource(null, 1));
    rmSync(`${bundle}.v8cache`);
    const plain = run(bundle, { DLRN_CODE_CACHE_WRITE: '1' });
    assert.match(plain.report, /bundle without a hash/);
    assert.equal(plain.out.value, 5050);
    assert.ok(!existsSync(`${bundle}.v8cache`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('code cache: V8 rejects cached data of another source (the loader falls back to compiling)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dlrn-cc-'));
  try {
    const a = join(dir, 'a.cjs');
    const b = join(dir, 'b.cjs');
    writeDeps(dir);
    writeFileSync(a, bundleSource('feed01', 2));
    run(a, { DLRN_CODE_CACHE_WRITE: '1' });
    // same hash line (so our header check passes) but a source of another length: V8's own check must catch it
    writeFileSync(b, bundleSource('feed01', 2) + '\nexports.extra = 1;');
    writeFileSync(`${b}.v8cache`, readFileSync(`${a}.v8cache`));
    const r = run(b, {});
    assert.match(r.report, /rejected by V8/);
    assert.equal(r.out.value, 10100);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
