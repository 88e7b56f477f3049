// Benchmark of the first-order, shape and IBSI intensity/morphology families
// (run: node --import tsx bench/features-intensity-shape.ts [repeats]).
// Reads ../shared: IBSI CT phantom (125k ROI voxels, prepared as IBSI configuration A), PyRadiomics brain1 and an
// STS CT case. Times the feature computation only (images already read, cropped and discretised), median of
// `repeats` runs after two warm-up runs, wall and CPU time and the best wall time (least disturbed by other load), plus a CPU-load probe (a fixed 3.3M-iteration
// typed-array loop, ~2–3 ms on an idle core) so numbers from a busy machine can be judged.
import { loadavg } from 'node:os';
import { shared } from '../test/helpers/paths.js';
import { loadCase, pyradiomicsBinned } from '../test/unit/features-intensity/helpers/load-case.js';
import { ctPhantomConfigA } from '../test/unit/features-intensity/helpers/ct-phantom.js';
import { discretise } from '../src/preprocess/discretise.js';
import { pyradiomicsFirstOrder } from '../src/features/firstorder/index.js';
import { pyradiomicsShape, shapeGeometry, surfaceMesh, meshDiameters } from '../src/features/shape/index.js';
import { ibsiIntensityStats, ibsiIntensityHistogram, ibsiIntensityVolumeHistogram, ibsiLocalIntensity } from '../src/features/ibsi-intensity/index.js';
import { ibsiMorphology, spatialAutocorrelation } from '../src/features/ibsi-morphology/index.js';
import type { RoiImage } from '../src/features/types.js';

import { loadProbe, measure as measureCall } from './timing.js';

const repeats = Number(process.argv[2] ?? 7);

function measure(f: () => unknown): string {
  const m = measureCall(f, repeats);
  return `${m.wall.toFixed(1)} wall / ${m.cpu.toFixed(1)} cpu (best wall ${m.bestWall.toFixed(1)})`;
}

function probe(): string {
  const m = loadProbe(repeats);
  return `${m.wall.toFixed(1)} wall / ${m.cpu.toFixed(1)} cpu (best wall ${m.bestWall.toFixed(1)})`;
}

function pyradiomicsMode(name: string, roi: RoiImage): void {
  const grey = pyradiomicsBinned(roi);
  const n = roi.intensityMask.reduce((s, v) => s + v, 0);
  console.log(`${name}: ${n} ROI voxels, grid ${roi.size.join('×')}`);
  const mesh = surfaceMesh(roi.morphologicalMask, roi.size, roi.spacing);
  console.log(`  firstorder (PyRadiomics) ${measure(() => pyradiomicsFirstOrder(roi, grey))}`);
  console.log(`  shape (PyRadiomics, all) ${measure(() => pyradiomicsShape(roi))}`);
  console.log(`    mesh ${measure(() => surfaceMesh(roi.morphologicalMask, roi.size, roi.spacing))} (${mesh.vertices2.length / 3} vertices, ${mesh.triangleCount} triangles)`);
  console.log(`    diameters ${measure(() => meshDiameters(mesh.vertices2, roi.spacing))}`);
}

const ibsi = (...p: string[]) => shared('reference', 'radiomics', 'ibsi', 'ibsi1', ...p);
const py = (...p: string[]) => shared('reference', 'radiomics', 'pyradiomics', ...p);

console.log(`times in ms (median of ${repeats}); load probe: ${probe()}; loadavg ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const ct = (await loadCase(ibsi('ct_phantom', 'nifti', 'image.nii.gz'), ibsi('ct_phantom', 'nifti', 'mask.nii.gz'), 1, 0)).roi;
pyradiomicsMode('IBSI CT phantom (PyRadiomics default settings)', ct);
pyradiomicsMode('brain1', (await loadCase(py('data', 'brain1_image.nrrd'), py('data', 'brain1_label.nrrd'), 1, 0)).roi);
pyradiomicsMode('STS_001', (await loadCase(shared('data', 'sts-ct-cohort', 'cases', 'STS_001', 'CT_image.nii.gz'), shared('data', 'sts-ct-cohort', 'cases', 'STS_001', 'CT_mask.nii.gz'), 1, 0)).roi);

const a = await ctPhantomConfigA(shared);
const d = discretise(a.values, a.intensityMask, { binWidth: 25, convention: 'ibsi', lowerBound: -500 });
const grey = { levels: d.levels, nLevels: d.nLevels };
const geometry = shapeGeometry(a.morphologicalMask, a.size, a.spacing);
console.log('IBSI CT phantom, configuration A (IBSI mode)');
console.log(`  stat_* ${measure(() => ibsiIntensityStats(a))}`);
console.log(`  ih_* ${measure(() => ibsiIntensityHistogram(grey))}`);
console.log(`  ivh_* ${measure(() => ibsiIntensityVolumeHistogram(a, { discretisation: { kind: 'none' }, range: { lower: -500, upper: 400 } }))}`);
console.log(`  loc_* ${measure(() => ibsiLocalIntensity(a))}`);
console.log(`  morph_* incl. mesh ${measure(() => ibsiMorphology(a))}`);
console.log(`  morph_* with shared mesh ${measure(() => ibsiMorphology(a, { geometry }))}`);
console.log(`    Moran's I + Geary's C (exact, FFT) ${measure(() => spatialAutocorrelation(a.values, a.intensityMask, a.size, a.spacing))}`);
