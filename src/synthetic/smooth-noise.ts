import type { Rng } from '../core/rng.js';

/**
 * A smooth random field in physical space (value noise): independent uniform values in [−1, 1] on a
 * cubic lattice of `cell` mm, interpolated with C¹ smoothstep weights. The field is 0-mean, bounded by
 * [−1, 1], and varies on a length scale of about `cell` mm. Points outside the lattice box are clamped
 * to its border.
 *
 * Used for the smooth grey/white-matter variation, the internal heterogeneity of blood, irregular
 * hematoma borders and patchy (island) hemorrhage.
 */
export interface SmoothField {
  /** Value at physical point (x, y, z) in mm; in [−1, 1]. */
  at(x: number, y: number, z: number): number;
  /**
   * Allocation-free form for hot loops: reads the point from io[0], io[1], io[2] and writes the value to
   * io[slot]. (Calling a non-inlined function with doubles boxes them; typed arrays avoid that.)
   */
  sample(io: Float64Array, slot: number): void;
  /**
   * Fills out[p] = scale · value(xs[p], ys[p], z + zs[p]) for p in [from, to).
   */
  fill(xs: Float32Array, ys: Float32Array, zs: Float32Array, z: number, scale: number, from: number, to: number, out: Float32Array): void;
}

/** Parameters of a {@link smoothField}: lattice box and cell size (mm). */
export interface SmoothFieldBox {
  readonly lo: readonly [number, number, number];
  readonly hi: readonly [number, number, number];
  /** Lattice spacing in mm (the feature size of the field). */
  readonly cell: number;
}

/** Value-noise lattice with C¹ interpolation; see {@link SmoothField}. A class so that `at` calls stay monomorphic (and inlinable). */
class ValueNoiseField implements SmoothField {
  private readonly v: Float64Array;
  private readonly nx: number;
  private readonly ny: number;
  private readonly nz: number;
  private readonly sxy: number;
  private readonly inv: number;
  private readonly x0: number;
  private readonly y0: number;
  private readonly z0: number;

  constructor(rng: Rng, box: SmoothFieldBox) {
    const { lo, hi, cell } = box;
    if (!(cell > 0)) throw new RangeError(`cell must be positive, got ${cell}`);
    this.nx = Math.max(1, Math.ceil((hi[0] - lo[0]) / cell)) + 1;
    this.ny = Math.max(1, Math.ceil((hi[1] - lo[1]) / cell)) + 1;
    this.nz = Math.max(1, Math.ceil((hi[2] - lo[2]) / cell)) + 1;
    this.v = new Float64Array(this.nx * this.ny * this.nz);
    for (let i = 0; i < this.v.length; i++) this.v[i] = 2 * rng.uniform() - 1;
    this.inv = 1 / cell;
    this.x0 = lo[0]; this.y0 = lo[1]; this.z0 = lo[2];
    this.sxy = this.nx * this.ny;
  }

  at(x: number, y: number, z: number): number {
    const io = this.io;
    io[0] = x; io[1] = y; io[2] = z;
    this.sample(io, 3);
    return io[3];
  }

  private readonly io = new Float64Array(4);

  sample(io: Float64Array, slot: number): void {
    const nx = this.nx, ny = this.ny, nz = this.nz, v = this.v, sxy = this.sxy;
    let fx = (io[0] - this.x0) * this.inv, fy = (io[1] - this.y0) * this.inv, fz = (io[2] - this.z0) * this.inv;
    fx = fx < 0 ? 0 : fx > nx - 1.000001 ? nx - 1.000001 : fx;
    fy = fy < 0 ? 0 : fy > ny - 1.000001 ? ny - 1.000001 : fy;
    fz = fz < 0 ? 0 : fz > nz - 1.000001 ? nz - 1.000001 : fz;
    const ix = fx | 0, iy = fy | 0, iz = fz | 0;
    let tx = fx - ix, ty = fy - iy, tz = fz - iz;
    tx = tx * tx * (3 - 2 * tx);
    ty = ty * ty * (3 - 2 * ty);
    tz = tz * tz * (3 - 2 * tz);
    const b = ix + nx * iy + sxy * iz;
    const c00 = v[b] + tx * (v[b + 1] - v[b]);
    const c10 = v[b + nx] + tx * (v[b + nx + 1] - v[b + nx]);
    const c01 = v[b + sxy] + tx * (v[b + sxy + 1] - v[b + sxy]);
    const c11 = v[b + sxy + nx] + tx * (v[b + sxy + nx + 1] - v[b + sxy + nx]);
    const c0 = c00 + ty * (c10 - c00);
    const c1 = c01 + ty * (c11 - c01);
    io[slot] = c0 + tz * (c1 - c0);
  }

  fill(xs: Float32Array, ys: Float32Array, zs: Float32Array, z: number, scale: number, from: number, to: number, out: Float32Array): void {
    const io = this.io;
    for (let p = from; p < to; p++) {
      io[0] = xs[p]; io[1] = ys[p]; io[2] = z + zs[p];
      this.sample(io, 3);
      out[p] = scale * io[3];
    }
  }
}

/** Builds a seeded {@link SmoothField} over a box. Draws (nx+1)(ny+1)(nz+1) uniforms from `rng`. */
export function smoothField(rng: Rng, box: SmoothFieldBox): SmoothField {
  return new ValueNoiseField(rng, box);
}

