// Build step run by `npm run build` / `prepare` after `tsc`: bundles the CLI with esbuild, so a command loads a few
// files instead of ~150 ES modules (module resolution and compilation were ~0.2 s CPU of every `dlrn extract`).
//
//   dist/cli/run.js                 the CLI entry (bin/dlrn.js imports it): run.ts + main.ts
//   dist/bundles/<area>/<x>.js      every module some source loads with a dynamic `import('./x.js')` (the commands,
//                                   the feature extractor, the IBSI families, the DICOM readers, ...): one bundle each
//   dist/<area>/<x>-worker.js       each worker entry (found from `siblingModuleUrl(import.meta.url, './x-worker')`)
//   dist/bundles/features/extractor/extract-case.{cjs,cjs.v8cache}
//                                   the feature extractor as a CommonJS bundle plus V8's code cache of it, written by
//                                   one extraction of a synthetic case at the end of the build (see CODE_CACHED);
//                                   extract-case.js is then a small ES module that loads it (src/core/code-cache.ts)
//
// A dynamic import is a load-on-demand boundary and stays one: code behind it is not parsed until it is needed, and
// the importing code can start work before it (e.g. `dlrn extract` reads and inflates the files on libuv's threads
// while the feature code loads). Imports of a boundary module, static or dynamic, stay imports of its bundle, so each
// boundary module exists once in the CLI; other modules are copied into every bundle that uses them (errors crossing
// bundles are recognised by shape, `isDlrnError`).
// run.js and the worker entries replace tsc's output at their paths; everything else in dist/ stays tsc's unbundled
// output (the library, dist/index.js). Bundling moves a module's code into another file, which would change what its
// `import.meta.url` means (worker URLs, package.json, assets), so every `import.meta.url` is rewritten to the URL of
// that module's tsc output, relative to the bundle holding it: bundled code resolves relative URLs exactly as the
// unbundled code does. npm packages stay external (resolved by Node at run time, as before).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
 * esbuild plugin: `import.meta.url` of each src module → the URL of its tsc output, relative to `outDir`. For a
 * CommonJS bundle run by `loadCodeCached` (src/core/code-cache.ts), `base` is the bundle's `__dlrnModuleUrl` and
 * relative dynamic imports become `__dlrnImport(url of the target's bundle)`.
 */
function moduleUrlPlugin(outDir, base = 'import.meta.url') {
  const cjs = base !== 'import.meta.url';
  return {
    name: 'dlrn-module-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        let text = readFileSync(args.path, 'utf8');
        const relUrl = (file) => relative(outDir, file).split(sep).join('/');
        if (text.includes('import.meta.url')) {
          text = text.replaceAll('import.meta.url', `new URL(${JSON.stringify(relUrl(distPath(args.path)))}, ${base}).href`);
        }
        if (cjs) {
          text = text.replace(/\bimport\(\s*'(\.\.?\/[^']+\.js)'\s*\)/g, (_, spec) =>
            `__dlrnImport(new URL(${JSON.stringify(relUrl(bundlePath(resolve(dirname(args.path), spec))))}, ${base}).href)`);
        }
        return { contents: text, loader: 'ts' };
      });
    },
  };
}

/** The tsc output path of a source module. */
const distPath = (source) => join(DIST, relative(SRC, source)).replace(/\.(ts|js)$/, '.js');

/**
 * Where the bundle of a boundary module goes: a tree of its own (`dist/bundles/<path>`), so that tsc's output of
 * library modules (dist/index.js imports the extractor, the readers, ...) stays unbundled: a library user's
 * `instanceof MaskError` must see the one class of dist/core/errors.js. The CLI-only entries (run.js, the worker
 * entries) replace their tsc output in place.
 */
const BUNDLES = join(DIST, 'bundles');
const bundlePath = (source) => join(BUNDLES, relative(SRC, source)).replace(/\.(ts|js)$/, '.js');

/**
 * esbuild plugin: imports of the other boundary modules stay imports, rewritten relative to the bundle being written
 * (a module copied into a bundle imports from the bundle's folder, not from its own).
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
        return { path: rel, external: true };
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

/** Bundles one source entry into `outfile` (imports of the other `boundaries` kept). */
async function bundleInPlace(entry, boundaries, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    tsconfig: join(ROOT, 'tsconfig.build.json'),
    logLevel: 'warning',
    legalComments: 'none',
    plugins: [boundariesExternal(entry, boundaries, outfile), moduleUrlPlugin(dirname(outfile))],
  });
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
 * Boundary modules loaded through V8's code cache (src/core/code-cache.ts): the feature extractor, whose compilation
 * was ~20 ms of every `dlrn extract`. Each is written as a CommonJS bundle `<name>.cjs` (its static imports inlined,
 * its dynamic imports going through `__dlrnImport`), and its tsc output path gets a small ES module that loads it and
 * re-exports its exports.
 */
const CODE_CACHED = [join(SRC, 'features/extractor/extract-case.ts')];

async function bundleCodeCached(entry) {
  const shim = bundlePath(entry);
  const cjsFile = shim.replace(/\.js$/, '.cjs');
  const common = { entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', packages: 'external', tsconfig: join(ROOT, 'tsconfig.build.json'), logLevel: 'warning', legalComments: 'none', write: false };
  // the export names, from an ES module build
  const esm = await build({ ...common, format: 'esm', outfile: shim, metafile: true, plugins: [moduleUrlPlugin(dirname(shim))] });
  const names = Object.values(esm.metafile.outputs)[0].exports;
  const cjs = await build({ ...common, format: 'cjs', outfile: cjsFile, plugins: [moduleUrlPlugin(dirname(cjsFile), '__dlrnModuleUrl')] });
  const text = cjs.outputFiles[0].text;
  writeFileSync(cjsFile, `// dlrn-bundle ${createHash('sha1').update(text).digest('hex')}\n${text}`);
  rmSync(`${cjsFile}.v8cache`, { force: true });
  const loader = join(SRC, 'core/code-cache.ts').split(sep).join('/');
  const shimSource = [
    `import { loadCodeCached } from ${JSON.stringify(loader)};`,
    `const m = loadCodeCached(new URL(${JSON.stringify(`./${cjsFile.split(sep).pop()}`)}, import.meta.url));`,
    ...names.map((n) => `export const ${n} = m.${n};`),
  ].join('\n');
  await build({ ...common, entryPoints: undefined, stdin: { contents: shimSource, resolveDir: dirname(entry), loader: 'js' }, format: 'esm', outfile: shim, write: true, plugins: [] });
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
    const r = spawnSync(process.execPath, [join(DIST, 'cli/run.js'), 'extract', '--image', join(dir, 'image.nrrd'), '--mask', join(dir, 'mask.nrrd'), '--out', join(dir, 'out.csv')], {
      encoding: 'utf8', env: { ...process.env, DLRN_CODE_CACHE_WRITE: '1' },
    });
    if (r.status !== 0) process.stderr.write(`build-bundle: the code cache run failed (extraction works, only slower):\n${r.stderr}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const boundaries = dynamicImportTargets();
const entries = new Set([join(SRC, 'cli/run.ts'), ...boundaries, ...workerEntries()]);
// worker entries are started by URL, never imported: they are entries, not boundaries
rmSync(BUNDLES, { recursive: true, force: true });
for (const entry of [...entries].sort()) {
  if (CODE_CACHED.includes(entry)) await bundleCodeCached(entry);
  else await bundleInPlace(entry, boundaries, boundaries.has(entry) ? bundlePath(entry) : distPath(entry));
}
writeCodeCaches();
