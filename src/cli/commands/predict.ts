import type { Command } from '../command.js';
import { numberOption, parseOptions, requireOption } from '../args.js';
import { InvalidInputError } from '../../core/errors.js';
import { predictPatient, readBundle } from '../../study/index.js';

const HELP = `Usage:
  dlrn predict --model BUNDLE --image I --mask M [--clinical NAME=VALUE ...] [--label N] [--json]

Applies a saved DLRN (DIR/model.dlrn.json written by \`dlrn study\`) to one patient: radiomics and
deep-learning features of the lesion with the study's settings, the study's fitted transforms, the DLR
signature, the DLRN probability, the risk class at the study's training (Youden) threshold, and the points of
each nomogram item with the total points.

Options:
  --model F             the model bundle; a bundle of another format version, or one whose content does not
                        match its SHA-256 (damaged or edited), is refused
  --image I             CT image (NIfTI, NRRD or DICOM folder), in HU
  --mask M              lesion mask on the image grid
  --label N             mask label value (default: the study's)
  --clinical NAME=VAL   a clinical variable of the DLRN (repeatable), e.g. --clinical epilepsy=1; every
                        variable of the model is required (the error lists them)
  --deep-model F.onnx   the ONNX backbone, when the study used a user model stored elsewhere (its SHA-256 must
                        match the bundle's)
  --json                JSON: {probability, linear_predictor, threshold, risk_class, positive_class,
                        dlr_signature, points, total_points, values, outside_axis}
`;

function parseClinical(items: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const it of items) {
    const m = /^([^=]+)=(.*)$/.exec(it);
    if (!m || m[1].trim() === '') throw new InvalidInputError('--clinical needs NAME=VALUE', { found: JSON.stringify(it), fix: 'e.g. --clinical epilepsy=1' });
    const name = m[1].trim();
    if (name in out) throw new InvalidInputError(`--clinical ${name} is given twice`);
    out[name] = m[2].trim();
  }
  return out;
}

function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

const predict: Command = {
  name: 'predict',
  summary: 'apply a saved DLRN model bundle to one patient',
  help: HELP,
  async run(argv) {
    const { values: o } = parseOptions('predict', argv, {
      model: { type: 'string' }, image: { type: 'string' }, mask: { type: 'string' }, label: { type: 'string' },
      clinical: { type: 'string', multiple: true }, 'deep-model': { type: 'string' }, json: { type: 'boolean' },
    });
    const bundle = readBundle(requireOption('predict', o, 'model'));
    const image = requireOption('predict', o, 'image');
    const mask = requireOption('predict', o, 'mask');
    const label = o.label === undefined ? undefined : numberOption('predict', 'label', o.label as string, 1);
    const p = await predictPatient(bundle, {
      image, mask, maskLabel: label, clinical: parseClinical((o.clinical as string[] | undefined) ?? []), deepModelPath: o['deep-model'] as string | undefined,
    });
    if (o.json) {
      process.stdout.write(JSON.stringify({
        probability: p.probability, linear_predictor: p.linearPredictor, threshold: p.threshold, risk_class: p.riskClass, positive_class: p.positiveClass,
        dlr_signature: p.dlrSignature, points: p.points, total_points: p.totalPoints, values: p.values, outside_axis: p.outsideAxis,
      }, null, 1) + '\n');
      return 0;
    }
    const c = bundle.content;
    const lines = [
      `DLRN prediction (study "${c.study.name}")`,
      `  probability of ${p.positiveClass}: ${p.probability.toFixed(3)}`,
      `  risk class: ${p.riskClass} (threshold ${fmt(p.threshold)}, Youden on the training cohort)`,
      `  nomogram points: ${Object.entries(p.points).map(([k, v]) => `${k === 'dlr_signature' ? 'DLR signature' : k} ${v.toFixed(1)}`).join(', ')}; total ${p.totalPoints.toFixed(1)}`,
      `  DLR signature: ${fmt(p.dlrSignature)}`,
    ];
    if (p.outsideAxis.length) lines.push(`  note: outside the range of the training patients: ${p.outsideAxis.join(', ')}`);
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};

export default predict;
