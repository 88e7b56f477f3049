import type { Rng } from '../core/rng.js';

/** `x` limited to [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Linear interpolation a + t·(b − a). */
export function lerp(a: number, b: number, t: number): number {
  return a + t * (b - a);
}

/** Hermite smoothstep of t clamped to [0, 1]. */
export function smoothstep(t: number): number {
  const u = clamp(t, 0, 1);
  return u * u * (3 - 2 * u);
}

/**
 * A normal deviate restricted to [lo, hi] by rejection (at most 64 tries, then clamped), so the
 * distribution keeps its bell shape inside the interval instead of piling up at the borders.
 */
export function truncatedNormal(rng: Rng, mean: number, sd: number, lo: number, hi: number): number {
  for (let i = 0; i < 64; i++) {
    const x = rng.normal(mean, sd);
    if (x >= lo && x <= hi) return x;
  }
  return clamp(mean, lo, hi);
}

/** A log-normal deviate with the given median and log-scale sd, restricted to [lo, hi] by rejection. */
export function truncatedLogNormal(rng: Rng, median: number, logSd: number, lo: number, hi: number): number {
  return Math.exp(truncatedNormal(rng, Math.log(median), logSd, Math.log(lo), Math.log(hi)));
}

/** Rounds to `digits` decimals (for tidy hidden parameters and CSV values). */
export function round(x: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
