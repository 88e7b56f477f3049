/**
 * `dlrn extract`: radiomics features of one case or of a manifest of cases. This file only parses options and formats
 * output; the work is done by `src/features/extractor`.
 */
import { InvalidInputError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/atomic.js';
import { applyComputeV8Flags } from '../../core/v8-flags.js';
import type { BatchCase } from '../../features/extractor/batch.js';
import type { ExtractionMode, ExtractionOptions } from '../../features/extractor/extract-case.js';
import { ibsiConfig } from '../../features/extractor/ibsi-configs.js';
import { readPyradiomicsParams } from '../../features/extractor/params-file.js';
import { toCsv } from '../../table/csv.js';
import { parseOptions } from '../args.js';
import type { Command } from '../command.js';

// The extraction modules are loaded when needed (after option parsing), so `--help` and option errors answer at once.

const HELP = `Usage:
  dlrn extract --image I --mask M [--label N] [--params P.yaml] [--mode pyradiomics|ibsi] [--ibsi-config X] [--out F.csv | --json [--out F.json]]
  dlrn extract --manifest cases.csv --out F.csv [--jobs N] [--params P.yaml] [--mode ...] [--json]

Radiomics features of a lesion, PyRadiomics-compatible (default) or IBSI.

Options:
  --image PATH          image (NIfTI .nii/.nii.gz, NRRD .nrrd/.nhdr, or a DICOM series folder)
  --mask PATH           mask: label map (NIfTI/NRRD), DICOM RTSTRUCT or SEG
  --label N             mask label value (default: the parameter file's label, else 1)
  --params P.yaml       PyRadiomics parameter file (setting / imageType / featureClass); unknown keys are errors.
                        Only the Original image type is computed for now.
  --mode M              pyradiomics (default): PyRadiomics' features, names (original_<class>_<Feature>) and
                        diagnostics_* columns; ibsi: IBSI 1 features named by IBSI tag (morph_volume, cm_joint_max_3D_avg, ...)
  --ibsi-config X       IBSI mode: process as IBSI 1 configuration A, B, C (default), D or E, or "none" (no processing)
  --manifest F.csv      batch: columns id,image,mask[,label] (or PyRadiomics' Image,Mask[,Label]); paths relative to
                        the manifest's folder. One output row per case; a failing case gets a row with its error.
  --jobs N              batch: worker threads (default 1)
  --out F               output file (written atomically). Without --out, the output goes to standard output.
  --json                JSON instead of CSV: one object per case (column name -> value); a batch writes one object per line
  --quiet               no progress bar and no summary on standard error

Exit status: 0 when every case succeeded, 1 when a batch had failing cases (their rows hold the error), 2 for an
error that stopped the command (bad option, unreadable parameter file, failing single case).
See docs/radiomics.md.`;

function parseMode(v: string | undefined): ExtractionMode {
  if (v === undefined || v === 'pyradiomics') return 'pyradiomics';
  if (v === 'ibsi') return 'ibsi';
  throw new InvalidInputError('dlrn extract: --mode must be pyradiomics or ibsi', { found: JSON.stringify(v) });
}

function parseIntOption(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (!Number.isInteger(x)) throw new InvalidInputError(`dlrn extract: --${name} must be a whole number`, { found: JSON.stringify(v) });
  return x;
}

function jsonValue(v: unknown): unknown {
  return typeof v === 'number' && !Number.isFinite(v) ? null : v;
}

const extract: Command = {
  name: 'extract',
  summary: 'radiomics features (PyRadiomics-compatible or IBSI) for one case or a manifest',
  help: HELP,
  async run(argv: string[]): Promise<number> {
    const { values } = parseOptions('extract', argv, {
      image: { type: 'string' }, mask: { type: 'string' }, label: { type: 'string' }, params: { type: 'string' },
      mode: { type: 'string' }, 'ibsi-config': { type: 'string' }, manifest: { type: 'string' }, jobs: { type: 'string' },
      out: { type: 'string' }, json: { type: 'boolean' }, quiet: { type: 'boolean' },
    });
    const mode = parseMode(values.mode as string | undefined);
    if (values['ibsi-config'] !== undefined && mode !== 'ibsi') {
      throw new InvalidInputError('dlrn extract: --ibsi-config needs --mode ibsi', { fix: 'add --mode ibsi.' });
    }
    if (values.params !== undefined && mode === 'ibsi') {
      throw new InvalidInputError('dlrn extract: --params is a PyRadiomics parameter file; IBSI mode takes --ibsi-config', { fix: 'drop --params or use --mode pyradiomics.' });
    }
    const options: ExtractionOptions = {
      mode,
      params: values.params ? readPyradiomicsParams(values.params as string) : undefined,
      ibsiConfig: mode === 'ibsi' ? ibsiConfig((values['ibsi-config'] as string | undefined) ?? 'C').id : undefined,
    };
    const label = parseIntOption('label', values.label as string | undefined);
    const jobs = parseIntOption('jobs', values.jobs as string | undefined) ?? 1;
    if (jobs < 1) throw new InvalidInputError('dlrn extract: --jobs must be ≥ 1', { found: String(jobs) });
    const out = values.out as string | undefined;
    const json = Boolean(values.json);
    const emit = (text: string): void => {
      if (out) writeFileAtomic(out, text);
      else process.stdout.write(text);
    };

    if (values.manifest !== undefined) {
      if (values.image !== undefined || values.mask !== undefined) {
        throw new InvalidInputError('dlrn extract: use either --manifest or --image/--mask, not both');
      }
      const { readManifest } = await import('../../table/manifest.js');
      const { batchRecords, batchTable, extractBatch } = await import('../../features/extractor/batch.js');
      const { ProgressBar } = await import('../progress.js');
      applyComputeV8Flags('long');
      const manifest = readManifest(values.manifest as string);
      const cases: BatchCase[] = manifest.cases.map((c) => ({
        id: c.id, image: c.image, mask: c.mask, label: label ?? (manifest.maskLabelColumn ? c.maskLabel : undefined),
      }));
      const bar = new ProgressBar(values.quiet ? 0 : cases.length, 'extract ');
      const results = await extractBatch(cases, options, { jobs, onResult: (r) => bar.tick(r.error === null) });
      bar.finish();
      // report paths as written in the manifest
      const shown = results.map((r, i) => {
        const row = manifest.cases[i].row;
        return { ...r, case: { ...r.case, image: row.image ?? row.Image ?? r.case.image, mask: row.mask ?? row.Mask ?? r.case.mask } };
      });
      if (json) emit(batchRecords(shown).map((o) => JSON.stringify(o)).join('\n') + '\n');
      else {
        const t = batchTable(shown);
        emit(toCsv(t.header, t.rows));
      }
      const failed = results.filter((r) => r.error !== null);
      if (!values.quiet) {
        process.stderr.write(`dlrn extract: ${results.length - failed.length} of ${results.length} cases extracted${out ? ` -> ${out}` : ''}\n`);
        for (const f of failed) process.stderr.write(`  ${f.case.id}: [${f.error?.code}] ${f.error?.message}\n`);
      }
      return failed.length > 0 ? 1 : 0;
    }

    if (values.image === undefined || values.mask === undefined) {
      throw new InvalidInputError('dlrn extract: give --image and --mask (one case) or --manifest (a batch)', { fix: 'run `dlrn extract --help`.' });
    }
    // the files are read (gzip data inflating on libuv's threads) while this thread loads the feature code
    const { caseLabel, startCaseReading } = await import('../../features/extractor/read-case.js');
    const lab = caseLabel(options, label);
    const reading = startCaseReading(values.image as string, values.mask as string, lab);
    reading.volumes.catch(() => undefined); // awaited below; no unhandled rejection while the extractor loads
    await reading.started; // (the inflation must be under way before this thread is busy loading code)
    const { extractCaseReading } = await import('../../features/extractor/extract-case.js');
    applyComputeV8Flags('short'); // (after the code is loaded: see there)
    const result = await extractCaseReading(reading, options, lab);
    if (json) {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(result.diagnostics)) o[k] = v;
      for (const [k, v] of Object.entries(result.features)) o[k] = jsonValue(v);
      emit(JSON.stringify(o, null, 2) + '\n');
    } else {
      const header = [...Object.keys(result.diagnostics), ...Object.keys(result.features)];
      emit(toCsv(header, [[...Object.values(result.diagnostics), ...Object.values(result.features)]]));
    }
    return 0;
  },
};

export default extract;
