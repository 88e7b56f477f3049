import { basename } from 'node:path';
import type { Command } from '../command.js';
import { numberOption, parseOptions } from '../args.js';
import { ProgressBar } from '../progress.js';
import { InvalidInputError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/atomic.js';
import { readManifest } from '../../table/manifest.js';
import { toCsv } from '../../table/csv.js';
import { runDeepBatch, parseWindows, type DeepCaseFiles, type SlicePlane } from '../../deep/index.js';

const HELP = `Usage:
  dlrn deep --image I --mask M [--label N] [options] [--out F.csv | --json]
  dlrn deep --manifest cases.csv [options] --out F.csv [--jobs N]

Deep-learning features of the lesion: the slice with the largest ROI area, a square crop of its ROI
bounding box plus a margin, resized to the network input, CT windows as the three channels, passed
through an ImageNet CNN (ONNX Runtime, CPU); the features are the global-average-pooled activations,
named dl_<backbone>_<i> (i from 0). Default backbone: the shipped ImageNet MobileNetV2 (1280 features).

Input:
  --image I            CT image (NIfTI, NRRD or DICOM folder), in HU
  --mask M             lesion mask (label map, RTSTRUCT or DICOM SEG) on the image grid
  --label N            mask label value (default 1)
  --manifest F         CSV of cases: id,image,mask[,label] (PyRadiomics Image,Mask[,Label] also accepted;
                       paths relative to the manifest); in a study manifest with more columns the mask
                       label is column mask_label (default 1)

Network:
  --model F.onnx       a user ONNX backbone (input [N,3,H,W]); default: shipped MobileNetV2
  --model-id NAME      name used in the feature columns (default: mobilenetv2 or the model file name)
  --input-size HxW     input size when the model's is symbolic (e.g. 224x224)
  --feature-output T   tensor holding pooled features (default: the last GlobalAveragePool)
  --mean a,b,c         channel means on [0,1] (default ImageNet 0.485,0.456,0.406)
  --std a,b,c          channel SDs (default ImageNet 0.229,0.224,0.225)

Input construction:
  --window W           1 or 3 windows, presets brain (40/80), subdural (75/215), blood (60/60), bone,
                       soft, or level:width; default brain,subdural,blood
  --mode 2d|2.5d       2d: the largest slice (default); 2.5d: also slices at ±1, ±2, ±4
  --aggregate mean|concat   2.5d: average the 7 vectors (default) or concatenate them
  --plane axial|coronal|sagittal   slice plane (default axial)
  --margin MM          margin around the ROI bounding box in mm (default 10)

Output:
  --out F.csv          CSV: id, then the dl_ columns (and an "error" column if a case failed);
                       written atomically. Without --out, CSV goes to standard output.
  --json               JSON instead: one object per case {id, dl_...} (an array for --manifest)
  --jobs N             worker threads for --manifest (default 1); results do not depend on N
`;

function triple(name: string, s: string | undefined): [number, number, number] | undefined {
  if (s === undefined) return undefined;
  const v = s.split(',').map(Number);
  if (v.length !== 3 || v.some((x) => !Number.isFinite(x))) throw new InvalidInputError(`--${name} needs three numbers`, { found: s, fix: `e.g. --${name} 0.485,0.456,0.406` });
  return [v[0], v[1], v[2]];
}

const deep: Command = {
  name: 'deep',
  summary: 'deep-learning (CNN) features of the lesion with an ONNX backbone',
  help: HELP,
  async run(argv) {
    const { values: o } = parseOptions('deep', argv, {
      image: { type: 'string' }, mask: { type: 'string' }, label: { type: 'string' }, manifest: { type: 'string' },
      model: { type: 'string' }, 'model-id': { type: 'string' }, 'input-size': { type: 'string' }, 'feature-output': { type: 'string' },
      mean: { type: 'string' }, std: { type: 'string' },
      window: { type: 'string' }, mode: { type: 'string' }, aggregate: { type: 'string' }, plane: { type: 'string' }, margin: { type: 'string' },
      out: { type: 'string' }, json: { type: 'boolean' }, jobs: { type: 'string' },
    });
    const str = (k: string) => o[k] as string | undefined;
    let cases: DeepCaseFiles[];
    if (str('manifest')) {
      if (str('image') || str('mask')) throw new InvalidInputError('give either --manifest or --image/--mask, not both');
      cases = readManifest(str('manifest')!).cases.map((c) => ({ id: c.id, image: c.image, mask: c.mask, maskLabel: c.maskLabel }));
    } else {
      if (!str('image') || !str('mask')) throw new InvalidInputError('dlrn deep needs --image and --mask (or --manifest)', { fix: 'run `dlrn deep --help`.' });
      const id = basename(str('image')!).replace(/\.(nii\.gz|nii|nrrd|nhdr)$/i, '');
      cases = [{ id, image: str('image')!, mask: str('mask')!, maskLabel: numberOption('deep', 'label', str('label'), 1) }];
    }
    const mode = str('mode') ?? '2d';
    if (mode !== '2d' && mode !== '2.5d') throw new InvalidInputError('--mode must be 2d or 2.5d', { found: mode });
    const aggregate = str('aggregate') ?? 'mean';
    if (aggregate !== 'mean' && aggregate !== 'concat') throw new InvalidInputError('--aggregate must be mean or concat', { found: aggregate });
    const plane = str('plane') ?? 'axial';
    if (!['axial', 'coronal', 'sagittal'].includes(plane)) throw new InvalidInputError('--plane must be axial, coronal or sagittal', { found: plane });
    let inputSize: [number, number] | undefined;
    if (str('input-size')) {
      const m = /^(\d+)x(\d+)$/i.exec(str('input-size')!);
      if (!m) throw new InvalidInputError('--input-size must look like 224x224', { found: str('input-size') });
      inputSize = [Number(m[1]), Number(m[2])];
    }
    const jobs = numberOption('deep', 'jobs', str('jobs'), 1);
    const bar = new ProgressBar(cases.length, 'deep ');
    const res = await runDeepBatch(cases, {
      model: { modelPath: str('model'), id: str('model-id'), inputSize, featureOutput: str('feature-output'), mean: triple('mean', str('mean')), std: triple('std', str('std')) },
      features: { windows: str('window') ? parseWindows(str('window')!) : undefined, mode, aggregate, plane: plane as SlicePlane, marginMm: numberOption('deep', 'margin', str('margin'), 10) },
      jobs,
      onResult: (_i, out) => bar.tick(out.ok),
    });
    bar.finish();
    const failed = res.outcomes.filter((x) => !x.ok).length;
    let text: string;
    if (o.json) {
      const objs = res.outcomes.map((out, i) => {
        const obj: Record<string, unknown> = { id: cases[i].id };
        if (out.ok) res.names.forEach((n, j) => (obj[n] = out.value.values[j]));
        else obj.error = out.error.message;
        return obj;
      });
      text = JSON.stringify(str('manifest') ? objs : objs[0], null, 1) + '\n';
    } else {
      const header = ['id', ...res.names, ...(failed ? ['error'] : [])];
      const rows = res.outcomes.map((out, i) => [
        cases[i].id,
        ...(out.ok ? Array.from(out.value.values) : res.names.map(() => '')),
        ...(failed ? [out.ok ? '' : out.error.message] : []),
      ]);
      text = toCsv(header, rows);
    }
    if (str('out')) writeFileAtomic(str('out')!, text);
    else process.stdout.write(text);
    for (const [i, out] of res.outcomes.entries()) if (!out.ok) process.stderr.write(`dlrn deep: case ${cases[i].id} failed: ${out.error.message}\n`);
    if (str('out')) process.stderr.write(`dlrn deep: ${cases.length - failed}/${cases.length} cases, ${res.names.length} features (${res.backboneId}) → ${str('out')}\n`);
    return failed === cases.length ? 2 : failed ? 1 : 0;
  },
};

export default deep;
