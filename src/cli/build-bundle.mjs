// Build step run by `npm run build` / `prepare` after `tsc`: bundles the CLI with esbuild so a command loads a few
// files instead of ~150 ES modules (module resolution and compilation were ~0.2 s CPU of every `dlrn extract` run).
//
//   dist/cli/run.js            the CLI entry (bin/dlrn.js imports it), overwriting tsc's 3-line entry
//   dist/cli/bundle-*.js       chunks: one per command (static `import()` calls in main.ts) plus shared code
//   dist/<area>/<x>-worker.js  every worker entry (found from `siblingModuleUrl(import.meta.url, './x-worker')`)
//                              rebuilt in place as one self-contained file
//
// Everything else in dist/ stays tsc's unbundled output (the library, dist/index.js). Bundling moves code to other
// files, which would change what `import.meta.url` means (worker URLs, package.json, assets). So each source module's
// `import.meta.url` is rewritten to the URL of its tsc output in dist/, computed relative to the bundle file that
// holds it: bundled code resolves every relative URL exactly as the unbundled dist/ code does. The CLI chunks all sit
// in dist/cli/ next to the entry, so that relative path is the same wherever esbuild puts a module.
// npm packages stay external (resolved by Node at run time, as before).
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
const CLI_OUT = join(DIST, 'cli');
const CHUNK_PREFIX = 'bundle-';

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

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  tsconfig: join(ROOT, 'tsconfig.build.json'),
  logLevel: 'warning',
  legalComments: 'none',
};

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

for (const f of readdirSync(CLI_OUT)) if (f.startsWith(CHUNK_PREFIX) && f.endsWith('.js')) rmSync(join(CLI_OUT, f));

await build({
  ...common,
  entryPoints: [join(SRC, 'cli/run.ts')],
  outdir: CLI_OUT,
  splitting: true,
  entryNames: '[name]',
  chunkNames: `${CHUNK_PREFIX}[name]-[hash]`,
  plugins: [moduleUrlPlugin(CLI_OUT)],
});

for (const entry of workerEntries()) {
  const outfile = join(DIST, relative(SRC, entry)).replace(/\.ts$/, '.js');
  await build({ ...common, entryPoints: [entry], outfile, plugins: [moduleUrlPlugin(dirname(outfile))] });
}
