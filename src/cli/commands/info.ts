import type { Command } from '../command.js';
import { parseOptions } from '../args.js';
import { InvalidInputError } from '../../core/errors.js';
import { describeImage, type ImageDescription } from '../../io/describe.js';

const HELP = `Usage: dlrn info <file-or-folder> [--json] [--mask] [--series-uid UID]

Describes an image or mask: format, size, spacing, origin and direction (LPS millimetres, as SimpleITK
reports them), voxel data type and intensity range; for a mask also its labels and voxel counts.
Reads NIfTI-1 (.nii, .nii.gz), NRRD (.nrrd, .nhdr), a DICOM series (a folder or one of its files),
and lists the ROIs of a DICOM RTSTRUCT or the segments of a DICOM SEG.

Options:
  --json             print one JSON object (fields documented in docs/io.md)
  --mask             report labels and voxel counts even if the image does not look like a mask
                     (by default: integer values, at most 16 distinct non-negative values)
  --series-uid UID   for a DICOM folder with several series, the SeriesInstanceUID to describe
  -h, --help         show this help

Examples:
  dlrn info assets/demo/STS_019_ct.nii.gz
  dlrn info assets/demo/STS_019_mask.nii.gz --json
  dlrn info path/to/dicom-folder --series-uid 1.2.840....
`;

const num = (x: number): string => String(Number(x.toPrecision(10)));
const vec = (a: readonly number[]): string => a.map(num).join(' × ');

function formatText(d: ImageDescription): string {
  const lines: [string, string][] = [['File', d.path], ['Format', d.format + (d.compressed ? ' (gzip)' : '')]];
  if (d.size && d.spacing && d.origin && d.direction) {
    const m = d.direction;
    lines.push(
      ['Size', `${d.size.join(' × ')} voxels`],
      ['Spacing', `${vec(d.spacing)} mm`],
      ['Origin', `(${d.origin.map(num).join(', ')}) mm, LPS`],
      ['Direction', `[${[0, 1, 2].map((r) => [m[3 * r], m[3 * r + 1], m[3 * r + 2]].map(num).join(' ')).join('; ')}]`],
      ['Data type', d.dataType ?? '?'],
      ['Range', `${num(d.min ?? NaN)} … ${num(d.max ?? NaN)}`],
    );
  }
  if (d.labels) {
    lines.push(['Mask', d.labels.length ? d.labels.map((l) => `label ${num(l.value)}: ${l.voxels} voxels`).join(', ') : 'empty (no non-zero voxel)']);
  }
  if (d.rois) lines.push(['ROIs', d.rois.map((r) => `${r.number} "${r.name}" (${r.contours} contours)`).join(', ') || 'none']);
  if (d.segments) lines.push(['Segments', d.segments.map((s) => `${s.number} "${s.label}"`).join(', ') || 'none']);
  for (const [k, v] of Object.entries(d.details)) if (v !== '') lines.push([k, String(v)]);
  const w = Math.max(...lines.map(([k]) => k.length)) + 1;
  return lines.map(([k, v]) => `${(k + ':').padEnd(w)} ${v}`).join('\n') + '\n';
}

const info: Command = {
  name: 'info',
  summary: 'describe an image, mask or DICOM folder (geometry, type, range, labels)',
  help: HELP,
  async run(argv: string[]): Promise<number> {
    const { values, positionals } = parseOptions('info', argv, {
      json: { type: 'boolean' },
      mask: { type: 'boolean' },
      'series-uid': { type: 'string' },
    }, true);
    if (positionals.length !== 1) {
      throw new InvalidInputError('dlrn info: give exactly one file or folder', { found: positionals.length ? positionals.join(' ') : 'no path', fix: 'run `dlrn info --help`.' });
    }
    const d = await describeImage(positionals[0], { mask: values.mask === true, seriesUid: values['series-uid'] as string | undefined });
    process.stdout.write(values.json ? JSON.stringify(d, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n' : formatText(d));
    return 0;
  },
};

export default info;
