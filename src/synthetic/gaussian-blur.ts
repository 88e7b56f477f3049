/**
 * A normalised 1-D Gaussian kernel of standard deviation `sigma` (pixels), truncated at 3σ (at least one
 * tap each side when σ > 0). σ ≤ 0 gives the identity kernel [1].
 */
export function gaussianKernel(sigma: number): Float64Array {
  if (!(sigma > 0)) return Float64Array.of(1);
  const r = Math.max(1, Math.ceil(3 * sigma));
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
