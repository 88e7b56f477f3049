/**
 * Radiomics and DL features of the study's patients in one pass: each patient's image and mask are read once
 * and both feature sets computed in the same worker thread (the CNN backbone loaded once per worker). Both
 * results go to their resumable caches (`DIR/features/radiomics.csv`, `deep.csv`) as patients finish, so a
 * rerun or an interrupted run only computes what is missing, part by part.
 */
import { siblingModuleUrl } from '../core/module-url.js';
import { errorSummary, runWorkerPool } from '../core/worker-pool.js';
import type { Backbone } from '../deep/backbone.js';
import { deepFeatureNames, extractDeepFeatures, loadOnnxBackbone, type DeepFeatureOptions, type OnnxBackboneOptions } from '../deep/index.js';
import { extractPyradiomics, type PyradiomicsParams } from '../features/index.js';
import { readImage, readMask } from '../io/index.js';
import { backboneOptions, deepFeatureOptions, deepSettingsHash, modelFileSha256, type CachedDeepFeatures, type DeepSettings } from './deep-features.js';
import { FeatureCache, type CacheSource } from './feature-cache.js';
import { tableFromRecords } from './feature-table.js';
import { radiomicsSettingsHash, resolveJobs, type CachedFeatures, type ExtractionProgress } from './radiomics-features.js';

/** What a worker is started with (plain data). */
export interface CaseExtractorInit {
  readonly params: PyradiomicsParams | null;
  readonly deep: { readonly model: OnnxBackboneOptions; readonly features: DeepFeatureOptions } | null;
}

/** A prepared extractor (the backbone loaded). */
export interface CaseExtractor {
  readonly init: CaseExtractorInit;
  readonly backbone: Backbone | null;
}

/** One patient and the parts to compute. */
export interface CaseItem extends CacheSource {
  readonly rad: boolean;
  readonly deep: boolean;
}

/** Error of one part, as sent between threads. */
export type PartError = { readonly name: string; readonly code: string; readonly message: string };

/** The computed parts (or their errors). */
export interface CaseItemResult {
  readonly rad?: { readonly names: readonly string[]; readonly values: Float64Array };
  readonly radError?: PartError;
  readonly deep?: Float64Array;
  readonly deepError?: PartError;
}

/** Loads the backbone (when DL features are wanted). */
export async function prepareCaseExtractor(init: CaseExtractorInit): Promise<CaseExtractor> {
  return { init, backbone: init.deep ? await loadOnnxBackbone({ ...init.deep.model, threads: 1 }) : null };
}

/**
 * Reads a patient's image and mask once and computes the requested parts. The arithmetic is that of
 * `extractCaseFiles` (radiomics) and `deepFeaturesOfFiles` (DL), so the values are the same as theirs.
 */
export async function computeCaseFeatures(ex: CaseExtractor, item: CaseItem): Promise<CaseItemResult> {
  const image = await readImage(item.image);
  const { labelMap, mask } = await readMask(item.mask, { label: item.maskLabel, like: image });
  let rad: CaseItemResult['rad'];
  let radError: PartError | undefined;
  let deep: Float64Array | undefined;
  let deepError: PartError | undefined;
  if (item.rad && ex.init.params) {
    try {
      const r = extractPyradiomics({ image, labelMap }, ex.init.params, item.maskLabel);
      const names = Object.keys(r.features);
      rad = { names, values: Float64Array.from(names, (n) => r.features[n]) };
    } catch (e) {
      radError = errorSummary(e);
    }
  }
  if (item.deep && ex.backbone && ex.init.deep) {
    try {
      deep = (await extractDeepFeatures(image, mask, ex.backbone, ex.init.deep.features)).values;
    } catch (e) {
      deepError = errorSummary(e);
    }
  }
  return { rad, radError, deep, deepError };
}

/** Radiomics and DL features of the study (null when not asked for). */
export interface StudyFeatures {
  readonly radiomics: CachedFeatures | null;
  readonly deep: CachedDeepFeatures | null;
}

/**
 * Computes (or reuses) the radiomics and, when `deep` is given, the DL features of `cases` in one pass
 * (see the module comment). Failures are reported per part, not thrown.
 */
export async function studyFeatures(
  cases: readonly CacheSource[],
  opts: {
    readonly radiomics: { readonly params: PyradiomicsParams; readonly cachePath: string } | null;
    readonly deep: { readonly settings: DeepSettings; readonly cachePath: string } | null;
    readonly jobs?: number;
    readonly progress?: ExtractionProgress;
  },
): Promise<StudyFeatures> {
  const radHash = opts.radiomics ? radiomicsSettingsHash(opts.radiomics.params) : '';
  const radCache = opts.radiomics ? new FeatureCache(opts.radiomics.cachePath, radHash) : null;
  const radReused = radCache ? radCache.load(cases) : 0;
  let deepCache: FeatureCache | null = null;
  let deepReused = 0;
  let deepMeta: { hash: string; backboneId: string; modelSha256: string; names: string[]; features: DeepFeatureOptions; model: OnnxBackboneOptions } | null = null;
  if (opts.deep) {
    const model = backboneOptions(opts.deep.settings);
    const features = deepFeatureOptions(opts.deep.settings);
    const hash = deepSettingsHash(opts.deep.settings, modelFileSha256(opts.deep.settings));
    // loaded once here for its id, feature size and weights hash (workers load their own copies)
    const b = await loadOnnxBackbone(model);
    deepMeta = { hash, backboneId: b.id, modelSha256: b.modelSha256, names: deepFeatureNames(b.id, b.featureDim, features), features, model };
    await b.dispose();
    deepCache = new FeatureCache(opts.deep.cachePath, hash);
    deepReused = deepCache.load(cases);
  }
  const items: CaseItem[] = cases
    .map((c) => ({ ...c, rad: radCache !== null && !radCache.has(c.id), deep: deepCache !== null && !deepCache.has(c.id) }))
    .filter((c) => c.rad || c.deep);
  opts.progress?.onStart?.(items.length, cases.length - items.length);
  const radFailures: { id: string; message: string }[] = [];
  const deepFailures: { id: string; message: string }[] = [];
  const finish = (item: CaseItem, r: CaseItemResult): void => {
    if (r.rad && radCache) radCache.put(item, r.rad.names, r.rad.values);
    else if (item.rad) radFailures.push({ id: item.id, message: r.radError?.message ?? 'not computed' });
    if (r.deep && deepCache && deepMeta) deepCache.put(item, deepMeta.names, r.deep);
    else if (item.deep) deepFailures.push({ id: item.id, message: r.deepError?.message ?? 'not computed' });
    radCache?.flush(false);
    deepCache?.flush(false);
    opts.progress?.onCase?.(item.id, !r.radError && !r.deepError);
  };
  const init: CaseExtractorInit = { params: opts.radiomics?.params ?? null, deep: deepMeta ? { model: deepMeta.model, features: deepMeta.features } : null };
  const jobs = Math.min(resolveJobs(opts.jobs ?? 0), Math.max(1, items.length));
  try {
    if (items.length > 0 && jobs === 1) {
      const ex = await prepareCaseExtractor({ ...init, deep: items.some((i) => i.deep) ? init.deep : null });
      try {
        for (const item of items) {
          let r: CaseItemResult;
          try {
            r = await computeCaseFeatures(ex, item);
          } catch (e) {
            const error = errorSummary(e);
            r = { radError: item.rad ? error : undefined, deepError: item.deep ? error : undefined };
          }
          finish(item, r);
        }
      } finally {
        await ex.backbone?.dispose();
      }
    } else if (items.length > 0) {
      await runWorkerPool<CaseItem, CaseItemResult>({
        workerUrl: siblingModuleUrl(import.meta.url, './case-worker'),
        jobs,
        init: { ...init, deep: items.some((i) => i.deep) ? init.deep : null },
        items,
        onResult: (i, o) => finish(items[i], o.ok ? o.value : { radError: items[i].rad ? o.error : undefined, deepError: items[i].deep ? o.error : undefined }),
      });
    }
  } finally {
    radCache?.flush(true);
    deepCache?.flush(true);
  }
  let radiomics: CachedFeatures | null = null;
  if (radCache) {
    const ok = cases.filter((c) => radCache.has(c.id)).map((c) => c.id);
    radiomics = {
      table: tableFromRecords(ok, radCache.featureNames() ?? [], radCache.valuesFor(ok)),
      reused: radReused, computed: items.filter((i) => i.rad).length - radFailures.length, failures: radFailures, settingsHash: radHash,
    };
  }
  let deep: CachedDeepFeatures | null = null;
  if (deepCache && deepMeta) {
    const ok = cases.filter((c) => deepCache!.has(c.id)).map((c) => c.id);
    deep = {
      table: tableFromRecords(ok, deepCache.featureNames() ?? deepMeta.names, deepCache.valuesFor(ok)),
      reused: deepReused, computed: items.filter((i) => i.deep).length - deepFailures.length, failures: deepFailures,
      settingsHash: deepMeta.hash, backboneId: deepMeta.backboneId, modelSha256: deepMeta.modelSha256,
    };
  }
  return { radiomics, deep };
}
