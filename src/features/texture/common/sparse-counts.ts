/**
 * A grey-level × j count matrix stored sparsely: entry e says that `count[e]` objects (runs, zones,
 * neighbourhoods) have grey level `level[e]` (1-based) and value `j[e]` (run length, zone size, distance or
 * dependence count, 1-based). Used for GLRLM, GLSZM, GLDZM and NGLDM, whose j range can be large
 * (a zone can hold the whole ROI) while few (level, j) pairs occur.
 */
export interface SparseCounts {
  readonly level: Int32Array;
  readonly j: Int32Array;
  readonly count: Float64Array;
  /** Number of entries. */
  readonly length: number;
}

/** An empty matrix. */
export const EMPTY_COUNTS: SparseCounts = { level: new Int32Array(0), j: new Int32Array(0), count: new Float64Array(0), length: 0 };

/**
 * Growable list of (level, j) observations (one per run/zone/voxel) that groups them into a
 * {@link SparseCounts}. Amortised O(1) per observation; grouping sorts integer keys.
 */
export class CountCollector {
  private lv: Int32Array;
  private jv: Int32Array;
  private wv: Float64Array;
  private n = 0;

  constructor(capacity = 256) {
    this.lv = new Int32Array(capacity);
    this.jv = new Int32Array(capacity);
    this.wv = new Float64Array(capacity);
  }

  /** Number of observations added so far. */
  get size(): number { return this.n; }

  /** Adds `weight` (default 1) observations of grey level `level` with value `j`. */
  add(level: number, j: number, weight = 1): void {
    if (this.n === this.lv.length) this.grow();
    this.lv[this.n] = level;
    this.jv[this.n] = j;
    this.wv[this.n] = weight;
    this.n++;
  }

  private grow(): void {
    const cap = this.lv.length * 2;
    const l = new Int32Array(cap); l.set(this.lv); this.lv = l;
    const j = new Int32Array(cap); j.set(this.jv); this.jv = j;
    const w = new Float64Array(cap); w.set(this.wv); this.wv = w;
  }

  /** Forgets all observations (keeps the buffers). */
  clear(): void { this.n = 0; }

  /** Groups equal (level, j) observations, summing their weights. Entries are sorted by level, then j. */
  toCounts(): SparseCounts {
    return groupCounts(this.lv.subarray(0, this.n), this.jv.subarray(0, this.n), this.wv.subarray(0, this.n));
  }
}

/** Groups (level, j, weight) triples by (level, j), summing weights; entries sorted by level then j. */
export function groupCounts(level: ArrayLike<number>, j: ArrayLike<number>, weight: ArrayLike<number>): SparseCounts {
  const n = level.length;
  if (n === 0) return EMPTY_COUNTS;
  let maxJ = 0;
  let maxL = 0;
  for (let e = 0; e < n; e++) {
    if (j[e] > maxJ) maxJ = j[e];
    if (level[e] > maxL) maxL = level[e];
  }
  // counting sort by level
  const start = new Int32Array(maxL + 2);
  for (let e = 0; e < n; e++) start[level[e] + 1]++;
  for (let g = 1; g <= maxL + 1; g++) start[g] += start[g - 1];
  const fill = start.slice(0, maxL + 1);
  const byLevel = new Int32Array(n);
  for (let e = 0; e < n; e++) byLevel[fill[level[e]]++] = e;
  // within a level: accumulate per j in a dense scratch row, then emit the touched j in order
  const acc = new Float64Array(maxJ + 1);
  const seen = new Uint8Array(maxJ + 1);
  const touched = new Int32Array(n);
  const outL = new Int32Array(n);
  const outJ = new Int32Array(n);
  const outC = new Float64Array(n);
  let m = 0;
  for (let g = 0; g <= maxL; g++) {
    let t = 0;
    for (let q = start[g]; q < start[g + 1]; q++) {
      const e = byLevel[q];
      const jj = j[e];
      if (!seen[jj]) { seen[jj] = 1; touched[t++] = jj; }
      acc[jj] += weight[e];
    }
    if (t === 0) continue;
    const row = touched.subarray(0, t);
    row.sort();
    for (let q = 0; q < t; q++) {
      const jj = row[q];
      outL[m] = g; outJ[m] = jj; outC[m] = acc[jj];
      acc[jj] = 0; seen[jj] = 0;
      m++;
    }
  }
  return { level: outL.subarray(0, m), j: outJ.subarray(0, m), count: outC.subarray(0, m), length: m };
}

/** Element-wise sum of several matrices (IBSI matrix merging). */
export function mergeCounts(parts: readonly SparseCounts[]): SparseCounts {
  let n = 0;
  for (const p of parts) n += p.length;
  const l = new Int32Array(n);
  const j = new Int32Array(n);
  const w = new Float64Array(n);
  let o = 0;
  for (const p of parts) {
    l.set(p.level, o); j.set(p.j, o); w.set(p.count, o);
    o += p.length;
  }
  return groupCounts(l, j, w);
}

/**
 * A sparse view of a dense row-major matrix `m[(level−1)·nj + (j−1)]` (zeros skipped).
 *
 * @param used - columns that may hold non-zeros: j ≤ used (default nj; e.g. the longest run of a run-length matrix,
 *   whose rows are as wide as the longest possible run).
 */
export function countsFromDense(m: Float64Array | Int32Array, nLevels: number, nj: number, used = nj): SparseCounts {
  // row by row in small functions (compiled early by V8; these matrices can hold ~10⁵ cells)
  const width = Math.min(used, nj);
  let n = 0;
  for (let g = 0; g < nLevels; g++) n += nonZerosInRow(m, g * nj, width);
  const l = new Int32Array(n);
  const j = new Int32Array(n);
  const c = new Float64Array(n);
  let e = 0;
  for (let g = 0; g < nLevels; g++) e = appendRow(m, g, nj, width, l, j, c, e);
  return { level: l, j, count: c, length: n };
}

function nonZerosInRow(m: Float64Array | Int32Array, base: number, nj: number): number {
  let n = 0;
  for (let k = 0; k < nj; k++) if (m[base + k] !== 0) n++;
  return n;
}

/** Appends the non-zero cells of row g (level g + 1) from entry e; returns the new e. */
function appendRow(m: Float64Array | Int32Array, g: number, nj: number, width: number, l: Int32Array, j: Int32Array, c: Float64Array, e: number): number {
  const base = g * nj;
  for (let k = 0; k < width; k++) {
    const v = m[base + k];
    if (v !== 0) { l[e] = g + 1; j[e] = k + 1; c[e] = v; e++; }
  }
  return e;
}

/** Sum of all counts. */
export function totalCount(m: SparseCounts): number {
  let s = 0;
  for (let e = 0; e < m.length; e++) s += m.count[e];
  return s;
}
