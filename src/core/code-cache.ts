import { readFileSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/**
 * The loader of the CLI's bundles (src/cli/build-bundle.mjs): runs a CommonJS bundle with V8's code cache. Node 20
 * has no compile cache, so every `dlrn extract` used to parse and compile its code again (~20 ms of a ~0.2 s run on
 * brain1), and its ES module loader cost ~15 ms more. The build writes each CLI entry as a bundle `<name>.cjs`, runs
 * one extraction on a small synthetic case with `DLRN_CODE_CACHE_WRITE=1`, and keeps V8's cached data of everything
 * that run compiled in `<name>.cjs.v8cache`. Later runs hand it to V8, which then skips parsing and compiling.
 *
 * The cache is only an accelerator: when it is missing, was made for another bundle (the first line of a bundle is
 * `// dlrn-bundle <hash>` and the cache header must name the same hash) or V8 rejects it (other Node/V8 version or
 * flags), the bundle is compiled as usual. `DLRN_CODE_CACHE_DEBUG=1` reports on standard error which case applied.
 *
 * A bundle sees `require` (Node's, plus `dlrn-bundle:<relative path>` for another bundle, loaded once per process),
 * `__dlrnModuleUrl` (its own file URL) and `__dlrnImport(url)` (a dynamic import of another bundle).
 */

/** Header of a `.v8cache` file: what it was made from. */
interface CacheHeader {
  readonly bundle: string;
  readonly node: string;
  readonly arch: string;
}

/** Scripts loaded in this process whose cached data is written at exit (`DLRN_CODE_CACHE_WRITE=1`). */
const toWrite: { script: Script; path: string; header: CacheHeader }[] = [];

/** The hash a bundle declares on its first line (`// dlrn-bundle <hash>`), or null. */
function bundleHash(source: string): string | null {
  const m = /^\/\/ dlrn-bundle ([0-9a-f]+)\n/.exec(source.slice(0, 80));
  return m ? m[1] : null;
}

/** The V8 data of a cache file if its header matches, else null (with the reason). */
function readCache(path: string, expected: CacheHeader): { data: Buffer } | { reason: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return { reason: 'missing' };
  }
  const n = bytes.length >= 4 ? bytes.readUInt32LE(0) : -1;
  if (n < 0 || 4 + n > bytes.length) return { reason: 'malformed' };
  let header: CacheHeader;
  try {
    header = JSON.parse(bytes.subarray(4, 4 + n).toString('utf8')) as CacheHeader;
  } catch {
    return { reason: 'malformed' };
  }
  if (header.bundle !== expected.bundle) return { reason: 'made for another bundle' };
  if (header.node !== expected.node || header.arch !== expected.arch) return { reason: `made by Node ${header.node} ${header.arch}` };
  return { data: bytes.subarray(4 + n) };
}

function writeCaches(): void {
  for (const { script, path, header } of toWrite) {
    const head = Buffer.from(JSON.stringify(header), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(head.length, 0);
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, Buffer.concat([len, head, script.createCachedData()]));
      renameSync(tmp, path);
    } catch (e) {
      rmSync(tmp, { force: true });
      process.stderr.write(`dlrn: could not write the code cache ${path}: ${(e as Error).message}\n`);
    }
  }
  toWrite.length = 0;
}

/** Bundles loaded in this process (URL → exports; null while one is being loaded). */
const loaded = new Map<string, Record<string, unknown> | null>();

/** Prefix of the `require` specifiers that name another bundle (relative to the requiring one). */
const BUNDLE_PREFIX = 'dlrn-bundle:';

/** Runs a CommonJS bundle (see above) once per process and returns its `module.exports`. */
export function loadCodeCached(url: URL): Record<string, unknown> {
  const known = loaded.get(url.href);
  if (known) return known;
  if (known === null) throw new Error(`dlrn: bundles require each other in a cycle (${url.href}); the build must not produce this`);
  loaded.set(url.href, null);
  const filename = fileURLToPath(url);
  const source = readFileSync(filename, 'utf8');
  const hash = bundleHash(source);
  const header: CacheHeader = { bundle: hash ?? '', node: process.version, arch: process.arch };
  const cachePath = `${filename}.v8cache`;
  const cached = hash ? readCache(cachePath, header) : { reason: 'bundle without a hash' };
  const wrapper = `(function (exports, require, module, __filename, __dirname, __dlrnModuleUrl, __dlrnImport) {${source}\n})`;
  const script = new Script(wrapper, { filename, cachedData: 'data' in cached ? cached.data : undefined });
  if (process.env.DLRN_CODE_CACHE_DEBUG) {
    const state = 'data' in cached ? (script.cachedDataRejected ? 'rejected by V8' : 'accepted') : cached.reason;
    process.stderr.write(`dlrn: code cache of ${filename}: ${state}\n`);
  }
  if (process.env.DLRN_CODE_CACHE_WRITE === '1' && hash) {
    if (toWrite.length === 0) process.once('exit', writeCaches);
    toWrite.push({ script, path: cachePath, header });
  }
  const nodeRequire = createRequire(filename);
  const bundleRequire = (spec: string): unknown => (spec.startsWith(BUNDLE_PREFIX) ? loadCodeCached(new URL(spec.slice(BUNDLE_PREFIX.length), url)) : nodeRequire(spec));
  const bundleImport = (u: string): Promise<Record<string, unknown>> => Promise.resolve().then(() => loadCodeCached(new URL(u)));
  const module = { exports: {} as Record<string, unknown> };
  try {
    const fn = script.runInThisContext() as (...args: unknown[]) => void;
    fn(module.exports, bundleRequire, module, filename, dirname(filename), url.href, bundleImport);
  } catch (e) {
    loaded.delete(url.href);
    throw e;
  }
  loaded.set(url.href, module.exports);
  return module.exports;
}
