// Developer tool: cold whole-process timing of `dlrn extract` (default PyRadiomics settings) from the current
// sources, without touching dist/ (several developers may build at once). Bundles the CLI as `npm run build` does
// (src/cli/build-bundle.mjs) into a private folder next to dist/, then runs N fresh processes per case and prints median/min wall and CPU (user+sys).
// Usage: node scripts/dev/cold-extract.mjs [--runs 7] [--case brain1|ct|both] [--tag NAME]  (bundles in dist-cold-NAME/)
// Reads ../shared (IBSI CT phantom: CC BY-NC, read in place).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = process.env.DLRN_SHARED ?? join(ROOT, '..', 'shared');
const arg = (name, def) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : def; };
const runs = Number(arg('--runs', '7'));
const which = arg('--case', 'both');
const tag = arg('--tag', String(process.pid));
const distName = `dist-cold-${tag}`; // next to dist/, so relative URLs (package.json, assets) resolve as from dist/
const r0 = spawnSync(process.execPath, [join(ROOT, 'src/cli/build-bundle.mjs')], { stdio: 'inherit', env: { ...process.env, DLRN_BUNDLE_DIST: distName } });
if (r0.status !== 0) process.exit(1);
const out = join(ROOT, distName);
mkdirSync(out, { recursive: true });
const entry = join(out, 'cli/run.cjs');
const P = join(SHARED, 'reference/radiomics/pyradiomics/data');
const CT = join(SHARED, 'reference/radiomics/ibsi/ibsi1/ct_phantom/nifti');
const cases = {
  brain1: [join(P, 'brain1_image.nrrd'), join(P, 'brain1_label.nrrd')],
  ct: [join(CT, 'image.nii.gz'), join(CT, 'mask.nii.gz')],
};
const env = { ...process.env, NODE_EXTRA_CA_CERTS: '' };
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
for (const [name, [img, mask]] of Object.entries(cases)) {
  if (which !== 'both' && which !== name) continue;
  const wall = [], cpu = [];
  for (let r = 0; r <= runs; r++) {
    const t = performance.now();
    const p = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, entry, 'extract', '--image', img, '--mask', mask, '--out', join(out, `${name}.csv`)], { encoding: 'utf8', env });
    const w = (performance.now() - t) / 1000;
    if (p.status !== 0) { console.error(p.stderr); process.exit(1); }
    const [u, s] = p.stderr.trim().split('\n').pop().split(' ').map(Number);
    if (r > 0) { wall.push(w); cpu.push(u + s); } // first run warms the file cache
  }
  console.log(`${name}: wall median ${median(wall).toFixed(3)} s (min ${Math.min(...wall).toFixed(3)}), CPU median ${median(cpu).toFixed(3)} s (min ${Math.min(...cpu).toFixed(3)}) over ${runs} runs`);
}
