// Benchmark of the texture families (run: node --import tsx bench/features-texture.ts [repeats]).
// Reads ../shared: IBSI CT phantom (125k ROI voxels), PyRadiomics brain1, an STS CT case.
// Times the feature computation only (image already read and discretised), median of `repeats` runs after warm-up,
// and a CPU-load probe (a fixed 3.3M-iteration typed-array loop) so numbers from a busy machine can be judged.
import { readFileSync } from 'node:fs';
import { decodeNifti, decodeNrrd } from '../src/io/index.js';
import { discretise, resegmentRange, roundIntensities } from '../src/preprocess/index.js';
import { ibsiTexture, pyradiomicsGlcm, pyradiomicsGldm, pyradiomicsGlrlm, pyradiomicsGlszm, pyradiomicsNgtdm, pyradiomicsTexture } from '../src/features/texture/index.js';
import type { DiscretisedRoi } from '../src/features/types.js';
import type { Volume } from '../src/core/volume.js';
import { maskBoundingBox, cropArray } from '../src/preprocess/crop.js';
import { shared } from '../test/helpers/paths.js';
import { loadProbe, measure as measureCall } from './timing.js';

const repeats = Number(process.argv[2] ?? 7);

function read(rel: string): Volume {
  const b = readFileSync(shared(rel));
  return rel.endsWith('.nrrd') ? decodeNrrd(b) : decodeNifti(b);
}

/** Crops to the ROI bounding box as the extractor does, then discretises. */
function prepare(img: Volume, lab: Volume, bin: { binWidth: number; convention: 'pyradiomics' | 'ibsi'; lowerBound?: number }, range?: [number, number]): { roi: DiscretisedRoi; morph: Uint8Array } {
  const mask = Uint8Array.from(lab.data, (v) => (v === 1 ? 1 : 0));
  const box = maskBoundingBox(mask, img.size);
  const size: [number, number, number] = [box.hi[0] - box.lo[0] + 1, box.hi[1] - box.lo[1] + 1, box.hi[2] - box.lo[2] + 1];
  let values: ArrayLike<number> = cropArray(Float64Array.from(img.data), img.size, box);
  const morph = cropArray(mask, img.size, box);
  let inten: Uint8Array = morph;
  if (range) {
    values = roundIntensities(values);
    inten = resegmentRange(values, morph, { lower: range[0], upper: range[1] }).mask;
  }
  const d = discretise(values, inten, bin);
  return { roi: { size, spacing: img.spacing, levels: d.levels, nLevels: d.nLevels }, morph };
}

/** Median wall time and median CPU time (user + system of this process) in ms. */
const measure = (f: () => unknown): { wall: number; cpu: number } => measureCall(f, repeats);
const fmt = (m: { wall: number; cpu: number }): string => `${m.wall.toFixed(1)} wall / ${m.cpu.toFixed(1)} cpu`;
const time = (f: () => unknown): number => measure(f).wall;

function probeMs(): number {
  return loadProbe(repeats).wall;
}

const cases = [
  { name: 'IBSI CT phantom', img: 'reference/radiomics/ibsi/ibsi1/ct_phantom/nifti/image.nii.gz', lab: 'reference/radiomics/ibsi/ibsi1/ct_phantom/nifti/mask.nii.gz' },
  { name: 'brain1', img: 'reference/radiomics/pyradiomics/data/brain1_image.nrrd', lab: 'reference/radiomics/pyradiomics/data/brain1_label.nrrd' },
  { name: 'STS_001 (CT)', img: 'data/sts-ct-cohort/cases/STS_001/CT_image.nii.gz', lab: 'data/sts-ct-cohort/cases/STS_001/CT_mask.nii.gz' },
];

console.log(`times in ms (median of ${repeats}); load probe (3.3M-iteration loop): ${probeMs().toFixed(1)} ms; loadavg ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
for (const c of cases) {
  const img = read(c.img);
  const lab = read(c.lab);
  const p = prepare(img, lab, { binWidth: 25, convention: 'pyradiomics' });
  const nvox = p.roi.levels.reduce((a, g) => a + (g > 0 ? 1 : 0), 0);
  const row: string[] = [`${c.name}: ${nvox} voxels, ${p.roi.nLevels} levels`];
  for (const [n, f] of [['glcm', pyradiomicsGlcm], ['glrlm', pyradiomicsGlrlm], ['glszm', pyradiomicsGlszm], ['gldm', pyradiomicsGldm], ['ngtdm', pyradiomicsNgtdm]] as const) {
    row.push(`${n} ${fmt(measure(() => f(p.roi)))}`);
  }
  row.push(`PyRadiomics all 5 classes ${fmt(measure(() => pyradiomicsTexture(p.roi)))}`);
  if (c.name.startsWith('IBSI')) {
    const q = prepare(img, lab, { binWidth: 25, convention: 'ibsi', lowerBound: -500 }, [-500, 400]);
    row.push(`IBSI all families 2D+2.5D (config A) ${fmt(measure(() => ibsiTexture(q.roi, q.morph, { spatial: ['2D', '2_5D'] })))}`);
    row.push(`IBSI all families 3D ${fmt(measure(() => ibsiTexture(q.roi, q.morph, { spatial: ['3D'] })))}`);
  }
  console.log(row.join('\n  '));
}
