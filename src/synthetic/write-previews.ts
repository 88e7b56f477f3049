import { join } from 'node:path';
import { writeFileAtomic } from '../core/atomic.js';
import { type CasePlan, planCase } from './case-plan.js';
import { locationClass } from './locations.js';
import type { SynthOptions } from './options.js';
import { previewPng } from './preview.js';
import { renderCase } from './render-case.js';

/** File names of the two previews written by `dlrn synth --preview`. */
export const PREVIEW_FILES = { cvt: 'preview-cvt.png', hypertensive: 'preview-hypertensive.png' } as const;

/**
 * The cases shown in the previews: the first CVT case with the typical pattern, lobar, centred at the level
 * of the lateral ventricles (head z 0–35 mm), of at least 8 mL and with marked edema (else the first typical CVT, else the first CVT), and the first deep (basal ganglia / thalamus)
 * hypertensive case of at least 8 mL (else the first deep one). When the cohort has none, a dedicated case is
 * planned (ids `preview-cvt-<k>` / `preview-hypertensive-<k>`, centre 1), outside the cohort.
 */
export function previewPlans(options: SynthOptions, plans: readonly CasePlan[]): { cvt: CasePlan; hypertensive: CasePlan } {
  const typical = (p: CasePlan): boolean => p.etiology === 'cvt' && p.hematoma.typicalPattern;
  const showcaseCvt = (p: CasePlan): boolean => typical(p) && locationClass(p.hematoma.location) === 'lobar'
    && p.hematoma.centre[2] > 0 && p.hematoma.centre[2] < 35 && p.hematoma.targetVolumeMl >= 8 && p.hematoma.edema.plateau >= 4;
  const deep = (p: CasePlan): boolean => p.etiology === 'hypertensive' && locationClass(p.hematoma.location) === 'deep';
  const showcaseDeep = (p: CasePlan): boolean => deep(p) && p.hematoma.targetVolumeMl >= 8;
  const extra = (kind: 'cvt' | 'hypertensive', pred: (p: CasePlan) => boolean): CasePlan | undefined => {
    for (let k = 0; k < 100; k++) {
      const p = planCase(options, `preview-${kind}-${k}`, 1, kind === 'cvt' ? 1 : 0, kind);
      if (pred(p)) return p;
    }
    return undefined;
  };
  const cvt = plans.find(showcaseCvt) ?? plans.find(typical) ?? plans.find((p) => p.etiology === 'cvt') ?? extra('cvt', showcaseCvt) ?? planCase(options, 'preview-cvt', 1, 1, 'cvt');
  const hypertensive = plans.find(showcaseDeep) ?? plans.find(deep) ?? extra('hypertensive', showcaseDeep) ?? planCase(options, 'preview-hypertensive', 1, 0, 'hypertensive');
  return { cvt, hypertensive };
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
