/**
 * Formatting of diagnostics values the way PyRadiomics writes them (Python `repr` of floats, ints and tuples), so
 * that our `diagnostics_*` columns read like PyRadiomics' (`(0.78125, 0.78125, 6.5)`, `0.0`, `1e-05`).
 */

/** Python's `repr(float(x))`. */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const ax = Math.abs(x);
  if (ax >= 1e16 || ax < 1e-4) {
    const [m, e] = x.toExponential().split('e');
    const exp = Number(e);
    const sign = exp < 0 ? '-' : '+';
    return `${m}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const s = String(x);
  return Number.isInteger(x) ? `${s}.0` : s;
}

/** Python's repr of an int. */
export function pyInt(x: number): string {
  return String(Math.trunc(x));
}

/** Python's repr of a tuple of floats. */
export function pyFloatTuple(xs: readonly number[]): string {
  return `(${xs.map(pyFloat).join(', ')})`;
}

/** Python's repr of a tuple of ints. */
export function pyIntTuple(xs: readonly number[]): string {
  return `(${xs.map(pyInt).join(', ')})`;
}
