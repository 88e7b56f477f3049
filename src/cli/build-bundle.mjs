// Build step run by `npm run build` / `prepare` after `tsc`: bundles the CLI with esbuild, so a command loads one or
// two files instead of ~150 ES modules (module resolution and compilation were ~0.2 s CPU of every `dlrn extract`).
//
//   dist/cli/run.js                 the CLI entry (bin/dlrn.js imports it): run.ts + main.ts, commands external
//   dist/cli/commands/<name>.js     each command with everything it imports (its lazy imports included), one file
//   dist/<area>/<x>-worker.js       each worker entry (found from `siblingModuleUrl(import.meta.url, './x-worker')`)
//
// Each of these files replaces tsc's output at the same path; everything else in dist/ stays tsc's unbundled output
// (the library, dist/index.js). Bundling moves a module's code into another file, which would change what its
// `import.meta.url` means (worker URLs, package.json, assets), so every `import.meta.url` is rewritten to the URL of
// that module's tsc output, relative to the bundle holding it: bundled code resolves relative URLs exactly as the
// unbundled code does. npm packages stay external (resolved by Node at run time, as before).
// Each command bundle has its own copy of the shared modules; errors crossing into run.js are recognised by shape
// (`isDlrnError`).
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
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

/** esbuild plugin: the command modules main.ts imports stay separate files (each is bundled on its own). */
const commandsExternal = {
  name: 'dlrn-commands-external',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/[a-z-]+\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/** Bundles one source entry into the path of its tsc output. */
async function bundleInPlace(entry, plugins = []) {
  const outfile = join(DIST, relative(SRC, entry)).replace(/\.ts$/, '.js');
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
    plugins: [...plugins, moduleUrlPlugin(dirname(outfile))],
  });
}

/** Source files of the worker entries started with `siblingModuleUrl(import.meta.url, './name')`. */
function workerEntries() {
  const out = new Set();
  const walk = (dir) => {
    for (const e of readdirSync(dir)) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        for (const m of readFileSync(p, 'utf8').matchAll(/siblingModuleUrl\(\s*import\.meta\.url\s*,\s*'([^']+)'\s*\)/g)) {
          const target = join(dirname(p), `${m[1]}.ts`);
          if (existsSync(target)) out.add(target); // (skips the example in module-url.ts's doc comment)
        }
      }
    }
  };
  walk(SRC);
  return [...out].sort();
}

const commands = join(SRC, 'cli/commands');
await bundleInPlace(join(SRC, 'cli/run.ts'), [commandsExternal]);
for (const f of readdirSync(commands).filter((f) => f.endsWith('.ts')).sort()) await bundleInPlace(join(commands, f));
for (const entry of workerEntries()) await bundleInPlace(entry);
