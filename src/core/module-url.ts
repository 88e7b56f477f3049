import { createRequire } from 'node:module';
import type { Worker, WorkerOptions } from 'node:worker_threads';

/**
 * `node:worker_threads`, loaded on first use: one-shot commands that never start a worker (a single `dlrn extract`)
 * skip compiling it (~3 ms of start-up).
 */
export function workerThreads(): typeof import('node:worker_threads') {
  return createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
}

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
  const { Worker: WorkerThread } = workerThreads();
  if (!url.pathname.endsWith('.ts')) return new WorkerThread(url, options);
  return new WorkerThread(new URL('./tsx-worker-bootstrap.mjs', import.meta.url), { ...options, argv: [url.href] });
}
