import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * URL of a sibling module (e.g. a worker script) next to the calling module, with the right extension:
 * `.ts` when running from sources under tsx (tests), `.js` when running compiled code from dist/.
 *
 * @example startWorker(siblingModuleUrl(import.meta.url, './extract-worker'), { workerData })
 */
export function siblingModuleUrl(callerUrl: string, relativeNoExt: string): URL {
  const ext = callerUrl.endsWith('.ts') ? '.ts' : '.js';
  return new URL(relativeNoExt + ext, callerUrl);
}

/**
 * Starts a worker thread on a module URL. Compiled `.js` modules start directly; a `.ts` module (tests
 * running the sources through tsx) starts behind a tiny bootstrap that registers tsx in the worker first,
 * because Node 20 workers do not inherit the `--import tsx` loader of the main thread.
 */
export function startWorker(url: URL, options: WorkerOptions = {}): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  return new Worker(new URL('./tsx-worker-bootstrap.mjs', import.meta.url), { ...options, argv: [url.href] });
}
