/**
 * Study inputs as feature tables (no images): a manifest (`id,image,mask,label,centre,age,epilepsy`), a
 * radiomics table and a DL table written as CSV, with a known structure: a few informative radiomics features
 * (shifted by `signal`·outcome), near-copies of them (redundant), noise, one constant feature and one feature
 * missing for a training patient; DL features are noise plus two informative ones; `epilepsy` is more frequent
 * in positives. Seeded; used by the study tests that do not need extraction.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../../../../src/core/rng.js';

export interface TableCohortOptions {
  readonly nTrain: number;
  readonly nTest: number;
  readonly prevalence?: number;
  readonly seed?: number;
  readonly signal?: number;
  readonly nNoise?: number;
  readonly nDeep?: number;
}

/** Writes manifest.csv, rad.csv and deep.csv into `dir`. */
export function writeTableCohort(dir: string, o: TableCohortOptions): void {
  mkdirSync(dir, { recursive: true });
  const rng = Rng.fromSeed(o.seed ?? 1);
  const prev = o.prevalence ?? 0.3;
  const s = o.signal ?? 1;
  const nNoise = o.nNoise ?? 25;
  const nDeep = o.nDeep ?? 60;
  const manifest = ['id,image,mask,label,centre,age,epilepsy'];
  const radHeader = ['id', 'diagnostics_Versions_dlrn', 'inf_1', 'inf_2', 'inf_3', 'copy_1', 'copy_2', 'constant', 'gappy', ...Array.from({ length: nNoise }, (_, j) => `noise_${j + 1}`)];
  const rad = [radHeader.join(',')];
  const deep = [['id', ...Array.from({ length: nDeep }, (_, j) => `dl_x_${j}`)].join(',')];
  let first = true;
  for (const [centre, n] of [[1, o.nTrain], [2, o.nTest]] as const) {
    const npos = Math.round(n * prev);
    for (let k = 0; k < n; k++) {
      const y = k < npos ? 1 : 0;
      const id = `P${centre}_${k + 1}`;
      const r = rng.child(id);
      const inf = [r.normal() + s * y, r.normal() + 0.7 * s * y, r.normal() + 0.5 * s * y];
      const age = Math.round(r.normal(60 - 6 * y, 10));
      const epilepsy = r.bernoulli(0.1 + 0.35 * y) ? 1 : 0;
      manifest.push(`${id},img/${id}.nii.gz,img/${id}_mask.nii.gz,${y},${centre},${age},${epilepsy}`);
      const gappy = first ? 'nan' : String(r.normal());
      first = false;
      rad.push([id, '0.1.0', ...inf, inf[0] + 0.05 * r.normal(), inf[1] * 2 + 0.05 * r.normal(), 7, gappy, ...Array.from({ length: nNoise }, () => r.normal())].join(','));
      const d = Array.from({ length: nDeep }, (_, j) => r.normal() + (j < 2 ? 0.6 * s * y : 0) + (j % 7 === 0 ? r.normal() : 0));
      deep.push([id, ...d].join(','));
    }
  }
  writeFileSync(join(dir, 'manifest.csv'), manifest.join('\n') + '\n');
  writeFileSync(join(dir, 'rad.csv'), rad.join('\n') + '\n');
  writeFileSync(join(dir, 'deep.csv'), deep.join('\n') + '\n');
}

/** A config for the table cohort (written next to it). */
export function tableConfig(extra = '', cohorts = '{column: centre, training: "1", external_test: "2"}', selectionExtra = ''): string {
  return `name: tables
seed: 5
manifest: manifest.csv
cohorts: ${cohorts}
clinical:
  variables:
    - {name: age, type: numeric}
    - {name: epilepsy, type: binary, label: Epilepsy}
radiomics: {table: rad.csv}
deep: {table: deep.csv, pca_components: 5}
selection:
  mrmr_top_k: 10
  lasso: {nfolds: 5, lambda_rule: lambda.1se}
${selectionExtra}${extra}`;
}
