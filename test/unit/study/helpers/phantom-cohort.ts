/**
 * Small two-centre phantom cohorts for the study tests: CT-like volumes (HU, int16) of a head-sized patch of
 * brain with one ellipsoidal lesion each; positive lesions are brighter and more heterogeneous (`signal`
 * scales the difference, 0 = none), and the clinical variable `epilepsy` is more frequent in positives.
 * Written as NIfTI with a manifest `id,image,mask,label,centre,age,epilepsy,sex` (paths relative to it).
 * Independent of src/synthetic, so the study tests do not depend on the generator's details.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeVolume } from '../../../../src/core/volume.js';
import { Rng } from '../../../../src/core/rng.js';
import { writeImage } from '../../../../src/io/index.js';

export interface PhantomOptions {
  readonly nCentre1: number;
  readonly nCentre2: number;
  /** Positives per centre (fraction). */
  readonly prevalence?: number;
  readonly seed?: number;
  /** Difference between classes in the images (default 1). */
  readonly signal?: number;
  /** Difference between classes in the clinical variables (default 1). */
  readonly clinicalSignal?: number;
  /** In-plane size (default 24) and slices (default 6). */
  readonly size?: number;
  readonly slices?: number;
  /** Fraction of missing `age` values (default 0). */
  readonly missingAge?: number;
}

export interface PhantomCase { id: string; label: number; centre: number; age: string; epilepsy: number; sex: string }

/** Writes the cohort into `dir`; returns the manifest path and the cases. */
export async function writePhantomCohort(dir: string, o: PhantomOptions): Promise<{ manifest: string; cases: PhantomCase[] }> {
  const rng = Rng.fromSeed(o.seed ?? 1);
  const n = o.size ?? 24;
  const nz = o.slices ?? 6;
  const signal = o.signal ?? 1;
  const cs = o.clinicalSignal ?? 1;
  const prev = o.prevalence ?? 0.3;
  mkdirSync(join(dir, 'images'), { recursive: true });
  const cases: PhantomCase[] = [];
  const lines = ['id,image,mask,label,centre,age,epilepsy,sex'];
  for (const centre of [1, 2]) {
    const total = centre === 1 ? o.nCentre1 : o.nCentre2;
    const npos = Math.round(total * prev);
    for (let k = 0; k < total; k++) {
      const label = k < npos ? 1 : 0;
      const id = `C${centre}_${String(k + 1).padStart(3, '0')}`;
      const r = rng.child(id);
      const img = new Int16Array(n * n * nz);
      const mask = new Uint8Array(n * n * nz);
      const cx = n / 2 + r.uniformRange(-2, 2);
      const cy = n / 2 + r.uniformRange(-2, 2);
      const cz = nz / 2 - 0.5;
      const rx = r.uniformRange(3.5, 7);
      const ry = r.uniformRange(3.5, 7);
      const rz = r.uniformRange(1.2, 2.5);
      const mean = 58 + label * signal * 8 + r.normal(0, 6) + (centre === 2 ? 2 : 0);
      const sd = r.uniformRange(4, 10) + label * signal * 3;
      for (let z = 0; z < nz; z++) {
        for (let y = 0; y < n; y++) {
          for (let x = 0; x < n; x++) {
            const p = x + n * (y + n * z);
            const inside = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 + ((z - cz) / rz) ** 2 <= 1;
            mask[p] = inside ? 1 : 0;
            img[p] = Math.round(inside ? r.normal(mean, sd) : r.normal(30, 4));
          }
        }
      }
      const geom = { size: [n, n, nz], spacing: [0.9, 0.9, 5], origin: [0, 0, 0] };
      await writeImage(join(dir, 'images', `${id}.nii.gz`), makeVolume(geom, img));
      await writeImage(join(dir, 'images', `${id}_mask.nii.gz`), makeVolume(geom, mask));
      const age = o.missingAge && r.bernoulli(o.missingAge) ? '' : String(Math.round(r.normal(62 - 6 * label * cs, 10)));
      const epilepsy = r.bernoulli(0.1 + 0.5 * label * cs) ? 1 : 0;
      const sex = r.bernoulli(0.5) ? 'F' : 'M';
      cases.push({ id, label, centre, age, epilepsy, sex });
      lines.push(`${id},images/${id}.nii.gz,images/${id}_mask.nii.gz,${label},${centre},${age},${epilepsy},${sex}`);
    }
  }
  const manifest = join(dir, 'manifest.csv');
  writeFileSync(manifest, lines.join('\n') + '\n');
  return { manifest, cases };
}

/** A study config for a phantom cohort (manifest relative to the config's folder). */
export function phantomConfig(extra = ''): string {
  return `name: phantom
seed: 11
manifest: manifest.csv
cohorts: {column: centre, training: "1", external_test: "2"}
clinical:
  variables:
    - {name: age, type: numeric}
    - {name: epilepsy, type: binary, label: Epilepsy}
    - {name: sex, type: categorical, reference: M}
deep: {pca_components: 4, jobs: 2}
radiomics: {jobs: 2}
selection:
  mrmr_top_k: 8
  lasso: {nfolds: 5, lambda_rule: lambda.1se}
${extra}`;
}
