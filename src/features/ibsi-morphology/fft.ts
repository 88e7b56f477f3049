/**
 * Complex fast Fourier transforms of lengths 2^a·3^b·5^c (mixed-radix Stockham autosort; Cooley & Tukey 1965,
 * formulated as in Govindaraju et al. 2008, "High performance discrete Fourier transforms on graphics processors"),
 * and a 3D transform along the axes of an x-fastest grid. Used for exact distance-weighted sums over all voxel
 * pairs (Moran's I, Geary's C). Forward: X_k = Σ x_n e^{−2πi kn/N}; inverse without the 1/N factor.
 */

/** Smallest length ≥ n whose prime factors are 2, 3 and 5 only. */
export function fftSize(n: number): number {
  let best = Infinity;
  for (let a = 1; a < 2 * n + 2; a *= 2) {
    for (let b = a; b < 2 * n + 2; b *= 3) {
      for (let c = b; c < 2 * n + 2; c *= 5) if (c >= n && c < best) best = c;
    }
  }
  return best;
}

interface Plan {
  readonly n: number;
  readonly radices: number[];
  readonly cos: Float64Array;
  readonly sin: Float64Array;
}

const plans = new Map<number, Plan>();

function plan(n: number): Plan {
  const hit = plans.get(n);
  if (hit) return hit;
  const radices: number[] = [];
  let m = n;
  while (m % 4 === 0) { radices.push(4); m /= 4; }
  while (m % 2 === 0) { radices.push(2); m /= 2; }
  while (m % 3 === 0) { radices.push(3); m /= 3; }
  while (m % 5 === 0) { radices.push(5); m /= 5; }
  if (m !== 1) throw new RangeError(`fft length ${n} has prime factors other than 2, 3, 5`);
  const cos = new Float64Array(n), sin = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    cos[k] = Math.cos((-2 * Math.PI * k) / n);
    sin[k] = Math.sin((-2 * Math.PI * k) / n);
  }
  const p = { n, radices, cos, sin };
  if (plans.size > 64) plans.clear();
  plans.set(n, p);
  return p;
}

const C3 = Math.cos((2 * Math.PI) / 3), S3 = Math.sin((2 * Math.PI) / 3);
const C5a = Math.cos((2 * Math.PI) / 5), S5a = Math.sin((2 * Math.PI) / 5);
const C5b = Math.cos((4 * Math.PI) / 5), S5b = Math.sin((4 * Math.PI) / 5);

/**
 * In-place 1D FFT of (re, im) (length n, a power-of-2·3·5 length), using the scratch buffers (≥ n).
 * `inverse` flips the sign of the exponent (no normalisation).
 */
export function fft1d(re: Float64Array, im: Float64Array, inverse: boolean, sre: Float64Array, sim: Float64Array): void {
  const n = re.length;
  if (n <= 1) return;
  const p = plan(n);
  const sg = inverse ? -1 : 1; // sin table holds −sin(2πk/n) for the forward transform
  let xr = re, xi = im, yr = sre.subarray(0, n), yi = sim.subarray(0, n);
  let ns = 1;
  for (const r of p.radices) {
    const m = n / r;
    const step = n / (ns * r); // twiddle e^{-2πi·q·k/(ns·r)} = table[(q·k·step) mod n]
    for (let j = 0; j < m; j++) {
      const k = j % ns;
      const dst = (j - k) * r + k;
      if (r === 4) {
        let a0r = xr[j], a0i = xi[j];
        let a1r = xr[j + m], a1i = xi[j + m];
        let a2r = xr[j + 2 * m], a2i = xi[j + 2 * m];
        let a3r = xr[j + 3 * m], a3i = xi[j + 3 * m];
        if (k !== 0) {
          let t = (k * step) % n;
          let c = p.cos[t], s = sg * p.sin[t];
          let tr = a1r * c - a1i * s; a1i = a1r * s + a1i * c; a1r = tr;
          t = (2 * k * step) % n; c = p.cos[t]; s = sg * p.sin[t];
          tr = a2r * c - a2i * s; a2i = a2r * s + a2i * c; a2r = tr;
          t = (3 * k * step) % n; c = p.cos[t]; s = sg * p.sin[t];
          tr = a3r * c - a3i * s; a3i = a3r * s + a3i * c; a3r = tr;
        }
        const b0r = a0r + a2r, b0i = a0i + a2i, b1r = a0r - a2r, b1i = a0i - a2i;
        const b2r = a1r + a3r, b2i = a1i + a3i, b3r = a1r - a3r, b3i = a1i - a3i;
        // forward: X1 = b1 − i·b3, X3 = b1 + i·b3 (−i = e^{−iπ/2}); inverse swaps them
        yr[dst] = b0r + b2r; yi[dst] = b0i + b2i;
        yr[dst + 2 * ns] = b0r - b2r; yi[dst + 2 * ns] = b0i - b2i;
        yr[dst + ns] = b1r + sg * b3i; yi[dst + ns] = b1i - sg * b3r;
        yr[dst + 3 * ns] = b1r - sg * b3i; yi[dst + 3 * ns] = b1i + sg * b3r;
      } else if (r === 2) {
        const a0r = xr[j], a0i = xi[j];
        let a1r = xr[j + m], a1i = xi[j + m];
        if (k !== 0) {
          const t = (k * step) % n;
          const c = p.cos[t], s = sg * p.sin[t];
          const tr = a1r * c - a1i * s; a1i = a1r * s + a1i * c; a1r = tr;
        }
        yr[dst] = a0r + a1r; yi[dst] = a0i + a1i;
        yr[dst + ns] = a0r - a1r; yi[dst + ns] = a0i - a1i;
      } else if (r === 3) {
        const a0r = xr[j], a0i = xi[j];
        let a1r = xr[j + m], a1i = xi[j + m], a2r = xr[j + 2 * m], a2i = xi[j + 2 * m];
        if (k !== 0) {
          let t = (k * step) % n;
          let c = p.cos[t], s = sg * p.sin[t];
          let tr = a1r * c - a1i * s; a1i = a1r * s + a1i * c; a1r = tr;
          t = (2 * k * step) % n; c = p.cos[t]; s = sg * p.sin[t];
          tr = a2r * c - a2i * s; a2i = a2r * s + a2i * c; a2r = tr;
        }
        const sr = a1r + a2r, si = a1i + a2i, dr = a1r - a2r, di = a1i - a2i;
        const mr = a0r + C3 * sr, mi = a0i + C3 * si;
        const s3 = sg * S3; // forward: X1 = m − i·S3·d, X2 = m + i·S3·d
        yr[dst] = a0r + sr; yi[dst] = a0i + si;
        yr[dst + ns] = mr + s3 * di; yi[dst + ns] = mi - s3 * dr;
        yr[dst + 2 * ns] = mr - s3 * di; yi[dst + 2 * ns] = mi + s3 * dr;
      } else {
        const ar = [xr[j], 0, 0, 0, 0], ai = [xi[j], 0, 0, 0, 0];
        for (let q = 1; q < 5; q++) {
          let vr = xr[j + q * m], vi = xi[j + q * m];
          if (k !== 0) {
            const t = (q * k * step) % n;
            const c = p.cos[t], s = sg * p.sin[t];
            const tr = vr * c - vi * s; vi = vr * s + vi * c; vr = tr;
          }
          ar[q] = vr; ai[q] = vi;
        }
        const s1r = ar[1] + ar[4], s1i = ai[1] + ai[4], d1r = ar[1] - ar[4], d1i = ai[1] - ai[4];
        const s2r = ar[2] + ar[3], s2i = ai[2] + ai[3], d2r = ar[2] - ar[3], d2i = ai[2] - ai[3];
        const m1r = ar[0] + C5a * s1r + C5b * s2r, m1i = ai[0] + C5a * s1i + C5b * s2i;
        const m2r = ar[0] + C5b * s1r + C5a * s2r, m2i = ai[0] + C5b * s1i + C5a * s2i;
        const n1r = sg * (S5a * d1r + S5b * d2r), n1i = sg * (S5a * d1i + S5b * d2i);
        const n2r = sg * (S5b * d1r - S5a * d2r), n2i = sg * (S5b * d1i - S5a * d2i);
        yr[dst] = ar[0] + s1r + s2r; yi[dst] = ai[0] + s1i + s2i;
        yr[dst + ns] = m1r + n1i; yi[dst + ns] = m1i - n1r;
        yr[dst + 4 * ns] = m1r - n1i; yi[dst + 4 * ns] = m1i + n1r;
        yr[dst + 2 * ns] = m2r + n2i; yi[dst + 2 * ns] = m2i - n2r;
        yr[dst + 3 * ns] = m2r - n2i; yi[dst + 3 * ns] = m2i + n2r;
      }
    }
    [xr, yr] = [yr, xr];
    [xi, yi] = [yi, xi];
    ns *= r;
  }
  if (xr !== re) {
    re.set(xr);
    im.set(xi);
  }
}

/**
 * In-place 3D FFT of (re, im) on an x-fastest grid of `size` (each a 2·3·5-smooth length), one axis at a time.
 */
export function fft3d(re: Float64Array, im: Float64Array, size: readonly [number, number, number], inverse: boolean): void {
  const [nx, ny, nz] = size;
  const maxN = Math.max(nx, ny, nz);
  const lr = new Float64Array(maxN), li = new Float64Array(maxN), sr = new Float64Array(maxN), si = new Float64Array(maxN);
  const line = (n: number, start: number, stride: number) => {
    const a = lr.subarray(0, n), b = li.subarray(0, n);
    for (let t = 0, p = start; t < n; t++, p += stride) { a[t] = re[p]; b[t] = im[p]; }
    fft1d(a, b, inverse, sr, si);
    for (let t = 0, p = start; t < n; t++, p += stride) { re[p] = a[t]; im[p] = b[t]; }
  };
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) {
    const start = nx * (j + ny * k);
    if (nx > 1) {
      const a = re.subarray(start, start + nx), b = im.subarray(start, start + nx);
      fft1d(a, b, inverse, sr, si);
    }
  }
  if (ny > 1) for (let k = 0; k < nz; k++) for (let i = 0; i < nx; i++) line(ny, i + nx * ny * k, nx);
  if (nz > 1) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) line(nz, i + nx * j, nx * ny);
}
