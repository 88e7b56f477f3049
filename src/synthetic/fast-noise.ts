import type { Rng } from '../core/rng.js';

const TABLE_BITS = 12;
const TABLE_SIZE = 1 << TABLE_BITS;
let table: Float64Array | null = null;

/**
 * Inverse of the standard normal CDF, Φ⁻¹(p) for p in (0, 1): P. J. Acklam's rational approximation
 * (2003; relative error < 1.15e-9), used once to build the noise table.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs p in (0, 1), got ${p}`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5, r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

function quantileTable(): Float64Array {
  if (!table) {
    table = new Float64Array(TABLE_SIZE + 1);
    for (let i = 0; i <= TABLE_SIZE; i++) table[i] = normalQuantile((i + 0.5) / (TABLE_SIZE + 1));
  }
  return table;
}

/**
 * Fast seeded Gaussian noise for image synthesis: a xorshift128 stream (Marsaglia 2003) seeded from an
 * {@link Rng}, mapped through a 4097-point inverse-CDF table with linear interpolation (tails truncated
 * at about ±3.7σ). Mean 0, sd ≈ 1 (the truncation lowers it by < 0.2 %). Deterministic for a given Rng
 * state; ~20× cheaper than `Rng.normal` and allocation-free.
 */
export class GaussianNoise {
  private x: number;
  private y: number;
  private z: number;
  private w: number;

  constructor(rng: Rng) {
    this.x = rng.nextUint32() | 0; this.y = rng.nextUint32() | 0; this.z = rng.nextUint32() | 0; this.w = rng.nextUint32() | 1;
  }

  /** Fills out[from..to) (default: all of `out`) with independent N(0, sd²) deviates. */
  fill(out: Float32Array, sd = 1, from = 0, to = out.length): void {
    const t = quantileTable();
    let { x, y, z, w } = this;
    const scale = 1 / 2 ** (32 - TABLE_BITS);
    for (let i = from; i < to; i++) {
      const s = x ^ (x << 11);
      x = y; y = z; z = w;
      w = w ^ (w >>> 19) ^ (s ^ (s >>> 8));
      const u = w >>> 0;
      const k = u >>> (32 - TABLE_BITS);
      const f = (u & ((1 << (32 - TABLE_BITS)) - 1)) * scale;
      out[i] = sd * (t[k] + f * (t[k + 1] - t[k]));
    }
    this.x = x; this.y = y; this.z = z; this.w = w;
  }
}
