/**
 * Elements per call of the "block kernels" of the feature code. A hot loop over voxels is written as a small function
 * over typed arrays that processes `[from, to)` and is called once per block of this many elements (sums and other
 * running values are carried between calls in a small Float64Array, so the arithmetic and its order are those of a
 * single loop).
 *
 * Why: dlrn mostly runs as a one-shot command, so most of its code runs cold. V8 starts every function in its
 * interpreter (which allocates a heap number for every intermediate double) and compiles the hot ones in the
 * background. A long loop in a function called once keeps running interpreted until V8 replaces it on the stack
 * (on-stack replacement), and is compiled again, often several times, when the code after the loop or a rarely
 * taken branch runs for the first time. A small function called per block is instead compiled once, early, as a
 * whole, with complete type feedback. Blocks are short enough that the first calls finish before an on-stack
 * replacement would start, and long enough that the call overhead does not count.
 */
export const KERNEL_BLOCK = 2048;
