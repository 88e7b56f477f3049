/**
 * Intensity rounding (IBSI 1 §2.4: after interpolation, CT intensities are rounded to the nearest integer).
 * Ties are rounded to even, as `numpy.round` does (the reference implementations are numpy based).
 * Returns a new array; the input is not modified.
 */
export function roundIntensities(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = roundHalfEven(values[i]);
  return out;
}

/** Rounds to the nearest integer, ties to even (banker's rounding). NaN stays NaN. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round rounds ties up; move ties with an odd result down to the even neighbour
  if (Math.abs(x % 1) === 0.5 && r % 2 !== 0) return r - 1;
  return r;
}
