/**
 * R's `approx(x, y, xout, method = "linear", rule = 1, ties = mean)`: linear interpolation with NaN
 * (R's NA) outside [min x, max x]; tied x values are collapsed to the mean of their y values first
 * (R's `regularize.values`). The interpolation formula is R's: y_i + (y_j - y_i)·((v - x_i)/(x_j - x_i)).
 */
export function approxLinear(x: ArrayLike<number>, y: ArrayLike<number>, xout: ArrayLike<number>): Float64Array {
  if (x.length !== y.length) throw new RangeError(`approx: x and y lengths differ (${x.length} vs ${y.length})`);
  const order = Array.from({ length: x.length }, (_, i) => i).filter((i) => !Number.isNaN(x[i]) && !Number.isNaN(y[i]));
  order.sort((a, b) => x[a] - x[b]);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < order.length;) {
    let m = k;
    let s = 0;
    while (m < order.length && x[order[m]] === x[order[k]]) { s += y[order[m]]; m++; }
    xs.push(x[order[k]]);
    ys.push(s / (m - k));
    k = m;
  }
  const n = xs.length;
  const out = new Float64Array(xout.length);
  for (let q = 0; q < xout.length; q++) {
    const v = xout[q];
    if (n === 0 || Number.isNaN(v) || v < xs[0] || v > xs[n - 1]) { out[q] = NaN; continue; }
    let i = 0;
    let j = n - 1;
    while (i < j - 1) {
      const ij = (i + j) >> 1;
      if (v < xs[ij]) j = ij; else i = ij;
    }
    if (v === xs[j]) out[q] = ys[j];
    else if (v === xs[i]) out[q] = ys[i];
    else out[q] = ys[i] + (ys[j] - ys[i]) * ((v - xs[i]) / (xs[j] - xs[i]));
  }
  return out;
}
