// Deep-feature throughput of the shipped MobileNetV2 backbone on the 24 real CT cases of
// ../shared/data/sts-ct-cohort (CC BY 3.0): cases per second on one core (ONNX Runtime with 1 thread),
// model loading and file reading excluded (both reported separately).
// Run: node --import tsx bench/deep-throughput.ts   (or on dist/ after `npm run build`)
import { readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { readImage, readMask } from '../src/io/index.js';
import { extractDeepFeaturesBatch, loadOnnxBackbone } from '../src/deep/index.js';
import type { Mask } from '../src/core/mask.js';
import type { Volume } from '../src/core/volume.js';

const root = join(process.env.DLRN_SHARED ?? join(import.meta.dirname, '..', '..', 'shared'), 'data/sts-ct-cohort/cases');
const ids = readdirSync(root).sort();
let t = performance.now();
const cases: { image: Volume; mask: Mask }[] = [];
for (const id of ids) {
  const image = await readImage(join(root, id, 'CT_image.nii.gz'));
  const { mask } = await readMask(join(root, id, 'CT_mask.nii.gz'), { like: image });
  cases.push({ image, mask });
}
const readMs = performance.now() - t;
t = performance.now();
const bb = await loadOnnxBackbone({ threads: 1 });
const loadMs = performance.now() - t;
await extractDeepFeaturesBatch(cases.slice(0, 2), bb); // warm-up

async function rate(mode: '2d' | '2.5d', repeats: number): Promise<number> {
  const t0 = performance.now();
  for (let r = 0; r < repeats; r++) await extractDeepFeaturesBatch(cases, bb, { mode });
  return (cases.length * repeats) / ((performance.now() - t0) / 1000);
}
const r2d = await rate('2d', 3);
const r25 = await rate('2.5d', 1);
await bb.dispose();
const lines = [
  `cases: ${cases.length} (sts-ct-cohort), backbone mobilenetv2 int8, ONNX Runtime CPU, 1 intra-op thread`,
  `file reading (NIfTI .nii.gz image + mask): ${(readMs / cases.length).toFixed(1)} ms per case (excluded)`,
  `model loading: ${loadMs.toFixed(0)} ms (excluded)`,
  `2D (largest slice): ${r2d.toFixed(1)} cases/s per core (target ≥ 50)`,
  `2.5D (7 slices, mean): ${r25.toFixed(1)} cases/s per core`,
];
console.log(lines.join('\n'));
const md = [
  '# Deep-feature throughput (`bench/deep-throughput.ts`)',
  '',
  `Machine: 2 cores, Node ${process.version}; load average at the end ${loadavg().map((x) => x.toFixed(2)).join(', ')}.`,
  'Command: `node --import tsx bench/deep-throughput.ts`. Input construction (largest slice, crop, windows,',
  'resize, normalisation) and inference are both timed; batches of 8 images per ONNX Runtime call.',
  'No Python/PyTorch reference pipeline is installed on this machine (no PyPI access), so there is no side-by-side figure.',
  '',
  ...lines.map((l) => `- ${l}`),
  '',
  `Target (issue 5): ≥ 50 cases/s per core for 2D features: ${r2d >= 50 ? 'met' : 'NOT met'}.`,
  '',
];
writeFileSync(join(import.meta.dirname, 'results', 'deep.md'), md.join('\n'));
