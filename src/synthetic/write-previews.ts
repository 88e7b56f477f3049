import { join } from 'node:path';
import { writeFileAtomic } from '../core/atomic.js';
import { type CasePlan, planCase } from './case-plan.js';
import type { SynthOptions } from './options.js';
import { previewPng } from './preview.js';
import { renderCase } from './render-case.js';

/** File names of the two previews written by `dlrn synth --preview`. */
export const PREVIEW_FILES = { cvt: 'preview-cvt.png', hypertensive: 'preview-hypertensive.png' } as const;

/**
 * The cases shown in the previews: the first CVT case with the typical pattern (else the first CVT case)
 * and the first deep (basal ganglia / thalamus) hypertensive case of the cohort. When the cohort has none,
 * a dedicated case is planned (id `preview-cvt` / `preview-hypertensive`, centre 1), outside the cohort.
 */
export function previewPlans(options: SynthOptions, plans: readonly CasePlan[]): { cvt: CasePlan; hypertensive: CasePlan } {
  const cvt = plans.find((p) => p.etiology === 'cvt' && p.hematoma.typicalPattern) ?? plans.find((p) => p.etiology === 'cvt') ?? planCase(options, 'preview-cvt', 1, 1, 'cvt');
  const deep = (p: CasePlan): boolean => p.etiology === 'hypertensive' && (p.hematoma.location === 'basal-ganglia' || p.hematoma.location === 'thalamus');
  let hypertensive = plans.find(deep);
  for (let k = 0; !hypertensive && k < 50; k++) {
    const p = planCase(options, `preview-hypertensive-${k}`, 1, 0, 'hypertensive');
    if (deep(p)) hypertensive = p;
  }
  return { cvt, hypertensive: hypertensive ?? planCase(options, 'preview-hypertensive', 1, 0, 'hypertensive') };
}

/**
 * Writes `preview-cvt.png` and `preview-hypertensive.png` into `dir`: the axial slice with the largest
 * hematoma area, brain window (L 40 / W 80), plain and with the mask outline in red. Returns the paths.
 */
export function writePreviews(options: SynthOptions, plans: readonly CasePlan[], dir: string): string[] {
  const chosen = previewPlans(options, plans);
  const out: string[] = [];
  for (const key of ['cvt', 'hypertensive'] as const) {
    const r = renderCase(chosen[key]);
    const path = join(dir, PREVIEW_FILES[key]);
    writeFileAtomic(path, previewPng(r.image, r.mask, undefined, r.image.size[0] < 400 ? 2 : 1));
    out.push(path);
  }
  return out;
}
