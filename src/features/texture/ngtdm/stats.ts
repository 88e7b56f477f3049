import type { NgtdmMatrix } from './matrix.js';

/**
 * NGTDM features (IBSI 1 §3.10, family id IPET; PyRadiomics `ngtdm`). Symbols: n_i, s_i (see
 * `NgtdmMatrix`), N_v,c = Σ n_i, p_i = n_i / N_v,c, N_g,p = number of grey levels with p_i > 0; sums over
 * i, j run over the levels with p > 0.
 */
export interface NgtdmStats {
  /** Coarseness (QCDE; Coarseness): 1 / Σ p_i s_i; 10⁶ when the sum is 0. */
  readonly coarseness: number;
  /** Contrast (65HE; Contrast): [Σ_ij p_i p_j (i − j)² / (N_g,p (N_g,p − 1))] · [Σ s_i / N_v,c]; 0 when N_g,p = 1. */
  readonly contrast: number;
  /** Busyness (NQ30; Busyness): Σ p_i s_i / Σ_ij |i p_i − j p_j|; 0 when the denominator is 0. */
  readonly busyness: number;
  /** Complexity (HDEZ; Complexity): (1/N_v,c) Σ_ij |i − j| (p_i s_i + p_j s_j) / (p_i + p_j). */
  readonly complexity: number;
  /** Strength (1X9X; Strength): Σ_ij (p_i + p_j)(i − j)² / Σ s_i; 0 when Σ s_i = 0. */
  readonly strength: number;
}

const NAN_STATS: NgtdmStats = Object.freeze({ coarseness: NaN, contrast: NaN, busyness: NaN, complexity: NaN, strength: NaN });

/** Computes {@link NgtdmStats}; all NaN when no voxel is counted. */
export function ngtdmStats(m: NgtdmMatrix): NgtdmStats {
  const lvList: number[] = [];
  let nvc = 0;
  for (let i = 1; i < m.n.length; i++) if (m.n[i] > 0) { lvList.push(i); nvc += m.n[i]; }
  if (nvc === 0) return NAN_STATS;
  const k = lvList.length;
  const lv = Int32Array.from(lvList);
  const p = Float64Array.from(lvList, (i) => m.n[i] / nvc);
  const s = Float64Array.from(lvList, (i) => m.s[i]);
  let sumPS = 0;
  let sumS = 0;
  for (let a = 0; a < k; a++) { sumPS += p[a] * s[a]; sumS += s[a]; }
  // the double sums row by row in a small function (compiled early by V8), same order as one nested loop
  const acc = new Float64Array(4); // contrast, busyness denominator, complexity, strength
  for (let a = 0; a < k; a++) pairSumsRow(lv, p, s, a, acc);
  const ctr = acc[0], busyDen = acc[1], cpx = acc[2], str = acc[3];
  return {
    coarseness: sumPS === 0 ? 1e6 : 1 / sumPS,
    contrast: k <= 1 ? 0 : (ctr / (k * (k - 1))) * (sumS / nvc),
    busyness: busyDen === 0 ? 0 : sumPS / busyDen,
    complexity: cpx / nvc,
    strength: sumS === 0 ? 0 : str / sumS,
  };
}

/** Row a of the level-pair sums of {@link ngtdmStats}, added to `acc`. */
function pairSumsRow(lv: Int32Array, p: Float64Array, s: Float64Array, a: number, acc: Float64Array): void {
  let ctr = acc[0], busyDen = acc[1], cpx = acc[2], str = acc[3];
  const i = lv[a];
  for (let b = 0; b < lv.length; b++) {
    const j = lv[b];
    const d = i - j;
    ctr += p[a] * p[b] * d * d;
    busyDen += Math.abs(i * p[a] - j * p[b]);
    cpx += (Math.abs(d) * (p[a] * s[a] + p[b] * s[b])) / (p[a] + p[b]);
    str += (p[a] + p[b]) * d * d;
  }
  acc[0] = ctr; acc[1] = busyDen; acc[2] = cpx; acc[3] = str;
}
