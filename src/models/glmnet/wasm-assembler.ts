// The WebAssembly writer moved to src/core (it is shared by the glmnet kernels and the volume statistics).
export * from '../../core/wasm-assembler.js';
