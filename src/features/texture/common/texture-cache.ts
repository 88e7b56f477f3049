import type { TextureGrid } from './grid.js';
import { type NeighbourTallies, neighbourTallies } from './neighbour-tallies.js';
import { chebyshevNeighbourOffsets, faceNeighbourOffsets } from './neighbourhood.js';
import { borderDistanceMap, labelZones, type Zones } from './zones.js';
import { multiDirectionPass, PASS_BLOCK } from './pass-kernels.js';

const NONE_I32 = new Int32Array(0);

/** Dense run-length matrix of one direction: `matrix[(level − 1)·stride + (length − 1)]` (integer counts), and its longest run. */
export interface DirectionRuns {
  readonly matrix: Int32Array;
  readonly stride: number;
  readonly longest: number;
}

/** What {@link TextureCache.prime} computes in its single pass per direction. */
export interface PrimeRequest {
  /** Co-occurrence counts with this many grey levels (N_g × N_g per direction). */
  readonly cooccurrenceLevels?: number;
  /** Run-length matrices with this many grey levels (offsets must be unit directions). */
  readonly runLevels?: number;
  /** Neighbour tallies over the offsets and their negatives, with this α for the dependent counts. */
  readonly tallyAlpha?: number;
  /**
   * Also link equal-level neighbours along the offsets into zones (union-find), stored as the zones of this
   * connectivity: −1 when the offsets are the 13 unit 3D directions (26-connectivity), an axis when they are the
   * 4 unit directions in the planes perpendicular to it (8-connectivity).
   */
  readonly zonesAxis?: -1 | 0 | 1 | 2;
}

/**
 * Explicit per-grid store of the raw products shared by several texture families (co-occurrence counts and runs
 * per direction, neighbour tallies). The caller creates it for one grid and passes it to the `…OnGrid` functions;
 * there is no global state. {@link TextureCache.prime} computes several products in one pass over the voxels per
 * direction; getters compute whatever was not primed.
 */
export class TextureCache {
  private readonly cooc = new Map<string, Int32Array>();
  private readonly runs = new Map<string, DirectionRuns>();
  private readonly tally = new Map<string, NeighbourTallies>();
  private readonly zoneSets = new Map<number, Zones>();
  private readonly zoneDistance = new Map<number, Int32Array>();
  private readonly unionParents = new Map<number, Int32Array>();
  private readonly distances = new Map<number, { mask: Uint8Array; map: Int32Array }>();

  constructor(readonly grid: TextureGrid) {}

  /**
   * Computes, in a single pass over the ROI voxels per offset, the requested products for every offset of
   * `offsets` (index offsets in the padded grid, one per ± pair).
   */
  prime(offsets: Int32Array, req: PrimeRequest): void {
    const grid = this.grid;
    const lv = grid.levels;
    const vox = grid.voxels;
    const ngC = req.cooccurrenceLevels ?? 0;
    const ngR = req.runLevels ?? 0;
    const stride = runStride(grid);
    const alpha = req.tallyAlpha ?? 0;
    const tallies = req.tallyAlpha !== undefined ? new Int32Array(2 * lv.length) : NONE_I32;
    const parent = req.zonesAxis !== undefined ? new Int32Array(lv.length) : NONE_I32;
    if (parent.length > 0) for (let from = 0; from < vox.length; from += PASS_BLOCK) selfParents(vox, from, Math.min(from + PASS_BLOCK, vox.length), parent);
    const coocs: Int32Array[] = [];
    const runs: Int32Array[] = [];
    for (let k = 0; k < offsets.length; k++) {
      coocs.push(ngC > 0 ? new Int32Array(ngC * ngC) : NONE_I32);
      runs.push(ngR > 0 ? new Int32Array(ngR * stride) : NONE_I32);
    }
    const longest = multiDirectionPass(lv, vox, offsets, ngC, alpha, stride, coocs, parent, tallies, runs);
    for (let k = 0; k < offsets.length; k++) {
      if (ngC > 0) this.cooc.set(`${offsets[k]}|${ngC}`, coocs[k]);
      if (ngR > 0) this.runs.set(`${offsets[k]}|${ngR}`, { matrix: runs[k], stride, longest: longest[k] });
    }
    if (tallies.length > 0) this.tally.set(tallyKey(offsets, alpha), { data: tallies, alpha });
    if (parent.length > 0) {
      const axis = req.zonesAxis as number;
      this.unionParents.set(axis, parent);
      this.zoneSets.delete(axis);
      this.zoneDistance.delete(axis);
    }
  }

  /**
   * Asymmetric co-occurrence counts (row = centre level, column = neighbour level) of all ROI voxels at `offset`
   * (integers: read by interpreted code without boxing).
   */
  cooccurrences(offset: number, ng: number): Int32Array {
    const key = `${offset}|${ng}`;
    let m = this.cooc.get(key);
    if (m === undefined) {
      m = new Int32Array(ng * ng);
      multiDirectionPass(this.grid.levels, this.grid.voxels, Int32Array.of(offset), ng, 0, 1, [m], NONE_I32, NONE_I32, [NONE_I32]);
      this.cooc.set(key, m);
    }
    return m;
  }

  /** Run-length matrix of all ROI voxels along the unit direction `offset`. */
  runsAlong(offset: number, ng: number): DirectionRuns {
    const key = `${offset}|${ng}`;
    let r = this.runs.get(key);
    if (r === undefined) {
      this.prime(Int32Array.of(offset), { runLevels: ng });
      r = this.runs.get(key) as DirectionRuns;
    }
    return r;
  }

  /** Neighbour tallies over `halfOffsets` and their negatives with dependence threshold α. */
  tallies(halfOffsets: Int32Array, alpha: number): NeighbourTallies {
    const key = tallyKey(halfOffsets, alpha);
    let t = this.tally.get(key);
    if (t === undefined) {
      t = neighbourTallies(this.grid, halfOffsets, alpha);
      this.tally.set(key, t);
    }
    return t;
  }

  /** Tallies for a neighbourhood with any α (NGTDM does not use the dependent counts); `alpha` if none is stored. */
  talliesAnyAlpha(halfOffsets: Int32Array, alpha: number): NeighbourTallies {
    const prefix = tallyKey(halfOffsets, NaN).replace(/NaN$/, '');
    for (const [k, t] of this.tally) if (k.startsWith(prefix)) return t;
    return this.tallies(halfOffsets, alpha);
  }

  /**
   * Zones of equal grey level linked through 26-connectivity (`planeAxis` −1) or 8-connectivity within planes
   * perpendicular to `planeAxis`. With `distanceMap` the zones also carry their minimum distance; zones computed
   * with a distance map serve later requests without one.
   */
  zones(planeAxis: -1 | 0 | 1 | 2, distanceMap?: Int32Array): Zones {
    const hit = this.zoneSets.get(planeAxis);
    if (hit && (distanceMap === undefined || this.zoneDistance.get(planeAxis) === distanceMap)) return hit;
    const parent = this.unionParents.get(planeAxis);
    const z = parent ? zonesFromParents(this.grid, parent, distanceMap) : labelZones(this.grid, chebyshevNeighbourOffsets(this.grid, 1, planeAxis), distanceMap);
    this.zoneSets.set(planeAxis, z);
    if (distanceMap) this.zoneDistance.set(planeAxis, distanceMap);
    return z;
  }


  /**
   * Distance of each voxel of `mask` (padded grid) to the mask border in face-neighbour steps: 6-connectivity
   * (`planeAxis` −1) or 4-connectivity within planes perpendicular to `planeAxis` (IBSI GLDZM).
   */
  borderDistances(mask: Uint8Array, planeAxis: -1 | 0 | 1 | 2): Int32Array {
    const hit = this.distances.get(planeAxis);
    if (hit && hit.mask === mask) return hit.map;
    const g = this.grid;
    const map = borderDistanceMap(mask, faceNeighbourOffsets(g, planeAxis), g.nx, g.ny, g.nz);
    this.distances.set(planeAxis, { mask, map });
    return map;
  }
}

/**
 * Zones from a union-find forest whose roots are each zone's first voxel in raster order (same order and content
 * as {@link labelZones}).
 */
function zonesFromParents(grid: TextureGrid, parent: Int32Array, distanceMap?: Int32Array): Zones {
  const n = grid.voxels.length;
  const level = new Int32Array(n);
  const size = new Int32Array(n);
  const dist = new Int32Array(n);
  const seed = new Int32Array(n);
  const zoneOf = new Int32Array(grid.levels.length);
  let z = 0;
  for (let from = 0; from < n; from += PASS_BLOCK) {
    z = collectZones(grid.levels, grid.voxels, from, Math.min(from + PASS_BLOCK, n), z, parent, distanceMap ?? null, zoneOf, level, size, dist, seed);
  }
  return { count: z, level: level.subarray(0, z), size: size.subarray(0, z), distance: dist.subarray(0, z), seed: seed.subarray(0, z) };
}

/** Each voxel vox[from..to) as its own union-find root. */
function selfParents(vox: Int32Array, from: number, to: number, parent: Int32Array): void {
  for (let t = from; t < to; t++) parent[vox[t]] = vox[t];
}

/**
 * The loop of {@link zonesFromParents} over the voxels vox[from..to) (block by block, see pass-kernels.ts), `z` zones
 * found so far; returns the new number of zones. Points each voxel's parent at its root on the way (the forest keeps
 * its sets and roots).
 */
function collectZones(
  levels: Int32Array, vox: Int32Array, from: number, to: number, z: number, parent: Int32Array, distanceMap: Int32Array | null,
  zoneOf: Int32Array, level: Int32Array, size: Int32Array, dist: Int32Array, seed: Int32Array,
): number {
  for (let t = from; t < to; t++) {
    const v = vox[t];
    // earlier voxels already point at their root (set below), so the walk is short
    let r = parent[v];
    while (parent[r] !== r) r = parent[r];
    parent[v] = r;
    let id: number;
    if (r === v) {
      id = z++;
      zoneOf[v] = id;
      level[id] = levels[v];
      seed[id] = t;
      dist[id] = distanceMap !== null ? distanceMap[v] : 0;
    } else {
      id = zoneOf[r];
      if (distanceMap !== null && distanceMap[v] < dist[id]) dist[id] = distanceMap[v];
    }
    size[id]++;
  }
  return z;
}

function tallyKey(offsets: Int32Array, alpha: number): string {
  return `${Array.from(offsets).sort((a, b) => a - b).join(',')}|${alpha}`;
}

/** Longest possible run in a grid (its largest dimension). */
export function runStride(grid: TextureGrid): number {
  return Math.max(grid.nx, grid.ny, grid.nz);
}
