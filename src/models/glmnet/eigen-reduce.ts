/**
 * Sums and dot products in the summation order of Eigen 3.3's vectorised reduction for doubles with
 * SSE2 packets (two lanes, two packet accumulators, then the pair, then the scalar tail): element i
 * goes to accumulator i mod 4 while four elements remain, the four are combined as
 * (a0 + a2) + (a1 + a3) (plus one more packet when 2 or 3 elements remain), then the last odd element.
 *
 * glmnet 4.1's binomial solver (the glmnetpp C++ port of lognet2n, compiled with Eigen) reduces in
 * this order, so using it here lets dlrn follow glmnet's iterates to the last bit in most steps
 * (glibc's and V8's exp/log can still differ in the last ulp). Floating-point summation order is a
 * fact about the reference; the code is written here from that description.
 */

/** Σ a[ao + i] · b[bo + i], i = 0..n-1, in Eigen's order. Returns 0 for n = 0. */
export function eigenDot(a: Float64Array, ao: number, b: Float64Array, bo: number, n: number): number {
  const n2 = n - (n % 2);
  if (n2 === 0) return n === 1 ? a[ao] * b[bo] : 0;
  let s0 = a[ao] * b[bo];
  let s1 = a[ao + 1] * b[bo + 1];
  if (n2 > 2) {
    const n4 = n - (n % 4);
    let s2 = a[ao + 2] * b[bo + 2];
    let s3 = a[ao + 3] * b[bo + 3];
    for (let i = 4; i < n4; i += 4) {
      s0 += a[ao + i] * b[bo + i];
      s1 += a[ao + i + 1] * b[bo + i + 1];
      s2 += a[ao + i + 2] * b[bo + i + 2];
      s3 += a[ao + i + 3] * b[bo + i + 3];
    }
    s0 += s2;
    s1 += s3;
    if (n2 > n4) {
      s0 += a[ao + n4] * b[bo + n4];
      s1 += a[ao + n4 + 1] * b[bo + n4 + 1];
    }
  }
  let res = s0 + s1;
  if (n2 < n) res += a[ao + n2] * b[bo + n2];
  return res;
}

/** Σ w[i] · x[xo + i]², i = 0..n-1, in Eigen's order (glmnet's weighted column variance `w.dot(x²)`). */
export function eigenDotSquare(w: Float64Array, x: Float64Array, xo: number, n: number): number {
  const n2 = n - (n % 2);
  if (n2 === 0) return n === 1 ? w[0] * (x[xo] * x[xo]) : 0;
  let s0 = w[0] * (x[xo] * x[xo]);
  let s1 = w[1] * (x[xo + 1] * x[xo + 1]);
  if (n2 > 2) {
    const n4 = n - (n % 4);
    let s2 = w[2] * (x[xo + 2] * x[xo + 2]);
    let s3 = w[3] * (x[xo + 3] * x[xo + 3]);
    for (let i = 4; i < n4; i += 4) {
      const x0 = x[xo + i], x1 = x[xo + i + 1], x2 = x[xo + i + 2], x3 = x[xo + i + 3];
      s0 += w[i] * (x0 * x0);
      s1 += w[i + 1] * (x1 * x1);
      s2 += w[i + 2] * (x2 * x2);
      s3 += w[i + 3] * (x3 * x3);
    }
    s0 += s2;
    s1 += s3;
    if (n2 > n4) {
      const x0 = x[xo + n4], x1 = x[xo + n4 + 1];
      s0 += w[n4] * (x0 * x0);
      s1 += w[n4 + 1] * (x1 * x1);
    }
  }
  let res = s0 + s1;
  if (n2 < n) res += w[n2] * (x[xo + n2] * x[xo + n2]);
  return res;
}

/** Σ a[i], i = 0..n-1, in Eigen's order. Returns 0 for n = 0. */
export function eigenSum(a: Float64Array, n: number = a.length): number {
  const n2 = n - (n % 2);
  if (n2 === 0) return n === 1 ? a[0] : 0;
  let s0 = a[0];
  let s1 = a[1];
  if (n2 > 2) {
    const n4 = n - (n % 4);
    let s2 = a[2];
    let s3 = a[3];
    for (let i = 4; i < n4; i += 4) {
      s0 += a[i];
      s1 += a[i + 1];
      s2 += a[i + 2];
      s3 += a[i + 3];
    }
    s0 += s2;
    s1 += s3;
    if (n2 > n4) {
      s0 += a[n4];
      s1 += a[n4 + 1];
    }
  }
  let res = s0 + s1;
  if (n2 < n) res += a[n2];
  return res;
}
