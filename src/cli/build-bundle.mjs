// Build step run by `npm run build` / `prepare` after `tsc`: bundles the CLI with esbuild, so a command loads a few
// pre-compiled files instead of ~150 ES modules (module resolution and compilation were ~0.2 s CPU of every
// `dlrn extract`).
//
//   dist/bundles/<area>/<x>.cjs     one CommonJS bundle per CLI entry: src/cli/run.ts, every module some source loads
//                                   with a dynamic `import('./x.js')` (the commands, the feature extractor, the IBSI
//                                   families, the DICOM readers, ...), and every worker entry
//   dist/bundles/**/<x>.cjs.v8cache V8's code cache of the bundles one `dlrn extract` of a synthetic case runs (written
//                                   at the end of the build): Node 20 has no compile cache, this is ours
//   dist/cli/run.cjs, run.js        the CLI entry (bin/dlrn.cjs requires run.cjs; run.js is the same for `node` users)
//   dist/cli/code-cache.cjs         the bundle loader (src/core/code-cache.ts)
//   dist/<area>/<x>-worker.js       small ES modules at the worker entries' tsc paths that load their bundles
//
// The bundles are run by the loader (`loadCodeCached`), never by Node's module loaders: no ES module loader is
// started for a CLI command (~15 ms of ESM machinery, builtin facades included, in every `dlrn extract`), and V8 gets
// each bundle's cached code. A dynamic import is a load-on-demand boundary and stays one: code behind it is not
// parsed until needed, and the importing code can start work before it (`dlrn extract` reads and inflates the files
// on libuv's threads while the feature code loads). Imports of a boundary module, static or dynamic, load its bundle
// (static: `require('dlrn-bundle:<path>')`, dynamic: `__dlrnImport(url)`, both resolved by the loader), so each
// boundary module exists once in the CLI; other modules are copied into every bundle that uses them (errors crossing
// bundles are recognised by shape, `isDlrnError`). The bundles live in a tree of their own so that tsc's output of
// the library (dist/index.js) stays unbundled: a library user's `instanceof MaskError` sees one class.
// Bundling moves a module's code into another file, which would change what its `import.meta.url` means (worker URLs,
// package.json, assets), so every `import.meta.url` is rewritten to the URL of that module's tsc output, relative to
// the bundle holding it: bundled code resolves relative URLs exactly as the unbundled code does. npm packages stay
// external (resolved by Node's `require` at run time).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'src');
// DLRN_BUNDLE_DIST: write the bundles to another folder next to dist/ (developers timing their own sources; see
// scripts/dev/cold-extract.mjs). Relative URLs then resolve as from dist/ (package.json, assets).
const DIST = process.env.DLRN_BUNDLE_DIST ? join(ROOT, process.env.DLRN_BUNDLE_DIST) : join(ROOT, 'dist');

/**
 * esbuild plugin: `import.meta.url` of each src module → the URL of its tsc output, relative to the bundle's own URL
 * (`__dlrnModuleUrl`, given by the loader); relative dynamic imports → `__dlrnImport(url of the target's bundle)`.
 */
function moduleUrlPlugin(outDir) {
  return {
    name: 'dlrn-module-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        let text = readFileSync(args.path, 'utf8');
        const relUrl = (file) => relative(outDir, file).split(sep).join('/');
        if (text.includes('import.meta.url')) {
          text = text.replaceAll('import.meta.url', `new URL(${JSON.stringify(relUrl(distPath(args.path)))}, __dlrnModuleUrl).href`);
        }
        text = text.replace(/\bimport\(\s*'(\.\.?\/[^']+\.js)'\s*\)/g, (_, spec) =>
          `__dlrnImport(new URL(${JSON.stringify(relUrl(bundlePath(resolve(dirname(args.path), spec))))}, __dlrnModuleUrl).href)`);
        return { contents: text, loader: 'ts' };
      });
    },
  };
}

/** The tsc output path of a source module. */
const distPath = (source) => join(DIST, relative(SRC, source)).replace(/\.(ts|js)$/, '.js');

/** Where the bundle of an entry goes (`dist/bundles/<path>.cjs`). */
const BUNDLES = join(DIST, 'bundles');
const bundlePath = (source) => join(BUNDLES, relative(SRC, source)).replace(/\.(ts|js)$/, '.cjs');

/**
 * esbuild plugin: static imports of the other boundary modules become `require('dlrn-bundle:<relative path>')`,
 * resolved by the loader to the one instance of that bundle.
 */
function boundariesExternal(entry, boundaries, outfile) {
  return {
    name: 'dlrn-boundaries-external',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (!args.importer) return undefined;
        const target = resolve(dirname(args.importer), args.path).replace(/\.js$/, '.ts');
        if (target === entry || !boundaries.has(target)) return undefined;
        let rel = relative(dirname(outfile), bundlePath(target)).split(sep).join('/');
        if (!rel.startsWith('.')) rel = `./${rel}`;
        return { path: `dlrn-bundle:${rel}`, external: true };
      });
    },
  };
}

/** Source files of every `.ts` file under `dir`. */
function sourceFiles(dir = SRC) {
  const out = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Source files loaded somewhere with a dynamic `import('./relative/path.js')` (the load-on-demand boundaries). */
function dynamicImportTargets() {
  const out = new Set();
  for (const p of sourceFiles()) {
    for (const m of readFileSync(p, 'utf8').matchAll(/\bimport\(\s*'(\.\.?\/[^']+)\.js'\s*\)/g)) {
      const target = join(dirname(p), `${m[1]}.ts`);
      if (existsSync(target)) out.add(target);
    }
  }
  return out;
}

/** esbuild options of every bundle. */
const COMMON = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  tsconfig: join(ROOT, 'tsconfig.build.json'),
  logLevel: 'warning',
  legalComments: 'none',
};

/**
 * Bundles one entry as CommonJS into `dist/bundles/<path>.cjs`, first line `// dlrn-bundle <sha1 of the rest>` (the
 * loader only uses a code cache made for that hash), and removes a code cache of an earlier build.
 */
async function bundleEntry(entry, boundaries) {
  const outfile = bundlePath(entry);
  const r = await build({ ...COMMON, entryPoints: [entry], outfile, format: 'cjs', write: false, plugins: [boundariesExternal(entry, boundaries, outfile), moduleUrlPlugin(dirname(outfile))] });
  const text = r.outputFiles[0].text;
  // the loader runs bundles as scripts, which have no module loader: every dynamic import must go through it
  const bare = /(?<![\w$.])import\(\s*["'`]([^"'`]*)/.exec(text);
  if (bare) throw new Error(`build-bundle: ${relative(ROOT, entry)} keeps a dynamic import of "${bare[1]}"; import it statically (Node builtins, npm packages) or through a relative path (dlrn modules)`);
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, `// dlrn-bundle ${createHash('sha1').update(text).digest('hex')}\n${text}`);
}

/** A small launcher file (`text` gets the path from `file` to the loader and to the bundle of `entry`). */
function writeLauncher(file, entry, text) {
  const rel = (to) => { const r = relative(dirname(file), to).split(sep).join('/'); return r.startsWith('.') ? r : `./${r}`; };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text(rel(join(DIST, 'cli/code-cache.cjs')), rel(bundlePath(entry))));
}

/** Source files of the worker entries started with `siblingModuleUrl(import.meta.url, './name')`. */
function workerEntries() {
  const out = new Set();
  for (const p of sourceFiles()) {
    for (const m of readFileSync(p, 'utf8').matchAll(/siblingModuleUrl\(\s*import\.meta\.url\s*,\s*'([^']+)'\s*\)/g)) {
      const target = join(dirname(p), `${m[1]}.ts`);
      if (existsSync(target)) out.add(target); // (skips the example in module-url.ts's doc comment)
    }
  }
  return out;
}

/**
 * Writes the code caches: one `dlrn extract` of a small synthetic case (a 48×48×12 CT-like volume, gzip NRRD, with
 * an irregular lesion mask) under `DLRN_CODE_CACHE_WRITE=1`, so the cache holds everything an extraction compiles.
 * A failure only costs speed: it is reported and the build goes on.
 */
function writeCodeCaches() {
  const dir = mkdtempSync(join(tmpdir(), 'dlrn-code-cache-'));
  try {
    const [nx, ny, nz] = [48, 48, 12];
    const img = new Int16Array(nx * ny * nz);
    const mask = new Uint8Array(nx * ny * nz);
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let k = 0, p = 0; k < nz; k++) {
      for (let j = 0; j < ny; j++) {
        for (let i = 0; i < nx; i++, p++) {
          const r = Math.hypot((i - 24) / 14, (j - 22) / 11, (k - 6) / 4.5) + 0.15 * Math.sin(i / 3) * Math.cos(j / 4);
          mask[p] = r < 1 ? 1 : 0;
          img[p] = Math.round((r < 1 ? 60 + 15 * Math.sin(i + k) : 30) + 12 * (rand() - 0.5) * 2);
        }
      }
    }
    const nrrd = (type, data) => Buffer.concat([
      Buffer.from(`NRRD0004\ntype: ${type}\ndimension: 3\nspace: left-posterior-superior\nsizes: ${nx} ${ny} ${nz}\nspace directions: (0.5,0,0) (0,0.5,0) (0,0,2.5)\nkinds: domain domain domain\nendian: little\nencoding: gzip\nspace origin: (0,0,0)\n\n`),
      gzipSync(Buffer.from(data.buffer)),
    ]);
    writeFileSync(join(dir, 'image.nrrd'), nrrd('short', img));
    writeFileSync(join(dir, 'mask.nrrd'), nrrd('unsigned char', mask));
    const r = spawnSync(process.execPath, [join(DIST, 'cli/run.cjs'), 'extract', '--image', join(dir, 'image.nrrd'), '--mask', join(dir, 'mask.nrrd'), '--out', join(dir, 'out.csv')], {
      encoding: 'utf8', env: { ...process.env, DLRN_CODE_CACHE_WRITE: '1' },
    });
    if (r.status !== 0) process.stderr.write(`build-bundle: the code cache run failed (extraction works, only slower):\n${r.stderr}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const boundaries = dynamicImportTargets();
const workers = workerEntries();
rmSync(BUNDLES, { recursive: true, force: true });
for (const entry of [join(SRC, 'cli/run.ts'), ...[...boundaries, ...workers].sort()]) await bundleEntry(entry, boundaries);
// the loader itself: a plain CommonJS bundle (it cannot load itself)
await build({ ...COMMON, entryPoints: [join(SRC, 'core/code-cache.ts')], outfile: join(DIST, 'cli/code-cache.cjs'), format: 'cjs' });
const run = join(SRC, 'cli/run.ts');
const GENERATED = '// generated by src/cli/build-bundle.mjs';
writeLauncher(join(DIST, 'cli/run.cjs'), run, (loader, bundle) =>
  `${GENERATED}: the CLI entry (bin/dlrn.cjs requires it)\n'use strict';\nconst { loadCodeCached } = require(${JSON.stringify(loader)});\nloadCodeCached(require('node:url').pathToFileURL(require('node:path').join(__dirname, ${JSON.stringify(bundle)})));\n`);
writeLauncher(join(DIST, 'cli/run.js'), run, () =>
  `${GENERATED}: the same entry as run.cjs, for \`node dist/cli/run.js\` (an ES module: starts Node's ESM loader too)\nimport { createRequire } from 'node:module';\ncreateRequire(import.meta.url)('./run.cjs');\n`);
// worker entries keep their tsc path (started by URL with siblingModuleUrl): an ES module that loads the bundle
for (const w of workers) {
  writeLauncher(distPath(w), w, (loader, bundle) =>
    `${GENERATED}: worker entry\nimport { createRequire } from 'node:module';\ncreateRequire(import.meta.url)(${JSON.stringify(loader)}).loadCodeCached(new URL(${JSON.stringify(bundle)}, import.meta.url));\n`);
}
writeCodeCaches();
