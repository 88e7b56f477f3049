import { createRequire } from 'node:module';

/**
 * V8 flags for the compute phase of a dlrn CLI command. A command is a short burst of allocation (volumes, per-class
 * matrices): letting V8's young generation grow 8× per step instead of 2× cuts the scavenges of one `dlrn extract`
 * from ~15–35 to ~5–10 and halves its GC time (measured with --trace-gc on brain1 and the IBSI CT phantom); it only
 * changes how fast the young generation reaches its usual maximum size.
 *
 * Set them once the command's code is loaded, never at start-up: V8 accepts cached code only when the flags match
 * those it was made with, and Node's own modules (zlib, crypto, streams, ...) are cached for the default flags, so
 * with the flags set first every builtin module the command loads afterwards is compiled from source (~30 ms more
 * in a `dlrn extract`). Our bundles' caches (src/core/code-cache.ts) are written without the flags for the same
 * reason (`DLRN_CODE_CACHE_WRITE=1` leaves them unset).
 */
export const CLI_V8_FLAGS: readonly string[] = ['--semi-space-growth-factor=8'];

/**
 * Added for a short run (one case, a fraction of a second): V8 counts the bytecode a function runs and hands it to its
 * optimising compiler (on background threads) after every 67,584 bytes' worth by default. In a 0.25 s `dlrn extract`
 * of brain1 those compilations took a third of all CPU time, competing with the inflation and the main thread on a
 * 2-core machine, for code that often had finished by the time it was optimised. A 3× budget optimises only what runs
 * long: brain1 −15 ms (median of 25 runs, interleaved with the default), the IBSI CT phantom unchanged; a 24-case
 * batch was no faster with it, so batches keep the default.
 */
export const SHORT_RUN_V8_FLAGS: readonly string[] = ['--interrupt-budget=200000'];

/**
 * Sets {@link CLI_V8_FLAGS}, plus {@link SHORT_RUN_V8_FLAGS} for a short run (see there when), except in a process that
 * writes code caches.
 */
export function applyComputeV8Flags(run: 'short' | 'long'): void {
  if (process.env.DLRN_CODE_CACHE_WRITE === '1') return;
  // (node:v8 loaded here, not with this module: it is only needed at this point)
  const { setFlagsFromString } = createRequire(import.meta.url)('node:v8') as typeof import('node:v8');
  setFlagsFromString([...CLI_V8_FLAGS, ...(run === 'short' ? SHORT_RUN_V8_FLAGS : [])].join(' '));
}
