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

interface Stage {
  /** radix */
  readonly r: number;
  /** size of the sub-transforms already combined before this stage */
  readonly ns: number;
  /** twiddles e^{−2πi·q·k/(ns·r)} for q = 1..r−1, k = 0..ns−1, at [(q−1)·ns + k] */
  readonly cos: Float64Array;
  readonly sin: Float64Array;
}

const plans = new Map<number, Stage[]>();

function plan(n: number): Stage[] {
  const hit = plans.get(n);
  if (hit) return hit;
  const radices: number[] = [];
  let m = n;
  while (m % 4 === 0) { radices.push(4); m /= 4; }
  while (m % 2 === 0) { radices.push(2); m /= 2; }
  while (m % 3 === 0) { radices.push(3); m /= 3; }
  while (m % 5 === 0) { radices.push(5); m /= 5; }
  if (m !== 1) throw new RangeError(`fft length ${n} has prime factors other than 2, 3, 5`);
  const stages: Stage[] = [];
  let ns = 1;
  for (const r of radices) {
    const cos = new Float64Array((r - 1) * ns), sin = new Float64Array((r - 1) * ns);
    for (let q = 1; q < r; q++) {
      for (let k = 0; k < ns; k++) {
        const a = (-2 * Math.PI * q * k) / (ns * r);
        cos[(q - 1) * ns + k] = Math.cos(a);
        sin[(q - 1) * ns + k] = Math.sin(a);
      }
    }
    stages.push({ r, ns, cos, sin });
    ns *= r;
  }
  if (plans.size > 64) plans.clear();
  plans.set(n, stages);
  return stages;
}

const C3 = Math.cos((2 * Math.PI) / 3), S3 = Math.sin((2 * Math.PI) / 3);
const C5a = Math.cos((2 * Math.PI) / 5), S5a = Math.sin((2 * Math.PI) / 5);
const C5b = Math.cos((4 * Math.PI) / 5), S5b = Math.sin((4 * Math.PI) / 5);

/** One Stockham stage on `lines` consecutive transforms of length n: x → y. */
function stage(st: Stage, n: number, lines: number, xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array, sg: number): void {
  const { r, ns, cos, sin } = st;
  const m = n / r;
  for (let line = 0, base = 0; line < lines; line++, base += n) {
    for (let k = 0; k < ns; k++) {
      for (let j = k; j < m; j += ns) {
        const src = base + j;
        const dst = base + (j - k) * r + k;
        if (r === 4) {
          const a0r = xr[src], a0i = xi[src];
          let a1r = xr[src + m], a1i = xi[src + m];
          let a2r = xr[src + 2 * m], a2i = xi[src + 2 * m];
          let a3r = xr[src + 3 * m], a3i = xi[src + 3 * m];
          if (k !== 0) {
            let c = cos[k], s = sg * sin[k];
            let t = a1r * c - a1i * s; a1i = a1r * s + a1i * c; a1r = t;
            c = cos[ns + k]; s = sg * sin[ns + k];
            t = a2r * c - a2i * s; a2i = a2r * s + a2i * c; a2r = t;
            c = cos[2 * ns + k]; s = sg * sin[2 * ns + k];
            t = a3r * c - a3i * s; a3i = a3r * s + a3i * c; a3r = t;
          }
          const b0r = a0r + a2r, b0i = a0i + a2i, b1r = a0r - a2r, b1i = a0i - a2i;
          const b2r = a1r + a3r, b2i = a1i + a3i, b3r = a1r - a3r, b3i = a1i - a3i;
          // forward: X1 = b1 − i·b3, X3 = b1 + i·b3; the inverse swaps them (sg = −1)
          yr[dst] = b0r + b2r; yi[dst] = b0i + b2i;
          yr[dst + 2 * ns] = b0r - b2r; yi[dst + 2 * ns] = b0i - b2i;
          yr[dst + ns] = b1r + sg * b3i; yi[dst + ns] = b1i - sg * b3r;
          yr[dst + 3 * ns] = b1r - sg * b3i; yi[dst + 3 * ns] = b1i + sg * b3r;
        } else if (r === 2) {
          const a0r = xr[src], a0i = xi[src];
          let a1r = xr[src + m], a1i = xi[src + m];
          if (k !== 0) {
            const c = cos[k], s = sg * sin[k];
            const t = a1r * c - a1i * s; a1i = a1r * s + a1i * c; a1r = t;
          }
          yr[dst] = a0r + a1r; yi[dst] = a0i + a1i;
          yr[dst + ns] = a0r - a1r; yi[dst + ns] = a0i - a1i;
        } else if (r === 3) {
          const a0r = xr[src], a0i = xi[src];
          let a1r = xr[src + m], a1i = xi[src + m], a2r = xr[src + 2 * m], a2i = xi[src + 2 * m];
          if (k !== 0) {
            let c = cos[k], s = sg * sin[k];
            let t = a1r * c - a1i * s; a1i = a1r * s + a1i * c; a1r = t;
            c = cos[ns + k]; s = sg * sin[ns + k];
            t = a2r * c - a2i * s; a2i = a2r * s + a2i * c; a2r = t;
          }
          const sr = a1r + a2r, si = a1i + a2i, dr = a1r - a2r, di = a1i - a2i;
          const mr = a0r + C3 * sr, mi = a0i + C3 * si;
          const s3 = sg * S3; // forward: X1 = m − i·S3·d, X2 = m + i·S3·d
          yr[dst] = a0r + sr; yi[dst] = a0i + si;
          yr[dst + ns] = mr + s3 * di; yi[dst + ns] = mi - s3 * dr;
          yr[dst + 2 * ns] = mr - s3 * di; yi[dst + 2 * ns] = mi + s3 * dr;
        } else {
          const a0r = xr[src], a0i = xi[src];
          let a1r = xr[src + m], a1i = xi[src + m], a2r = xr[src + 2 * m], a2i = xi[src + 2 * m];
          let a3r = xr[src + 3 * m], a3i = xi[src + 3 * m], a4r = xr[src + 4 * m], a4i = xi[src + 4 * m];
          if (k !== 0) {
            let c = cos[k], s = sg * sin[k];
            let t = a1r * c - a1i * s; a1i = a1r * s + a1i * c; a1r = t;
            c = cos[ns + k]; s = sg * sin[ns + k];
            t = a2r * c - a2i * s; a2i = a2r * s + a2i * c; a2r = t;
            c = cos[2 * ns + k]; s = sg * sin[2 * ns + k];
            t = a3r * c - a3i * s; a3i = a3r * s + a3i * c; a3r = t;
            c = cos[3 * ns + k]; s = sg * sin[3 * ns + k];
            t = a4r * c - a4i * s; a4i = a4r * s + a4i * c; a4r = t;
          }
          const s1r = a1r + a4r, s1i = a1i + a4i, d1r = a1r - a4r, d1i = a1i - a4i;
          const s2r = a2r + a3r, s2i = a2i + a3i, d2r = a2r - a3r, d2i = a2i - a3i;
          const m1r = a0r + C5a * s1r + C5b * s2r, m1i = a0i + C5a * s1i + C5b * s2i;
          const m2r = a0r + C5b * s1r + C5a * s2r, m2i = a0i + C5b * s1i + C5a * s2i;
          const n1r = sg * (S5a * d1r + S5b * d2r), n1i = sg * (S5a * d1i + S5b * d2i);
          const n2r = sg * (S5b * d1r - S5a * d2r), n2i = sg * (S5b * d1i - S5a * d2i);
          yr[dst] = a0r + s1r + s2r; yi[dst] = a0i + s1i + s2i;
          yr[dst + ns] = m1r + n1i; yi[dst + ns] = m1i - n1r;
          yr[dst + 4 * ns] = m1r - n1i; yi[dst + 4 * ns] = m1i + n1r;
          yr[dst + 2 * ns] = m2r + n2i; yi[dst + 2 * ns] = m2i - n2r;
          yr[dst + 3 * ns] = m2r - n2i; yi[dst + 3 * ns] = m2i + n2r;
        }
      }
    }
  }
}

/**
 * In-place FFT of `lines` consecutive transforms of length n held in (re, im) (line b at offset b·n), using scratch
 * buffers of at least the same length. `inverse` flips the sign of the exponent (no normalisation).
 */
export function fftLines(re: Float64Array, im: Float64Array, n: number, lines: number, inverse: boolean, sre: Float64Array, sim: Float64Array): void {
  if (n <= 1) return;
  const sg = inverse ? -1 : 1;
  const len = n * lines;
  let xr = re.subarray(0, len), xi = im.subarray(0, len), yr = sre.subarray(0, len), yi = sim.subarray(0, len);
  for (const st of plan(n)) {
    stage(st, n, lines, xr, xi, yr, yi, sg);
    [xr, yr] = [yr, xr];
    [xi, yi] = [yi, xi];
  }
  if (xr.buffer !== re.buffer || xr.byteOffset !== re.byteOffset) {
    re.set(xr);
    im.set(xi);
  }
}

/** In-place 1D FFT of (re, im), any 2·3·5-smooth length; scratch buffers must hold at least re.length values. */
export function fft1d(re: Float64Array, im: Float64Array, inverse: boolean, sre: Float64Array, sim: Float64Array): void {
  fftLines(re, im, re.length, 1, inverse, sre, sim);
}

/**
 * One Stockham stage of a transform along an axis whose elements are contiguous vectors: element t of block b is the
 * vector of length `vec` at b·n·vec + t·vec, and the same butterfly is applied to every vector position (so all
 * memory access is sequential). x → y.
 */
function vectorStage(st: Stage, n: number, vec: number, blocks: number, xr: Float64Array, xi: Float64Array, yr: Float64Array, yi: Float64Array, sg: number): void {
  const { r, ns, cos, sin } = st;
  const m = n / r;
  const mv = m * vec, nsv = ns * vec;
  for (let blk = 0, base = 0; blk < blocks; blk++, base += n * vec) {
    for (let k = 0; k < ns; k++) {
      const c1 = cos[k], s1 = sg * sin[k];
      const c2 = r > 2 ? cos[ns + k] : 0, s2 = r > 2 ? sg * sin[ns + k] : 0;
      const c3 = r > 3 ? cos[2 * ns + k] : 0, s3 = r > 3 ? sg * sin[2 * ns + k] : 0;
      const c4 = r > 4 ? cos[3 * ns + k] : 0, s4 = r > 4 ? sg * sin[3 * ns + k] : 0;
      for (let j = k; j < m; j += ns) {
        const src = base + j * vec;
        const dst = base + ((j - k) * r + k) * vec;
        if (r === 4) {
          for (let v = 0; v < vec; v++) {
            const p = src + v;
            const a0r = xr[p], a0i = xi[p];
            const u1r = xr[p + mv], u1i = xi[p + mv], u2r = xr[p + 2 * mv], u2i = xi[p + 2 * mv], u3r = xr[p + 3 * mv], u3i = xi[p + 3 * mv];
            const a1r = u1r * c1 - u1i * s1, a1i = u1r * s1 + u1i * c1;
            const a2r = u2r * c2 - u2i * s2, a2i = u2r * s2 + u2i * c2;
            const a3r = u3r * c3 - u3i * s3, a3i = u3r * s3 + u3i * c3;
            const b0r = a0r + a2r, b0i = a0i + a2i, b1r = a0r - a2r, b1i = a0i - a2i;
            const b2r = a1r + a3r, b2i = a1i + a3i, b3r = a1r - a3r, b3i = a1i - a3i;
            const q = dst + v;
            yr[q] = b0r + b2r; yi[q] = b0i + b2i;
            yr[q + 2 * nsv] = b0r - b2r; yi[q + 2 * nsv] = b0i - b2i;
            yr[q + nsv] = b1r + sg * b3i; yi[q + nsv] = b1i - sg * b3r;
            yr[q + 3 * nsv] = b1r - sg * b3i; yi[q + 3 * nsv] = b1i + sg * b3r;
          }
        } else if (r === 2) {
          for (let v = 0; v < vec; v++) {
            const p = src + v;
            const a0r = xr[p], a0i = xi[p];
            const ur = xr[p + mv], ui = xi[p + mv];
            const a1r = ur * c1 - ui * s1, a1i = ur * s1 + ui * c1;
            const q = dst + v;
            yr[q] = a0r + a1r; yi[q] = a0i + a1i;
            yr[q + nsv] = a0r - a1r; yi[q + nsv] = a0i - a1i;
          }
        } else if (r === 3) {
          const k3 = sg * S3;
          for (let v = 0; v < vec; v++) {
            const p = src + v;
            const a0r = xr[p], a0i = xi[p];
            const u1r = xr[p + mv], u1i = xi[p + mv], u2r = xr[p + 2 * mv], u2i = xi[p + 2 * mv];
            const a1r = u1r * c1 - u1i * s1, a1i = u1r * s1 + u1i * c1;
            const a2r = u2r * c2 - u2i * s2, a2i = u2r * s2 + u2i * c2;
            const sr = a1r + a2r, si = a1i + a2i, dr = a1r - a2r, di = a1i - a2i;
            const mr = a0r + C3 * sr, mi = a0i + C3 * si;
            const q = dst + v;
            yr[q] = a0r + sr; yi[q] = a0i + si;
            yr[q + nsv] = mr + k3 * di; yi[q + nsv] = mi - k3 * dr;
            yr[q + 2 * nsv] = mr - k3 * di; yi[q + 2 * nsv] = mi + k3 * dr;
          }
        } else {
          for (let v = 0; v < vec; v++) {
            const p = src + v;
            const a0r = xr[p], a0i = xi[p];
            const u1r = xr[p + mv], u1i = xi[p + mv], u2r = xr[p + 2 * mv], u2i = xi[p + 2 * mv];
            const u3r = xr[p + 3 * mv], u3i = xi[p + 3 * mv], u4r = xr[p + 4 * mv], u4i = xi[p + 4 * mv];
            const a1r = u1r * c1 - u1i * s1, a1i = u1r * s1 + u1i * c1;
            const a2r = u2r * c2 - u2i * s2, a2i = u2r * s2 + u2i * c2;
            const a3r = u3r * c3 - u3i * s3, a3i = u3r * s3 + u3i * c3;
            const a4r = u4r * c4 - u4i * s4, a4i = u4r * s4 + u4i * c4;
            const s1r = a1r + a4r, s1i = a1i + a4i, d1r = a1r - a4r, d1i = a1i - a4i;
            const s2r = a2r + a3r, s2i = a2i + a3i, d2r = a2r - a3r, d2i = a2i - a3i;
            const m1r = a0r + C5a * s1r + C5b * s2r, m1i = a0i + C5a * s1i + C5b * s2i;
            const m2r = a0r + C5b * s1r + C5a * s2r, m2i = a0i + C5b * s1i + C5a * s2i;
            const n1r = sg * (S5a * d1r + S5b * d2r), n1i = sg * (S5a * d1i + S5b * d2i);
            const n2r = sg * (S5b * d1r - S5a * d2r), n2i = sg * (S5b * d1i - S5a * d2i);
            const q = dst + v;
            yr[q] = a0r + s1r + s2r; yi[q] = a0i + s1i + s2i;
            yr[q + nsv] = m1r + n1i; yi[q + nsv] = m1i - n1r;
            yr[q + 4 * nsv] = m1r - n1i; yi[q + 4 * nsv] = m1i + n1r;
            yr[q + 2 * nsv] = m2r + n2i; yi[q + 2 * nsv] = m2i - n2r;
            yr[q + 3 * nsv] = m2r - n2i; yi[q + 3 * nsv] = m2i + n2r;
          }
        }
      }
    }
  }
}

/**
 * In-place FFT along an axis of `blocks` consecutive blocks, each holding n elements that are contiguous vectors of
 * length `vec` (see {@link vectorStage}); scratch buffers must hold blocks·n·vec values.
 */
function fftVectors(re: Float64Array, im: Float64Array, n: number, vec: number, blocks: number, inverse: boolean, sre: Float64Array, sim: Float64Array): void {
  if (n <= 1) return;
  const len = n * vec * blocks;
  let xr = re.subarray(0, len), xi = im.subarray(0, len), yr = sre.subarray(0, len), yi = sim.subarray(0, len);
  for (const st of plan(n)) {
    vectorStage(st, n, vec, blocks, xr, xi, yr, yi, inverse ? -1 : 1);
    [xr, yr] = [yr, xr];
    [xi, yi] = [yi, xi];
  }
  if (xr.buffer !== re.buffer || xr.byteOffset !== re.byteOffset) {
    re.set(xr);
    im.set(xi);
  }
}

/**
 * In-place 3D FFT of (re, im) on an x-fastest grid of `size` (2·3·5-smooth lengths), one axis at a time (x along
 * rows; y and z as vectorised transforms over contiguous rows/planes, so every pass reads memory sequentially).
 *
 * `active` (default: the whole grid) is the box [0, a_x)×[0, a_y)×[0, a_z) that matters: for a forward transform
 * the input must be zero outside it, and lines that are still all zero are skipped; for an inverse transform only
 * outputs inside it are produced correctly (lines leading only to outside outputs are skipped).
 */
export function fft3d(re: Float64Array, im: Float64Array, size: readonly [number, number, number], inverse: boolean, active?: readonly [number, number, number]): void {
  const [nx, ny, nz] = size;
  const [, ay, az] = active ?? size;
  const sr = new Float64Array(re.length), si = new Float64Array(re.length);
  const passX = () => {
    for (let k = 0; k < az; k++) {
      const start = nx * ny * k;
      fftLines(re.subarray(start, start + nx * ay), im.subarray(start, start + nx * ay), nx, ay, inverse, sr, si);
    }
  };
  const passY = () => fftVectors(re, im, ny, nx, az, inverse, sr, si);
  const passZ = () => fftVectors(re, im, nz, nx * ny, 1, inverse, sr, si);
  if (!inverse) {
    passX(); // only rows holding data
    passY(); // only planes holding data
    passZ();
  } else {
    passZ();
    passY(); // only planes whose outputs are needed
    passX(); // only rows whose outputs are needed
  }
}

/**
 * In-place 3D DFT of a real array that is even along every axis (v[i] = v[(N − i) mod N] per axis), such as a
 * radial convolution kernel. Its DFT is real and even too, so the imaginary part stays zero and is dropped; the
 * transform runs on half the grid per pass by pairing lines (one as the real, one as the imaginary part), so its
 * cost is about half that of {@link fft3d}.
 */
export function fft3dRealEven(re: Float64Array, size: readonly [number, number, number]): void {
  const [nx, ny, nz] = size;
  // Pair rows/planes: the second half of the lines goes into the imaginary part of the first half.
  const pairPass = (n: number, vec: number, blocks: number, stride: number) => {
    // `blocks` independent lines groups of length n·vec at offsets b·stride; pair block b with block b + half
    const half = Math.ceil(blocks / 2);
    const len = n * vec;
    const ar = new Float64Array(len * half), ai = new Float64Array(len * half);
    const sr = new Float64Array(len * half), si = new Float64Array(len * half);
    for (let b = 0; b < half; b++) {
      ar.set(re.subarray(b * stride, b * stride + len), b * len);
      if (b + half < blocks) ai.set(re.subarray((b + half) * stride, (b + half) * stride + len), b * len);
    }
    if (vec === 1) fftLines(ar, ai, n, half, false, sr, si);
    else fftVectors(ar, ai, n, vec, half, false, sr, si);
    for (let b = 0; b < half; b++) {
      re.set(ar.subarray(b * len, (b + 1) * len), b * stride);
      if (b + half < blocks) re.set(ai.subarray(b * len, (b + 1) * len), (b + half) * stride);
    }
  };
  pairPass(nx, 1, ny * nz, nx); // x rows
  pairPass(ny, nx, nz, nx * ny); // y, per plane
  // z: pair the two halves of every plane (x-range split) by treating the columns as vectors of length nx·ny/2
  if (nz > 1) {
    const plane = nx * ny;
    const h = Math.ceil(plane / 2);
    const ar = new Float64Array(h * nz), ai = new Float64Array(h * nz), sr = new Float64Array(h * nz), si = new Float64Array(h * nz);
    for (let k = 0; k < nz; k++) {
      ar.set(re.subarray(k * plane, k * plane + h), k * h);
      ai.set(re.subarray(k * plane + h, (k + 1) * plane), k * h);
    }
    fftVectors(ar, ai, nz, h, 1, false, sr, si);
    for (let k = 0; k < nz; k++) {
      re.set(ar.subarray(k * h, (k + 1) * h), k * plane);
      re.set(ai.subarray(k * h, k * h + (plane - h)), k * plane + h);
    }
  }
}
