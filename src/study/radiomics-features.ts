/**
 * Radiomics (Rad) features of every patient, PyRadiomics-compatible, extracted with worker threads and kept in
 * a resumable cache (`DIR/features/radiomics.csv`): patients already computed with the same settings and files
 * are reused, only the missing ones are extracted.
 */
import { availableParallelism } from 'node:os';
import { siblingModuleUrl } from '../core/module-url.js';
import { errorSummary, runWorkerPool, type PoolOutcome } from '../core/worker-pool.js';
import { dlrnVersion, extractCaseFiles, settingsHash, type ExtractionOptions, type PyradiomicsParams } from '../features/index.js';
import { FeatureCache, type CacheSource } from './feature-cache.js';
import { tableFromRecords, type FeatureTable } from './feature-table.js';

/** One patient sent to a radiomics worker. */
export interface RadiomicsItem {
  readonly id: string;
  readonly image: string;
  readonly mask: string;
  readonly maskLabel: number;
}

/** A worker's answer: feature names and values. */
export interface RadiomicsItemResult {
  readonly names: readonly string[];
  readonly values: Float64Array;
}

/** Progress callbacks of feature extraction (for progress bars). */
export interface ExtractionProgress {
  /** Called once: patients to compute and patients reused from the cache. */
  readonly onStart?: (toCompute: number, reused: number) => void;
  /** Called as each patient finishes. */
  readonly onCase?: (id: string, ok: boolean) => void;
}

/** Result of a cached extraction. */
export interface CachedFeatures {
  /** Features of the patients that succeeded (ids in input order). */
  readonly table: FeatureTable;
  readonly reused: number;
  readonly computed: number;
  /** Patients whose extraction failed (not cached, so a rerun retries them). */
  readonly failures: readonly { readonly id: string; readonly message: string }[];
  readonly settingsHash: string;
}

/** Worker threads for `jobs` (0 = one per core). */
export function resolveJobs(jobs: number): number {
  return jobs > 0 ? jobs : Math.max(1, availableParallelism());
}

/** The settings hash of radiomics extraction (parameters + dlrn version). */
export function radiomicsSettingsHash(params: PyradiomicsParams): string {
  return settingsHash({ kind: 'radiomics', mode: 'pyradiomics', params, dlrn: dlrnVersion() });
}

/**
 * Extracts PyRadiomics-mode features for `cases` (see the module comment). Failures are reported, not thrown.
 */
export async function radiomicsFeatures(
  cases: readonly CacheSource[],
  opts: { params: PyradiomicsParams; cachePath: string; jobs?: number; progress?: ExtractionProgress },
): Promise<CachedFeatures> {
  const hash = radiomicsSettingsHash(opts.params);
  const cache = new FeatureCache(opts.cachePath, hash);
  const reused = cache.load(cases);
  const todo = cases.filter((c) => !cache.has(c.id));
  opts.progress?.onStart?.(todo.length, reused);
  const options: ExtractionOptions = { mode: 'pyradiomics', params: opts.params };
  const failures: { id: string; message: string }[] = [];
  const finish = (c: CacheSource, o: PoolOutcome<RadiomicsItemResult>): void => {
    if (o.ok) cache.put(c, o.value.names, o.value.values);
    else failures.push({ id: c.id, message: o.error.message });
    cache.flush(false);
    opts.progress?.onCase?.(c.id, o.ok);
  };
  const jobs = resolveJobs(opts.jobs ?? 0);
  try {
    if (jobs === 1 || todo.length < 2) {
      for (const c of todo) {
        let o: PoolOutcome<RadiomicsItemResult>;
        try {
          const r = await extractCaseFiles(c.image, c.mask, options, c.maskLabel);
          const names = Object.keys(r.features);
          o = { ok: true, value: { names, values: Float64Array.from(names, (n) => r.features[n]) } };
        } catch (e) {
          o = { ok: false, error: errorSummary(e) };
        }
        finish(c, o);
      }
    } else {
      await runWorkerPool<RadiomicsItem, RadiomicsItemResult>({
        workerUrl: siblingModuleUrl(import.meta.url, './radiomics-worker'),
        jobs,
        init: options,
        items: todo.map((c) => ({ id: c.id, image: c.image, mask: c.mask, maskLabel: c.maskLabel })),
        onResult: (i, o) => finish(todo[i], o),
      });
    }
  } finally {
    cache.flush(true);
  }
  const ok = cases.filter((c) => cache.has(c.id)).map((c) => c.id);
  const names = cache.featureNames() ?? [];
  return { table: tableFromRecords(ok, names, cache.valuesFor(ok)), reused, computed: todo.length - failures.length, failures, settingsHash: hash };
}
