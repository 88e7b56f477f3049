/**
 * The samples of one thin sub-slice (a plane of points at the image's in-plane pixel centres): a tissue
 * code, a noise-free HU value, the fraction of hematoma blood, and the radial depth under the brain
 * surface (mm, negative outside the brain). Filled by the base pass, then painted over.
 */
export interface SampleBuffers {
  readonly n: number;
  readonly label: Uint8Array;
  readonly hu: Float32Array;
  readonly blood: Float32Array;
  readonly depth: Float32Array;
}

/** Allocates sample buffers for `n` in-plane points. */
export function allocateSamples(n: number): SampleBuffers {
  return { n, label: new Uint8Array(n), hu: new Float32Array(n), blood: new Float32Array(n), depth: new Float32Array(n) };
}
