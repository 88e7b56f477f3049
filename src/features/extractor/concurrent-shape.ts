import { isMainThread, type Worker } from 'node:worker_threads';
import { siblingModuleUrl, startWorker } from '../../core/module-url.js';
import type { FeatureValues } from '../types.js';
import type { PyradiomicsParams } from './params-file.js';
import {
  assemblePyradiomics, computePyradiomicsClasses, enabledPyradiomicsClasses, preparePyradiomics,
  type CaseVolumes, type ExtractionResult,
} from './pyradiomics-extract.js';

/**
 * Single-case speed-up for a one-shot run: the PyRadiomics shape class (marching-cubes mesh, hulls, PCA) is computed
 * in a second thread while this thread computes the other classes. The worker is started before the files are
 * read, so its start-up overlaps the reading. Results are identical to {@link extractPyradiomics}; if the worker
 * fails for any reason the shape class is computed here (and reports its own typed error).
 */
export class ShapeHelper {
  private readonly worker: Worker | null;
  private readonly ready: Promise<boolean>;

  private constructor(worker: Worker | null) {
    this.worker = worker;
    this.ready = worker
      ? new Promise<boolean>((resolve) => {
          worker.once('message', () => resolve(true));
          worker.once('error', () => resolve(false));
          worker.once('exit', () => resolve(false));
        })
      : Promise.resolve(false);
  }

  /** Starts a helper thread, or none inside worker threads (batches already use every core) or when disabled. */
  static start(enabled: boolean): ShapeHelper {
    if (!enabled || !isMainThread) return new ShapeHelper(null);
    try {
      const w = startWorker(siblingModuleUrl(import.meta.url, './shape-worker'));
      w.unref();
      return new ShapeHelper(w);
    } catch {
      return new ShapeHelper(null);
    }
  }

  /** Shape features of a ROI in the helper thread, or null when it is unavailable or failed. */
  async shape(mask: Uint8Array, size: readonly number[], spacing: readonly number[]): Promise<FeatureValues | null> {
    const w = this.worker;
    if (!w || !(await this.ready)) return null;
    return new Promise((resolve) => {
      w.once('message', (m: { ok: boolean; values?: FeatureValues }) => resolve(m.ok && m.values ? m.values : null));
      w.once('error', () => resolve(null));
      w.postMessage({ mask, size: [...size], spacing: [...spacing] });
    });
  }

  /** Stops the helper thread. */
  async stop(): Promise<void> {
    if (this.worker) await this.worker.terminate();
  }
}

/** ROIs smaller than this are not worth a second thread (shape takes a few ms). */
export const CONCURRENT_SHAPE_MIN_VOXELS = 2000;

/**
 * {@link extractPyradiomics} with the shape class computed by `helper` concurrently with the other classes.
 */
export async function extractPyradiomicsConcurrently(input: CaseVolumes, params: PyradiomicsParams, helper: ShapeHelper, label?: number): Promise<ExtractionResult> {
  const prepared = preparePyradiomics(input, params, label);
  const wantsShape = enabledPyradiomicsClasses(prepared).includes('shape');
  let voxels = 0;
  const m = prepared.roi.morphologicalMask;
  if (wantsShape) for (let i = 0; i < m.length; i++) voxels += m[i];
  if (!wantsShape || voxels < CONCURRENT_SHAPE_MIN_VOXELS) return assemblePyradiomics(prepared, computePyradiomicsClasses(prepared));
  const shapePromise = helper.shape(m, prepared.roi.size, prepared.roi.spacing);
  const values = computePyradiomicsClasses(prepared, new Set(['shape']));
  const shape = await shapePromise;
  values.shape = shape ?? computePyradiomicsClasses(prepared, new Set(enabledPyradiomicsClasses(prepared).filter((c) => c !== 'shape'))).shape;
  return assemblePyradiomics(prepared, values);
}
