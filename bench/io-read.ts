// Benchmark of the image IO (issue 2, acceptance 4): reading the IBSI CT phantom as .nii.gz (3.9 MB) and as
// its 60-slice DICOM series must each take < 1 s. Also times NRRD, RTSTRUCT rasterisation and SEG IO.
//
//   node --import tsx bench/io-read.ts            (reads ../shared)
//   ITK_WASM_DIR=/path/with/node_modules node --import tsx bench/io-read.ts
//
// With ITK_WASM_DIR pointing at a folder where `@itk-wasm/image-io` and `@itk-wasm/dicom` are installed
// (e.g. `npm install @itk-wasm/image-io@1.6.1 @itk-wasm/dicom@7.6.4` in a scratch folder), the same files are
// also read with ITK compiled to WebAssembly, in the same run, and geometry and voxels are compared.
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readImage, readMask, writeImage, encodeDicomSeg } from '../src/io/index.js';
import { shared } from '../test/helpers/paths.js';
import type { Volume } from '../src/core/volume.js';
import { tmpdir } from 'node:os';
import { mkdtempSync, writeFileSync } from 'node:fs';

const R = (...p: string[]): string => shared('reference', 'radiomics', ...p);
const NII = R('ibsi', 'ibsi1', 'ct_phantom', 'nifti', 'image.nii.gz');
const DCM = R('ibsi', 'ibsi1', 'ct_phantom', 'dicom', 'image');
const RS = R('ibsi', 'ibsi1', 'ct_phantom', 'dicom', 'mask', 'DCM_RS_00060.dcm');
const NRRD = R('pyradiomics', 'data', 'brain1_image.nrrd');
const REPS = 7;

interface Timing { name: string; cold: number; median: number; min: number }

async function time<T>(name: string, fn: () => Promise<T>, reps = REPS): Promise<{ t: Timing; result: T }> {
  const ts: number[] = [];
  let result!: T;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    result = await fn();
    ts.push(performance.now() - t0);
  }
  const cold = ts[0];
  const warm = ts.slice(1).sort((a, b) => a - b);
  return { t: { name, cold, median: warm[Math.floor(warm.length / 2)], min: warm[0] }, result };
}

const rows: Timing[] = [];
const nii = await time('dlrn readImage IBSI CT phantom .nii.gz (3.9 MB)', () => readImage(NII));
rows.push(nii.t);
const dcm = await time('dlrn readImage IBSI CT phantom DICOM folder (60 slices)', () => readImage(DCM));
rows.push(dcm.t);
rows.push((await time('dlrn readImage brain1 .nrrd (gzip, 256×256×25 int16)', () => readImage(NRRD))).t);
rows.push((await time('dlrn readMask RTSTRUCT "GTV-1" rasterised on the DICOM grid', () => readMask(RS, { like: dcm.result, roiName: 'GTV-1' }))).t);
const mask = (await readMask(R('ibsi', 'ibsi1', 'ct_phantom', 'nifti', 'mask.nii.gz'))).mask;
const dir = mkdtempSync(join(tmpdir(), 'dlrn-bench-'));
rows.push((await time('dlrn encodeDicomSeg + write (26 frames)', async () => writeFileSync(join(dir, 'seg.dcm'), encodeDicomSeg(mask)))).t);
rows.push((await time('dlrn readMask DICOM SEG on the grid', () => readMask(join(dir, 'seg.dcm'), { like: nii.result }))).t);
rows.push((await time('dlrn writeImage .nii.gz (CT phantom)', () => writeImage(join(dir, 'ct.nii.gz'), nii.result))).t);

const compare: string[] = [];
if (process.env.ITK_WASM_DIR) {
  const base = pathToFileURL(join(process.env.ITK_WASM_DIR, 'node_modules') + '/').href;
  const load = async (pkg: string): Promise<Record<string, (...a: unknown[]) => Promise<unknown>>> => import(new URL(`${pkg}/dist/index-node.js`, base).href) as Promise<Record<string, (...a: unknown[]) => Promise<unknown>>>;
  const imageIo = await load('@itk-wasm/image-io');
  const dicom = await load('@itk-wasm/dicom');
  type ItkImage = { size: number[]; spacing: number[]; origin: number[]; direction: ArrayLike<number>; data: ArrayLike<number>; imageType: { componentType: string } };
  const itkNii = await time('itk-wasm readImageNode IBSI CT phantom .nii.gz', () => imageIo.readImageNode(NII) as Promise<ItkImage>);
  rows.push(itkNii.t);
  const files = readdirSync(DCM).sort().map((f) => join(DCM, f));
  const itkDcm = await time('itk-wasm readImageDicomFileSeriesNode (60 slices)', async () => ((await dicom.readImageDicomFileSeriesNode({ inputImages: files, singleSortedSeries: false })) as { outputImage: ItkImage }).outputImage);
  rows.push(itkDcm.t);
  const itkNrrd = await time('itk-wasm readImageNode brain1 .nrrd', () => imageIo.readImageNode(NRRD) as Promise<ItkImage>);
  rows.push(itkNrrd.t);
  const agree = (name: string, ours: Volume, itk: ItkImage): void => {
    const g = (a: ArrayLike<number>, b: ArrayLike<number>): number => Math.max(...Array.from(a, (x, i) => Math.abs(x - b[i])));
    let maxVoxel = 0;
    for (let i = 0; i < ours.data.length; i++) maxVoxel = Math.max(maxVoxel, Math.abs(ours.data[i] - itk.data[i]));
    compare.push(`| ${name} | ${itk.imageType.componentType} / ${ours.data.constructor.name} | ${g(ours.size, itk.size)} | ${g(ours.spacing, itk.spacing).toExponential(1)} | ${g(ours.origin, itk.origin).toExponential(1)} | ${g(ours.direction, itk.direction).toExponential(1)} | ${maxVoxel} |`);
  };
  agree('CT phantom .nii.gz', nii.result, itkNii.result);
  agree('CT phantom DICOM series', dcm.result, itkDcm.result);
  agree('brain1 .nrrd', await readImage(NRRD), itkNrrd.result);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`# dlrn IO benchmark\n\nMachine: ${cpu}, ${cpus().length} cores, Node ${process.version}. ${REPS} runs each: the first (cold: JIT and file cache) and the median/min of the others.\n`);
console.log('| operation | cold ms | median ms | min ms |\n|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${r.cold.toFixed(1)} | ${r.median.toFixed(1)} | ${r.min.toFixed(1)} |`);
if (compare.length) {
  console.log('\nAgreement with ITK (itk-wasm), same run: max |difference| of size, spacing, origin, direction and voxels.\n');
  console.log('| file | ITK type / dlrn type | size | spacing | origin | direction | voxels |\n|---|---|---:|---:|---:|---:|---:|');
  for (const c of compare) console.log(c);
}
const limit = Math.max(nii.t.cold, dcm.t.cold);
console.log(`\nAcceptance (< 1000 ms, cold): NIfTI ${nii.t.cold.toFixed(0)} ms, DICOM ${dcm.t.cold.toFixed(0)} ms → ${limit < 1000 ? 'PASS' : 'FAIL'}`);
