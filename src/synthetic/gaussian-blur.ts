/**
 * A normalised 1-D Gaussian kernel of standard deviation `sigma` (pixels), truncated at 2.5σ (at least one
 * tap each side when σ > 0; the weights beyond are < 0.5 % of the centre's). σ ≤ 0 gives the identity kernel [1].
 */
export function gaussianKernel(sigma: number): Float64Array {
  if (!(sigma > 0)) return Float64Array.of(1);
  const r = Math.max(1, Math.ceil(2.5 * sigma));
  const k = new Float64Array(2 * r + 1);
  let s = 0;
  for (let i = -r; i <= r; i++) { k[i + r] = Math.exp(-(i * i) / (2 * sigma * sigma)); s += k[i + r]; }
  for (let i = 0; i < k.length; i++) k[i] /= s;
  return k;
}

/** Σ wᵢ² of a kernel: filtering white noise with it (in 2-D, separably) scales its variance by (Σ wᵢ²)². */
export function kernelPower(k: Float64Array): number {
  let s = 0;
  for (let i = 0; i < k.length; i++) s += k[i] * k[i];
  return s;
}

/**
 * Separable in-plane blur of an nx × ny image (x fastest) with kernel `k` along x then y; borders are
 * clamped (edge pixels repeated). Writes to `into` when given (it must not be `src`), else to a new array;
 * `src` is not changed. `tmp` is optional scratch space.
 */
export function blur2d(src: Float32Array, nx: number, ny: number, k: Float64Array, tmp?: Float32Array, into?: Float32Array): Float32Array {
  const r = (k.length - 1) / 2;
  const out = into && into.length === nx * ny && into !== src ? into : new Float32Array(nx * ny);
  if (r === 0) { out.set(src); return out; }
  const mid = tmp && tmp.length >= nx * ny ? tmp : new Float32Array(nx * ny);
  const clampX = (i: number): number => (i < 0 ? 0 : i >= nx ? nx - 1 : i);
  const clampY = (j: number): number => (j < 0 ? 0 : j >= ny ? ny - 1 : j);
  for (let j = 0; j < ny; j++) {
    const row = j * nx;
    for (let i = 0; i < nx; i++) {
      let s = 0;
      if (i >= r && i < nx - r) for (let t = -r; t <= r; t++) s += k[t + r] * src[row + i + t];
      else for (let t = -r; t <= r; t++) s += k[t + r] * src[row + clampX(i + t)];
      mid[row + i] = s;
    }
  }
  for (let j = 0; j < ny; j++) {
    const inner = j >= r && j < ny - r;
    for (let i = 0; i < nx; i++) {
      let s = 0;
      if (inner) for (let t = -r; t <= r; t++) s += k[t + r] * mid[(j + t) * nx + i];
      else for (let t = -r; t <= r; t++) s += k[t + r] * mid[clampY(j + t) * nx + i];
      out[j * nx + i] = s;
    }
  }
  return out;
}

/**
 * {@link blur2d} restricted to a region: the output is computed only for pixels i in [lo[j], hi[j]) of each
 * row j (other output pixels are left unchanged); input pixels outside the region are read as they are.
 * Used to blur just the head: far-air pixels are overwritten afterwards anyway.
 */
export function blur2dRegion(src: Float32Array, nx: number, ny: number, k: Float64Array, lo: Int32Array, hi: Int32Array, tmp: Float32Array, out: Float32Array): void {
  const r = (k.length - 1) / 2;
  // horizontal pass over each row's range grown to cover the ranges of the rows within r
  for (let j = 0; j < ny; j++) {
    let a = nx, b = 0;
    for (let t = Math.max(0, j - r); t <= Math.min(ny - 1, j + r); t++) {
      if (hi[t] > lo[t]) { a = Math.min(a, lo[t]); b = Math.max(b, hi[t]); }
    }
    if (b <= a) continue;
    const row = j * nx;
    const i0 = Math.max(0, a), i1 = Math.min(nx, b);
    for (let i = i0; i < i1; i++) {
      let s = 0;
      if (r === 2 && i >= 2 && i < nx - 2) {
        const q = row + i;
        s = k[0] * (src[q - 2] + src[q + 2]) + k[1] * (src[q - 1] + src[q + 1]) + k[2] * src[q];
      } else if (i >= r && i < nx - r) for (let t = -r; t <= r; t++) s += k[t + r] * src[row + i + t];
      else for (let t = -r; t <= r; t++) { const ii = i + t < 0 ? 0 : i + t >= nx ? nx - 1 : i + t; s += k[t + r] * src[row + ii]; }
      tmp[row + i] = s;
    }
  }
  for (let j = 0; j < ny; j++) {
    if (hi[j] <= lo[j]) continue;
    const inner = j >= r && j < ny - r;
    if (r === 2 && inner) {
      // the common 5-tap kernel, unrolled (the kernel is symmetric)
      const k0 = k[0], k1 = k[1], k2 = k[2];
      const m2 = (j - 2) * nx, m1 = (j - 1) * nx, c = j * nx, p1 = (j + 1) * nx, p2 = (j + 2) * nx;
      for (let i = lo[j]; i < hi[j]; i++) out[c + i] = k0 * (tmp[m2 + i] + tmp[p2 + i]) + k1 * (tmp[m1 + i] + tmp[p1 + i]) + k2 * tmp[c + i];
      continue;
    }
    for (let i = lo[j]; i < hi[j]; i++) {
      let s = 0;
      if (inner) for (let t = -r; t <= r; t++) s += k[t + r] * tmp[(j + t) * nx + i];
      else for (let t = -r; t <= r; t++) { const jj = j + t < 0 ? 0 : j + t >= ny ? ny - 1 : j + t; s += k[t + r] * tmp[jj * nx + i]; }
      out[j * nx + i] = s;
    }
  }
}
