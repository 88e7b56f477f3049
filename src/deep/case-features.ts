import { readImage, readMask } from '../io/index.js';
import type { Backbone } from './backbone.js';
import { extractDeepFeatures, type DeepFeatureOptions } from './embed.js';

/** Files of one case. */
export interface DeepCaseFiles {
  readonly id: string;
  readonly image: string;
  readonly mask: string;
  readonly maskLabel: number;
}

/** Deep features of one case read from files. */
export interface DeepCaseResult {
  readonly values: Float64Array;
  readonly largestSlice: number;
  readonly largestArea: number;
}

/** Reads a case's image and mask (mask checked against the image grid) and computes its deep features. */
export async function deepFeaturesOfFiles(c: DeepCaseFiles, backbone: Backbone, opts: DeepFeatureOptions): Promise<DeepCaseResult> {
  const image = await readImage(c.image);
  const { mask } = await readMask(c.mask, { label: c.maskLabel, like: image });
  const f = await extractDeepFeatures(image, mask, backbone, opts);
  return { values: f.values, largestSlice: f.input.largestSlice, largestArea: f.input.largestArea };
}
