// Build step run by `npm run build` / `prepare` after `tsc`: bundles the CLI with esbuild, so a command loads a few
// files instead of ~150 ES modules (module resolution and compilation were ~0.2 s CPU of every `dlrn extract`).
//
//   dist/cli/run.js                 the CLI entry (bin/dlrn.js imports it): run.ts + main.ts
//   dist/<area>/<x>.js              every module some source loads with a dynamic `import('./x.js')` (the commands,
//                                   the feature extractor, the IBSI families, the DICOM readers, ...): one bundle each
//   dist/<area>/<x>-worker.js       each worker entry (found from `siblingModuleUrl(import.meta.url, './x-worker')`)
//
// A dynamic import is a load-on-demand boundary and stays one: code behind it is not parsed until it is needed, and
// the importing code can start work before it (e.g. `dlrn extract` reads and inflates the files on libuv's threads
// while the feature code loads). Imports of a boundary module, static or dynamic, stay imports of its bundle, so each
// boundary module exists once at run time; other modules are copied into every bundle that uses them (errors crossing
// bundles are recognised by shape, `isDlrnError`).
// Each of these files replaces tsc's output at the same path; everything else in dist/ stays tsc's unbundled output
// (the library, dist/index.js). Bundling moves a module's code into another file, which would change what its
// `import.meta.url` means (worker URLs, package.json, assets), so every `import.meta.url` is rewritten to the URL of
// that module's tsc output, relative to the bundle holding it: bundled code resolves relative URLs exactly as the
// unbundled code does. npm packages stay external (resolved by Node at run time, as before).
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'src');
// DLRN_BUNDLE_DIST: write the bundles to another folder next to dist/ (developers timing their own sources; see
// scripts/dev/cold-extract.mjs). Relative URLs then resolve as from dist/ (package.json, assets).
const DIST = process.env.DLRN_BUNDLE_DIST ? join(ROOT, process.env.DLRN_BUNDLE_DIST) : join(ROOT, 'dist');

/** esbuild plugin: `import.meta.url` of each src module → the URL of its tsc output, relative to `outDir`. */
function moduleUrlPlugin(outDir) {
  return {
    name: 'dlrn-module-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        let text = readFileSync(args.path, 'utf8');
        if (text.includes('import.meta.url')) {
          const compiled = join(DIST, relative(SRC, args.path)).replace(/\.ts$/, '.js');
          const rel = relative(outDir, compiled).split(sep).join('/');
          text = text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
        }
        return { contents: text, loader: 'ts' };
      });
    },
  };
}

/** The tsc output path of a source module. */
const distPath = (source) => join(DIST, relative(SRC, source)).replace(/\.ts$/, '.js');

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
        let rel = relative(dirname(outfile), distPath(target)).split(sep).join('/');
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

/** Bundles one source entry into the path of its tsc output (imports of the other `boundaries` kept). */
async function bundleInPlace(entry, boundaries) {
  const outfile = distPath(entry);
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

const boundaries = dynamicImportTargets();
const entries = new Set([join(SRC, 'cli/run.ts'), ...boundaries, ...workerEntries()]);
// worker entries are started by URL, never imported: they are entries, not boundaries
for (const entry of [...entries].sort()) await bundleInPlace(entry, boundaries);
