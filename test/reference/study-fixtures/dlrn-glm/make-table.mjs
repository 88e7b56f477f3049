// Builds table.csv from a study output folder and its manifest: the DLRN design exported by the study
// (tables/dlrn_design.csv: id, cohort, outcome, dlr_signature, selected clinical terms) plus the raw clinical
// columns of the manifest (age, epilepsy, sex) for the clinical-selection check.
// Usage: node make-table.mjs STUDY_OUT MANIFEST > table.csv
import { readFileSync } from 'node:fs';
const [out, manifest] = process.argv.slice(2);
const read = (p) => readFileSync(p, 'utf8').trim().split('\n').map((l) => l.split(','));
const design = read(`${out}/tables/dlrn_design.csv`);
const man = read(manifest);
const col = (t, name) => t[0].indexOf(name);
const byId = new Map(man.slice(1).map((r) => [r[0], r]));
const lines = ['id,cohort,outcome,dlr_signature,age,epilepsy,sex'];
for (const r of design.slice(1)) {
  const m = byId.get(r[0]);
  lines.push([r[0], r[1], r[2], r[col(design, 'dlr_signature')], m[col(man, 'age')], m[col(man, 'epilepsy')], m[col(man, 'sex')]].join(','));
}
process.stdout.write(lines.join('\n') + '\n');
